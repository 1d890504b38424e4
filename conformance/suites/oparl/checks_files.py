"""Dateizugriffe (§2.7): files retrievable by GET, inline access, download disposition, caching headers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.utils import format_datetime

from conformance.core.evidence import HeaderViolation, NotApplicable, Skipped, StatusViolation
from conformance.suites.oparl.fetch import Fetched
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import Seen
from conformance.suites.oparl.run import Found, OParlRun, counted
from conformance.suites.oparl.samples import spread


@dataclass(frozen=True)
class FileProbe:
    """One File object and the answers for its access URL, download URL and a conditional GET."""

    file: Seen
    access: Fetched
    download: Fetched | None
    conditional: Fetched | None


def _fetch(run: OParlRun, file: Seen) -> FileProbe:
    access = run.fetcher.get(file.obj["accessUrl"], parse=False, fresh=True)
    url = file.obj.get("downloadUrl")
    download = run.fetcher.get(url, parse=False, fresh=True) if isinstance(url, str) else None
    conditional = None
    if access.status == 200:
        headers = (
            {"If-None-Match": access.headers["ETag"]}
            if "ETag" in access.headers
            else {
                "If-Modified-Since": access.headers.get("Last-Modified")
                or format_datetime(dt.datetime.now(dt.UTC), usegmt=True)
            }
        )
        conditional = run.fetcher.get(file.obj["accessUrl"], headers=headers, parse=False, fresh=True)
    return FileProbe(file, access, download, conditional)


def probes(run: OParlRun) -> list[FileProbe]:
    """``file_samples`` files spread over the File objects met."""

    def compute() -> list[FileProbe]:
        files = {
            s.id: s
            for s in run.crawl.objects
            if s.kind == "File" and not s.deleted and isinstance(s.obj.get("accessUrl"), str)
        }
        picks = spread(list(files.values()), run.options.file_samples)
        if len(picks) < len(files):
            run.note("files", m("note.cut-files", taken=len(picks), total=len(files)))
        return run.fetcher.map(lambda f: _fetch(run, f), picks)

    return run.probe("files", compute)


def _fetched(run: OParlRun) -> list[FileProbe]:
    found = [p for p in probes(run) if not p.access.skipped]
    if not found:
        if probes(run):
            raise Skipped(m("reason.unchecked", reason=probes(run)[0].access.skipped))
        raise NotApplicable(m("reason.no-files"))
    return found


def _answered(run: OParlRun) -> list[FileProbe]:
    found = [p for p in _fetched(run) if p.access.status == 200]
    if not found:
        raise Skipped(m("reason.no-file-answered"))
    return found


def check_file_get(run: OParlRun) -> Found:
    """Every sampled file answers a GET on its accessUrl with HTTP 200."""
    answered = [p for p in _fetched(run) if p.access.status is not None]
    for probe in answered:
        if probe.access.status != 200:
            yield StatusViolation(
                m("file-status", file=probe.file.id, status=probe.access.status),
                locator=probe.file.at("accessUrl"),
                expected=200,
                actual=probe.access.status,
                exchange=probe.access.exchange,
            )
    return counted(len(answered), "files")


def _disposition(fetched: Fetched) -> str:
    return fetched.headers.get("Content-Disposition", "").strip()


def check_access_inline(run: OParlRun) -> Found:
    """accessUrl answers without Content-Disposition: attachment."""
    answered = _answered(run)
    for probe in answered:
        if _disposition(probe.access).lower().startswith("attachment"):
            yield HeaderViolation(
                m("access-attachment"),
                locator=probe.access.url,
                expected=m("phrase.no-attachment"),
                actual=_disposition(probe.access),
                exchange=probe.access.exchange,
            )
    return counted(len(answered), "files")


def check_download_attachment(run: OParlRun) -> Found:
    """downloadUrl answers with Content-Disposition: attachment and a filename."""
    found = [p.download for p in _fetched(run) if p.download is not None and p.download.status == 200]
    if not found:
        raise NotApplicable(m("reason.no-download"))
    for download in found:
        value = _disposition(download)
        if not value.lower().startswith("attachment") or "filename" not in value.lower():
            yield HeaderViolation(
                m("download-inline"),
                locator=download.url,
                expected='attachment; filename="…"',
                actual=value or None,
                exchange=download.exchange,
            )
    return counted(len(found), "downloads")


def check_file_headers(run: OParlRun) -> Found:
    """File answers carry Last-Modified, Content-Length and ETag."""
    answered = _answered(run)
    for probe in answered:
        for header in ("Last-Modified", "Content-Length", "ETag"):
            if header not in probe.access.headers:
                yield HeaderViolation(
                    m("file-header", header=header),
                    locator=probe.access.url,
                    expected=header,
                    actual=None,
                    exchange=probe.access.exchange,
                )
    return counted(len(answered), "files")


def check_conditional_get(run: OParlRun) -> Found:
    """A conditional GET with the file's validator answers 304 Not Modified."""
    answers = [p.conditional for p in _answered(run) if p.conditional is not None and p.conditional.status]
    for answer in answers:
        if answer.status != 304:
            yield StatusViolation(
                m("conditional-status", status=answer.status),
                locator=answer.url,
                expected=304,
                actual=answer.status,
                exchange=answer.exchange,
            )
    return counted(len(answers), "conditional-gets")
