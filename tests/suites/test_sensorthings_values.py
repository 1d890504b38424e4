"""Property values of the SensorThings data model: ISO 8601 instants and intervals, units, GeoJSON."""

from __future__ import annotations

import pytest

from conformance.suites.sensorthings.values import geometry, instant, interval, problem


@pytest.mark.parametrize("text", ["2026-03-01T10:00:00Z", "2026-03-01T10:00:00+01:00", "2026-03-01T10:00:00.123Z"])
def test_instants(text: str) -> None:
    assert instant(text) is not None


@pytest.mark.parametrize("value", ["2026-03-01", "2026-03-01 10:00", "gestern", 12345, None, ["2026-03-01T10:00Z"]])
def test_not_instants(value: object) -> None:
    assert instant(value) is None


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-01T10:00:00Z/2026-03-02T10:00:00Z",
        "2026-03-01T10:00:00Z/P1D",
        "PT1H/2026-03-01T10:00:00Z",
        "2026-03-01T10:00:00Z/2026-03-01T10:00:00Z",
    ],
)
def test_intervals(text: str) -> None:
    assert interval(text)


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-02T10:00:00Z/2026-03-01T10:00:00Z",
        "2026-03-01T10:00:00Z",
        "2026-03-01T10:00:00Z/",
        "P1D/P2D",
        "a/b/c",
        "2026-03-01T10:00:00Z/PT",
    ],
)
def test_not_intervals(text: str) -> None:
    assert not interval(text)


def test_kinds() -> None:
    assert problem("time", "2026-03-01T10:00:00Z/2026-03-02T10:00:00Z", {}) is None
    assert problem("time", "2026-03-01", {}) is not None
    assert problem("interval?", None, {}) is None
    assert problem("text", None, {}) is not None
    assert problem("uom", {"name": "Grad", "symbol": "°C"}, {}) is not None
    assert problem("uom", {"name": "Grad", "symbol": "°C", "definition": "x"}, {}) is None


def test_geojson_only_where_the_encoding_type_says_so() -> None:
    assert problem("geojson", "Rathaus", {"encodingType": "text/plain"}) is None
    assert problem("geojson", "Rathaus", {"encodingType": "application/geo+json"}) is not None
    assert (
        problem("geojson", {"type": "Point", "coordinates": [8.4, 49.0]}, {"encodingType": "application/vnd.geo+json"})
        is None
    )


def test_geometries() -> None:
    assert (
        geometry({"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [8, 49]}}) is None
    )
    assert geometry({"type": "Punkt", "coordinates": [8, 49]}) is not None
    assert geometry({"type": "Point"}) is not None
    assert geometry({"type": "Point", "coordinates": [8, 149]}) is not None
    ring = [[8, 49], [9, 49], [9, 50], [8, 50]]
    assert geometry({"type": "Polygon", "coordinates": [ring]}) is not None
    assert geometry({"type": "Polygon", "coordinates": [[*ring, [8, 49]]]}) is None
