"""The matrix model: rows are vendor products, columns are standards opened into conformance classes.

A vendor may offer several targets for one standard (two APIs, two export folders): each target is a *lane* with
its own cells, never merged with the others. Each cell counts requirements (not tests) of one target per
obligation and outcome; its state (colour) follows from the counts alone, so a lane's cell for a whole standard is
the sum of its class cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from conformance.core.messages import Message
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.results import Result, ResultsFile
from conformance.reporting.header import Column, columns, target_labels, vendors

OBLIGATIONS = tuple(Obligation)
JUDGED = (Outcome.PASS, Outcome.FAIL, Outcome.ERROR, Outcome.WAIVED)
WORST_FIRST = (
    Outcome.FAIL,
    Outcome.ERROR,
    Outcome.WAIVED,
    Outcome.SKIP,
    Outcome.NOT_VERIFIED,
    Outcome.PASS,
    Outcome.NOT_APPLICABLE,
)


class State(StrEnum):
    """The colour of a cell: green, red, amber or grey."""

    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    NONE = "none"


@dataclass(frozen=True)
class Counts:
    """How many requirements of a cell ended in each outcome, per obligation."""

    values: Mapping[tuple[Obligation, Outcome], int] = field(default_factory=dict)

    @classmethod
    def of(cls, pairs: Iterable[tuple[Obligation, Outcome]]) -> Counts:
        """Count (obligation, outcome) pairs."""
        return cls(dict(Counter(pairs)))

    def get(self, obligation: Obligation, outcome: Outcome) -> int:
        """The count for one obligation and outcome."""
        return self.values.get((obligation, outcome), 0)

    def __add__(self, other: Counts) -> Counts:
        return Counts(dict(Counter(self.values) + Counter(other.values)))

    def passed(self, obligation: Obligation) -> int:
        """Requirements of this obligation that passed (the numerator)."""
        return self.get(obligation, Outcome.PASS)

    def judged(self, obligation: Obligation) -> int:
        """Requirements of this obligation that were judged: pass + fail + error + waived (the denominator)."""
        return sum(self.get(obligation, o) for o in JUDGED)

    def outcome(self, outcome: Outcome) -> int:
        """Requirements with this outcome, over every obligation."""
        return sum(self.get(o, outcome) for o in OBLIGATIONS)

    @property
    def total(self) -> int:
        """Every requirement counted."""
        return sum(self.values.values())

    @property
    def state(self) -> State:
        """Red: a MUSS failed. Amber: errors, waivers, skips or SOLL/KANN fails. Green: passes. Grey: nothing."""
        if self.get(Obligation.MUSS, Outcome.FAIL):
            return State.FAIL
        if any(
            self.outcome(o) for o in (Outcome.ERROR, Outcome.WAIVED, Outcome.SKIP, Outcome.NOT_VERIFIED, Outcome.FAIL)
        ):
            return State.WARN
        return State.PASS if self.outcome(Outcome.PASS) else State.NONE


@dataclass(frozen=True)
class ReqOutcome:
    """One requirement for one vendor: the worst outcome over its results (targets, tests) and the results."""

    requirement: str
    obligation: Obligation
    outcome: Outcome
    results: tuple[Result, ...]

    @property
    def first(self) -> Result:
        """The result that decided the outcome (the worst one)."""
        return next(r for r in self.results if r.outcome is self.outcome)

    @property
    def profile_obligation(self) -> Obligation | None:
        """MUSS/SOLL if the profile names the requirement's class."""
        return self.first.profile_obligation

    @property
    def in_profile(self) -> Obligation | None:
        """What the requirement weighs in the profile: its class's obligation there, or its own where that is
        weaker (a SOLL recommendation of a class the profile requires stays SOLL, as the verdict counts it)."""
        given = self.profile_obligation
        return None if given is None else max(given, self.obligation, key=OBLIGATIONS.index)


def worst(outcomes: Iterable[Outcome]) -> Outcome:
    """The worst of several outcomes: fail, error, waived, skip, pass, not applicable."""
    found = set(outcomes)
    return next(o for o in WORST_FIRST if o in found)


def requirement_outcomes(results: Iterable[Result]) -> tuple[ReqOutcome, ...]:
    """Group results by requirement; each requirement gets its worst outcome; the worst come first, MUSS first."""
    groups: dict[str, list[Result]] = {}
    for result in sorted(results, key=_order):
        groups.setdefault(result.requirement, []).append(result)
    found = (
        ReqOutcome(uri, group[0].obligation, worst(r.outcome for r in group), tuple(group))
        for uri, group in groups.items()
    )
    return tuple(sorted(found, key=lambda r: (WORST_FIRST.index(r.outcome), _rank(r.obligation), r.requirement)))


def _rank(obligation: Obligation) -> int:
    return OBLIGATIONS.index(obligation)


def _order(result: Result) -> tuple[str, str, str]:
    return result.requirement, result.target, result.test_id


@dataclass(frozen=True)
class Cell:
    """One vendor × conformance class: the requirement outcomes and their counts."""

    requirements: tuple[ReqOutcome, ...] = ()

    @property
    def counts(self) -> Counts:
        """Requirement counts per obligation and outcome."""
        return Counts.of((r.obligation, r.outcome) for r in self.requirements)

    @property
    def state(self) -> State:
        """The colour of the cell."""
        return self.counts.state

    @property
    def notes(self) -> tuple[Message, ...]:
        """Sampling notes of the results in this cell."""
        return tuple(dict.fromkeys(n for r in self.requirements for res in r.results for n in res.notes))


@dataclass(frozen=True)
class Lane:
    """One target of a vendor for one standard (its label, URL or paths, as the results name it)."""

    standard: str
    target: str


@dataclass(frozen=True)
class Row:
    """A vendor product, its lanes in column order and its cells, keyed by (standard, class URI, target)."""

    vendor: Mapping[str, Any]
    cells: Mapping[tuple[str, str, str], Cell]
    lanes: tuple[Lane, ...] = ()

    @property
    def id(self) -> str:
        """The vendor id."""
        return str(self.vendor["id"])

    def lanes_of(self, standard: str) -> tuple[Lane, ...]:
        """The vendor's lanes (targets) for one standard."""
        return tuple(lane for lane in self.lanes if lane.standard == standard)

    def several(self, standard: str) -> bool:
        """True if the vendor has more than one target for the standard (so targets are named in reports)."""
        return len(self.lanes_of(standard)) > 1

    def cell(self, column: Column, target: str) -> Cell:
        """The cell of a class column for one target (empty if nothing ran)."""
        return self.cells.get((column.standard, column.uri, target), Cell())

    def lane_counts(self, lane: Lane) -> Counts:
        """The counts of every class of one lane, summed."""
        return sum(
            (c.counts for (s, _, t), c in self.cells.items() if (s, t) == (lane.standard, lane.target)), Counts()
        )

    def outcomes(self) -> Iterable[ReqOutcome]:
        """Every requirement outcome of every lane."""
        return (r for cell in self.cells.values() for r in cell.requirements)


@dataclass(frozen=True)
class Matrix:
    """Rows × columns, plus the standards in column order."""

    rows: tuple[Row, ...]
    columns: tuple[Column, ...]

    @property
    def standards(self) -> tuple[str, ...]:
        """Standard ids in column order."""
        return tuple(dict.fromkeys(c.standard for c in self.columns))

    def columns_of(self, standard: str) -> tuple[Column, ...]:
        """The class columns of one standard."""
        return tuple(c for c in self.columns if c.standard == standard)


def build_matrix(run: ResultsFile) -> Matrix:
    """Aggregate a run into the matrix model."""
    by_vendor: dict[str, dict[tuple[str, str, str], list[Result]]] = {}
    for result in run.results:
        key = (result.standard, result.cls, result.target)
        by_vendor.setdefault(result.vendor, {}).setdefault(key, []).append(result)
    found = columns(run)
    standards = tuple(dict.fromkeys(c.standard for c in found))
    return Matrix(tuple(_row(v, by_vendor.get(str(v["id"]), {}), standards) for v in vendors(run)), found)


def _row(
    vendor: Mapping[str, Any], found: Mapping[tuple[str, str, str], list[Result]], standards: tuple[str, ...]
) -> Row:
    cells = {key: Cell(requirement_outcomes(results)) for key, results in found.items()}
    lanes = []
    for standard in standards:
        listed = target_labels(vendor, standard)
        extra = sorted({t for s, _, t in found if s == standard} - set(listed))
        lanes += [Lane(standard, target) for target in (*listed, *extra)]
    return Row(vendor, cells, tuple(lanes))
