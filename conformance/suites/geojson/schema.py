"""The GeoJSON JSON Schemas (geojson-schema pack) applied to the skeleton of an object.

The skeleton keeps every member but the ones other sections judge: ``coordinates`` that are arrays become the
smallest valid stand-in of their geometry type (positions, lines and rings are §3.1), ``bbox`` goes (§5), and a
Feature's absent ``properties`` or ``geometry`` reads as null (§3.2). So a defect is filed once, under its own
section, and the schema validates a few hundred bytes per Feature however large its geometry.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema_rs

from conformance.core.jsonschemas import load_document
from conformance.core.packs import default_store

PACK = "geojson-schema"
LIMIT = 300
STAND_INS: dict[str, Any] = {
    "Point": [0, 0],
    "LineString": [[0, 0], [1, 1]],
    "MultiPoint": [],
    "MultiLineString": [],
    "Polygon": [],
    "MultiPolygon": [],
}


@cache
def validator(name: str) -> Any:
    """The compiled schema of one GeoJSON type file of the pack (``Feature``, ``GeoJSON``)."""
    return jsonschema_rs.validator_for(load_document(default_store().path(PACK, f"{name}.json")))


def errors(value: Any, schema: str) -> Iterator[tuple[str, str]]:
    """(JSON pointer, message) of every schema error of the value's skeleton."""
    for error in validator(schema).iter_errors(skeleton(value)):
        pointer = "".join(f"/{part}" for part in error.instance_path)
        message = error.message
        yield pointer, message if len(message) <= LIMIT else message[:LIMIT] + "…"


def skeleton(value: Any) -> Any:
    """The object with coordinates stood in for, bboxes dropped and a Feature's absent members null."""
    if not isinstance(value, dict):
        return value
    kind = value.get("type")
    found = {k: v for k, v in value.items() if k not in ("bbox", "coordinates")}
    if "coordinates" in value:
        coords = value["coordinates"]
        found["coordinates"] = STAND_INS.get(str(kind), coords) if isinstance(coords, list) else coords
    if kind == "Feature":
        found["properties"] = value.get("properties")
        found["geometry"] = skeleton(value.get("geometry"))
    elif kind == "GeometryCollection" and isinstance(value.get("geometries"), list):
        found["geometries"] = [skeleton(member) for member in value["geometries"]]
    elif kind == "FeatureCollection" and isinstance(value.get("features"), list):
        found["features"] = [skeleton(member) for member in value["features"]]
    return found
