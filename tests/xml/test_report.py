"""Document reports and the validator registry."""

from __future__ import annotations

import json

import pytest

from conformance.harness import registry
from conformance.xml import report
from conformance.xml.report import DocumentReport, Finding, Source


def test_report_json_has_the_documented_members() -> None:
    finding = Finding("BR-DE-15", "fatal", "/ubl:Invoice[1]", "Leitweg-ID fehlt", 3, 5, "schematron")
    doc = DocumentReport("a.xml", "xrechnung-3.0", False, False, "xrechnung_ubl", (finding,))
    data = json.loads(json.dumps(doc.to_json()))
    assert {"file", "standard", "valid", "accepted", "findings"} <= set(data)
    assert data["findings"][0]["rule"] == "BR-DE-15"
    assert {"rule", "severity", "location", "message"} <= set(data["findings"][0])
    assert doc.errors == (finding,) and doc.fired("BR-DE-15") == (finding,)


def test_rejected_is_never_valid() -> None:
    doc = report.rejected(Source("x.xml", data=b""), "xrechnung-3.0", "unknown document type")
    assert not doc.valid and not doc.accepted and doc.error == "unknown document type"


def test_the_registered_suites_offer_their_validators() -> None:
    assert {v.standard for v in report.validators()} >= {"xrechnung-3.0", "xdomea-3.0.0"}
    assert report.validator_for("xdomea").standard == "xdomea-3.0.0"


def test_registry_dispatches_by_id_alias_and_root(monkeypatch: pytest.MonkeyPatch) -> None:
    def grade(source: Source) -> DocumentReport:
        return DocumentReport(source.name, "demo-1", True, True, None)

    demo = report.Validator("demo-1", grade, lambda root: root == "{urn:demo}Root", aliases=("demo",))
    known = registry.document_validators()
    monkeypatch.setattr(registry, "document_validators", lambda: (*known, demo))
    assert report.validator_for("demo").standard == "demo-1"
    found = report.detect("{urn:demo}Root")
    assert found is not None and found.validate(Source("f", data=b"")).accepted
    assert report.detect("{urn:other}Root") is None or report.detect("{urn:other}Root").standard != "demo-1"
    with pytest.raises(KeyError):
        report.validator_for("nope")
