"""What the HTML templates show: rows with their lanes and cells, and each cell's requirements grouped for reading.

Uniform groups are collapsed: a class whose requirements are all not applicable, or all skipped or all ended in an
error for one cause (an unreachable target), is one line with the reason, the count and (on demand) the list of
its requirements. Passes and other not applicable requirements are one line each with their evidence on demand;
every fail, waiver and other error or skip keeps its full evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from conformance.core.outcomes import Obligation, Outcome
from conformance.reporting.grouping import plain
from conformance.reporting.header import Column, Name, vendor_name
from conformance.reporting.i18n import Labels, label
from conformance.reporting.matrix import OBLIGATIONS, Cell, Counts, Lane, ReqOutcome, Row, State
from conformance.reporting.model import Report
from conformance.reporting.text import SYMBOL, exact, headline, secondary, short_requirement, titled
from conformance.reporting.verdict import VendorVerdict

COMPACT = (Outcome.PASS, Outcome.NOT_APPLICABLE)
UNIFORM = frozenset({Outcome.SKIP}), frozenset({Outcome.ERROR})


@dataclass(frozen=True)
class CellView:
    """A cell (or a lane's total) as shown: colour, symbol, headline, small counts and every count exactly."""

    anchor: str
    column: Column | None
    cell: Cell
    state: str
    symbol: str
    headline: str
    secondary: str
    exact: str
    notes: int


@dataclass(frozen=True)
class LaneView:
    """One target of a vendor for one standard: its total and its class cells in column order."""

    anchor: str
    standard: str
    title: str
    target: str
    named: bool
    total: CellView
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class RowView:
    """A vendor row: product name, short unique label, verdict and lanes."""

    index: int
    id: str
    name: Name
    label: str
    verdict: VendorVerdict
    lanes: tuple[LaneView, ...]
    several: frozenset[str]

    def lanes_of(self, standard: str) -> tuple[LaneView, ...]:
        """The lanes of one standard."""
        return tuple(lane for lane in self.lanes if lane.standard == standard)


@dataclass(frozen=True)
class Group:
    """Requirements of a cell shown as one line: all not applicable, or all skipped for one reason."""

    outcome: str
    total: int
    reasons: tuple[tuple[str, int], ...]
    ids: tuple[tuple[Obligation, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Detail:
    """A cell's requirements for reading: a collapsed group, or full entries first, then compact lines."""

    group: Group | None
    full: tuple[ReqOutcome, ...]
    compact: tuple[ReqOutcome, ...]


def rows(report: Report, lang: str) -> tuple[RowView, ...]:
    """Every vendor row of the report."""
    return tuple(_row(report, i, row, report.labels[row.id], lang) for i, row in enumerate(report.matrix.rows))


def _row(report: Report, index: int, row: Row, label: str, lang: str) -> RowView:
    lanes = tuple(_lane(report, row, index, k, lane, lang) for k, lane in enumerate(row.lanes))
    several = frozenset(s for s in report.matrix.standards if row.several(s))
    return RowView(index, row.id, vendor_name(row.vendor), label, report.verdict(row.id), lanes, several)


def _lane(report: Report, row: Row, index: int, k: int, lane: Lane, lang: str) -> LaneView:
    columns = report.matrix.columns_of(lane.standard)
    unclaimed = {
        m.cls
        for m in report.verdict(row.id).missing
        if m.kind == "not-claimed" and (m.standard, m.target) == (lane.standard, lane.target)
    }
    cells = tuple(
        _cell(f"c-{index}-{k}-{j}", c, row.cell(c, lane.target), lang, c.uri in unclaimed)
        for j, c in enumerate(columns)
    )
    total = _view(f"s-{index}-{k}", None, Cell(), row.lane_counts(lane), lang, sum(c.notes for c in cells))
    if unclaimed:
        total = replace(total, state=State.FAIL.value, symbol=SYMBOL[State.FAIL.value])
    title = titled(columns[0].standard_title[lang], columns[0].standard_version)
    return LaneView(f"s-{index}-{k}", lane.standard, title, lane.target, row.several(lane.standard), total, cells)


def _cell(anchor: str, column: Column, cell: Cell, lang: str, unclaimed: bool) -> CellView:
    """A class cell; a class the profile requires but the vendor does not claim is unmet, not "not applicable"."""
    view = _view(anchor, column, cell, cell.counts, lang, len(cell.notes))
    if not unclaimed:
        return view
    return replace(
        view,
        state=State.FAIL.value,
        symbol=SYMBOL[State.FAIL.value],
        headline=label("missing.not-claimed", lang),
        secondary="",
    )


def _view(anchor: str, column: Column | None, cell: Cell, counts: Counts, lang: str, notes: int) -> CellView:
    state = counts.state.value
    return CellView(
        anchor,
        column,
        cell,
        state,
        SYMBOL[state],
        headline(counts, lang),
        secondary(counts, lang),
        exact(counts, lang),
        notes,
    )


def detail(cell: Cell, t: Labels) -> Detail:
    """The requirements of a cell, grouped for reading (worst first, as the cell orders them)."""
    group = _group(cell.requirements, t)
    if group is not None:
        return Detail(group, (), ())
    return Detail(
        None,
        tuple(r for r in cell.requirements if r.outcome not in COMPACT),
        tuple(r for r in cell.requirements if r.outcome in COMPACT),
    )


def _group(found: tuple[ReqOutcome, ...], t: Labels) -> Group | None:
    outcomes = {r.outcome for r in found}
    reasons = Counter(_reason(r, t) for r in found)
    if not found or not (outcomes == {Outcome.NOT_APPLICABLE} or (outcomes in UNIFORM and len(reasons) == 1)):
        return None
    return Group(found[0].outcome.value, len(found), tuple(reasons.most_common()), _ids(found))


def _reason(outcome: ReqOutcome, t: Labels) -> str:
    return " / ".join(dict.fromkeys(plain(r.reason, t) for r in outcome.results if r.outcome is outcome.outcome))


def _ids(found: Iterable[ReqOutcome]) -> tuple[tuple[Obligation, tuple[str, ...]], ...]:
    by_obligation: dict[Obligation, list[str]] = {}
    for outcome in found:
        by_obligation.setdefault(outcome.obligation, []).append(short_requirement(outcome.requirement))
    return tuple((o, tuple(sorted(by_obligation[o], key=_natural))) for o in OBLIGATIONS if o in by_obligation)


def _natural(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key that puts BR-DE-2 before BR-DE-10."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", text))
