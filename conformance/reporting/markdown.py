"""A short Markdown summary that fits a CI job summary: vendors × standards, verdicts, what is missing."""

from __future__ import annotations

import html
import re
from collections import Counter

from conformance.reporting.grouping import bundle_text, bundles
from conformance.reporting.header import vendor_name
from conformance.reporting.i18n import Labels
from conformance.reporting.matrix import Row
from conformance.reporting.model import Report
from conformance.reporting.text import SYMBOL, banner, cell_text, clean
from conformance.reporting.transfers import transfer_markdown
from conformance.reporting.verdict import VendorVerdict

MAX_MISSING = 5
_MD = re.compile(r"([\\`*_\[\]|~])")
VERDICT_SYMBOL = {"meets": "✔", "fails": "✘", "undecided": "!"}


def md(text: object) -> str:
    """Escape for Markdown (and the HTML a Markdown renderer lets through); one line."""
    flat = " ".join(clean(text).split())
    return _MD.sub(r"\\\1", html.escape(flat, quote=False))


def render_markdown(report: Report, lang: str = "de") -> str:
    """The summary as Markdown."""
    run, t = report.run, report.words(lang)
    lines = [f"## {t('title')}" + (f" · {t('profile')}: {md(report.profile)}" if report.profile else "")]
    stop = banner(run, lang)
    if stop:
        lines += ["", f"> **⚠ {stop[0]}**: {md(stop[1])}"]
    lines += ["", *_table(report, t), *transfer_markdown(report, t, md), "", f"_{t('legend.console')}_", ""]
    lines += [*_missing(report, t), *_footer(report, t)]
    return "\n".join(lines).rstrip() + "\n"


def _table(report: Report, t: Labels) -> list[str]:
    standards = report.matrix.standards
    head = [t("vendor"), t("verdict"), *(md(s) for s in standards)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in report.matrix.rows:
        lines.append(
            "| "
            + " | ".join(
                [_name(row), _verdict(report.verdict(row.id), report, t), *(_cell(row, s, t) for s in standards)]
            )
            + " |"
        )
    return lines


def _name(row: Row) -> str:
    name = vendor_name(row.vendor)
    return f"**{md(name.product)}** {md(name.version)}".strip() + (f" · {md(name.vendor)}" if name.vendor else "")


def _cell(row: Row, standard: str, t: Labels) -> str:
    lanes = row.lanes_of(standard)
    if not lanes:
        return f"{SYMBOL['none']} {t('no_target')}"
    parts = []
    for lane in lanes:
        counts = row.lane_counts(lane)
        prefix = f"{md(lane.target)}: " if len(lanes) > 1 else ""
        parts.append(f"{prefix}{SYMBOL[counts.state.value]} {md(cell_text(counts, t.lang))}")
    return "<br>".join(parts)


def _verdict(verdict: VendorVerdict, report: Report, t: Labels) -> str:
    key = verdict.state.value
    if report.profile is None:
        key = {"meets": "clean", "fails": "failures"}.get(key, key)
    return f"{VERDICT_SYMBOL[verdict.state.value]} {t('verdict.' + key)}"


def _missing(report: Report, t: Labels) -> list[str]:
    """Per vendor what is missing, grouped as in the matrix: a shared cause once, else per standard and target."""
    lines, heading = [], t("verdict.missing" if report.profile else "verdict.findings")
    for row in report.matrix.rows:
        verdict = report.verdict(row.id)
        if verdict.missing:
            lines.append(f"- **{md(report.labels[row.id])}** – {heading}:")
            lines += [f"  - {bundle_text(b, t, md, row.several, MAX_MISSING)}" for b in bundles(verdict.missing)]
    return [*lines, ""] if lines else []


def _footer(report: Report, t: Labels) -> list[str]:
    switch = report.switch
    labels = report.labels
    groups = "; ".join(", ".join(md(labels.get(v, v)) for v in g) for g in switch.groups) or t("switch.none")
    waivers = Counter(r.waiver.status for r in report.waivers if r.waiver)
    head = report.run.header
    return [
        f"**{t('switch.title')}** – {t('switch.groups')}: {groups}",
        "",
        f"{t('waivers')}: "
        + (", ".join(f"{n} {t('waiver.' + s)}" for s, n in sorted(waivers.items())) or t("waivers.none"))
        + f" · {t('notes')}: {len(report.notes)}",
        "",
        f"{t('exit_code')} {report.exit_code} · {t('run_id')} {md(head.run_id)} · {md(head.suite_version)} · "
        f"{md(head.started)}",
    ]
