"""Generated XRechnung invoices of any size, built from a test-suite instance and kept arithmetically valid.

Used by the benchmarks (a 20,000-line invoice of about 30 MB, also with a break on every line) and by
tests of the generator itself.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from lxml import etree

from conformance.core.packs import default_store
from conformance.core.xmlsafe import hardened_parser

TEMPLATE = ("xrechnung-testsuite", "src/test/business-cases/standard/01.01a-INVOICE_ubl.xml")
NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}
PRICE = Decimal("10.00")
RATE = Decimal("0.07")


def _elements(root: etree._Element, xpath: str) -> list[etree._Element]:
    found = root.xpath(xpath, namespaces=NS)
    return [n for n in found if isinstance(n, etree._Element)] if isinstance(found, list) else []


def _set(root: etree._Element, xpath: str, value: Decimal) -> None:
    for node in _elements(root, xpath):
        node.text = f"{value:.2f}"


def large_invoice(lines: int, line_bytes: int = 1500, broken: bool = False) -> bytes:
    """A UBL XRechnung with ``lines`` invoice lines of about ``line_bytes`` each; totals add up.

    ``broken``: every line lacks its item name (BR-25) and refers to a document of type 999
    (PEPPOL-EN16931-R101), so each line fires one CEN and one XRechnung rule.
    """
    root = etree.fromstring(default_store().path(*TEMPLATE).read_bytes(), hardened_parser()).getroottree().getroot()
    template = root.find("cac:InvoiceLine", NS)
    assert template is not None
    for line in root.findall("cac:InvoiceLine", NS):
        root.remove(line)
    _price_line(template)
    if broken:
        _break(template)
    _pad(template, line_bytes)
    for number in range(1, lines + 1):
        line = copy.deepcopy(template)
        line.find("cbc:ID", NS).text = f"L{number}"  # type: ignore[union-attr]
        root.append(line)
    _totals(root, lines)
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")


def _price_line(line: etree._Element) -> None:
    _set(line, "cbc:LineExtensionAmount", PRICE)
    _set(line, "cac:Price/cbc:PriceAmount", PRICE)
    for quantity in _elements(line, "cbc:InvoicedQuantity"):
        quantity.text = "1"


def _break(line: etree._Element) -> None:
    for name in _elements(line, "cac:Item/cbc:Name"):
        name.getparent().remove(name)  # type: ignore[union-attr]
    reference = etree.Element(f"{{{NS['cac']}}}DocumentReference")
    etree.SubElement(reference, f"{{{NS['cbc']}}}ID").text = "1"
    etree.SubElement(reference, f"{{{NS['cbc']}}}DocumentTypeCode").text = "999"
    anchor = line.find("cac:OrderLineReference", NS)
    assert anchor is not None
    anchor.addnext(reference)


def _pad(line: etree._Element, line_bytes: int) -> None:
    note = line.find("cbc:Note", NS)
    assert note is not None
    size = len(etree.tostring(line))
    note.text = (note.text or "") + " Lieferung gemäß Abonnement." * max(0, (line_bytes - size) // 28)


def _totals(root: etree._Element, lines: int) -> None:
    net = PRICE * lines
    tax = (net * RATE).quantize(Decimal("0.01"))
    _set(root, "cac:TaxTotal/cbc:TaxAmount | cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount", tax)
    _set(root, "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount", net)
    _set(root, "cac:LegalMonetaryTotal/cbc:LineExtensionAmount | cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", net)
    _set(root, "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount | cac:LegalMonetaryTotal/cbc:PayableAmount", net + tax)


def write_large_invoice(path: Path, lines: int, line_bytes: int = 1500, broken: bool = False) -> Path:
    """Write a generated invoice to a file."""
    path.write_bytes(large_invoice(lines, line_bytes, broken))
    return path
