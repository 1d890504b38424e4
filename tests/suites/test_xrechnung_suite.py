"""The XRechnung 3.0 suite end to end: export files and an export URL, rule-level verdicts with evidence."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest

from conformance.core.outcomes import Outcome
from conformance.core.results import Result
from conformance.suites.xrechnung.catalogue import BASE
from tests.suites.document_support import run_suite
from tests.targets.servers import LOCALHOST, free_port, running
from tests.xml.corpora import suite_instances

VENDORS = """
[[vendors]]
id = "reference"
name = "Reference export"
version = "1"
[[vendors.targets]]
standard = "xrechnung-3.0"
paths = ["reference.zip", "more/*.xml"]

[[vendors]]
id = "broken"
name = "Broken export"
version = "1"
[[vendors.targets]]
standard = "xrechnung-3.0"
paths = ["broken"]

[[vendors]]
id = "capped"
name = "Export beyond the archive limits"
version = "1"
[[vendors.targets]]
standard = "xrechnung-3.0"
paths = ["reference.zip"]
options = {{ max_zip_entries = 1 }}

[[vendors]]
id = "charged"
name = "An invoice with document-level charges"
version = "1"
[[vendors.targets]]
standard = "xrechnung-3.0"
paths = ["charged.xml"]

[[vendors]]
id = "empty"
name = "An export folder without documents"
version = "1"
[[vendors.targets]]
standard = "xrechnung-3.0"
paths = ["empty"]

[[vendors]]
id = "download"
name = "Export by URL"
version = "1"
[[vendors.targets]]
standard = "xrechnung-3.0"
urls = ["{url}"]
"""
TESTS = (
    "export-recognised",
    "export-accepted",
    "ubl-invoice-cius-XSD",
    "ubl-invoice-cius-BR-DE-15",
    "ubl-invoice-cius-UBL-CR",
    "cii-extension-BR-DE-15",
    "cii-cius-XSD",
    "ubl-invoice-extension-XSD",
    "ubl-invoice-extension-BR-CO-16",
    "ubl-creditnote-cius-BR-DE-15",
    "ubl-invoice-cius-BR-CO-22",
)
SELECTED = " or ".join(TESTS)


def _instance(name: str) -> bytes:
    return next(p for p in suite_instances() if p.name == name).read_bytes()


def _exports(folder: Path) -> None:
    with zipfile.ZipFile(folder / "reference.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("rechnungen/01.01a-INVOICE_ubl.xml", _instance("01.01a-INVOICE_ubl.xml"))
        archive.writestr("rechnungen/04.05a-INVOICE_uncefact.xml", _instance("04.05a-INVOICE_uncefact.xml"))
    (folder / "more").mkdir()
    (folder / "more" / "extension.xml").write_bytes(_instance("05.01a-INVOICE_ubl.xml"))
    broken = folder / "broken"
    broken.mkdir()
    ubl = _instance("01.01a-INVOICE_ubl.xml")
    (broken / "no-buyer-reference.xml").write_bytes(
        re.sub(rb"<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", b"", ubl)
    )
    (broken / "schema-invalid.xml").write_bytes(ubl.replace(b"<cbc:IssueDate>", b"<cbc:Unknown/><cbc:IssueDate>"))
    (broken / "order.xml").write_text("<Order xmlns='urn:example:order'/>")
    (folder / "empty").mkdir()
    (folder / "charged.xml").write_bytes(_instance("01.01_comprehensive_test_ubl.xml"))


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Result]:
    folder = tmp_path_factory.mktemp("xrechnung-suite")
    _exports(folder)
    port = free_port()
    url = f"http://{LOCALHOST}:{port}/reference.zip"
    (folder / "vendors.toml").write_text(VENDORS.format(url=url), encoding="utf-8")
    server = [sys.executable, "-m", "http.server", str(port), "--bind", LOCALHOST, "--directory", str(folder)]
    with running(server, url, folder / "server.log"):
        run = run_suite("xrechnung", folder, "-k", SELECTED)
    return {(r.vendor, r.requirement.removeprefix(f"{BASE}/req/")): r for r in run.results}


def test_the_reference_export_passes(results: dict[tuple[str, str], Result]) -> None:
    for key in (
        "export/recognised",
        "export/accepted",
        "ubl-invoice-cius/BR-DE-15",
        "ubl-invoice-cius/XSD",
        "cii-extension/BR-DE-15",
        "ubl-invoice-extension/XSD",
    ):
        assert results[("reference", key)].outcome is Outcome.PASS, key


def test_the_export_url_is_graded_like_the_files(results: dict[tuple[str, str], Result]) -> None:
    assert results[("download", "export/accepted")].outcome is Outcome.PASS
    assert results[("download", "cii-extension/BR-DE-15")].outcome is Outcome.PASS
    assert "2 of 2 document(s) accepted" in [n.text for n in results[("download", "export/accepted")].notes]


def test_classes_without_documents_are_not_applicable(results: dict[tuple[str, str], Result]) -> None:
    assert results[("reference", "ubl-creditnote-cius/BR-DE-15")].outcome is Outcome.NOT_APPLICABLE
    assert results[("broken", "cii-cius/XSD")].outcome is Outcome.NOT_APPLICABLE


def test_the_missing_buyer_reference_fails_br_de_15_with_file_and_xpath(results: dict[tuple[str, str], Result]) -> None:
    result = results[("broken", "ubl-invoice-cius/BR-DE-15")]
    assert result.outcome is Outcome.FAIL and result.obligation == "MUSS"
    [violation] = result.findings
    assert violation.locator.where.endswith("no-buyer-reference.xml")
    assert violation.locator.xpath == "/ubl:Invoice[1]" and violation.locator.line
    assert "BR-DE-15" in str(violation.actual)


def test_the_schema_violation_fails_the_schema_requirement(results: dict[tuple[str, str], Result]) -> None:
    result = results[("broken", "ubl-invoice-cius/XSD")]
    assert result.outcome is Outcome.FAIL
    assert any(
        v.locator.where.endswith("schema-invalid.xml") and v.locator.xpath == "/ubl:Invoice/cbc:Unknown"
        for v in result.findings
    )


def test_the_export_requirements_name_each_bad_document(results: dict[tuple[str, str], Result]) -> None:
    recognised = results[("broken", "export/recognised")]
    assert recognised.outcome is Outcome.FAIL
    assert [v.locator.where.rsplit("/", 1)[-1] for v in recognised.findings] == ["order.xml"]
    accepted = results[("broken", "export/accepted")]
    assert accepted.outcome is Outcome.FAIL
    assert sorted(v.locator.where.rsplit("/", 1)[-1] for v in accepted.findings) == [
        "no-buyer-reference.xml",
        "order.xml",
        "schema-invalid.xml",
    ]


def test_the_archive_limits_of_the_vendors_file_apply(results: dict[tuple[str, str], Result]) -> None:
    recognised = results[("capped", "export/recognised")]
    assert recognised.outcome is Outcome.FAIL
    [violation] = recognised.findings
    assert violation.locator.where.endswith("reference.zip")
    assert "2 entries" in violation.text and "(1 entries" in violation.text, violation
    assert results[("capped", "ubl-invoice-cius/BR-DE-15")].outcome is Outcome.NOT_APPLICABLE


def test_information_level_rules_never_fail(results: dict[tuple[str, str], Result]) -> None:
    result = results[("reference", "ubl-invoice-extension/BR-CO-16")]
    assert result.obligation == "KANN" and result.outcome is Outcome.PASS
    assert any("hint" in note.text for note in result.notes)


def test_a_rule_whose_context_never_occurs_is_not_applicable_never_passed(
    results: dict[tuple[str, str], Result],
) -> None:
    """BR-CO-22 judges document-level charges (cac:AllowanceCharge with ChargeIndicator true): the reference
    invoice has none, so the rule cannot fire there and does not apply; an invoice with charges is judged."""
    unjudged = results[("reference", "ubl-invoice-cius/BR-CO-22")]
    assert unjudged.outcome is Outcome.NOT_APPLICABLE and not unjudged.findings
    assert unjudged.reason_text == (
        "the context of BR-CO-22 occurs in none of the 1 schema-valid documents of class "
        "ubl-invoice-cius: the rule does not apply"
    )
    judged = results[("charged", "ubl-invoice-cius/BR-CO-22")]
    assert judged.outcome is Outcome.PASS and judged.examined[0].count >= 1
    assert "in 1 of 1 schema-valid documents" in judged.examined[0].message.text


def test_every_check_says_what_it_examined(results: dict[tuple[str, str], Result]) -> None:
    for key, result in results.items():
        if result.outcome in (Outcome.PASS, Outcome.FAIL):
            assert result.examined and result.revision == 2, key
    accepted = results[("reference", "export/accepted")]
    assert [(e.count, e.message.code) for e in accepted.examined] == [(3, "xrechnung.examined.documents")]
    broken = results[("broken", "ubl-invoice-cius/BR-DE-15")]
    assert broken.examined[0].count == 1 and "in 1 of 1 schema-valid" in broken.examined[0].message.text


def test_an_export_without_documents_is_not_applicable(results: dict[tuple[str, str], Result]) -> None:
    for key in ("export/recognised", "export/accepted"):
        result = results[("empty", key)]
        assert result.outcome is Outcome.NOT_APPLICABLE, key
        assert result.reason_text == "nothing examined: looked for documents of the export"
    assert results[("empty", "ubl-invoice-cius/BR-DE-15")].reason_text == (
        "the export holds no document of class ubl-invoice-cius"
    )
