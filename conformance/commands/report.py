"""``conformance report``: render one report from a stored results file (also from a killed, incomplete run)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from conformance.commands.common import ERR, LANG
from conformance.core.exitcodes import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from conformance.core.results import ResultsFile
    from conformance.reporting.model import Report

# conformance.reporting.files.FORMATS and EXPORTS, and badges (a folder), named here for --help
FORMATS = ("html", "md", "csv", "json", "junit", "earl", "earl-jsonld", "badges")
SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".csv": "csv",
    ".json": "json",
    ".xml": "junit",
    ".ttl": "earl",
    ".jsonld": "earl-jsonld",
}


@click.command("report")
@click.argument("results", type=click.Path(path_type=Path, exists=True))
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), help="report format  [default: from the suffix of -o, else html]"
)
@LANG
@click.option("-o", "--output", type=click.Path(path_type=Path), help="write here, not to stdout (badges: a folder)")
@click.option("--exit-code", "verdict", is_flag=True, help="exit with the run's verdict (0, 1 or 3) instead of 0")
def command(results: Path, fmt: str | None, lang: str, output: Path | None, verdict: bool) -> None:
    """Render a report (html, md, csv, json, junit, EARL as Turtle or JSON-LD, or badges into a folder) from a
    results file or a run folder."""
    from rich.markup import escape  # noqa: PLC0415

    from conformance.core.transferfile import read_transfers  # noqa: PLC0415
    from conformance.reporting.files import render, write_atomic  # noqa: PLC0415
    from conformance.reporting.model import build_report  # noqa: PLC0415
    from conformance.reporting.text import banner  # noqa: PLC0415

    run = load(results)
    try:
        transfers = read_transfers(results if results.is_dir() else results.parent)
    except ValueError as exc:
        ERR.print(f"error: {exc}", highlight=False, soft_wrap=True, markup=False)
        raise SystemExit(EXIT_USAGE) from exc
    report = build_report(run, transfers)
    fmt = fmt or SUFFIXES.get(output.suffix.lower() if output else "", "html")
    stop = banner(run, lang)
    if stop:
        ERR.print(f"[bold red]{escape(stop[0])}[/]: {escape(stop[1])}", markup=True, highlight=False)
    if fmt == "badges" or (output is not None and output.is_dir()):
        _badges(report, fmt, output, lang)
    elif output is None:
        sys.stdout.buffer.write(render(report, fmt, lang, for_file=False))
        sys.stdout.flush()
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, render(report, fmt, lang))
        ERR.print(f"{fmt}: {output}", highlight=False, soft_wrap=True, markup=False)
    raise SystemExit(report.exit_code if verdict else EXIT_OK)


def _badges(report: Report, fmt: str, output: Path | None, lang: str) -> None:
    """Write the badges into the folder -o names; any other format, or no -o, is a usage error."""
    from conformance.reporting.badges import write_badges  # noqa: PLC0415

    if fmt != "badges" or output is None:
        problem = "badges need -o FOLDER" if output is None else f"{output} is a folder; {fmt} needs a file"
        ERR.print(f"error: {problem}", highlight=False, soft_wrap=True, markup=False)
        raise SystemExit(EXIT_USAGE)
    written = write_badges(report, output, lang)
    ERR.print(f"badges: {output} ({len(written)} files)", highlight=False, soft_wrap=True, markup=False)


def load(path: Path) -> ResultsFile:
    """Read a results file (or ``results.jsonl`` in a run folder); anything unreadable exits with code 2."""
    from rich.markup import escape  # noqa: PLC0415

    from conformance.core.results import read_run  # noqa: PLC0415

    file = path / "results.jsonl" if path.is_dir() else path
    try:
        run = read_run(file)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        ERR.print(
            f"[bold red]error:[/] {escape(str(file))}: not a readable wechselbar results file ({escape(str(exc))})",
            markup=True,
            highlight=False,
            soft_wrap=True,
        )
        raise SystemExit(EXIT_USAGE) from exc
    for problem in run.problems:
        ERR.print(f"warning: {file}: {problem}", highlight=False, soft_wrap=True, markup=False)
    return run
