"""Code-list tests answered from a map: the same answers as the scan of the list's text, the same CEN reports."""

from __future__ import annotations

import re

import pytest

from conformance.core.packs import default_store
from conformance.xml import saxon
from conformance.xml.codelists import MINIMUM, listed, rewrite
from tests.xml.corpora import cen_unit_tests, suite_instances, xrechnung

WORDS = " ".join(f"C{n:02d}" for n in range(40))
LIST = f"' {WORDS} H87 XPP '"


def test_a_code_list_test_calls_the_lookup_with_the_same_arguments() -> None:
    lists: dict[str, int] = {}
    probe = "concat(' ', normalize-space(@unitCode), ' ')"
    test = f"(not(contains(normalize-space(@unitCode), ' ')) and contains({LIST}, {probe}))"
    assert rewrite(test, lists) == (
        "(not(contains(normalize-space(@unitCode), ' ')) and Q{urn:wechselbar:rewrites}listed("
        f"$Q{{urn:wechselbar:rewrites}}words-1, {LIST}, {probe}))"
    )
    assert lists == {LIST: 1}


@pytest.mark.parametrize(
    "test",
    [
        "contains(' A B C ', concat(' ', ., ' '))",
        f"contains({LIST}, concat(' ', ., ' '), 'http://www.w3.org/2005/xpath-functions/collation/codepoint')",
        f"contains({LIST}, concat(' ', ., ''))",
        f"contains({LIST}, concat('', ., ' '))",
        f"contains({LIST}, concat(' ', ., '-', ' '))",
        f"contains({LIST}, .)",
        f"wechselbar:contains({LIST}, concat(' ', ., ' '))",
        f"contains($list, concat(' ', ., ' ')) and {LIST}",
    ],
)
def test_other_forms_stay_as_they_are(test: str) -> None:
    assert len(LIST) >= MINIMUM
    assert rewrite(test, {}) == test


def test_quotes_and_calls_inside_the_probe_are_kept() -> None:
    quoted = LIST.replace("H87", "O''K")
    test = f"contains({quoted}, concat(' ', upper-case(substring(., 1, 3)), ' ')) or x"
    assert rewrite(test, {}).endswith(f", {quoted}, concat(' ', upper-case(substring(., 1, 3)), ' ')) or x")


PROBES = ["C01", "C39", "H87", "XPP", "C0", "C01 C02", "H87 XPP", "", " ", "c01", "C01\t", "XPP ", "40", "O'K", "é"]
STYLESHEET = f"""<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="2.0">
  <xsl:template match="/">
    <out><xsl:for-each select="//v"><xsl:choose>
      <xsl:when test="contains({LIST}, concat(' ', string(.), ' '))">1</xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose><xsl:if test="contains('{WORDS} H87 XPP', concat(' ', string(.), ' '))">+</xsl:if></xsl:for-each></out>
  </xsl:template>
</xsl:stylesheet>"""


def test_the_lookup_answers_as_the_scan_for_every_probe() -> None:
    document = "<r>" + "".join(f"<v>{p.replace('&', '&amp;')}</v>" for p in PROBES) + "</r>"
    node = saxon.parse(document.encode())
    rewritten = listed(STYLESHEET.encode())
    assert rewritten.count(b"}listed(") == 2
    before, after = (saxon.transform(saxon.compile_text(s), node) for s in (STYLESHEET, rewritten.decode()))
    assert before == after and "1" in before and "0" in before and "+" in before


def _official(syntax: str) -> tuple[str, str]:
    config = xrechnung()
    recipe = config.builds["cen-rules"]
    name = f"EN16931-{syntax.upper()}-validation.xsl"
    text = saxon.build_step(
        default_store().path(config.scenarios_pack, recipe["stylesheet"]),
        default_store().path(recipe["pack"], recipe["files"][name]),
    )
    return text, listed(text.encode()).decode()


CASES = [("ubl", "tc434-ubl", "_ubl.xml"), ("cii", "tc434-cii", "_uncefact.xml")]


def _miscoded(document: bytes) -> list[bytes]:
    """The document with its unit and currency codes replaced by words the lists do not hold as one word."""
    return [re.sub(rb'(unitCode|currencyID)="[^"]*"', rb'\1="' + code + b'"', document) for code in CODES]


CODES = (b"C62 H87", b"", b"XXX", b"c62", b" EUR")


@pytest.mark.parametrize(("syntax", "configuration", "suffix"), CASES)
def test_the_cen_rules_with_lookups_write_the_official_report(syntax: str, configuration: str, suffix: str) -> None:
    official, rewritten = (saxon.compile_text(s) for s in _official(syntax))
    units = [t for t in cen_unit_tests() if t.configuration.startswith(configuration)]
    coded = [t.document for t in units if any(e.rule.startswith("BR-CL-") for e in t.expectations)]
    instances = [p.read_bytes() for p in suite_instances() if p.name.endswith(suffix)]
    documents = [*coded, *(t.document for t in units[::20]), *instances, *_miscoded(instances[0])]
    nodes = [saxon.parse(document) for document in documents]
    reports = [(saxon.transform(rewritten, node), saxon.transform(official, node)) for node in nodes]
    assert all(ours == theirs for ours, theirs in reports)
    assert all("BR-CL-23" in theirs for _, theirs in reports[-len(CODES) :])
