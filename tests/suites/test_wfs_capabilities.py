"""The WFS capabilities are read in one streaming pass that validates against wfs.xsd and keeps only the sampled
feature types: what it reads equals the reading of the same document parsed whole, the tree it leaves has the same
size for ten and for two thousand feature types, and a document with a schema error is not taken as valid."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from lxml import etree

from conformance.core.evidence import Exchange
from conformance.core.http import Response
from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.demo import wfs_documents
from conformance.demo.capabilities_flood import wfs
from conformance.suites.wfs.capabilities import WFS_XSD, Capabilities, Reader, read_tree, stream
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


def before(document: bytes) -> tuple[Any, Capabilities | None, str]:
    """What the observation made of capabilities that are not valid until 0.6.1: the hardened parse of the whole
    document, read from that tree (the tree's text, the reading, the refusal)."""
    try:
        root = parse_bytes(document).getroot()
    except XMLRejected as exc:
        return None, None, str(exc)
    caps = read_tree(root, KEEP)
    return etree.tostring(root), caps, ""


def after(document: bytes) -> tuple[Any, Capabilities | None, str]:
    """The same three of the observation now."""
    obs = observed(document)
    tree = obs.capabilities.tree
    problem = str(obs.problem.params["error"]) if obs.problem and obs.problem.code.endswith("unreadable") else ""
    return None if tree is None else etree.tostring(tree.getroot()), obs.caps, problem


INVALID = {
    "attribute": (b"<wfs:FeatureType>", b'<wfs:FeatureType foo="1">'),
    "version": (b'version="2.0.0"', b'version="x"'),
    "element": (b"<wfs:Title>Generated type 1</wfs:Title>", b"<wfs:Unknown/>"),
    "default": (b"<ows:DefaultValue>TRUE</ows:DefaultValue>", b"<ows:Bogus/>"),
    "corner": (b"<ows:LowerCorner>", b"<ows:LowerCorner>x "),
    "extra": (b"</wfs:FeatureTypeList>", b"</wfs:FeatureTypeList><wfs:Extra/>"),
    "namespace": (b"<wfs:FeatureType>", b'<wfs:FeatureType xx:foo="1">'),
    "truncated": (b"</wfs:WFS_Capabilities>", b""),
}


@pytest.mark.parametrize("name", [*INVALID, "double-defect"])
def test_capabilities_that_are_not_valid_read_as_they_did_when_parsed_whole(name: str) -> None:
    """The streamed reading of an invalid document equals the whole-tree reading it replaced: the same kept tree,
    the same feature types and CRS lists, the same refusal; so the checks find the same."""
    if name == "double-defect":
        document = wfs_documents.capabilities(URL, frozenset({"capabilities-invalid"}))
    else:
        document = wfs(URL, 5).replace(*INVALID[name], 1)
    tree, caps, problem = before(document)
    assert after(document) == (tree, caps, problem)
    assert (caps is None) == (name in ("namespace", "truncated")) and (caps is None or not caps.valid)


def test_invalid_capabilities_of_many_feature_types_are_read_in_bounded_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """One schema error among thousands of feature types: while the observation reads them, the tree holds no more
    FeatureTypes at once than one chunk of the parse brings (the same for two and for eight thousand; a whole-tree
    parse held all of them), and it keeps the sample and a tree of the same size for both."""
    held: list[int] = []
    ended = Reader.ended

    def counting(reader: Reader, element: Any) -> None:
        held.append(len(element.getparent()))
        ended(reader, element)

    monkeypatch.setattr(Reader, "ended", counting)
    most, kept = {}, {}
    for count in (2000, 8000):
        held.clear()
        obs = observed(wfs(URL, count).replace(*INVALID["attribute"], 1))
        assert obs.caps is not None and not obs.caps.valid and obs.caps.type_count == count
        assert obs.caps.types == ["app:type0", "app:type1", "app:type2"] and set(obs.caps.crs) == set(obs.caps.types)
        assert obs.capabilities.tree is not None and len(held) == 2 * count  # the validating pass, then the plain one
        most[count], kept[count] = max(held), elements(obs.capabilities.tree.getroot())
    assert most[8000] == most[2000] < 2000 // 4
    assert kept[8000] == kept[2000] < 100


def test_the_hardened_parser_decides_whether_invalid_capabilities_are_readable() -> None:
    namespace_error = wfs(URL, 5).replace(*INVALID["namespace"], 1)
    with pytest.raises(XMLRejected):
        parse_bytes(namespace_error)
    obs = observed(namespace_error)
    assert obs.caps is None and obs.problem is not None and obs.problem.code == "wfs.capabilities-unreadable"
