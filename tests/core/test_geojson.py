"""The shared GeoJSON checks, one rule at a time, each against the RFC 7946 sentence it stands for."""

from __future__ import annotations

from typing import Any

import pytest

from conformance.core.geojson import RULES, check, within_box
from conformance.core.geojsonmessages import GEOJSON_MESSAGES
from conformance.core.messages import Message
from conformance.core.outcomes import Obligation

SQUARE = [[7.0, 50.9], [7.1, 50.9], [7.1, 51.0], [7.0, 51.0], [7.0, 50.9]]  # counterclockwise
GERMANY = (5.8, 47.2, 15.1, 55.1)
# together they break every rule (with one Point in Germany given as latitude first)
BROKEN = [
    {
        "type": "Feature",
        "crs": {},
        "bbox": [0, 0],
        "geometry": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Point", "coordinates": [1.0, 99.0, 1.0, 1.0]},
                {"type": "LineString", "coordinates": [[1.0]]},
                {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]},
                {"type": "MultiPolygon", "coordinates": [[[[0, 0], [0, 1], [1, 1]]]]},
            ],
        },
    },
    {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "MultiPoint", "coordinates": [[200.0, 0.0]]},
        "bbox": [5, 5, 6, 6],
    },
    {
        "type": "Feature",
        "properties": {},
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]],
                [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]],
                [[0, 0], [1, 0], [1, 1], [0.5, 0.5]],
            ],
        },
    },
    {"type": "Feature", "properties": {}},
]


def feature(geometry: Any, **extra: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": {}, "geometry": geometry, **extra}


def keys(value: Any, extent: Any = None) -> dict[str, Any]:
    return {f.rule.key: f for f in check(value, extent, "Germany")}


def test_a_clean_feature_collection_has_no_finding() -> None:
    hole = [[7.02, 50.92], [7.02, 50.98], [7.08, 50.98], [7.08, 50.92], [7.02, 50.92]]  # clockwise
    value = {
        "type": "FeatureCollection",
        "bbox": [6.39, 50.72, 7.1, 51.0],
        "features": [
            feature({"type": "Polygon", "coordinates": [SQUARE, hole]}),
            feature({"type": "Point", "coordinates": [6.39, 50.72]}, bbox=[6.39, 50.72, 6.39, 50.72]),
            feature({"type": "LineString", "coordinates": [[7.0, 50.9], [7.1, 51.0]]}),
        ],
    }
    assert check(value, GERMANY) == []


def test_3_1_1_a_latitude_beyond_90_in_the_second_slot_is_swapped_for_sure() -> None:
    """§3.1.1: „The first two elements are longitude and latitude [...] precisely in that order“."""
    found = keys(feature({"type": "Point", "coordinates": [50.9, 120.5]}))
    assert set(found) == {"order"} and found["order"].rule.obligation is Obligation.MUSS
    assert found["order"].message.startswith("RFC 7946 §3.1.1 (MUST): latitude comes first")
    assert found["order"].expected == [120.5, 50.9] and found["order"].pointer == "/geometry/coordinates"


def test_3_1_1_latitude_first_is_caught_against_a_known_extent() -> None:
    """A town in Germany written [50.72, 6.39] lies off Somalia; swapped it lies inside the country."""
    assert set(keys(feature({"type": "Point", "coordinates": [50.72, 6.39]}), GERMANY)) == {"order"}
    assert keys(feature({"type": "Point", "coordinates": [50.72, 6.39]})) == {}, "without an extent nothing is sure"
    assert keys(feature({"type": "Point", "coordinates": [-70.0, -33.0]}), GERMANY) == {}, "far away, not swapped"


def test_3_1_1_positions_have_two_numbers_and_should_not_exceed_three() -> None:
    assert set(keys(feature({"type": "Point", "coordinates": [7.0]}))) == {"position"}
    found = keys(feature({"type": "Point", "coordinates": [7.0, 50.9, 40.0, 1.0]}))
    assert set(found) == {"position-size"} and found["position-size"].obligation is Obligation.SOLL


def test_4_positions_are_wgs84_longitude_latitude_in_range() -> None:
    found = keys(feature({"type": "Point", "coordinates": [200.0, 95.0]}))
    assert set(found) == {"range"} and found["range"].message.startswith("RFC 7946 §4 (MUST)")


def test_3_1_4_a_line_string_has_two_positions() -> None:
    assert set(keys(feature({"type": "LineString", "coordinates": [[7.0, 50.9]]}))) == {"line"}


def test_3_1_6_rings_have_four_positions_and_close() -> None:
    assert set(keys(feature({"type": "Polygon", "coordinates": [SQUARE[:3]]}))) == {"ring-size"}
    found = keys(feature({"type": "Polygon", "coordinates": [[*SQUARE[:4], [7.0, 50.95]]]}))
    assert set(found) == {"ring-closed"} and found["ring-closed"].pointer == "/geometry/coordinates/0/4"


@pytest.mark.parametrize("kind", ["Polygon", "MultiPolygon"])
def test_3_1_6_the_right_hand_rule_is_a_recommendation_here(kind: str) -> None:
    """§3.1.6 words the winding as MUST, but tells parsers not to reject other windings (and erratum 5069 disputes
    the wording): reported as SHOULD."""
    rings = [list(reversed(SQUARE))]
    found = keys(feature({"type": kind, "coordinates": rings if kind == "Polygon" else [rings]}))
    assert set(found) == {"winding"} and found["winding"].obligation is Obligation.SOLL
    assert str(found["winding"].actual) == "clockwise"


def test_3_2_a_feature_has_properties_and_geometry_members() -> None:
    found = keys({"type": "Feature"})
    assert set(found) == {"properties", "geometry"}
    assert keys({"type": "Feature", "properties": None, "geometry": None}) == {}, "null is allowed"


def test_4_the_crs_member_is_gone() -> None:
    found = keys(feature({"type": "Point", "coordinates": [7.0, 50.9]}, crs={"type": "name"}))
    assert set(found) == {"crs"} and found["crs"].obligation is Obligation.SOLL and found["crs"].pointer == "/crs"


def test_5_a_bbox_has_two_n_numbers_and_encloses_its_geometry() -> None:
    point = {"type": "Point", "coordinates": [7.0, 50.9]}
    assert set(keys(feature(point, bbox=[7.0, 50.9]))) == {"bbox"}
    assert set(keys(feature(point, bbox=[8.0, 51.0, 9.0, 52.0]))) == {"bbox"}
    assert keys(feature({"type": "Point", "coordinates": [179.5, 0.0]}, bbox=[170.0, -1.0, -170.0, 1.0])) == {}, (
        "a bbox across the antimeridian (west > east, §5.2)"
    )
    assert set(keys(feature({"type": "Point", "coordinates": [7.0, 50.9, 3.0]}, bbox=[7, 50.9, 7, 50.9]))) == {"bbox"}


def test_one_finding_per_rule_and_every_rule_names_section_and_obligation() -> None:
    many = {"type": "FeatureCollection", "features": [feature({"type": "Point", "coordinates": [1.0, 99.0]})] * 5}
    assert len(check(many)) == 1
    assert all(r.section and r.obligation in (Obligation.MUSS, Obligation.SOLL) for r in RULES.values())
    assert within_box(-179.0, 0.0, (170.0, -1.0, -170.0, 1.0)) and not within_box(0.0, 0.0, (170.0, -1.0, -170.0, 1.0))


def test_every_finding_and_phrase_renders_in_german_from_the_catalogue() -> None:
    found = [f for value in BROKEN for f in check(value)]
    found += check(feature({"type": "Point", "coordinates": [50.72, 6.39]}), GERMANY, "Germany")
    assert {f.rule.key for f in found} == set(RULES)
    for item in found:
        german = GEOJSON_MESSAGES.render(item.msg, "de")
        assert german.startswith("RFC 7946 §") and ("(MUSS)" in german or "(SOLL)" in german), german
        assert german != item.message
        for value in (item.expected, item.actual):
            if isinstance(value, Message):
                assert value.code in GEOJSON_MESSAGES and GEOJSON_MESSAGES.render(value, "de") != value.text
