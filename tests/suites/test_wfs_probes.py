"""How the WFS suite finds feature identifiers for GetFeatureById: the option feature_id, else the first feature of
each sampled type when the service declares ImplementsBasicWFS (with a note when the sample cuts), else none
with a note saying so."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from lxml import etree

from conformance.core.messages import Message
from conformance.suites.wfs import probes, verdicts
from conformance.suites.wfs.extent import Box, extent
from conformance.suites.wfs.service import Capabilities

FEATURES = (
    b'<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2">'
    b'<wfs:member><a:t xmlns:a="urn:a" gml:id="t.7"><a:g><gml:Point gml:id="t.7.p"/></a:g></a:t></wfs:member>'
    b"</wfs:FeatureCollection>"
)


def observed(basic: str, feature_id: str = "", types: int = 2) -> Any:
    caps = Capabilities("2.0.0", {}, {"ImplementsBasicWFS": basic}, [f"a:t{i}" for i in range(types)])
    options = {"feature_id": feature_id, "max_types": 3}
    asked: list[dict[str, str]] = []

    def call(operation: str, params: dict[str, str]) -> Any:
        asked.append(params)
        return SimpleNamespace(tree=etree.ElementTree(etree.fromstring(FEATURES)))

    return SimpleNamespace(option=options.__getitem__, usable=lambda: caps, call=call, asked=asked)


def test_the_option_names_the_feature() -> None:
    notes: list[Message] = []
    obs = observed("FALSE", feature_id="baum.3")
    assert probes.feature_ids(obs, notes) == ["baum.3"] and not notes and not obs.asked


def test_a_basic_wfs_gives_the_first_feature_of_each_type_and_the_cut_is_noted() -> None:
    notes: list[Message] = []
    obs = observed("TRUE", types=5)
    assert probes.feature_ids(obs, notes) == ["t.7", "t.7", "t.7"]
    assert [p["TYPENAMES"] for p in obs.asked] == ["a:t0", "a:t1", "a:t2"]
    assert [n.code for n in notes] == ["wfs.note-cut"] and notes[0].params == {"limit": 3, "total": 5}


def test_a_simple_wfs_without_the_option_gives_none_and_says_so() -> None:
    notes: list[Message] = []
    obs = observed("FALSE")
    assert probes.feature_ids(obs, notes) == [] and not obs.asked
    assert [n.code for n in notes] == ["wfs.note-no-feature-id"]


def test_the_extent_of_a_feature_spans_its_coordinates_and_a_padded_point_overlaps_itself() -> None:
    feature = etree.fromstring(
        b'<a:t xmlns:a="urn:a" xmlns:gml="http://www.opengis.net/gml/3.2"><a:g><gml:LineString srsName="EPSG:25832">'
        b'<gml:posList srsDimension="3">1 2 0 5 -1 0 3 7 0</gml:posList></gml:LineString></a:g></a:t>'
    )
    box = extent(feature)
    assert box == Box("EPSG:25832", (1.0, -1.0), (5.0, 7.0))
    point = Box("", (3.0, 3.0), (3.0, 3.0)).padded()
    assert point.overlaps(box) and not Box("", (6.0, 8.0), (9.0, 9.0)).overlaps(box)
    assert extent(etree.fromstring(b"<a/>")) is None


def _listing(*ids: str) -> Any:
    queries = "".join(f'<wfs:StoredQuery id="{i}"/>' for i in ids)
    xml = f'<wfs:ListStoredQueriesResponse xmlns:wfs="http://www.opengis.net/wfs/2.0">{queries}</wfs:ListStoredQueriesResponse>'
    listed = SimpleNamespace(tree=etree.ElementTree(etree.fromstring(xml.encode())))
    return SimpleNamespace(part=lambda name, make: probes.Listing(listed, listed))


def test_get_feature_by_id_is_invoked_by_the_identifier_the_service_lists() -> None:
    assert probes.by_id_query(_listing(probes.BY_ID_202, "urn:x:other")) == probes.BY_ID_202
    assert probes.by_id_query(_listing(probes.BY_ID, probes.BY_ID_202)) == probes.BY_ID
    assert probes.by_id_query(_listing()) == probes.BY_ID


def _unknown(*codes: str) -> Any:
    answer = SimpleNamespace(codes=list(codes), what=lambda: "HTTP 403", finding=lambda *found: found)
    return probes.ByIdProbe("wechselbar-no-such-feature", False, answer)


def test_an_unknown_id_may_raise_operation_processing_failed_on_a_2_0_0_server_only() -> None:
    legacy, current = verdicts.unknown_id_codes("2.0.0"), verdicts.unknown_id_codes("2.0.2")
    assert verdicts.by_id_findings(_unknown("OperationProcessingFailed"), legacy) == []
    assert len(verdicts.by_id_findings(_unknown("OperationProcessingFailed"), current)) == 1
    assert verdicts.by_id_findings(_unknown("NotFound"), current) == []
    assert len(verdicts.by_id_findings(_unknown(), legacy)) == 1
