"""Rewritten SchXslt stylesheets (indexed patterns, linear locations) fire the same rules at the same places."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.xml import saxon
from conformance.xml.rewrites import branches, keyed
from conformance.xml.schematron import Rules, compile_schematron
from tests.samples.xrechnung import large_invoice
from tests.xml.corpora import suite_instances, xrechnung
from tests.xml.test_negative_controls import BREAKS, _broken

CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="urn:a"'
SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="a" uri="urn:a"/>
  <pattern>
    <rule context="a:doc[a:head/a:start]/a:line/a:start | a:other[a:head]/a:line">
      <assert id="IN-PERIOD" test=". &gt;= ../../a:head/a:start" flag="fatal">line before head</assert>
    </rule>
    <rule context="a:line"><report id="LINE" test="true()">a line</report></rule>
  </pattern>
  <pattern>
    <rule context="a:note/text()"><report id="TEXT" test="contains(., 'x')">text</report></rule>
    <rule context="processing-instruction('pi')"><report id="PI" test="true()">pi</report></rule>
    <rule context="comment()"><report id="COMMENT" test="true()">comment</report></rule>
    <rule context="a:note/@b"><report id="ATTRIBUTE" test="true()">attribute</report></rule>
  </pattern>
</schema>"""
DOCUMENTS = [
    b"<doc xmlns='urn:a'><line><start>1</start></line><head><start>2</start></head></doc>",
    b"<doc xmlns='urn:a'><line><start>3</start></line><head><start>2</start></head></doc>",
    b"<doc xmlns='urn:a'><line><start>1</start></line><head/></doc>",
    b"<wrap xmlns='urn:a'><doc><head><start>5</start></head><line><start>1</start></line></doc><line/></wrap>",
    b"<other xmlns='urn:a'><head/><line><start>1</start></line></other>",
    b"<other xmlns='urn:a'><line/></other>",
    b"<doc xmlns='urn:a' xmlns:z='urn:a'><note>a<!--c--><?pi 1?>x<?pi 2?><line/>x</note><line/><z:line/>"
    b"<note b='1'>x<!--c--></note><other/><line/></doc>",
]


def _stylesheet(patterns: str) -> bytes:
    templates = "".join(f'<xsl:template match="{p}" priority="1"/>' for p in patterns.split(";"))
    return f'<xsl:stylesheet version="3.0" {XSL}>{templates}</xsl:stylesheet>'.encode()


def test_union_branches_split_outside_brackets_and_strings() -> None:
    assert branches("a[b | c]/d | e[f = '|'] | (g | h)/i") == ["a[b | c]/d ", " e[f = '|'] ", " (g | h)/i"]


def test_a_leading_child_path_predicate_moves_into_a_key() -> None:
    text = keyed(_stylesheet("a:doc[a:head/a:start]/a:line/a:start | a:x")).decode()
    assert "match=\"key('wechselbar-indexed-1', '*')/a:line/a:start | a:x\"" in text
    assert 'name="wechselbar-indexed-1" match="a:doc[a:head/a:start]" use="\'*\'"' in text


@pytest.mark.parametrize(
    "pattern",
    [
        "/a:doc[a:head]/a:line",
        "a:doc[@id]/a:line",
        "a:doc[a:head = 'x']/a:line",
        "a:doc[$flag]/a:line",
        "a:doc[1]/a:line",
        "a:doc[a:head]",
        "a:doc[a:head]//a:line",
        "a:doc[a:head]/a:line/(a:b|a:c)",
        "(a:doc[a:head])/a:line",
    ],
)
def test_other_patterns_are_left_alone(pattern: str) -> None:
    source = _stylesheet(pattern)
    assert b"wechselbar-indexed" not in keyed(source)


def test_indexed_and_plain_compilations_fire_the_same_rules(tmp_path: Path) -> None:
    sch = tmp_path / "rules.sch"
    sch.write_text(SCH, encoding="utf-8")
    indexed = Rules("indexed", compile_schematron(sch, tmp_path / "indexed.xsl"))
    plain = Rules("plain", compile_schematron(sch, tmp_path / "plain.xsl", indexed=False))
    assert "wechselbar-indexed" in indexed.xslt.read_text(encoding="utf-8")
    fired = [_fired(indexed, doc) for doc in DOCUMENTS]
    assert fired == [_fired(plain, doc) for doc in DOCUMENTS]
    assert [sum(rule == "IN-PERIOD" for rule, _ in f) for f in fired] == [1, 0, 0, 1, 1, 0, 0]
    assert [rule for rule, _ in fired[5]] == ["LINE"]
    assert {rule for rule, _ in fired[6]} == {"LINE", "TEXT", "PI", "COMMENT", "ATTRIBUTE"}
    line = "*:{}[namespace-uri()='urn:a'][{}]"
    assert f"/{line.format('doc', 1)}/{line.format('line', 3)}" in [location for _, location in fired[6]]


@pytest.mark.parametrize("syntax", ["ubl", "cii"])
def test_the_xrechnung_build_fires_the_same_rules_as_its_plain_compilation(tmp_path: Path, syntax: str) -> None:
    name = "XRechnung-UBL-validation" if syntax == "ubl" else "XRechnung-CII-validation"
    built = xrechnung().resolve_file(f"resources/xrechnung/@xrechnung.version@/xsl/{name}.xsl")
    assert "wechselbar-indexed" in built.read_text(encoding="utf-8")
    sch = built.parent / "tree/build/schematron" / syntax / f"{name}.sch"
    plain = Rules("plain", compile_schematron(sch, tmp_path / "plain.xsl", compact=True, indexed=False))
    indexed = Rules("indexed", built)
    marker = b"CrossIndustryInvoice" if syntax == "cii" else b"ubl:schema:xsd:Invoice-2"
    documents = [p.read_bytes() for p in suite_instances()]
    documents += [_broken(name, edit) for _, name, edit, _ in BREAKS]
    documents += [_line_findings(mixed) for mixed in (False, True)]
    for document in (d for d in documents if marker in d[:3000]):
        assert _fired(indexed, document) == _fired(plain, document)


def _line_findings(mixed: bool) -> bytes:
    """A generated invoice whose every line breaks PEPPOL-EN16931-R101 (every other line with another prefix)."""
    document = large_invoice(30, line_bytes=600).replace(
        b"</cac:OrderLineReference>",
        (
            b"</cac:OrderLineReference><cac:DocumentReference><cbc:ID>1</cbc:ID>"
            b"<cbc:DocumentTypeCode>999</cbc:DocumentTypeCode></cac:DocumentReference>"
        ),
    )
    if not mixed:
        return document
    other = f'<x:InvoiceLine xmlns:x="{CAC}">'.encode()
    parts = document.split(b"<cac:InvoiceLine>")
    return parts[0] + b"".join(
        (other + p.replace(b"</cac:InvoiceLine>", b"</x:InvoiceLine>", 1)) if n % 2 else b"<cac:InvoiceLine>" + p
        for n, p in enumerate(parts[1:])
    )


def _fired(rules: Rules, document: bytes) -> list[tuple[str, str]]:
    return [(f.rule, f.location) for f in rules.check(saxon.parse(document))]
