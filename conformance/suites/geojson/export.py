"""What the suite observes of a vendor: the GeoJSON texts of its export (files, folders, ZIPs, URLs), each graded
once, Feature by Feature."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from conformance.core.evidence import NotApplicable
from conformance.harness.target import TargetContext
from conformance.suites.geojson.catalogue import ID
from conformance.suites.geojson.messages import m
from conformance.xml.exports import validate_export
from conformance.xml.limits import ZipLimits, export_workers
from conformance.xml.report import DocumentReport, Finding

ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Export:
    """The graded export: one report per GeoJSON text (and per file or URL that could not be read as one)."""

    reports: tuple[DocumentReport, ...]


def observe(target: TargetContext) -> Export:
    """Every GeoJSON text of the target's export paths and URLs, graded; a target naming neither is n/a."""
    if not target.target.paths and not target.target.urls:
        raise NotApplicable(m("na.no-exports", vendor=target.vendor.id, standard=ID))
    workers, limits = export_workers(target.option), ZipLimits.from_options(target.option)
    found = validate_export(target.target.paths, ID, workers=workers, limits=limits) if target.target.paths else []
    for url in target.target.urls:
        found += download(target, url, limits)
    return Export(tuple(found))


def download(target: TargetContext, url: str, limits: ZipLimits) -> list[DocumentReport]:
    """The GeoJSON texts behind a URL (a GeoJSON text or a ZIP archive), fetched through the target's session."""
    response = target.http.get(url)
    if response.status != 200:
        finding = Finding.worded("schema", "fatal", "/", m("download-status", status=response.status), source="parse")
        return [DocumentReport(url, ID, False, False, None, (finding,), finding.message)]
    suffix = ".zip" if response.content.startswith(ZIP_MAGIC) else ".geojson"
    with tempfile.TemporaryDirectory(prefix="wechselbar-") as folder:
        local = Path(folder) / f"download{suffix}"
        local.write_bytes(response.content)
        return [renamed(r, str(local), url) for r in validate_export([str(local)], ID, workers=1, limits=limits)]


def renamed(report: DocumentReport, local: str, url: str) -> DocumentReport:
    """A report naming the URL instead of the temporary file it was read from."""
    return DocumentReport(
        report.file.replace(local, url),
        report.standard,
        report.valid,
        report.accepted,
        report.scenario,
        report.findings,
        report.error,
        report.contexts,
    )
