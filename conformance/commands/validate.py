"""``conformance validate``: grade documents (files, folders, globs, ZIP archives) the way the official validators do.

Exit codes: 0 every document accepted, 1 at least one rejected, 2 usage error.
"""

from __future__ import annotations

import glob
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from conformance.commands.common import LANG, config_errors

if TYPE_CHECKING:  # lxml, saxonche and rich load when a document is validated, not for --help
    from conformance.xml.report import DocumentReport, Finding, Render

TEXT = {
    "fatal": ("schwerer Fehler", "fatal"),
    "error": ("Fehler", "error"),
    "warning": ("Warnung", "warning"),
    "information": ("Hinweis", "information"),
    "scenario": ("Szenario", "scenario"),
    "line": ("Zeile", "line"),
    "accepted.valid": ("angenommen (gültig)", "accepted (valid)"),
    "accepted.notes": ("angenommen, mit Hinweisen", "accepted, with notes"),
    "accepted.warnings": ("angenommen, mit Warnungen", "accepted, with warnings"),
    "rejected.valid": ("abgewiesen (gültig)", "rejected (valid)"),
    "rejected.invalid": ("abgewiesen (ungültig)", "rejected (invalid)"),
    "summary": ("{n} Dokument(e): {ok} angenommen, {bad} abgewiesen", "{n} document(s): {ok} accepted, {bad} rejected"),
}
REASONS = {
    "unknown document type": "unbekannter Dokumenttyp",
    "ambiguous document type": "mehrdeutiger Dokumenttyp",
    "processing error": "Verarbeitungsfehler",
    "not well-formed": "nicht wohlgeformt",
    "no such file or directory": "Datei oder Ordner nicht gefunden",
}


def _t(key: str, lang: str) -> str:
    german, english = TEXT[key]
    return german if lang == "de" else english


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--standard", default="", metavar="ID", help="standard id or alias (e.g. xrechnung); default: detect")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one object per document and line",
)
@LANG
@click.option("--workers", type=click.IntRange(1), default=None, help="processes (default: up to 2)")
@click.option(
    "--kosit-reports",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="DIR",
    help="also write each XRechnung document's KoSIT validation report (<name>-report.xml) into DIR",
)
@config_errors
def command(
    paths: tuple[str, ...], standard: str, fmt: str, lang: str, workers: int | None, kosit_reports: Path | None
) -> None:
    """Validate documents (files, folders, globs, ZIP archives) against their standard's rules: XML documents,
    GeoJSON with --standard geojson, DCAT-AP.de RDF (Turtle, RDF/XML, JSON-LD) with --standard dcat-ap-de-3.0."""
    from conformance.xml.exports import validate_export  # noqa: PLC0415

    _check_usage(paths, standard)
    reports = validate_export(paths, standard, workers=workers, progress=fmt == "text" and sys.stderr.isatty())
    if not reports:
        raise click.UsageError("no documents found under the given paths")
    if kosit_reports is not None:
        _kosit(paths, standard, reports, kosit_reports)
    render = _renderer(standard, lang)
    if fmt == "json":
        for report in reports:
            click.echo(json.dumps(report.to_json(render), ensure_ascii=False))
    else:
        _print_text(reports, lang, render)
    raise SystemExit(0 if all(r.accepted for r in reports) else 1)


def _kosit(paths: tuple[str, ...], standard: str, reports: list[DocumentReport], folder: Path) -> None:
    from conformance.xml.kositreports import write_kosit_reports  # noqa: PLC0415

    for written in write_kosit_reports(paths, standard, reports, folder):
        if written.problem:
            click.echo(f"warning: no KoSIT report for {written.document}: {written.problem}", err=True)


def _check_usage(paths: tuple[str, ...], standard: str) -> None:
    from conformance.xml.report import validator_for  # noqa: PLC0415

    if standard:
        try:
            validator_for(standard)
        except KeyError as exc:
            raise click.UsageError(str(exc.args[0])) from exc
    missing = [p for p in paths if not (glob.glob(p, recursive=True) if glob.has_magic(p) else Path(p).exists())]
    if missing:
        raise click.UsageError(f"no such file, folder or match: {', '.join(missing)}")


def _renderer(standard: str, lang: str) -> Render:
    """Findings in ``lang``, from the catalogues of the validators that graded them (and the engine's)."""
    from conformance.xml.messages import XML, XOEV  # noqa: PLC0415
    from conformance.xml.report import validator_for, validators  # noqa: PLC0415

    graded = (validator_for(standard),) if standard else validators()
    catalogue = XML.merged(XOEV, *(v.messages for v in graded if v.messages is not None))
    return lambda message: catalogue.render(message, lang)


def _print_text(reports: list[DocumentReport], lang: str, render: Render) -> None:
    from rich.console import Console  # noqa: PLC0415
    from rich.markup import escape  # noqa: PLC0415

    console = Console(highlight=False, soft_wrap=True)
    for report in reports:
        colour = "green" if report.accepted else "red"
        console.print(
            f"[bold {colour}]{_t(_verdict(report), lang)}[/] {escape(report.file)}  [dim]{report.standard}"
            + (f" · {_t('scenario', lang)}: {escape(report.scenario)}" if report.scenario else "")
            + "[/]"
        )
        shown = [f for f in report.findings if f.rule != "PROCESSING"]
        if report.error and not any(f.message == report.error for f in shown):
            console.print(f"  [red]{escape(_reason(report.error, lang))}[/]")
        for finding in shown:
            console.print("  " + _finding(finding, lang, render))
    accepted = sum(r.accepted for r in reports)
    console.print(_t("summary", lang).format(n=len(reports), ok=accepted, bad=len(reports) - accepted))


def _verdict(report: DocumentReport) -> str:
    """Accepted with notes or warnings (the findings left after the configuration graded them), or rejected."""
    if not report.accepted:
        return "rejected.valid" if report.valid else "rejected.invalid"
    severities = {f.severity for f in report.findings if f.rule != "PROCESSING"}
    if "warning" in severities:
        return "accepted.warnings"
    return "accepted.notes" if severities else "accepted.valid"


def _reason(text: str, lang: str) -> str:
    if lang != "de":
        return text
    for english, translated in REASONS.items():
        if text.startswith(english):
            return translated + text[len(english) :]
    return text


def _finding(finding: Finding, lang: str, render: Render) -> str:
    from rich.markup import escape  # noqa: PLC0415

    colour = {"fatal": "red", "error": "red", "warning": "yellow"}.get(finding.severity, "dim")
    severity = _t(finding.severity, lang) if finding.severity in TEXT else finding.severity
    where = f" {_t('line', lang)} {finding.line}" if finding.line else ""
    message = render(finding.text)
    return (
        f"[{colour}]{severity}[/] [bold]{escape(finding.rule)}[/]{where} [dim]{escape(finding.location)}[/]\n"
        f"    {escape(message)}"
    )


def known_standards() -> list[str]:
    """The standard ids and aliases ``--standard`` accepts."""
    from conformance.xml.report import validators  # noqa: PLC0415

    return sorted({name for v in validators() for name in (v.standard, *v.aliases)})
