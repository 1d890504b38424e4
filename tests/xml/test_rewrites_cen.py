"""The CEN stylesheets with linear-time locations: the same findings and paths as the original build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conformance.core.packs import default_store
from conformance.xml import saxon
from conformance.xml.rewrites import MODE, linear_locations
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
