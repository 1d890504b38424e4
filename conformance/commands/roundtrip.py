"""``conformance roundtrip``: move vendor A's data into vendor B's product, read it back and compare."""

from __future__ import annotations

from pathlib import Path

import click

from conformance.commands.common import ERR, LANG, config_errors
from conformance.core.exitcodes import EXIT_ERROR, EXIT_FAIL, EXIT_OK, EXIT_USAGE

EPILOG = """\b
Exit codes:
  0  lossless (or, with --cleanup: everything left behind was removed)
  1  data changed or lost on the way
  2  usage or configuration error (B's target lacks writes = true, no
     common standard, leftovers of a killed run in --out)
  3  no verdict: nothing could be written or compared, or something
     written could not be removed (the cleanup journal stays in --out)
"""
CODES = {"lossless": EXIT_OK, "with-changes": EXIT_FAIL, "with-loss": EXIT_FAIL, "no-verdict": EXIT_ERROR}


@click.command("roundtrip", epilog=EPILOG)
@click.option("--vendors", "vendors", type=click.Path(path_type=Path), help="vendors file")
@click.option("--from", "source", metavar="ID", help="the vendor whose data is read (A)")
@click.option("--to", "target", metavar="ID", help="the vendor whose product is written to (B)")
@click.option("--standard", metavar="ID", help="the standard to move the data through [the one A and B share]")
@click.option("--sample", type=click.IntRange(1), default=10, show_default=True, help="items per collection")
@click.option("--all", "everything", is_flag=True, help="every item (paging through all of A's data)")
@click.option("--out", type=click.Path(path_type=Path), help="output folder (a run's folder adds the section)")
@click.option("--cleanup", type=click.Path(path_type=Path, file_okay=False), help="remove what a killed run left")
@LANG
@config_errors
def command(
    vendors: Path | None,
    source: str | None,
    target: str | None,
    standard: str | None,
    sample: int,
    everything: bool,
    out: Path | None,
    cleanup: Path | None,
    lang: str,
) -> None:
    """Read A's data through the standard's read API, write it into B through its write API (only where B's
    target sets writes = true), read it back, compare attribute by attribute, and remove everything written."""
    from conformance.commands.transfers import clean_up, transfer  # noqa: PLC0415

    if cleanup is not None:
        raise SystemExit(EXIT_OK if clean_up(cleanup, vendors) else EXIT_ERROR)
    if vendors is None or source is None or target is None or out is None:
        ERR.print("error: --vendors, --from, --to and --out are needed (or --cleanup DIR)", highlight=False)
        raise SystemExit(EXIT_USAGE)
    done = transfer(vendors, source, target, standard, None if everything else sample, out, lang)
    click.echo(f"{done.source} → {done.target} ({done.standard}): {done.verdict}")
    removed_all = done.removed == done.written
    raise SystemExit(CODES[done.verdict] if removed_all else EXIT_ERROR)
