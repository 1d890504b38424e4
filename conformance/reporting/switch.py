"""The switchability view: who can replace whom, and what blocks each switch.

With a profile, B can replace A if B meets the profile; vendors that all meet it are interchangeable for it. Without
a profile, B can replace A if B passes every requirement A passes (the rule is printed in every report).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from conformance.core.outcomes import Outcome
from conformance.reporting.matrix import Matrix, ReqOutcome, Row
from conformance.reporting.verdict import BY_OUTCOME, Missing, VendorVerdict, VerdictState


@dataclass(frozen=True)
class Pair:
    """Whether vendor ``replacement`` (B) can take the place of vendor ``current`` (A), and what blocks it."""

    current: str
    replacement: str
    blockers: tuple[Missing, ...]
    compared: int | None = None

    @property
    def ok(self) -> bool:
        """True if nothing blocks the switch."""
        return not self.blockers


@dataclass(frozen=True)
class Switchability:
    """Every ordered pair of vendors, and the groups of vendors interchangeable with each other."""

    with_profile: bool
    pairs: tuple[Pair, ...]
    groups: tuple[tuple[str, ...], ...]

    def pair(self, current: str, replacement: str) -> Pair:
        """The pair A → B."""
        return self._index[(current, replacement)]

    @functools.cached_property
    def _index(self) -> dict[tuple[str, str], Pair]:
        return {(p.current, p.replacement): p for p in self.pairs}


def switchability(matrix: Matrix, verdicts: tuple[VendorVerdict, ...], with_profile: bool) -> Switchability:
    """Build the view from the matrix and the vendor verdicts."""
    if with_profile:
        return _by_profile(matrix, {v.vendor: v for v in verdicts})
    return _by_passes(matrix)


def _by_profile(matrix: Matrix, verdicts: dict[str, VendorVerdict]) -> Switchability:
    ids = [row.id for row in matrix.rows]
    pairs = tuple(Pair(a, b, _profile_blockers(verdicts[b])) for a in ids for b in ids if a != b)
    meeting = tuple(i for i in ids if verdicts[i].state is VerdictState.MEETS)
    return Switchability(True, pairs, (meeting,) if len(meeting) > 1 else ())


def _profile_blockers(verdict: VendorVerdict) -> tuple[Missing, ...]:
    if verdict.state is VerdictState.MEETS:
        return ()
    return verdict.missing or (Missing("incomplete", ""),)


def _by_passes(matrix: Matrix) -> Switchability:
    outcomes = {row.id: _outcomes(row) for row in matrix.rows}
    passes = {v: frozenset(k for k, o in found.items() if o.outcome is Outcome.PASS) for v, found in outcomes.items()}
    ids = list(outcomes)
    pairs = tuple(
        Pair(a, b, tuple(_plain_blocker(outcomes[a][k], outcomes[b].get(k)) for k in sorted(passes[a] - passes[b])),
             len(passes[a]))
        for a in ids for b in ids if a != b
    )
    groups: dict[frozenset[tuple[str, str]], list[str]] = {}
    for vendor in ids:
        if passes[vendor]:
            groups.setdefault(passes[vendor], []).append(vendor)
    return Switchability(False, pairs, tuple(tuple(g) for g in groups.values() if len(g) > 1))


def _outcomes(row: Row) -> dict[tuple[str, str], ReqOutcome]:
    return {(r.first.standard, r.requirement): r for cell in row.cells.values() for r in cell.requirements}


def _plain_blocker(theirs: ReqOutcome, ours: ReqOutcome | None) -> Missing:
    kind = "no-result" if ours is None else BY_OUTCOME.get(ours.outcome, ours.outcome.value)
    reason = "" if ours is None else ours.first.reason
    return Missing(kind, theirs.first.standard, theirs.first.cls, theirs.requirement, theirs.obligation, reason)
