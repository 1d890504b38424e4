"""The CEN stylesheets with linear-time locations: the same findings and paths as the original build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conformance.core.packs import default_store
from conformance.xml import saxon
from conformance.xml.rewrites import MODE, linear_locations, without_idle_traversals
from conformance.xml.schematron import Rules
from tests.samples.xrechnung import large_invoice
from tests.xml.corpora import cen_unit_tests, suite_instances, xrechnung

CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"


def _without_item_names(document: bytes) -> bytes:
    return re.sub(
        rb"(<cac:Item>\s*(?:<cbc:Description>[^<]*</cbc:Description>\s*)?)<cbc:Name>[^<]*</cbc:Name>", rb"\1", document
    )


def _mixed_prefixes(document: bytes) -> bytes:
    """Every third invoice line written with another prefix for the same namespace (another name())."""
    parts = document.split(b"<cac:InvoiceLine>")
    out = parts[0]
    for number, part in enumerate(parts[1:]):
        if number % 3 == 1:
            body, _, rest = part.partition(b"</cac:InvoiceLine>")
            out += f'<x:InvoiceLine xmlns:x="{CAC}">'.encode() + body + b"</x:InvoiceLine>" + rest
        else:
            out += b"<cac:InvoiceLine>" + part
    return out


def _fired(rules: Rules, document: bytes) -> list[tuple[str, str]]:
    return [(f.rule, f.location) for f in rules.check(saxon.parse(document))]


def test_a_stylesheet_without_the_template_is_unchanged() -> None:
    text = b'<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="2.0"/>'
    assert linear_locations(text) == text


def _built_and_original(syntax: str, folder: Path) -> tuple[Rules, Rules]:
    config = xrechnung()
    built = config.resolve_file(f"resources/{syntax}/xsl/EN16931-{syntax[:3].upper()}-validation.xsl")
    assert "wechselbar:name-positions" in built.read_text(encoding="utf-8")
    recipe = config.builds["cen-rules"]
    original = folder / "original.xsl"
    original.write_text(
        saxon.build_step(
            default_store().path(config.scenarios_pack, recipe["stylesheet"]),
            default_store().path(recipe["pack"], recipe["files"][built.name]),
        ),
        encoding="utf-8",
    )
    assert f'mode="{MODE}"' in original.read_text(encoding="utf-8")
    return Rules("built", built), Rules("original", original)


def test_the_built_cen_rules_print_the_same_locations_as_the_original(tmp_path: Path) -> None:
    fast, slow = _built_and_original("ubl/2.1", tmp_path)
    invoice = _without_item_names(large_invoice(40, line_bytes=600))
    documents = [invoice, _mixed_prefixes(invoice)]
    documents += [t.document for t in cen_unit_tests()[::40] if t.configuration != "tc434-cii"]
    for document in documents:
        assert _fired(fast, document) == _fired(slow, document)
    paths = [location for rule, location in _fired(fast, documents[1]) if rule == "BR-25"]
    assert len(paths) == 40 and "/ubl:Invoice/x:InvoiceLine[2]" in paths and "/ubl:Invoice/cac:InvoiceLine[27]" in paths


def test_the_built_cii_rules_print_the_same_locations_as_the_original(tmp_path: Path) -> None:
    fast, slow = _built_and_original("cii/16b", tmp_path)
    documents = [t.document for t in cen_unit_tests() if t.configuration == "tc434-cii"]
    documents += [p.read_bytes() for p in suite_instances() if p.name.endswith("_uncefact.xml")]
    fired = [_fired(fast, document) for document in documents]
    assert fired == [_fired(slow, document) for document in documents] and any(fired)


@pytest.mark.parametrize("count", [1, 2])
def test_root_and_first_siblings_carry_no_index(count: int) -> None:
    fired = _fired(
        Rules("built", xrechnung().resolve_file("resources/ubl/2.1/xsl/EN16931-UBL-validation.xsl")),
        _without_item_names(large_invoice(count, line_bytes=600)),
    )
    paths = [location for rule, location in fired if rule == "BR-25"]
    assert paths[0] == "/ubl:Invoice/cac:InvoiceLine"
    assert paths[1:] == ([] if count == 1 else ["/ubl:Invoice/cac:InvoiceLine[2]"])


XSL_NS = "http://www.w3.org/1999/XSL/Transform"
SKELETON = """<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="2.0"
    xmlns:svrl="http://purl.oclc.org/dsdl/svrl">
  <xsl:template match="text()" priority="-1"/>
  <xsl:template match="/">
    <svrl:schematron-output><svrl:active-pattern id="p"><xsl:apply-templates/></svrl:active-pattern>
    <xsl:apply-templates select="/" mode="M1"/></svrl:schematron-output>
  </xsl:template>
  <xsl:template match="b" mode="M1"><svrl:failed-assert test="b"/><xsl:apply-templates mode="M1" select="@*|*"/>
  </xsl:template>
  <xsl:template match="@*|node()" mode="M1"><xsl:apply-templates mode="M1" select="@*|*"/></xsl:template>
  EXTRA
</xsl:stylesheet>"""
MIXED = b"<?pi x?><!-- c --><a>text<b x='1'>more<!-- c --><?pi y?><b/></b>tail</a><!-- after -->"


def _bare(stylesheet: bytes | str) -> int:
    text = stylesheet if isinstance(stylesheet, str) else stylesheet.decode("utf-8")
    return text.count("<xsl:apply-templates/>") + text.count(f'<apply-templates xmlns="{XSL_NS}"/>')


def test_the_idle_traversals_go_and_the_report_stays_the_same() -> None:
    original = SKELETON.replace("EXTRA", "").encode()
    rewritten = without_idle_traversals(original)
    assert _bare(original) == 1 and _bare(rewritten) == 0
    before, after = (saxon.transform(saxon.compile_text(s.decode()), saxon.parse(MIXED)) for s in (original, rewritten))
    assert before == after and before.count("failed-assert") == 2


@pytest.mark.parametrize(
    "extra",
    [
        '<xsl:template match="*"><seen/></xsl:template>',
        '<xsl:template match="text()"><xsl:value-of select="."/></xsl:template>',
        '<xsl:template match="comment()" mode="#all"><seen/></xsl:template>',
        '<xsl:mode on-no-match="shallow-copy"/>',
        '<xsl:template name="n" default-mode="M1"/>',
        '<xsl:include href="other.xsl"/>',
    ],
)
def test_traversals_that_could_write_something_stay(extra: str) -> None:
    original = SKELETON.replace("EXTRA", extra).encode()
    assert without_idle_traversals(original) == original


@pytest.mark.parametrize(("syntax", "configuration"), [("ubl/2.1", "tc434-ubl"), ("cii/16b", "tc434-cii")])
def test_the_built_rules_keep_no_idle_traversal_and_write_the_official_report(
    tmp_path: Path, syntax: str, configuration: str
) -> None:
    built, original = _built_and_original(syntax, tmp_path)
    text = original.xslt.read_bytes()
    rewritten = saxon.compile_text(without_idle_traversals(text).decode("utf-8"))
    assert _bare(built.xslt.read_text(encoding="utf-8")) == 0 and _bare(text) == 3
    suffix = "_uncefact.xml" if syntax.startswith("cii") else "_ubl.xml"
    documents = [p.read_bytes() for p in suite_instances() if p.name.endswith(suffix)][::4]
    documents += [t.document for t in cen_unit_tests() if t.configuration == configuration][::25]
    documents.append(documents[0].replace(b"?>", b"?><?pi x?><!-- c -->", 1).replace(b"</", b"<!-- d --></", 3))
    reports = [(saxon.transform(rewritten, node), original.run(node)) for node in map(saxon.parse, documents)]
    assert all(ours == official for ours, official in reports)
    assert any("failed-assert" in official for _, official in reports)
