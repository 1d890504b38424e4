"""``conformance merge``: combine the results files of several machines or CI jobs into one run and its reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from conformance.commands.common import ERR, LANG
from conformance.commands.report import load
from conformance.core.exitcodes import EXIT_USAGE

if TYPE_CHECKING:
    from conformance.core.transfer import Transfer
    from conformance.reporting.merge import Merged


@click.command("merge")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="merged results file (a folder gets results.jsonl); the reports are written beside it",
)
@LANG
def command(inputs: tuple[Path, ...], output: Path, lang: str) -> None:
    """Merge results files of several machines or CI jobs (one per vendor, say) into one run and one matrix."""
    from rich.markup import escape  # noqa: PLC0415

    from conformance.core.results import write_run  # noqa: PLC0415
    from conformance.core.secrets import Redactor  # noqa: PLC0415
    from conformance.core.transferfile import write_transfers  # noqa: PLC0415
    from conformance.reporting.files import write_all  # noqa: PLC0415  (jinja2, lxml: only when writing)
    from conformance.reporting.merge import MergeError, merge_runs  # noqa: PLC0415
    from conformance.reporting.model import build_report  # noqa: PLC0415
    from conformance.reporting.summary import print_summary  # noqa: PLC0415

    runs = [load(path) for path in inputs]
    try:
        merged = merge_runs(runs)
        transfers = _transfers(inputs)
    except (MergeError, ValueError) as exc:
        ERR.print(f"[bold red]error:[/] cannot merge: {escape(str(exc))}", markup=True, highlight=False, soft_wrap=True)
        raise SystemExit(EXIT_USAGE) from exc
    target = output / "results.jsonl" if output.is_dir() or not output.suffix else output
    write_run(target, merged.run)
    if transfers:
        write_transfers(target.parent, transfers, Redactor())
    _report_duplicates(merged)
    report = build_report(merged.run, transfers)
    paths = write_all(report, target.parent, lang)
    print_summary(report, paths, lang)
    ERR.print(
        f"merged {len(runs)} runs ({', '.join(merged.run.header.merged_from)}) into {target}",
        highlight=False,
        soft_wrap=True,
    )
    raise SystemExit(report.exit_code)


def _transfers(inputs: tuple[Path, ...]) -> tuple[Transfer, ...]:
    """The round trips stored beside the inputs, the latest per pair and standard (TransferFileError if broken)."""
    from conformance.core.transferfile import latest, read_transfers  # noqa: PLC0415

    folders = dict.fromkeys(path if path.is_dir() else path.parent for path in inputs)
    return latest(transfer for folder in folders for transfer in read_transfers(folder))


def _report_duplicates(merged: Merged) -> None:
    for dup in merged.duplicates:
        dropped = ", ".join(f"{outcome} from run {run_id}" for run_id, outcome in dup.dropped)
        ERR.print(
            f"duplicate: {dup.vendor} {dup.test_id}: kept {dup.kept[1]} from run {dup.kept[0]} (the later "
            f"run); dropped {dropped}",
            highlight=False,
            soft_wrap=True,
            markup=False,
        )
    for problem in merged.run.problems:
        ERR.print(f"warning: {problem}", highlight=False, soft_wrap=True, markup=False)
