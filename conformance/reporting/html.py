"""The matrix as one self-contained HTML file: inline CSS, one fixed print script, no external assets.

Navigation uses anchors and <details>/<summary>, so the file works offline from a file share or an e-mail
attachment. Printing opens every collapsed section: a fixed inline script on ``beforeprint`` (closed again on
``afterprint``), and the print CSS where scripts are off. Every value is escaped (autoescaping); the only links
leaving the file go to the standards' texts.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import jinja2
import markupsafe

from conformance.reporting.grouping import bundles, plain
from conformance.reporting.header import Column
from conformance.reporting.i18n import Labels
from conformance.reporting.model import Report
from conformance.reporting.templatecache import template_cache
from conformance.reporting.text import (
    SYMBOL,
    banner,
    clean,
    duration,
    examined,
    examined_text,
    locator,
    redirect_target,
    safe_url,
    short_requirement,
    titled,
    value,
)
from conformance.reporting.transfers import transfer_views
from conformance.reporting.verdict import VendorVerdict
from conformance.reporting.views import LaneView, RowView, detail, rows


@dataclass(frozen=True)
class StandardView:
    """A standard: its heading, its class columns and every vendor lane that tested it."""

    index: int
    id: str
    heading: str
    title: str
    version: str
    url: str
    columns: tuple[Column, ...]
    lanes: tuple[tuple[RowView, LaneView], ...]


@functools.cache
def environment() -> jinja2.Environment:
    """The template environment: autoescaping everywhere; optional members missing from a record render empty."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("conformance.reporting", "templates"),
        autoescape=True,
        bytecode_cache=template_cache(),
    )
    env.finalize = _finalize
    env.filters.update(
        short=short_requirement,
        value=value,
        locator=locator,
        safe_url=safe_url,
        headers=_headers,
        duration=duration,
        examined=examined_text,
        redirect_target=redirect_target,
    )
    env.globals.update(detail=detail, examined=examined, bundles=bundles)
    return env


def _headers(data: Any) -> list[tuple[str, str]]:
    return [(str(k), str(v)) for k, v in data.items()] if isinstance(data, dict) else []


def _finalize(data: Any) -> Any:
    return clean(data) if isinstance(data, str) and not isinstance(data, markupsafe.Markup) else data


def render_html(report: Report, lang: str = "de") -> str:
    """The matrix HTML of a run."""
    run, t = report.run, report.words(lang)
    views = rows(report, lang)
    names = {r.id: r.label for r in views}
    env = environment().overlay()
    env.filters["vendor_name"] = lambda vendor: names.get(vendor, vendor)
    env.globals["cause_text"] = lambda reason: plain(reason, t)
    standards = _standards(report, views, lang)
    headings = {std.id: std.heading for std in standards}
    env.filters["std_title"] = env.globals["std_title"] = lambda standard: headings.get(standard, standard)
    return env.get_template("matrix.html.j2").render(
        t=t,
        report=report,
        run=run,
        head=run.header,
        rows=views,
        standards=standards,
        switch=report.switch,
        symbols=tuple(SYMBOL.items()),
        verdict_text=_verdict_text(report, t),
        class_title=_class_title(report, lang),
        profile_items=_profile_items(report, t),
        several={(r.id, s) for r in views for s in r.several},
        banner=banner(run, lang),
        transfers=transfer_views(report, t),
    )


def _standards(report: Report, views: tuple[RowView, ...], lang: str) -> tuple[StandardView, ...]:
    found = []
    for index, standard in enumerate(report.matrix.standards):
        cols = report.matrix.columns_of(standard)
        lanes = tuple((row, lane) for row in views for lane in row.lanes_of(standard))
        first = cols[0]
        title, version = first.standard_title[lang], first.standard_version
        found.append(
            StandardView(index, standard, titled(title, version), title, version, first.standard_url, cols, lanes)
        )
    return tuple(found)


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
    profile = report.run.header.profile
    return [
        (
            i.standard,
            ", ".join(titles.get((i.standard, c), c) for c in i.classes) or t("profile.all_classes"),
            t(f"obl.{i.obligation}"),
        )
        for i in (profile.items if profile else ())
    ]
