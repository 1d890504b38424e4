"""The verdict per vendor and the CLI exit code, derived from the results alone.

With a profile a vendor *meets* it when every SHALL (MUSS) requirement of every class the profile marks MUSS
passed (or was waived, or does not apply); SHOULD/MAY requirements of those classes, and classes the profile marks
SOLL, are listed as recommendations. A fail, a class required but not claimed, or a required standard without a
target means it *fails*; errors, skips, untested classes or an incomplete run leave it *undecided*. Without a
profile a vendor fails when anything failed and is undecided on errors.

A check that found nothing to judge (not applicable with nothing examined, not for an unclaimed class, or *not
verified*) leaves its requirement *unexamined*: no verdict was reached on it, so the vendor is undecided, never
meets it.

A vendor with several targets for one standard (e.g. two APIs) is judged on each of them: it meets the profile
only if every one of its targets does. Claims are read per target, and each finding names its target.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from conformance.core.exitcodes import EXIT_ERROR, EXIT_FAIL, EXIT_OK, EXIT_USAGE  # noqa: F401  (also re-exported here)
from conformance.core.messages import Message
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.profile import ProfileItem
from conformance.core.results import Result, ResultsFile
from conformance.reporting import header as hdr
from conformance.reporting.matrix import Matrix, ReqOutcome, Row, build_matrix

FAILING = frozenset({"failed", "not-claimed", "no-target"})
BY_OUTCOME = {Outcome.FAIL: "failed", Outcome.ERROR: "error", Outcome.SKIP: "skip"}
KIND_ORDER = ("failed", "error", "unexamined", "skip")
UNEXAMINED = "unexamined"


class VerdictState(StrEnum):
    """Whether a vendor meets the profile (or, without one, whether nothing failed)."""

    MEETS = "meets"
    FAILS = "fails"
    UNDECIDED = "undecided"


@dataclass(frozen=True)
class Missing:
    """One thing that keeps a vendor from meeting the profile (or, without a profile, one failure)."""

    kind: str
    standard: str
    cls: str = ""
    requirement: str = ""
    obligation: Obligation | None = None
    reason: Message | None = None
    target: str = ""

    def to_json(self, render: Any = None) -> dict[str, Any]:
        """A plain dict for the JSON matrix; the reason as ``render(reason)`` gives it (its English text without)."""
        data = {k: v for k, v in self.__dict__.items() if v and k != "reason"}
        if self.reason is not None:
            data["reason"] = render(self.reason) if render else self.reason.text
        return data


@dataclass(frozen=True)
class VendorVerdict:
    """The verdict for one vendor: its state, what is missing, SOLL shortfalls and waived requirements."""

    vendor: str
    state: VerdictState
    missing: tuple[Missing, ...] = ()
    recommended: tuple[Missing, ...] = ()
    waived: tuple[str, ...] = ()


def vendor_verdicts(run: ResultsFile, matrix: Matrix | None = None) -> tuple[VendorVerdict, ...]:
    """The verdict of every vendor row."""
    matrix = matrix or build_matrix(run)
    return tuple(_verdict(run, row) for row in matrix.rows)


def _verdict(run: ResultsFile, row: Row) -> VendorVerdict:
    outcomes = list(row.outcomes())
    waived = tuple(dict.fromkeys(r.requirement for r in outcomes if r.outcome is Outcome.WAIVED))
    if run.header.profile is None:
        missing = _sorted(
            _missing(r) for r in outcomes if r.outcome in (Outcome.FAIL, Outcome.ERROR) or unexamined(r.first)
        )
        return VendorVerdict(row.id, _state(missing, run.complete), missing, (), waived)
    structural = _structural(run, row, Obligation.MUSS)
    unclaimed = {(m.standard, m.cls, m.target) for m in structural if m.kind == "not-claimed"}
    short = [
        r
        for r in outcomes
        if r.profile_obligation
        and (r.outcome in BY_OUTCOME or unexamined(r.first))
        and not _unclaimed_fail(r, unclaimed)
    ]
    missing = structural + _sorted(_missing(r) for r in short if required(r))
    recommended = _structural(run, row, Obligation.SOLL) + _sorted(_missing(r) for r in short if not required(r))
    return VendorVerdict(row.id, _state(missing, run.complete), missing, recommended, waived)


def required(outcome: ReqOutcome) -> bool:
    """A SHALL requirement of a class the profile requires; SHOULD/MAY requirements there are recommendations."""
    return outcome.profile_obligation is Obligation.MUSS and outcome.obligation is Obligation.MUSS


def _sorted(found: Iterable[Missing]) -> tuple[Missing, ...]:
    return tuple(sorted(found, key=lambda m: (KIND_ORDER.index(m.kind), m.standard, m.cls, m.requirement, m.target)))


def _state(missing: tuple[Missing, ...], complete: bool) -> VerdictState:
    if any(m.kind in FAILING for m in missing):
        return VerdictState.FAILS
    if missing or not complete:
        return VerdictState.UNDECIDED
    return VerdictState.MEETS


def unexamined(result: Result) -> bool:
    """Not applicable because the check found nothing to judge (it names what it looked for, counted zero), or
    not verified: the requirement applies but nothing the target showed could test it."""
    return result.outcome is Outcome.NOT_VERIFIED or result.unexamined


def _missing(outcome: ReqOutcome) -> Missing:
    first: Result = outcome.first
    kind = UNEXAMINED if unexamined(first) else BY_OUTCOME.get(outcome.outcome, outcome.outcome.value)
    return Missing(kind, first.standard, first.cls, outcome.requirement, outcome.obligation, first.reason, first.target)


def _unclaimed_fail(outcome: ReqOutcome, unclaimed: set[tuple[str, str, str]]) -> bool:
    first = outcome.first
    return outcome.outcome is Outcome.FAIL and (first.standard, first.cls, first.target) in unclaimed


def _structural(run: ResultsFile, row: Row, obligation: Obligation) -> tuple[Missing, ...]:
    """What the results cannot show: required standards without targets, classes unclaimed or untested."""
    found: list[Missing] = []
    profile = run.header.profile
    for item in profile.items if profile else ():
        if item.obligation is obligation:
            found += _item_gaps(run, row, item)
    return tuple(dict.fromkeys(found))


def _item_gaps(run: ResultsFile, row: Row, item: ProfileItem) -> list[Missing]:
    standard = item.standard
    if not hdr.targets(row.vendor, standard):
        return [Missing("no-target", standard)]
    if hdr.standard_info(run, standard) is None and not any(key[0] == standard for key in row.cells):
        return [Missing("not-run", standard)]
    return [
        gap
        for target in hdr.target_labels(row.vendor, standard)
        for cls in hdr.required_classes(run, item)
        if (gap := _class_gap(run, row, standard, cls, target))
    ]


def _class_gap(run: ResultsFile, row: Row, standard: str, cls: str, target: str) -> Missing | None:
    """A required class the target does not claim, or (in a finished run) has no results for."""
    if hdr.claimed(row.vendor, standard, cls, target) is False:
        return Missing("not-claimed", standard, cls, target=target)
    if (standard, cls, target) not in row.cells and run.complete:
        return Missing("untested", standard, cls, target=target)
    return None


def exit_code(run: ResultsFile, verdicts: tuple[VendorVerdict, ...] | None = None) -> int:
    """0 every required requirement passed (no profile: nothing failed); 1 some failed; 3 no verdict reached."""
    verdicts = vendor_verdicts(run) if verdicts is None else verdicts
    states = {v.state for v in verdicts}
    if VerdictState.FAILS in states:
        return EXIT_FAIL
    if VerdictState.UNDECIDED in states or not run.complete:
        return EXIT_ERROR
    return EXIT_OK
