"""Every RFC 7946 finding of the shared GeoJSON checks reads in German in German reports."""

from __future__ import annotations

from conformance.core.geojson import RULES, check
from conformance.reporting.findings import german

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


def test_every_rule_is_provoked_and_every_finding_has_a_german_rendering() -> None:
    found = [f for value in BROKEN for f in check(value)]
    found += check(
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [50.7, 6.3]}},
        (5.87, 47.27, 15.04, 55.06),
        "Germany (the Body names an ags or rgs)",
    )
    assert {f.rule.key for f in found} == set(RULES)
    assert sorted(f.message for f in found if german(f.message) is None) == []
    assert any("Deutschland (die Körperschaft nennt ags oder rgs)" in (german(f.message) or "") for f in found)
