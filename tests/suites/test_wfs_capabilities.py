"""The WFS capabilities are read in one streaming pass that validates against wfs.xsd and keeps only the sampled
feature types: what it reads equals the reading of the same document parsed whole, the tree it leaves has the same
size for ten and for two thousand feature types, and a document with a schema error is not taken as valid."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from conformance.core.evidence import Exchange
from conformance.core.http import Response
from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.demo import wfs_documents
from conformance.demo.capabilities_flood import wfs
from conformance.suites.wfs.capabilities import WFS_XSD, Capabilities, read_tree, stream
from conformance.suites.wfs.service import Observed, observe
from conformance.xml.xsd import validate

URL = "http://127.0.0.1:9/wfs"
KEEP = 3


def whole(document: bytes, keep: int = KEEP) -> Capabilities:
    return read_tree(parse_bytes(document).getroot(), keep)


def elements(root: Any) -> int:
    return sum(1 for _ in root.iter())


def test_the_double_is_read_as_when_parsed_whole_and_is_valid() -> None:
    document = wfs_documents.capabilities(URL, frozenset())
    _, streamed = stream(document, KEEP)
    parsed = whole(document)
    assert streamed.valid and not parsed.valid
    parsed.valid = True
    assert streamed == parsed
    assert streamed.types and streamed.operations["GetFeature"] and streamed.constraints["ImplementsBasicWFS"] == "TRUE"
    assert all(default for default, _ in streamed.crs.values())


def test_two_thousand_types_leave_the_same_tree_as_ten_and_only_the_sample_is_kept() -> None:
    small_root, small = stream(wfs(URL, 10), KEEP)
    large_root, large = stream(wfs(URL, 2000), KEEP)
    assert (small.counted, large.counted) == (10, 2000) and large.type_count == 2000
    assert large.types == small.types == ["app:type0", "app:type1", "app:type2"]
    assert set(large.crs) == set(large.types)
    assert elements(large_root) == elements(small_root)
    listed = large_root.find("{http://www.opengis.net/wfs/2.0}FeatureTypeList")
    assert listed is not None and len(listed) == 0
    assert large.valid


def test_a_schema_error_makes_the_document_not_valid_but_still_read() -> None:
    document = wfs(URL, 5).replace(b"<wfs:Title>Generated type 1</wfs:Title>", b"<wfs:Unknown/>", 1)
    _, streamed = stream(document, KEEP)
    assert not streamed.valid and streamed.counted == 5 and streamed.types == whole(document).types


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"", b""),
        (b'version="2.0.0"', b'version="x"'),
        (b"<wfs:Title>", b"<wfs:Titel>"),
        (b"<ows:DefaultValue>TRUE</ows:DefaultValue>", b"<ows:Bogus/>"),
        (b"<ows:LowerCorner>", b"<ows:LowerCorner>x "),
        (b"<wfs:FeatureType>", b'<wfs:FeatureType foo="1">'),
        (b"</wfs:FeatureTypeList>", b"</wfs:FeatureTypeList><wfs:Extra/>"),
    ],
)
def test_the_streaming_verdict_agrees_with_the_whole_document_validation(old: bytes, new: bytes) -> None:
    document = wfs_documents.capabilities(URL, frozenset()).replace(old, new, 1)
    if old == b"<wfs:Title>":
        document = document.replace(b"</wfs:Title>", b"</wfs:Titel>", 1)
    _, streamed = stream(document, KEEP)
    assert streamed.valid == (not validate(parse_bytes(document), WFS_XSD))
    assert streamed.valid == (old == b"")


def test_feature_types_outside_the_list_and_unnamed_ones_are_not_counted() -> None:
    document = (
        wfs(URL, 4)
        .replace(
            b"<wfs:FeatureTypeList>",
            b"<wfs:FeatureTypeList><wfs:FeatureType><wfs:Title>no name</wfs:Title></wfs:FeatureType>",
            1,
        )
        .replace(
            b"</wfs:WFS_Capabilities>",
            b"<wfs:FeatureType><wfs:Name>x:out</wfs:Name></wfs:FeatureType></wfs:WFS_Capabilities>",
        )
    )
    _, streamed = stream(document, 10)
    parsed = whole(document, 10)
    assert streamed.counted == parsed.counted == 4 and streamed.types == parsed.types
    assert streamed.types == [f"app:type{i}" for i in range(4)]


def test_a_document_that_is_not_well_formed_is_refused() -> None:
    with pytest.raises(XMLRejected):
        stream(wfs(URL, 3)[:-40], KEEP)


def observed(document: bytes) -> Observed:
    exchange = Exchange("GET", URL, 200)
    response = Response(URL, 200, {"Content-Type": "text/xml"}, document, exchange)
    http = SimpleNamespace(get=lambda url, params: response, allowed=lambda url: True)
    return observe(SimpleNamespace(base_url=URL, http=http, option=lambda name, default: default))  # type: ignore[arg-type]


def test_the_observation_keeps_the_streamed_reading_of_valid_capabilities() -> None:
    obs = observed(wfs(URL, 50))
    assert obs.caps is not None and obs.caps.valid and obs.caps.type_count == 50 and len(obs.caps.types) == KEEP
    assert obs.capabilities.tree is not None and elements(obs.capabilities.tree.getroot()) < 100


def test_invalid_capabilities_are_parsed_whole_so_the_hardened_parser_decides_readability() -> None:
    invalid = wfs(URL, 5).replace(b"<wfs:FeatureType>", b'<wfs:FeatureType foo="1">', 1)
    obs = observed(invalid)
    assert obs.caps is not None and not obs.caps.valid and obs.caps.types == whole(invalid).types
    namespace_error = wfs(URL, 5).replace(b"<wfs:FeatureType>", b'<wfs:FeatureType xx:foo="1">', 1)
    with pytest.raises(XMLRejected):
        parse_bytes(namespace_error)
    obs = observed(namespace_error)
    assert obs.caps is None and obs.problem is not None and obs.problem.code == "wfs.capabilities-unreadable"
