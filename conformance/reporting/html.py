"""The matrix as one self-contained HTML file: inline CSS, no scripts, no external assets.

Navigation uses anchors and <details>/<summary>, so the file works offline from a file share or an e-mail
attachment. Every value is escaped (autoescaping); the only links leaving the file go to the standards' texts.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import jinja2
import markupsafe

from conformance.core.results import Run
from conformance.reporting.header import Column, vendor_label
from conformance.reporting.i18n import Labels
from conformance.reporting.matrix import Cell, Row
from conformance.reporting.model import Report, build_report
from conformance.reporting.text import SYMBOL, clean, extras, locator, ratios, safe_url, short_requirement, value
from conformance.reporting.verdict import VendorVerdict


@dataclass(frozen=True)
class CellView:
    """A cell as the template shows it."""

    index: int
    column: Column
    cell: Cell
    state: str
    symbol: str
    ratios: str
    extras: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class RowView:
    """A vendor row as the template shows it."""

    index: int
    id: str
    label: str
    verdict: VendorVerdict
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class StandardView:
    """A standard's heading over its class columns."""

    id: str
    title: str
    version: str
    url: str
    columns: tuple[Column, ...]


@functools.cache
def environment() -> jinja2.Environment:
    """The template environment: autoescaping everywhere; optional members missing from a record render empty."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("conformance.reporting", "templates"), autoescape=True)
    env.finalize = _finalize
    env.filters.update(short=short_requirement, value=value, locator=locator, safe_url=safe_url, headers=_headers)
    return env


def _headers(data: Any) -> list[tuple[str, str]]:
    return [(str(k), str(v)) for k, v in data.items()] if isinstance(data, dict) else []


def _finalize(data: Any) -> Any:
    return clean(data) if isinstance(data, str) and not isinstance(data, markupsafe.Markup) else data


def render_html(run: Run, lang: str = "de") -> str:
    """The matrix HTML of a run."""
    report, t = build_report(run), Labels(lang)
    rows = tuple(_row(report, i, row, lang) for i, row in enumerate(report.matrix.rows))
    names = {r.id: r.label for r in rows}
    env = environment().overlay()
    env.filters["vendor_name"] = lambda vendor: names.get(vendor, vendor)
    return env.get_template("matrix.html.j2").render(
        t=t, report=report, run=run, head=run.header, rows=rows, standards=_standards(report, lang),
        switch=report.switch, symbols=tuple(SYMBOL.items()), verdict_text=_verdict_text(report, t),
        class_title=_class_title(report, lang), profile_items=_profile_items(report, t),
    )


def _row(report: Report, index: int, row: Row, lang: str) -> RowView:
    cells = tuple(_cell(j, column, row.cell(column), lang) for j, column in enumerate(report.matrix.columns))
    return RowView(index, row.id, vendor_label(row.vendor), report.verdict(row.id), cells)


def _cell(index: int, column: Column, cell: Cell, lang: str) -> CellView:
    counts = cell.counts
    state = counts.state.value
    return CellView(index, column, cell, state, SYMBOL[state], ratios(counts, lang), extras(counts, lang), cell.notes)


def _standards(report: Report, lang: str) -> tuple[StandardView, ...]:
    views = []
    for standard in report.matrix.standards:
        cols = report.matrix.columns_of(standard)
        first = cols[0]
        views.append(StandardView(standard, first.standard_title[lang], first.standard_version, first.standard_url,
                                  cols))
    return tuple(views)


def _verdict_text(report: Report, t: Labels) -> Any:
    plain = {"meets": "verdict.clean", "fails": "verdict.failures", "undecided": "verdict.undecided"}

    def text(verdict: VendorVerdict) -> str:
        key = "verdict." + verdict.state.value if report.profile is not None else plain[verdict.state.value]
        return t(key)

    return text


def _class_title(report: Report, lang: str) -> Any:
    titles = {(c.standard, c.uri): c.title[lang] for c in report.matrix.columns}
    return lambda standard, cls: f"{standard} – {titles.get((standard, cls), cls)}"


def _profile_items(report: Report, t: Labels) -> list[tuple[str, str, str]]:
    """(standard, classes, obligation) for each item of the profile."""
    titles = {(c.standard, c.uri): c.title[t.lang] for c in report.matrix.columns}
    items = (report.run.header.profile or {}).get("items", ())
    return [(str(i["standard"]), ", ".join(titles.get((i["standard"], c), c) for c in i.get("classes", ()))
             or t("profile.all_classes"), t("obl." + str(i["obligation"]))) for i in items]
