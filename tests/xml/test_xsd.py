"""XSD validation through the pack resolver: all violations, positions, no network, no stray files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conformance.core.packs import default_store
from conformance.xml.report import Source
from conformance.xml.resolver import PackResolver, ResolveRefused, resolving_parser
from conformance.xml.xsd import SchemaRef, compiled, validate_source

UBL = SchemaRef("ubl-2.1", "xsd/maindoc/UBL-Invoice-2.1.xsd")
CII = SchemaRef(
    "en16931-cen",
    "cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd",
)
CASES = "src/test/business-cases/standard"


def _instance(name: str) -> bytes:
    return default_store().path("xrechnung-testsuite", f"{CASES}/{name}").read_bytes()


def test_reference_instances_are_valid() -> None:
    assert validate_source(Source("ubl", data=_instance("01.01a-INVOICE_ubl.xml")), UBL) == []
    assert validate_source(Source("cii", data=_instance("01.01a-INVOICE_uncefact.xml")), CII) == []


def test_every_violation_has_line_column_and_xpath() -> None:
    data = _instance("01.01a-INVOICE_ubl.xml").replace(b"<cbc:IssueDate>2016-04-04", b"<cbc:IssueDate>2016-13-04")
    data = data.replace(b"<cbc:PayableAmount", b"<cbc:PayableAmount bogus='1'")
    found = validate_source(Source("bad", data=data), UBL)
    assert [(f.location, f.line) for f in found] == [
        ("/ubl:Invoice/cbc:IssueDate", 8),
        ("/ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount", 92),
    ]
    assert all(f.rule == "XSD" and f.severity == "error" and f.column for f in found)
    assert "cvc-datatype-valid" in found[0].message


def test_violations_after_an_unexpected_element_are_still_reported() -> None:
    data = _instance("01.01a-INVOICE_ubl.xml").replace(b"<cbc:IssueDate>", b"<cbc:Foo/><cbc:IssueDate>")
    data = data.replace(b"<cbc:PayableAmount", b"<cbc:PayableAmount bogus='1'")
    found = validate_source(Source("bad", data=data), UBL)
    assert {f.location for f in found} == {
        "/ubl:Invoice/cbc:Foo",
        "/ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount",
    }


def test_parse_refusals_are_findings() -> None:
    found = validate_source(Source("x", data=b"<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>"), UBL)
    assert [f.source for f in found] == ["parse"]
    assert found[0].severity == "fatal"


def test_schemas_are_compiled_once() -> None:
    assert compiled(UBL) is compiled(UBL)


@pytest.mark.parametrize(
    "root",
    ["wfs/2.0/wfs.xsd", "gml/3.1.1/base/gml.xsd", "sld/1.1.0/StyledLayerDescriptor.xsd", "csw/2.0.2/CSW-discovery.xsd"],
)
def test_ogc_schemas_compile_offline_under_their_canonical_urls(root: str) -> None:
    assert compiled(SchemaRef("ogc-xml-schemas", root)) is not None


def test_unmapped_locations_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xsd"
    secret.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>')
    resolver = PackResolver()
    text = (
        f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="a" '
        f'schemaLocation="{secret.as_uri()}"/><xs:import namespace="b" '
        f'schemaLocation="http://example.org/b.xsd"/></xs:schema>'
    )
    doc = etree.fromstring(text.encode(), resolving_parser(resolver), base_url="http://schemas.opengis.net/x.xsd")
    with pytest.raises(etree.XMLSchemaParseError):
        etree.XMLSchema(doc)
    assert resolver.refused and not resolver.served
    with pytest.raises(ResolveRefused):
        resolver.resolve("https://example.org/x.xsd", None, None)
