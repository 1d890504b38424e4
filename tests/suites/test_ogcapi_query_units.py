"""Units of the Part 2/3 and CQL2 suite: filters built from data, their evaluation, CRS names and PROJ."""

from __future__ import annotations

import pytest

from conformance.suites.ogcapi_features_query import reproject
from conformance.suites.ogcapi_features_query.filters import build, geometry_queryable, literal, simple_queryables

SCHEMA = {
    "properties": {
        "name": {"type": "string"},
        "pop": {"type": "integer"},
        "bad name": {"type": "string"},
        "geom": {"format": "geometry-point", "x-ogc-role": "primary-geometry"},
    }
}
SEEDS = [
    {"id": 1, "geometry": {"type": "Point", "coordinates": [9.5, 47.1]}, "properties": {"name": "Vaduz", "pop": 5}},
    {"id": 2, "geometry": {"type": "Point", "coordinates": [7.4, 46.9]}, "properties": {"name": "Bern", "pop": 9}},
]


def test_literals_escape_quotes_and_keep_numbers() -> None:
    assert literal("Ma'ale") == "'Ma''ale'"
    assert (literal(3), literal(2.5), literal(True)) == ("3", "2.5", "TRUE")


def test_only_plainly_named_simple_queryables_build_filters() -> None:
    assert simple_queryables(SCHEMA) == {"name": "string", "pop": "integer"}
    assert geometry_queryable(SCHEMA) == "geom"
    assert geometry_queryable({"properties": {"name": {"type": "string"}}}) is None


@pytest.mark.parametrize(
    ("kind", "first"),
    [
        ("=", "name = 'Vaduz'"),
        (">=", "pop >= 5"),
        ("like", "name LIKE 'Va%'"),
        ("between", "pop BETWEEN 5 AND 5"),
        ("in", "name IN ('Vaduz', 'Bern')"),
        ("s_intersects", "S_INTERSECTS(geom, BBOX(9.490000,47.090000,9.510000,47.110000))"),
    ],
)
def test_each_kind_is_built_from_a_seed_that_satisfies_it(kind: str, first: str) -> None:
    probes = build(kind, SEEDS, SCHEMA, 4)
    assert probes[0].text == first
    assert all(p.holds(p.seed) for p in probes)


def test_a_feature_without_the_property_or_elsewhere_does_not_satisfy() -> None:
    equal, spatial = build("=", SEEDS, SCHEMA, 1)[0], build("s_intersects", SEEDS, SCHEMA, 1)[0]
    assert not equal.holds({"id": 3, "properties": {}})
    assert not equal.holds(SEEDS[1])
    assert not spatial.holds(SEEDS[1])
    assert equal.as_json() == '{"op": "=", "args": [{"property": "name"}, "Vaduz"]}'


def test_crs_uris_name_proj_crss_and_axis_order_follows_the_authority() -> None:
    assert reproject.known("http://www.opengis.net/def/crs/EPSG/0/25832") == "EPSG:25832"
    assert reproject.known("[EPSG:3857]") == "EPSG:3857"
    lat, lon = reproject.forward("http://www.opengis.net/def/crs/EPSG/0/4326", (9.5167, 47.1337))
    assert (lat, lon) == pytest.approx((47.1337, 9.5167))
    assert reproject.forward("http://www.opengis.net/def/crs/EPSG/0/25832", (9.5167, 47.1337)) == pytest.approx(
        (539182.0, 5220154.0), abs=5.0
    )
    assert reproject.east_first("EPSG:3857") and not reproject.east_first("EPSG:4326")
    assert not reproject.usable("http://www.opengis.net/def/crs/EPSG/0/999999")


def test_positions_are_compared_within_a_millionth() -> None:
    assert reproject.near((539181.94, 5220154.01), (539181.9401, 5220154.0102))
    assert not reproject.near((539181.94, 5220154.01), (539191.94, 5220154.01))
    assert list(reproject.positions({"type": "GeometryCollection", "geometries": [SEEDS[0]["geometry"]]})) == [
        (9.5, 47.1)
    ]
