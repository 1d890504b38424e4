"""Sample GeoJSON texts for tests: a valid FeatureCollection that exercises every requirement of the suite, and
one broken variant per requirement that departs from exactly that requirement."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

Doc = dict[str, Any]
OUTER = [[7.0, 50.0], [7.1, 50.0], [7.1, 50.1], [7.0, 50.1], [7.0, 50.0]]
HOLE = [[7.02, 50.02], [7.02, 50.08], [7.08, 50.08], [7.08, 50.02], [7.02, 50.02]]


def valid() -> Doc:
    """A FeatureCollection with a bbox, a polygon with a hole, a line and two points (one with a height), each
    Feature with its own id."""
    return {
        "type": "FeatureCollection",
        "bbox": [6.9, 49.9, 0.0, 7.3, 50.2, 100.0],
        "features": [
            {
                "type": "Feature",
                "id": "park-1",
                "bbox": [7.0, 50.0, 7.1, 50.1],
                "properties": {"name": "Park"},
                "geometry": {"type": "Polygon", "coordinates": [OUTER, HOLE]},
            },
            {
                "type": "Feature",
                "id": 2,
                "properties": {"name": "Weg"},
                "geometry": {"type": "LineString", "coordinates": [[7.2, 50.1], [7.25, 50.15]]},
            },
            {
                "type": "Feature",
                "id": 3,
                "properties": None,
                "geometry": {"type": "Point", "coordinates": [7.123456, 50.123456]},
            },
            {
                "type": "Feature",
                "id": 4,
                "properties": {"height": 55},
                "geometry": {"type": "Point", "coordinates": [7.2, 50.0, 55.0]},
            },
        ],
    }


def _geometry(doc: Doc, index: int, geometry: Doc) -> None:
    doc["features"][index]["geometry"] = geometry


def _point(doc: Doc, coordinates: list[Any]) -> None:
    _geometry(doc, 2, {"type": "Point", "coordinates": coordinates})


BREAKS: dict[str, Callable[[Doc], None]] = {
    "schema": lambda d: d["features"][1].update(properties="Weg"),
    "feature": lambda d: d["features"][2].pop("properties"),
    "id": lambda d: d["features"][2].update(id=2),
    "position": lambda d: _point(d, [7.12]),
    "position-size": lambda d: _point(d, [7.12, 50.12, 60.5, 1.0]),
    "order": lambda d: _point(d, [50.12, 97.12]),
    "range": lambda d: _point(d, [187.12, 50.12]),
    "line": lambda d: _geometry(d, 1, {"type": "LineString", "coordinates": [[7.2, 50.1]]}),
    "ring": lambda d: _geometry(d, 0, {"type": "Polygon", "coordinates": [[*OUTER[:-1], [7.0, 50.01]]]}),
    "winding": lambda d: _geometry(d, 0, {"type": "Polygon", "coordinates": [OUTER[::-1]]}),
    "validity": lambda d: _geometry(
        d, 0, {"type": "Polygon", "coordinates": [[[7.0, 50.0], [7.1, 50.1], [7.1, 50.0], [7.0, 50.1], [7.0, 50.0]]]}
    ),
    "crs": lambda d: d.update(crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}),
    "bbox": lambda d: d["features"][0].update(bbox=[7.0, 50.0, 7.05, 50.1]),
    "precision": lambda d: _point(d, [7.12345678, 50.12]),
}


def broken(key: str) -> Doc:
    """The valid collection with the one defect of a requirement (by its key)."""
    doc = copy.deepcopy(valid())
    BREAKS[key](doc)
    return doc


def text(doc: Any) -> bytes:
    """A GeoJSON text as UTF-8."""
    return json.dumps(doc, ensure_ascii=False).encode()
