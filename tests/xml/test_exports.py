"""Exports: files, directories, globs and ZIP archives read safely (zip-slip, bombs, links) and validated."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conformance.core.packs import default_store
from conformance.xml import exports, stream
from conformance.xml.archives import Document
from conformance.xml.exports import Task, documents, validate_export
from conformance.xml.lanes import Affinity
from conformance.xml.limits import ZipLimits
from conformance.xml.report import DocumentReport, validators
from tests.samples import xdomea as samples

TEMPLATES = "message_generation/pattern/xdomea_3.0.0"
XDOMEA = "xdomea-3.0.0"
PDF = "e8b289cb-f8dd-492a-b3cf-560674eaa92b_PDF-A1b_CMYK_20150731.pdf"


def _template(name: str) -> bytes:
    return default_store().path("xdomea-toolkit-templates", f"{TEMPLATES}/xx_Aussonderung.{name}.xml").read_bytes()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _names(items: list[Document | DocumentReport]) -> list[str]:
    return [item.name if isinstance(item, Document) else f"problem:{item.file}" for item in items]


def _reasons(items: list[Document | DocumentReport]) -> list[str]:
    return [item.findings[0].message for item in items if isinstance(item, DocumentReport)]


def test_directories_globs_and_archives_are_expanded(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.xml").write_bytes(b"<a/>")
    (tmp_path / "sub" / "b.xml").write_bytes(b"<b/>")
    (tmp_path / "notes.txt").write_text("not a document")
    _zip(tmp_path / "sub" / "c.zip", {"x/c.xml": b"<c/>", "x/c.pdf": b"%PDF", "d/": b""})
    found = _names(list(documents([str(tmp_path)])))
    assert found == [f"{tmp_path}/a.xml", f"{tmp_path}/sub/b.xml", f"{tmp_path}/sub/c.zip!x/c.xml"]
    assert _names(list(documents([f"{tmp_path}/**/*.xml"]))) == [f"{tmp_path}/a.xml", f"{tmp_path}/sub/b.xml"]
    missing = list(documents([str(tmp_path / "nope.xml"), f"{tmp_path}/*.json"]))
    assert _reasons(missing) == ["no such file or directory", "no file matches this path or pattern"]


def test_symbolic_links_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret.xml").symlink_to("/etc/passwd")
    assert _reasons(list(documents([str(tmp_path)]))) == ["symbolic link not followed"]


def test_unsafe_member_names_and_links_are_refused(tmp_path: Path) -> None:
    archive = tmp_path / "slip.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("ok.xml", b"<ok/>")
        out.writestr("../../evil.xml", b"<evil/>")
        out.writestr("/etc/evil.xml", b"<evil/>")
        out.writestr("C:/evil.xml", b"<evil/>")
        link = zipfile.ZipInfo("link.xml")
        link.external_attr = 0o120777 << 16
        out.writestr(link, b"/etc/passwd")
    items = list(documents([str(archive)]))
    assert _names(items)[0] == f"{archive}!ok.xml"
    reasons = _reasons(items)
    assert len(reasons) == 4 and all("zip-slip" in r for r in reasons[:3]) and "symbolic link" in reasons[3]


def test_encrypted_members_are_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "enc.zip", {"enc.xml": b"<r/>"})
    data = bytearray(archive.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 1
    archive.write_bytes(bytes(data))
    assert _reasons(list(documents([str(archive)]))) == ["member 'enc.xml' is encrypted"]


def test_zip_bombs_are_refused_before_reading(tmp_path: Path) -> None:
    many = _zip(tmp_path / "many.zip", {f"{i}.xml": b"<r/>" for i in range(6)})
    assert "6 entries" in _reasons(list(documents([str(many)], limits=ZipLimits(max_entries=5))))[0]
    big = _zip(tmp_path / "big.zip", {"a.xml": b"<r/>" * 400, "b.xml": b"<r/>" * 400})
    assert "3200 bytes" in _reasons(list(documents([str(big)], limits=ZipLimits(max_total_bytes=3000))))[0]
    dense = _zip(tmp_path / "dense.zip", {"bomb.xml": b"<r>" + b" " * (8 * 1024**2) + b"</r>"})
    reason = _reasons(list(documents([str(dense)])))[0]
    assert "compression ratio" in reason and "zip bomb" in reason
    huge = list(documents([str(dense)], limits=ZipLimits(max_entry_bytes=1024**2, max_ratio=10**6)))
    assert "more than the limit" in _reasons(huge)[0]


def test_a_member_larger_than_declared_is_not_read_past_its_size(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "lie.zip", {"lie.xml": b"<r>" + b"x" * 5000 + b"</r>"})
    data = bytearray(archive.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 24 : central + 28] = struct.pack("<I", 100)
    archive.write_bytes(bytes(data))
    [doc] = list(documents([str(archive)]))
    assert isinstance(doc, Document) and doc.size == 100
    report = exports.validate_one(Task(doc, XDOMEA))
    assert not report.valid and not report.accepted and report.findings[0].severity == "fatal"


def test_members_are_streamed_and_know_their_package(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "p.zip", {"pkg/m.xml": b"<m/>", "pkg/f.pdf": b"%PDF", "other/g.pdf": b"%PDF"})
    [doc] = [d for d in documents([str(archive)]) if isinstance(d, Document)]
    with doc.open() as stream:
        assert stream.read() == b"<m/>"
    assert doc.package() == frozenset({"m.xml", "f.pdf"})


def _package(tmp_path: Path, with_pdf: bool) -> Path:
    members = {f"msg/{n}.xml": _template(n) for n in ("Anbieteverzeichnis.0501", "Aussonderung.0503")}
    if with_pdf:
        members[f"msg/{PDF}"] = b"%PDF-1.4"
    return _zip(tmp_path / f"export-{with_pdf}.zip", members)


def _summary(reports: list[DocumentReport]) -> list[tuple[str, bool, bool, list[str]]]:
    return [(Path(r.file).name, r.valid, r.accepted, sorted({f.rule for f in r.findings})) for r in reports]


def test_an_export_archive_is_validated_document_by_document(tmp_path: Path) -> None:
    without, with_pdf = (validate_export([str(_package(tmp_path, p))], XDOMEA, workers=1) for p in (False, True))
    assert [r.scenario for r in without] == ["Aussonderung.Anbieteverzeichnis.0501", "Aussonderung.Aussonderung.0503"]
    assert "XDOMEA-PRIMAERDOKUMENT" in _summary(without)[1][3]
    assert "XDOMEA-PRIMAERDOKUMENT" not in _summary(with_pdf)[1][3]
    assert all(r.valid and not r.accepted for r in with_pdf)


def test_parallel_runs_give_the_same_reports_as_sequential_ones(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("Anbieteverzeichnis.0501", "Bewertungsverzeichnis.0502", "AnbietungEmpfangBestaetigen.0504"):
        (folder / f"{name}.xml").write_bytes(_template(name))
    (folder / "broken.xml").write_bytes(b"<xdomea:x xmlns:xdomea='urn:xoev-de:xdomea:schema:3.0.0'>")
    _package(folder, True)
    sequential = validate_export([str(folder)], XDOMEA, workers=1)
    parallel = validate_export([str(folder)], XDOMEA, workers=2, progress=True)
    assert parallel == sequential and len(sequential) == 6
    broken = next(r for r in sequential if r.file.endswith("broken.xml"))
    assert broken.error and not broken.valid and not broken.accepted


def test_a_large_document_is_streamed_with_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "0503.xml"
    data = _template("Aussonderung.0503").replace(b"<xdomea:ProzessID>242f44e8", b"<xdomea:ProzessID>x42f44e8")
    path.write_bytes(data.replace(b"<xdomea:Hinweis>", b"<xdomea:Unbekannt/><xdomea:Hinweis>", 1))
    in_memory = validate_export([str(path)], XDOMEA, workers=1)
    monkeypatch.setattr(exports, "IN_MEMORY_BYTES", 1000)
    assert [t.doc.name for t in exports.tasks_for(documents([str(path)]), XDOMEA)] == [str(path)]
    streamed = validate_export([str(path)], XDOMEA, workers=2)
    assert _summary(streamed) == _summary(in_memory)
    rules = sorted((f.rule, f.line) for f in streamed[0].findings if f.rule != "XSD")
    assert rules == sorted((f.rule, f.line) for f in in_memory[0].findings if f.rule != "XSD")
    xsd = [f for f in streamed[0].findings if f.rule == "XSD"]
    assert len(xsd) == 2 and all("streaming validation: between lines" in f.message for f in xsd)


def test_a_large_document_that_is_not_well_formed_gets_its_parse_finding_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cut.xml"
    path.write_bytes(_template("Aussonderung.0503")[:-200])
    monkeypatch.setattr(exports, "IN_MEMORY_BYTES", 1000)
    [report] = validate_export([str(path)], XDOMEA, workers=2)
    assert [f.source for f in report.findings] == ["parse"] and not report.valid and report.error


def test_the_standard_is_detected_from_the_root_element(tmp_path: Path) -> None:
    (tmp_path / "m.xml").write_bytes(_template("Anbieteverzeichnis.0501"))
    (tmp_path / "u.xml").write_bytes(b"<unknown/>")
    reports = validate_export([str(tmp_path)], workers=1)
    assert [r.standard for r in reports] == [XDOMEA, "unknown"]
    assert "unknown document type" in (reports[1].error or "")


def test_the_pool_is_used_only_when_it_helps(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "m.xml").write_bytes(_template("Anbieteverzeichnis.0501"))
    monkeypatch.setattr(exports, "ProcessPoolExecutor", None)
    assert validate_export([str(tmp_path)], XDOMEA, workers=os.cpu_count() or 2)[0].valid


def test_streaming_stops_after_the_error_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many-errors.xml"
    samples.write_large(path, 0.3)
    path.write_bytes(re.sub(rb"<xdomea:ID>[0-9a-f]", b"<xdomea:ID>x", path.read_bytes()))
    monkeypatch.setattr(exports, "IN_MEMORY_BYTES", 1000)
    monkeypatch.setattr(stream, "MAX_XSD_ERRORS", 25)
    [report] = validate_export([str(path)], XDOMEA, workers=1)
    xsd = [f for f in report.findings if f.rule == "XSD"]
    assert len(xsd) == 26 and "stopped after 25 errors" in xsd[-1].message and not report.valid


MEMORY_PROBE = """
import resource, sys
from tests.samples import xdomea as samples
from conformance.xml import exports, stream
from conformance.xml.exports import validate_export
exports.IN_MEMORY_BYTES = 1000
[report] = validate_export([sys.argv[1]], "xdomea-3.0.0", workers=1)
assert report.valid, report.findings[:3]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_streamed_memory_stays_flat_as_documents_grow(tmp_path: Path) -> None:
    peaks = []
    for megabytes in (4, 32):
        path = tmp_path / f"{megabytes}.xml"
        samples.write_large(path, megabytes)
        done = subprocess.run(
            [sys.executable, "-c", MEMORY_PROBE, str(path)], capture_output=True, text=True, timeout=300, check=True
        )
        peaks.append(int(done.stdout))
    assert peaks[1] - peaks[0] < 16 * 1024, peaks


def _crash(doc: Document, standard: str) -> DocumentReport:
    raise RuntimeError("bug in a check")


def _die(doc: Document, standard: str) -> DocumentReport:
    os._exit(3)


@pytest.mark.parametrize(("validate", "reason"), [(_crash, "RuntimeError: bug in a check"), (_die, "Broken")])
def test_a_failing_validator_rejects_the_document_never_passes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validate: exports.StreamValidate, reason: str
) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.xml").write_bytes(_template("Anbieteverzeichnis.0501"))
    validators()
    monkeypatch.setitem(exports._STREAMING, XDOMEA, validate)
    for workers in (1, 2) if validate is _crash else (2,):
        reports = validate_export([str(tmp_path)], XDOMEA, workers=workers)
        assert len(reports) == 2 and not any(r.valid or r.accepted for r in reports)
        assert all("processing error" in (r.error or "") and reason in (r.error or "") for r in reports)


def _pid_report(doc: Document, standard: str) -> DocumentReport:
    return DocumentReport(doc.name, standard, True, True, str(os.getpid()))


def test_documents_of_one_kind_are_validated_by_one_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An affinity keeps the documents of a kind (here: the message type) in one worker process."""
    names = ("Anbieteverzeichnis.0501", "Bewertungsverzeichnis.0502", "AnbietungEmpfangBestaetigen.0504")
    for copy in range(4):
        for name in names:
            (tmp_path / f"{copy}-{name}.xml").write_bytes(_template(name))
    validators()
    monkeypatch.setitem(exports._STREAMING, XDOMEA, _pid_report)
    monkeypatch.setitem(exports._AFFINITY, XDOMEA, Affinity(lambda root: root.rpartition(".")[2]))
    reports = validate_export([str(tmp_path)], XDOMEA, workers=2)
    workers = {name: {r.scenario for r in reports if r.file.endswith(f"{name}.xml")} for name in names}
    assert len(reports) == 12 and all(len(pids) == 1 for pids in workers.values())
    assert len(set().union(*workers.values())) == 2


def test_batches_keep_the_order_and_their_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "BATCH_TASKS", 3)
    monkeypatch.setattr(exports, "BATCH_BYTES", 100)
    sizes = [10, 10, 10, 10, 90, 5, 200, 1]
    tasks = [Task(Document(f"d{i}.xml", size=size), XDOMEA) for i, size in enumerate(sizes)]
    found = [[t.doc.size for t in batch] for batch in exports.batches(tasks)]
    assert found == [[10, 10, 10], [10, 90], [5], [200], [1]]
