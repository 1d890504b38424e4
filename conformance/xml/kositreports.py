"""KoSIT validation reports (VARL) written to a folder, one per document, as the KoSIT validator's ``-o`` does.

Vendors and cities that archive or exchange the KoSIT validator's report XML get the same report from the
configuration's own report stylesheet (:mod:`conformance.xml.varl`), named ``<document>-report.xml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from conformance.core.xmlsafe import DEFAULT_MAX_BYTES
from conformance.xml import pipeline, varl
from conformance.xml.archives import Document, ExportError
from conformance.xml.exports import documents
from conformance.xml.report import DocumentReport


@dataclass(frozen=True)
class Written:
    """One document's report: where it went, or why none could be written."""

    document: str
    path: Path | None
    problem: str = ""


def write_kosit_reports(
    specs: Iterable[str], standard: str, reports: list[DocumentReport], folder: Path
) -> list[Written]:
    """A VARL report for every document the KoSIT pipeline graded, in export order."""
    wanted = {r.file for r in reports if r.standard == pipeline.STANDARD}
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    return [
        _write(item, folder, used)
        for item in documents(specs, standard)
        if isinstance(item, Document) and item.name in wanted
    ]


def _write(item: Document, folder: Path, used: set[str]) -> Written:
    try:
        _, report = varl.validate_with_report(item.source(DEFAULT_MAX_BYTES))
    except (ExportError, OSError) as exc:
        return Written(item.name, None, str(exc))
    path = folder / _file_name(item, used)
    path.write_text(report, encoding="utf-8")
    return Written(item.name, path)


def _file_name(item: Document, used: set[str]) -> str:
    stem = PurePosixPath(item.member).stem if item.member else Path(item.path).stem
    name, number = f"{stem}-report.xml", 1
    while name in used:
        number += 1
        name = f"{stem}-{number}-report.xml"
    used.add(name)
    return name
