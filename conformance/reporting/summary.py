"""The console summary after a run: one line per vendor target and standard, the verdicts and where the matrix is.

The table has one row per vendor × standard (× target, where a vendor has several), with MUSS and SOLL ratios in
their own narrow columns, so it stays readable in an 80-column terminal and in wide ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from conformance.core.evidence import legacy
from conformance.core.messages import Message
from conformance.core.outcomes import Obligation, Outcome
from conformance.reporting.grouping import UNREACHABLE, bundle_text, bundles, cause
from conformance.reporting.header import vendor_name
from conformance.reporting.i18n import Labels, counted
from conformance.reporting.markdown import VERDICT_SYMBOL
from conformance.reporting.matrix import Counts, Lane, Row
from conformance.reporting.model import Report
from conformance.reporting.text import EXTRA, SYMBOL, banner, clean, headline, ratio
from conformance.reporting.verdict import Missing

STYLE = {
    "pass": "green",
    "fail": "bold red",
    "warn": "yellow",
    "none": "dim",
    "meets": "green",
    "fails": "bold red",
    "undecided": "yellow",
}
MAX_LINES = 3
MAX_NAME = 20
MUSS, SOLL, KANN = Obligation.MUSS, Obligation.SOLL, Obligation.KANN


def print_summary(
    report: Report, paths: Mapping[str, Path], lang: str, console: Console | None = None, code: int | None = None
) -> None:
    """Print the table, the verdicts with what is missing, the report paths and the exit code (``code`` where
    the process ends with another than the run's own, e.g. after a signal)."""
    console = console or Console(highlight=False, soft_wrap=False)
    run, t = report.run, report.words(lang)
    stop = banner(run, lang)
    if stop:
        console.print(Text(f"⚠ {stop[0]}: {stop[1]}", style="bold red"))
    console.print(_table(report, t))
    console.print(Text(f"{t('obl.MUSS')}, {t('obl.SOLL')}: {t('legend.console')}", style="dim"))
    _verdicts(console, report, t)
    if "html" in paths:
        console.print(Text(f"{t('matrix_file')}: {paths['html']}", style="bold"))
    console.print(Text(f"{t('exit_code')} {report.exit_code if code is None else code}"))


def _table(report: Report, t: Labels) -> Table:
    table = Table(
        title=t("title") + (f" · {clean(report.profile)}" if report.profile else ""),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        title_justify="left",
    )
    names = {row.id: _name_lines(row, len(row.lanes) or 1) for row in report.matrix.rows}
    widest = max((len(line.plain) for lines in names.values() for line in lines), default=12)
    table.add_column(t("product"), min_width=min(widest, MAX_NAME), overflow="fold")
    table.add_column(t("standard"), overflow="fold")
    table.add_column(t("obl.MUSS"), no_wrap=True, justify="right")
    table.add_column(t("obl.SOLL"), no_wrap=True, justify="right")
    table.add_column(t("others"), overflow="fold")
    for row in report.matrix.rows:
        lanes = row.lanes or (Lane("", ""),)
        for index, lane in enumerate(lanes):
            table.add_row(names[row.id][index], *_lane(row, lane, t), end_section=index == len(lanes) - 1)
    return table


def _name_lines(row: Row, count: int) -> list[Text]:
    """The product (bold) on the vendor's first line, then its version and the vendor's name (dim)."""
    name = vendor_name(row.vendor)
    lines = [Text(clean(name.product), style="bold")]
    lines += [Text(clean(part), style="dim") for part in (name.version, name.vendor) if part]
    while len(lines) > count:
        last = lines.pop()
        lines[-1].append("\n").append(last)
    return lines + [Text("") for _ in range(count - len(lines))]


def _lane(row: Row, lane: Lane, t: Labels) -> tuple[Text, Text, Text, Text]:
    counts = row.lane_counts(lane)
    standard = Text(clean(lane.standard) or "–")
    if row.several(lane.standard):
        standard.append(f"\n{clean(lane.target)}", style="dim")
    style = STYLE[counts.state.value]
    must = Text(
        f"{SYMBOL[counts.state.value]} {_ratio(counts, MUSS)}" if counts.judged(MUSS) else SYMBOL[counts.state.value],
        style=style,
    )
    return standard, must, Text(_ratio(counts, SOLL)), Text(_others(counts, t.lang), style="dim")


def _ratio(counts: Counts, obligation: Obligation) -> str:
    return f"{counts.passed(obligation)}/{counts.judged(obligation)}" if counts.judged(obligation) else "–"


def _others(counts: Counts, lang: str) -> str:
    """KANN and what is neither passed nor failed; a cell with nothing judged says what it holds instead."""
    if not any(counts.judged(o) for o in Obligation):
        return headline(counts, lang)
    parts = [ratio(counts, KANN, lang)] if counts.judged(KANN) else []
    return " · ".join(parts + [counted(o.value, counts.outcome(o), lang) for o in EXTRA if counts.outcome(o)])


def _verdicts(console: Console, report: Report, t: Labels) -> None:
    for row in report.matrix.rows:
        verdict = report.verdict(row.id)
        state = verdict.state.value
        key = (
            f"verdict.{state}"
            if report.profile
            else {"meets": "verdict.clean", "fails": "verdict.failures"}.get(state, f"verdict.{state}")
        )
        console.print(Text(f"{VERDICT_SYMBOL[state]} {clean(report.labels[row.id])}: {t(key)}", style=STYLE[state]))
        _missing(console, row, verdict.missing, t)


def _missing(console: Console, row: Row, missing: tuple[Missing, ...], t: Labels) -> None:
    """What is missing, grouped as in the matrix; an unreachable target no shared cause names gets its own line."""
    found = bundles(missing)
    named = {x for b in found if b.cause is not None and b.cause.code == UNREACHABLE for x in b.targets}
    for target, why in unreachable(row).items():
        if target not in named:
            console.print(Text(f"    {t('unreachable')}: {clean(target)} ({clean(t.msg(why))})", style=STYLE["fail"]))
    for bundle in found[:MAX_LINES]:
        style = STYLE["fail"] if bundle.cause is not None and bundle.cause.code == UNREACHABLE else "dim"
        console.print(Text(f"    {bundle_text(bundle, t, clean, row.several, MAX_LINES)}", style=style))
    rest = sum(len(b.items) for b in found[MAX_LINES:])
    if rest:
        console.print(Text(f"    … {t.n('more', rest)}", style="dim"))


def unreachable(row: Row) -> dict[str, Message]:
    """Target → why it could not be reached, for every target of the row that ended in TargetUnreachable (the
    first cause, also where a later check was refused because the host was down earlier in the run)."""
    found: dict[str, Message] = {}
    for outcome in row.outcomes():
        for result in outcome.results:
            reason = result.reason
            if result.outcome is Outcome.ERROR and reason is not None and reason.code == UNREACHABLE:
                found.setdefault(result.target, _detail(cause(reason)))
    return found


def _detail(reason: Message | None) -> Message:
    detail = reason.params.get("detail") if reason else None
    return detail if isinstance(detail, Message) else legacy(str(detail))
