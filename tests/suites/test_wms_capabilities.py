"""The streamed WMS capabilities: a document with schema errors is also checked for well-formedness without the
schema, since libxml2 with a schema plugged in lets a namespace error that comes with a schema error pass."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.demo.capabilities_flood import wms
from conformance.suites.wms.api import WMS_XSD
from conformance.suites.wms.capabilities import Sample, read
from conformance.xml.schemaset import compile_set, gather

LIMITS = {"max_layers": 3, "max_links": 4}.__getitem__
LAYER = b'<Layer queryable="1"><Name>layer1<'


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return compile_set([WMS_XSD], gather([WMS_XSD], lambda url: "not fetched").documents)


def test_valid_and_merely_invalid_capabilities_are_read(schema: etree.XMLSchema) -> None:
    document = wms("http://127.0.0.1:9", 5)
    assert read(document, schema, LIMITS).schema_errors.count == 0
    invalid = document.replace(LAYER, b'<Layer queryable="1" foo="1"><Name>layer1<', 1)
    found = read(invalid, schema, LIMITS)
    assert found.schema_errors.count == 1 and found.layers == 10


def test_a_namespace_error_beside_a_schema_error_is_refused_as_the_parser_alone_refuses_it(
    schema: etree.XMLSchema,
) -> None:
    broken = wms("http://127.0.0.1:9", 5).replace(LAYER, b'<Layer queryable="1" xx:foo="1"><Name>layer1<', 1)
    with pytest.raises(XMLRejected):
        parse_bytes(broken)
    with pytest.raises(XMLRejected, match="Namespace prefix xx"):
        read(broken, schema, LIMITS)


def test_invalid_capabilities_of_many_layers_keep_only_the_samples_and_capped_problems(
    schema: etree.XMLSchema,
) -> None:
    """Every one of two thousand generated layers breaks the schema: the reading keeps as many records (samples,
    problems, links) as for a hundred such layers, and counts all of them."""
    kept = {}
    for count in (100, 2000):
        invalid = wms("http://127.0.0.1:9", count).replace(b'<Layer queryable="1">', b'<Layer queryable="1" foo="1">')
        found = read(invalid, schema, LIMITS)
        assert found.schema_errors.count >= count and found.layers >= count
        samples: list[Sample[Any]] = [found.named, found.queryable, *found.links.values()]
        capped = [found.schema_errors, *found.rules.values()]
        kept[count] = [len(s.items) for s in samples] + [len(c.kept) for c in capped]
    assert kept[2000] == kept[100] and max(kept[2000]) <= 60
