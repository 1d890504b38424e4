"""The console summary after a run: vendors × standards, verdicts and where the matrix is."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from conformance.core.results import Run
from conformance.reporting.header import vendor_label
from conformance.reporting.i18n import Labels
from conformance.reporting.markdown import VERDICT_SYMBOL, missing_text
from conformance.reporting.model import Report, build_report
from conformance.reporting.text import SYMBOL, cell_text, clean

STYLE = {"pass": "green", "fail": "bold red", "warn": "yellow", "none": "dim",
         "meets": "green", "fails": "bold red", "undecided": "yellow"}
MAX_LINES = 3


def print_summary(run: Run, paths: Mapping[str, Path], lang: str, console: Console | None = None) -> None:
    """Print the matrix as a table, the verdicts with what is missing, and the report paths."""
    console = console or Console(highlight=False, soft_wrap=False)
    report, t = build_report(run), Labels(lang)
    if not run.complete:
        console.print(Text(f"⚠ {t('incomplete')}: {t('incomplete.text')}", style="bold red"))
    console.print(_table(report, t))
    for verdict in report.verdicts:
        for missing in verdict.missing[:MAX_LINES]:
            console.print(Text(f"  {clean(verdict.vendor)}: {missing_text(missing, t, clean)}", style="dim"))
    if "html" in paths:
        console.print(Text(f"{t('matrix_file')}: {paths['html']}", style="bold"))
    console.print(Text(f"{t('exit_code')} {report.exit_code}"))


def _table(report: Report, t: Labels) -> Table:
    table = Table(title=t("title") + (f" · {clean(report.profile)}" if report.profile else ""))
    table.add_column(t("vendor"))
    table.add_column(t("verdict"))
    for standard in report.matrix.standards:
        table.add_column(clean(standard))
    for row in report.matrix.rows:
        verdict = report.verdict(row.id)
        state = verdict.state.value
        key = f"verdict.{state}" if report.profile else {"meets": "verdict.clean", "fails": "verdict.failures"}.get(
            state, f"verdict.{state}")
        cells = [Text(f"{SYMBOL[c.state.value]} {cell_text(c, t.lang)}", style=STYLE[c.state.value])
                 for c in (row.standard_counts(s) for s in report.matrix.standards)]
        table.add_row(Text(clean(vendor_label(row.vendor))), Text(f"{VERDICT_SYMBOL[state]} {t(key)}",
                                                                  style=STYLE[state]), *cells)
    return table
