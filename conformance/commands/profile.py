"""``conformance profile render``: a profile as the text a tender's Leistungsbeschreibung needs (md, html, odt)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from conformance.commands.common import LANG, config_errors

if TYPE_CHECKING:
    from conformance.reporting.tender import Block


@click.group("profile")
def command() -> None:
    """Work with profiles (what a tender requires)."""


@command.command("render")
@click.argument("profile", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@LANG
@click.option("--format", "fmt", type=click.Choice(["md", "html", "odt"]), default="md", show_default=True)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="file to write (default: standard output; required for odt on a terminal)",
)
@config_errors
def render(profile: Path, lang: str, fmt: str, out: Path | None) -> None:
    """Render PROFILE: each required standard and class with official title, version and link, the number of
    requirements by obligation, the waiver policy, and how the check is run (command, version, pack hashes)."""
    from importlib.metadata import version  # noqa: PLC0415

    from conformance.core.profile import load_profile  # noqa: PLC0415
    from conformance.harness.registry import standards  # noqa: PLC0415
    from conformance.reporting.tender import blocks, markdown, to_html  # noqa: PLC0415

    known = standards()
    found = blocks(load_profile(profile, known), known, lang, version("wechselbar"))
    if fmt == "odt":
        if out is None and sys.stdout.isatty():
            raise click.UsageError("--format odt writes a binary file: name it with --out")
        _write_odt(found, out)
        return
    text = markdown(found) if fmt == "md" else to_html(found, lang)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


def _write_odt(found: list[Block], out: Path | None) -> None:
    from conformance.reporting.tender_odt import write_odt  # noqa: PLC0415

    if out is None:
        write_odt(found, sys.stdout.buffer)
        return
    with out.open("wb") as stream:
        write_odt(found, stream)
