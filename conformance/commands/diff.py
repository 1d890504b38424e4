"""``conformance diff``: what changed between an earlier run and a later one (a release gate for CI).

Exit codes: 0 nothing regressed, 1 a requirement now fails that did not (or a vendor lost its profile verdict),
2 usage error, 3 nothing regressed but a regression may hide: the later run is incomplete, a check newly
ended in an error, or a vendor's verdict went from "meets" to "no verdict".
"""

from __future__ import annotations

from pathlib import Path

import click

from conformance.commands.common import ERR, LANG
from conformance.commands.report import load
from conformance.core.exitcodes import EXIT_ERROR, EXIT_FAIL, EXIT_OK

MAX_ROWS = 50  # conformance.reporting.diffreport.MAX_ROWS, named here for --help


@click.command("diff")
@click.argument("before", type=click.Path(path_type=Path, exists=True))
@click.argument("after", type=click.Path(path_type=Path, exists=True))
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@LANG
@click.option(
    "--max-rows",
    type=click.IntRange(1),
    default=MAX_ROWS,
    show_default=True,
    help="rows per section in Markdown (JSON lists every change)",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="write here, not to stdout")
def command(before: Path, after: Path, fmt: str, lang: str, max_rows: int, output: Path | None) -> None:
    """Compare two results files (or run folders): regressions, fixes, new errors, verdict changes."""
    from conformance.reporting.diff import compare  # noqa: PLC0415
    from conformance.reporting.diffreport import render_diff_json, render_diff_markdown  # noqa: PLC0415

    diff = compare(load(before), load(after))
    text = render_diff_json(diff) if fmt == "json" else render_diff_markdown(diff, lang, max_rows)
    if output is None:
        click.echo(text, nl=False)
    else:
        from conformance.reporting.files import write_atomic  # noqa: PLC0415  (loads every format)

        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, text.encode("utf-8"))
        ERR.print(f"{fmt}: {output}", highlight=False, soft_wrap=True, markup=False)
    raise SystemExit(EXIT_FAIL if diff.regressed else EXIT_ERROR if diff.unsettled else EXIT_OK)
