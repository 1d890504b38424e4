"""The fast XSD verdict in the production path of large exports (``stream_validate`` with ``fast``): every xdomea
and XPlanGML fixture, valid or a negative control, gets exactly the report of the single validating parse, with the
verdict before the records pass ("after") and beside it ("beside"); a document the verdict affirms still gets its
record checks' findings; without the library the path is today's; ``validate_one`` picks "beside" only for a
document validated alone on more than one core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conformance.suites.xdomea import validator as xdomea
from conformance.suites.xplangml import validator as xplan
from conformance.xml import exports, fastxsd, stream
from conformance.xml.archives import Document
from conformance.xml.exports import Task
from conformance.xml.report import DocumentReport, Finding
from tests.samples import xplangml as xplan_samples
from tests.xml.test_fastxsd import _xdomea_documents

pytestmark = pytest.mark.skipif(fastxsd.library() is None, reason="the system libxml2 (2.9 or later) is not installed")
Validate = Callable[[Document, str], DocumentReport]


class Taken:
    """Notes, for each streamed document, whether the fast verdict's records pass gave its findings."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.taken: list[bool] = []
        original = stream.fast_records

        def noted(*args: Any, **kwargs: Any) -> stream.PassResult | None:
            found = original(*args, **kwargs)
            self.taken.append(found is not None)
            return found

        monkeypatch.setattr(stream, "fast_records", noted)


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> Taken:
    """Every fixture streamed, however small."""
    monkeypatch.setattr(exports, "IN_MEMORY_BYTES", 0)
    monkeypatch.setattr(xplan, "STREAM_ABOVE", 0)
    return Taken(monkeypatch)


def _reports(
    monkeypatch: pytest.MonkeyPatch, module: Any, validate: Validate, doc: Document, standard: str
) -> dict[str, DocumentReport]:
    """The report of the old path (no fast verdict), of one core ("after": the single parse again) and "beside"."""
    with monkeypatch.context() as old:
        old.setattr(module, "for_document", lambda _ref, _doc: None)
        reports = {"single parse": validate(doc, standard)}
    reports["after"] = validate(doc, standard)
    reports["beside"] = module.validate_wide(doc, standard)
    return reports


def _compare(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: Any, documents: dict[str, bytes], standard: str
) -> dict[str, DocumentReport]:
    """Each document's report by the single parse, after asserting "after" and "beside" give the same."""
    found = {}
    for i, (name, data) in enumerate(documents.items()):
        path = tmp_path / f"{i}.xml"
        path.write_bytes(data)
        reports = _reports(monkeypatch, module, module.validate_document, Document(str(path), size=len(data)), standard)
        assert reports["after"] == reports["single parse"] == reports["beside"], name
        found[name] = reports["single parse"]
    return found


def _record_errors(report: DocumentReport, structural: frozenset[str]) -> list[Finding]:
    return [f for f in report.findings if f.is_error and f.source not in structural and f.rule not in structural]


def test_every_xdomea_fixture_gets_the_report_of_the_single_parse(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, streamed: Taken
) -> None:
    reports = _compare(monkeypatch, tmp_path, xdomea, _xdomea_documents(), xdomea.ID)
    affirmed = [name for name, report in reports.items() if report.valid]
    assert streamed.taken.count(True) == len(affirmed) and streamed.taken.count(False) == len(reports) - len(affirmed)
    assert any(not report.valid for report in reports.values())
    assert any(_record_errors(reports[name], xdomea.STRUCTURAL) for name in affirmed), "record findings, XSD-valid"


@pytest.mark.parametrize("version", ["6.0", "5.4"])
def test_every_xplangml_fixture_gets_the_report_of_the_single_parse(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, streamed: Taken, version: str
) -> None:
    documents = {"valid": xplan_samples.valid(version), "arcs": xplan_samples.arcs(version)}
    documents |= {rule: make(version) for rule, make in xplan_samples.BREAKS.items()}
    reports = _compare(monkeypatch, tmp_path, xplan, documents, f"xplangml-{version}")
    assert reports["valid"].accepted and not reports["schema"].valid
    assert streamed.taken.count(False) == 1 and streamed.taken.count(True) == len(documents) - 1
    breaks = set(xplan_samples.BREAKS) - {"schema", "gml-id"}
    assert all(reports[rule].valid for rule in breaks)
    found = {f.rule for rule in breaks for f in _record_errors(reports[rule], xplan.SCHEMA_RULES)}
    assert found >= breaks - {"doppelbelegung"}, "record findings of documents the verdict affirms"


class Flagging:
    """Record checks that find a problem in every record."""

    def record(self, element: Any, xpath: str) -> list[Finding]:
        return [Finding("RECORD", "error", xpath, "flagged", element.sourceline, None, "record")]

    def finish(self, root: Any) -> list[Finding]:
        return [Finding("ROOT", "warning", "/", "seen", None, None, "record")]


@pytest.mark.parametrize("beside", [False, True])
def test_a_document_the_verdict_affirms_keeps_its_record_findings(tmp_path: Path, beside: bool) -> None:
    path = tmp_path / "valid.gml"
    path.write_bytes(xplan_samples.valid("6.0"))
    ref, doc = xplan.schema("xplangml-6.0"), Document(str(path))
    fast = fastxsd.for_document(ref, doc)
    assert fast is not None and fast.clean(doc.open)
    single = stream.stream_validate(doc.open, xplan.compiled(ref), Flagging, xplan.RECORDS)
    passed = stream.fast_records(doc.open, fast, Flagging, xplan.RECORDS, beside=beside)
    assert passed is not None and passed.findings == single
    found = stream.stream_validate(doc.open, xplan.compiled(ref), Flagging, xplan.RECORDS, fast=fast)
    assert found == single
    assert [f.rule for f in found] == ["RECORD"] * (len(found) - 1) + ["ROOT"] and len(found) > 2


def test_without_the_library_the_single_parse_judges(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, streamed: Taken
) -> None:
    path = tmp_path / "gap.gml"
    path.write_bytes(xplan_samples.gap("6.0"))
    doc = Document(str(path), size=path.stat().st_size)
    with_library = xplan.validate_wide(doc, xplan.ID_60)
    monkeypatch.setattr(fastxsd, "LIBRARY", "libxml2-missing.so.99")
    fastxsd.library.cache_clear()
    fastxsd._compile.cache_clear()
    try:
        assert fastxsd.for_document(xplan.schema(xplan.ID_60), doc) is None
        assert xplan.validate_wide(doc, xplan.ID_60) == with_library == xplan.validate_document(doc, xplan.ID_60)
    finally:
        fastxsd.library.cache_clear()
        fastxsd._compile.cache_clear()
    assert streamed.taken == [True]


def test_a_zip_member_is_not_given_to_the_verdict() -> None:
    assert fastxsd.for_document(xdomea.SCHEMA, Document("export.zip", "message.xml")) is None


@pytest.mark.parametrize(("cores", "beside"), [(1, False), (2, True)])
def test_only_a_document_alone_on_more_than_one_core_runs_the_verdict_beside(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, streamed: Taken, cores: int, beside: bool
) -> None:
    path = tmp_path / "valid.gml"
    path.write_bytes(xplan_samples.valid("6.0"))
    calls: list[bool] = []
    original = stream.stream_validate

    def spied(*args: Any, fast: stream.Verdict | None = None, **kwargs: Any) -> list[Finding]:
        calls.append(fast is not None)
        return original(*args, fast=fast, **kwargs)

    monkeypatch.setattr(xplan, "stream_validate", spied)
    report = exports.validate_one(Task(Document(str(path), size=path.stat().st_size), xplan.ID_60), cores)
    assert report.accepted and calls == [beside] and streamed.taken == ([True] if beside else [])
    assert exports.validate_batch([Task(Document(str(path), size=path.stat().st_size), xplan.ID_60)])[0] == report
    assert calls == [beside, False]
