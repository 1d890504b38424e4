"""The streamed WMS capabilities: a document with schema errors is also checked for well-formedness without the
schema, since libxml2 with a schema plugged in lets a namespace error that comes with a schema error pass."""

from __future__ import annotations

import pytest
from lxml import etree

from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.demo.capabilities_flood import wms
from conformance.suites.wms.api import WMS_XSD
from conformance.suites.wms.capabilities import read
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
