"""Rule contexts counted: each rule of a compiled stylesheet says how many nodes its context matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conformance.xml import contexts, pipeline, saxon, svrl
from conformance.xml.report import RuleContext, Source
from conformance.xml.schematron import Rules, compile_schematron
from tests.xml.corpora import suite_instances

SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <pattern id="items">
    <rule context="item[@code = 'x']"><report id="R-X" test="true()" role="warning">code x</report></rule>
    <rule context="item"><assert id="R-CODE" test="@code" flag="fatal">code missing</assert>
      <assert id="R-LEN" test="string-length(@code) lt 5">code too long</assert></rule>
    <rule context="never"><assert id="R-NEVER" test="false()">never here</assert></rule>
  </pattern>
  <pattern id="doc"><rule context="doc"><assert id="R-DOC" test="item">no item</assert></rule></pattern>
</schema>"""

RULE = """<xsl:template match="{match}" mode="M1" priority="{priority}">
    <xsl:choose><xsl:when test="{test}"/><xsl:otherwise>
      <svrl:failed-assert test="x"><xsl:attribute name="id">{id}</xsl:attribute>
        <xsl:attribute name="location">/item</xsl:attribute><svrl:text>{id}</svrl:text></svrl:failed-assert>
    </xsl:otherwise></xsl:choose>
    <xsl:apply-templates mode="M1" select="@*|*"/>
  </xsl:template>"""
SKELETON = f"""<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:svrl="http://purl.oclc.org/dsdl/svrl" version="2.0">
  <xsl:template match="/">
    <svrl:schematron-output title="t">
      <svrl:active-pattern id="M1"/>
      <xsl:apply-templates mode="M1" select="/"/>
    </svrl:schematron-output>
  </xsl:template>
  {RULE.format(match="item[@code]", priority=1001, test="string-length(@code) lt 5", id="S-LEN")}
  {RULE.format(match="item", priority=1000, test="@code", id="S-CODE")}
  {RULE.format(match="never", priority=999, test="false()", id="S-NEVER")}
  <xsl:template match="text()" mode="M1" priority="-1"/>
  <xsl:template match="@*|node()" mode="M1" priority="-2"><xsl:apply-templates mode="M1" select="@*|*"/></xsl:template>
</xsl:stylesheet>"""

DOC = b"<doc><item/><item code='x'/><item code='abcdefg'/><item code='y'/></doc>"


def _counts(rules: Rules, data: bytes) -> tuple[list[tuple[str, str]], dict[tuple[str, ...], int]]:
    root = svrl.parse(rules.run(saxon.parse(data)))
    table = rules.table
    assert table is not None
    return [(f.rule, f.location) for f in svrl.fired(root)], {c.ids: c.nodes for c in contexts.read(root, table)}


def test_schxslt_rules_count_the_nodes_their_context_matched_after_the_first_rule_of_a_pattern(tmp_path: Path) -> None:
    sch = tmp_path / "rules.sch"
    sch.write_text(SCH, encoding="utf-8")
    plain = Rules("plain", compile_schematron(sch, tmp_path / "plain.xsl", compact=True))
    rules = Rules("rules", compile_schematron(sch, tmp_path / "rules.xsl", compact=True, counted=True))
    found, counts = _counts(rules, DOC)
    assert counts == {("R-X",): 1, ("R-CODE", "R-LEN"): 3, ("R-DOC",): 1}
    assert found == [(f.rule, f.location) for f in plain.check(saxon.parse(DOC))]
    assert ("R-NEVER",) in (rules.table or ()) and plain.table is None


def test_skeleton_rules_count_their_contexts_and_the_report_keeps_its_findings(tmp_path: Path) -> None:
    (tmp_path / "plain.xsl").write_text(SKELETON, encoding="utf-8")
    contexts.write(SKELETON.encode(), tmp_path / "rules.xsl")
    found, counts = _counts(Rules("rules", tmp_path / "rules.xsl"), DOC)
    assert counts == {("S-LEN",): 3, ("S-CODE",): 1}
    assert found == [(f.rule, f.location) for f in Rules("plain", tmp_path / "plain.xsl").check(saxon.parse(DOC))]
    assert found == [("S-CODE", "/item"), ("S-LEN", "/item")]


def test_stripped_reports_are_the_reports_of_the_official_stylesheets(tmp_path: Path) -> None:
    (tmp_path / "plain.xsl").write_text(SKELETON, encoding="utf-8")
    contexts.write(SKELETON.encode(), tmp_path / "rules.xsl")
    plain = Rules("plain", tmp_path / "plain.xsl").run(saxon.parse(DOC))
    stripped = contexts.strip(svrl.parse(Rules("rules", tmp_path / "rules.xsl").run(saxon.parse(DOC))))
    assert _flat(etree.tostring(stripped)) == _flat(etree.tostring(svrl.parse(plain)))


def _flat(xml: bytes) -> bytes:
    return re.sub(rb">\s+<", b"><", xml)


def test_a_stylesheet_without_rules_or_report_is_refused() -> None:
    with pytest.raises(contexts.NotCountable):
        contexts.counted(b'<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="2.0"/>')


def test_the_pipeline_reports_the_rule_contexts_of_every_step() -> None:
    path = suite_instances()[0]
    report = pipeline.validate(Source(path.name, data=path.read_bytes()))
    assert report.accepted and report.contexts
    assert all(isinstance(c, RuleContext) and c.nodes > 0 for c in report.contexts)
    ids = {i for c in report.contexts for i in c.ids}
    assert {"BR-01", "BR-DE-1"} <= ids
