"""The switchability view: who can replace whom, and what blocks each switch.

With a profile, B can replace A if B meets the profile (on every one of its targets); vendors that all meet it are
interchangeable for it. Without a profile, B can replace A if each target of A (per standard) is *covered* by a
target of B: one that passes every requirement the target of A passes. With one target per standard this is "B
passes every requirement A passes". Covering is transitive, so vendors that cover each other form groups of
interchangeable vendors. The rules are printed in every report.
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


Offer = dict[str, dict[str, dict[str, ReqOutcome]]]


def _by_passes(matrix: Matrix) -> Switchability:
    offers = {row.id: _offer(row) for row in matrix.rows}
    ids = list(offers)
    pairs = tuple(Pair(a, b, _blockers(offers[a], offers[b]), _passed(offers[a])) for a in ids for b in ids if a != b)
    index = {(p.current, p.replacement): p.ok for p in pairs}
    groups: list[list[str]] = []
    for vendor in (v for v in ids if _passed(offers[v])):
        group = next((g for g in groups if index[(g[0], vendor)] and index[(vendor, g[0])]), None)
        if group is None:
            groups.append([vendor])
        else:
            group.append(vendor)
    return Switchability(False, pairs, tuple(tuple(g) for g in groups if len(g) > 1))


def _offer(row: Row) -> Offer:
    """Per standard and target: each requirement's outcome."""
    found: Offer = {}
    for outcome in row.outcomes():
        first = outcome.first
        found.setdefault(first.standard, {}).setdefault(first.target, {})[outcome.requirement] = outcome
    return found


def _passes(outcomes: dict[str, ReqOutcome]) -> set[str]:
    return {k for k, o in outcomes.items() if o.outcome is Outcome.PASS}


def _passed(offer: Offer) -> int:
    return sum(len(_passes(outcomes)) for targets in offer.values() for outcomes in targets.values())


def _blockers(current: Offer, replacement: Offer) -> tuple[Missing, ...]:
    """For each target of A, what the closest target of B (the one missing least) does not pass."""
    found: list[Missing] = []
    for standard, targets in current.items():
        for outcomes in targets.values():
            found += _cover(outcomes, replacement.get(standard, {}))
    return tuple(dict.fromkeys(found))


def _cover(outcomes: dict[str, ReqOutcome], options: dict[str, dict[str, ReqOutcome]]) -> list[Missing]:
    wanted = sorted(_passes(outcomes))
    if not options:
        return [_blocker(outcomes[k], None, "") for k in wanted]
    gaps = []
    for target, offered in options.items():
        have = _passes(offered)
        gaps.append([_blocker(outcomes[k], offered.get(k), target) for k in wanted if k not in have])
    return min(gaps, key=len)


def _blocker(theirs: ReqOutcome, ours: ReqOutcome | None, target: str) -> Missing:
    kind = "no-result" if ours is None else BY_OUTCOME.get(ours.outcome, ours.outcome.value)
    reason = None if ours is None else ours.first.reason
    first = theirs.first
    return Missing(kind, first.standard, first.cls, theirs.requirement, theirs.obligation, reason, target)
