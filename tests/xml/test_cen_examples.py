"""The CEN example invoices: XSD-valid and free of fatal CEN findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conformance.xml import saxon
from conformance.xml.report import Source
from conformance.xml.xsd import SchemaRef, validate_source
from tests.xml.corpora import cen_examples, cen_rules

CII = "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice"
CII_XSD = SchemaRef(
    "en16931-cen",
    "cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd",
)


def test_all_63_examples_are_there() -> None:
    assert len(cen_examples()) == 63


@pytest.mark.parametrize("path", cen_examples(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_passes_the_cen_rules(path: Path) -> None:
    data = path.read_bytes()
    root = etree.fromstring(data)
    cii = root.tag == CII
    schema = CII_XSD if cii else SchemaRef("ubl-2.1", f"xsd/maindoc/UBL-{etree.QName(root).localname}-2.1.xsd")
    assert validate_source(Source(path.name, data=data), schema) == []
    fired = cen_rules("tc434-cii" if cii else "tc434-ubl").check(saxon.parse(data))
    assert [f.rule for f in fired if f.severity == "fatal"] == []
