"""Schematron compilation with SchXslt, the on-disk cache and the Saxon sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.xml import saxon
from conformance.xml.schematron import Rules, compile_schematron
from tests.xml.corpora import xrechnung

SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <pattern id="abstract" abstract="true">
    <rule context="$element"><assert id="R-1" test="$attribute" flag="fatal">code missing</assert></rule>
  </pattern>
  <pattern is-a="abstract" id="items"><param name="element" value="item"/><param name="attribute" value="@code"/>
  </pattern>
  <pattern><rule context="item[@code = 'x']"><report id="R-2" test="true()" role="warning">code x</report></rule>
  </pattern>
</schema>"""


def test_schematron_compiles_with_abstract_patterns_and_reports(tmp_path: Path) -> None:
    sch = tmp_path / "rules.sch"
    sch.write_text(SCH, encoding="utf-8")
    rules = Rules("rules", compile_schematron(sch, tmp_path / "rules.xsl"))
    found = rules.check(saxon.parse(b"<doc><item/><item code='x'/></doc>"))
    assert [(f.rule, f.severity, f.location) for f in found] == [
        ("R-1", "fatal", "/doc[1]/item[1]"),
        ("R-2", "warning", "/doc[1]/item[2]"),
    ]
    assert found[0].message == "code missing"


def test_builds_are_cached_on_disk_and_reused() -> None:
    location = "resources/xrechnung/@xrechnung.version@/xsl/XRechnung-UBL-validation.xsl"
    first = xrechnung().resolve_file(location)
    stamp = first.stat().st_mtime_ns
    assert xrechnung().resolve_file(location) == first and first.stat().st_mtime_ns == stamp
    assert (first.parent / ".complete").exists()
    text = first.read_text(encoding="utf-8")
    assert "PEPPOL-EN16931-R001" in text and "BR-DE-15" in text and "@xrechnung.version@" not in text


@pytest.mark.parametrize(
    "call",
    [
        "unparsed-text('file:///etc/hostname')",
        "doc('file:///etc/hostname')",
        "doc('http://127.0.0.1:9/x.xml')",
        "collection('file:///etc/')",
    ],
)
def test_stylesheets_cannot_read_files_or_the_network(tmp_path: Path, call: str) -> None:
    path = tmp_path / "probe.xsl"
    path.write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        f'<xsl:template match="/"><r><xsl:value-of select="count({call})"/></r></xsl:template>'
        "</xsl:stylesheet>",
        encoding="utf-8",
    )
    with pytest.raises(saxon.SaxonError, match=r"prohibited|disallowed"):
        Rules("probe", path).run(saxon.parse(b"<a/>"))


def test_validation_stylesheets_cannot_include_files(tmp_path: Path) -> None:
    (tmp_path / "other.xsl").write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>', encoding="utf-8"
    )
    path = tmp_path / "main.xsl"
    path.write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        f'<xsl:include href="{(tmp_path / "other.xsl").as_uri()}"/></xsl:stylesheet>',
        encoding="utf-8",
    )
    with pytest.raises(saxon.SaxonError):
        saxon.executable(path)
