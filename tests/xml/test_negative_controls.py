"""Negative controls: deliberately broken copies of accepted invoices are rejected by the rule naming the break."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from conformance.xml import pipeline
from conformance.xml.report import Source
from tests.xml.corpora import suite_instances

NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
UBL = "01.01a-INVOICE_ubl.xml"
CII = "01.01a-INVOICE_uncefact.xml"
UBL_PERIOD = "01.07a-INVOICE_ubl.xml"
CII_PERIOD = "01.07a-INVOICE_uncefact.xml"
CII_LINE_PERIOD = "//ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod"


def _instance(name: str) -> bytes:
    return next(p for p in suite_instances() if p.name == name).read_bytes()


def _remove(xpath: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        found = root.xpath(xpath, namespaces=NS)
        assert found, f"nothing to break at {xpath}"
        for node in found:
            node.getparent().remove(node)

    return edit


def _set(xpath: str, value: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        found = root.xpath(xpath, namespaces=NS)
        assert found, f"nothing to break at {xpath}"
        for node in found:
            node.text = value

    return edit


def _insert_unknown(root: etree._Element) -> None:
    root.insert(2, etree.Element(f"{{{NS['cbc']}}}Unknown"))


BREAKS: list[tuple[str, str, Callable[[etree._Element], None], str]] = [
    ("ubl-no-buyer-reference", UBL, _remove("/*/cbc:BuyerReference"), "BR-DE-15"),
    ("cii-no-buyer-reference", CII, _remove("//ram:ApplicableHeaderTradeAgreement/ram:BuyerReference"), "BR-DE-15"),
    ("ubl-no-seller-country", UBL, _remove("/*/cac:AccountingSupplierParty//cac:PostalAddress/cac:Country"), "BR-09"),
    ("ubl-bad-currency", UBL, _set("/*/cbc:DocumentCurrencyCode", "EUX"), "BR-CL-04"),
    (
        "ubl-no-seller-contact-mail",
        UBL,
        _remove("/*/cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:ElectronicMail"),
        "BR-DE-7",
    ),
    ("ubl-wrong-payable-amount", UBL, _set("/*/cac:LegalMonetaryTotal/cbc:PayableAmount", "1.00"), "BR-CO-16"),
    ("ubl-unknown-element", UBL, _insert_unknown, "XSD"),
    (
        "ubl-line-starts-before-invoice-period",
        UBL_PERIOD,
        _set("/*/cac:InvoiceLine/cac:InvoicePeriod/cbc:StartDate", "2016-05-31"),
        "PEPPOL-EN16931-R110",
    ),
    (
        "ubl-line-ends-after-invoice-period",
        UBL_PERIOD,
        _set("/*/cac:InvoiceLine/cac:InvoicePeriod/cbc:EndDate", "2016-07-01"),
        "PEPPOL-EN16931-R111",
    ),
    (
        "cii-line-starts-before-invoice-period",
        CII_PERIOD,
        _set(f"{CII_LINE_PERIOD}/ram:StartDateTime/*", "20160531"),
        "PEPPOL-EN16931-R110",
    ),
    (
        "cii-line-ends-after-invoice-period",
        CII_PERIOD,
        _set(f"{CII_LINE_PERIOD}/ram:EndDateTime/*", "20160701"),
        "PEPPOL-EN16931-R111",
    ),
]


def _broken(name: str, edit: Callable[[etree._Element], None]) -> bytes:
    root = etree.fromstring(_instance(name))
    edit(root)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def test_the_originals_are_accepted() -> None:
    for name in (UBL, CII, UBL_PERIOD, CII_PERIOD):
        assert pipeline.validate(Source(name, data=_instance(name))).accepted


@pytest.mark.parametrize(("case", "name", "edit", "rule"), BREAKS, ids=[b[0] for b in BREAKS])
def test_broken_copy_is_rejected_by_the_named_rule(
    case: str, name: str, edit: Callable[[etree._Element], None], rule: str
) -> None:
    report = pipeline.validate(Source(case, data=_broken(name, edit)))
    assert not report.accepted and not report.valid
    fired = report.fired(rule)
    assert fired and all(f.is_error for f in fired), [f.to_json() for f in report.findings]
    assert all(f.line for f in fired)


def test_unknown_version_is_rejected_as_unknown_document_type() -> None:
    data = _instance(UBL).replace(b"xrechnung_3.0", b"xrechnung_2.3")
    report = pipeline.validate(Source("old.xml", data=data))
    assert not report.accepted and not report.valid and report.scenario is None
    assert report.error and "unknown document type" in report.error and "xrechnung_2.3" in report.error


def test_unknown_root_is_rejected() -> None:
    report = pipeline.validate(Source("other.xml", data=b"<Order xmlns='urn:x'/>"))
    assert not report.accepted and report.error and "unknown document type" in report.error


def test_not_well_formed_is_rejected_with_position(tmp_path: Path) -> None:
    report = pipeline.validate(Source("bad.xml", data=_instance(UBL)[:-40]))
    assert not report.accepted and not report.valid
    assert report.findings[0].source == "parse" and report.findings[0].line


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(_instance(UBL))
    monkeypatch.setattr(pipeline, "DEFAULT_MAX_BYTES", 100)
    report = pipeline.validate(Source.file(big))
    assert not report.accepted and report.findings[0].source == "parse"
    assert "limit" in report.findings[0].message
