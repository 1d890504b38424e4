"""TEST DOUBLE: the NGSI-LD geo-query language (clause 4.10) over GeoJSON geometries, in plain Python.

Geometries are judged by their vertices and edges on a local plane: exact for the points and simple
polygons of the generated data, an approximation for large or self-intersecting shapes. Distances (``near``)
are great-circle metres.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from conformance.demo.ngsild.spec import NgsiError

GEOMETRIES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
RELATIONS = ("near", "within", "contains", "intersects", "equals", "disjoint", "overlaps")
EARTH = 6371008.8
Point = tuple[float, float]


@dataclass(frozen=True)
class GeoQuery:
    """A parsed geo-query: relation, optional distance bound (metres) and the reference geometry."""

    georel: str
    geometry: dict[str, Any]
    max_distance: float | None = None
    min_distance: float | None = None

    def matches(self, target: dict[str, Any], kilometres: bool = False) -> bool:
        """Whether a target geometry stands in the relation to the reference geometry."""
        if self.georel == "near":
            scale = 1000.0 if kilometres else 1.0
            distance = metres(target, self.geometry)
            return (self.max_distance is None or distance <= self.max_distance * scale) and (
                self.min_distance is None or distance >= self.min_distance * scale
            )
        return RELATION[self.georel](target, self.geometry)


def parse(georel: str | None, geometry: str | None, coordinates: str | None) -> GeoQuery | None:
    """The geo-query of the georel, geometry and coordinates parameters (all or none, clause 4.10)."""
    given = [p is not None for p in (georel, geometry, coordinates)]
    if not any(given):
        return None
    if not all(given) or geometry not in GEOMETRIES:
        raise NgsiError("BadRequestData", "a geo-query needs georel, a geometry of GeoJSON and coordinates")
    try:
        points = json.loads(coordinates or "")
    except ValueError:
        raise NgsiError("BadRequestData", f"coordinates {coordinates!r} are no JSON array") from None
    reference = {"type": geometry, "coordinates": points}
    _require(vertices(reference), f"coordinates {coordinates!r} do not form a {geometry}")
    return _relation(str(georel), reference)


def _relation(text: str, reference: dict[str, Any]) -> GeoQuery:
    name, _, bound = text.partition(";")
    _require(name in RELATIONS and (name == "near") == bool(bound), f"unknown georel {text!r}")
    if name != "near":
        return GeoQuery(name, reference)
    key, _, value = bound.partition("==")
    _require(
        key in ("maxDistance", "minDistance") and value.replace(".", "", 1).isdigit(),
        f"near needs maxDistance==<metres> or minDistance==<metres>, not {bound!r}",
    )
    distance = float(value)
    return GeoQuery(
        "near", reference, distance if key == "maxDistance" else None, distance if key == "minDistance" else None
    )


def _require(condition: object, detail: str) -> None:
    if not condition:
        raise NgsiError("BadRequestData", detail)


def vertices(geometry: dict[str, Any]) -> list[Point]:
    """Every vertex of a geometry (empty if the coordinates do not fit its type)."""
    depth = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}
    try:
        return _flatten(geometry["coordinates"], depth[geometry["type"]])
    except (KeyError, TypeError, ValueError, IndexError):
        return []


def _flatten(coordinates: Any, depth: int) -> list[Point]:
    if depth == 0:
        if not isinstance(coordinates, list) or len(coordinates) < 2:
            raise ValueError("no position")
        return [(float(coordinates[0]), float(coordinates[1]))]
    return [p for part in coordinates for p in _flatten(part, depth - 1)]


def _lines(geometry: dict[str, Any]) -> list[list[Point]]:
    kind, coordinates = geometry["type"], geometry["coordinates"]
    if kind == "LineString":
        return [_flatten(coordinates, 1)]
    if kind in ("MultiLineString", "Polygon"):
        return [_flatten(line, 1) for line in coordinates]
    if kind == "MultiPolygon":
        return [_flatten(ring, 1) for polygon in coordinates for ring in polygon]
    return []


def _polygons(geometry: dict[str, Any]) -> list[list[list[Point]]]:
    if geometry["type"] == "Polygon":
        return [[_flatten(ring, 1) for ring in geometry["coordinates"]]]
    if geometry["type"] == "MultiPolygon":
        return [[_flatten(ring, 1) for ring in polygon] for polygon in geometry["coordinates"]]
    return []


def _in_ring(point: Point, ring: list[Point]) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in pairwise(ring + ring[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _covered(point: Point, geometry: dict[str, Any]) -> bool:
    return any(
        _in_ring(point, rings[0]) and not any(_in_ring(point, hole) for hole in rings[1:])
        for rings in _polygons(geometry)
    ) or point in vertices(geometry)


def _segments(geometry: dict[str, Any]) -> list[tuple[Point, Point]]:
    return [segment for line in _lines(geometry) for segment in pairwise(line)]


def _cross(a: tuple[Point, Point], b: tuple[Point, Point]) -> bool:
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return (side(*a, b[0]) * side(*a, b[1]) <= 0) and (side(*b, a[0]) * side(*b, a[1]) <= 0)


def intersects(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two geometries share a point (vertex inside the other or crossing edges)."""
    return (
        any(_covered(p, b) for p in vertices(a))
        or any(_covered(p, a) for p in vertices(b))
        or any(_cross(s, t) for s in _segments(a) for t in _segments(b))
    )


def within(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether every vertex of ``a`` lies in ``b`` (a polygon, or ``a`` equals ``b``)."""
    return equals(a, b) or (bool(_polygons(b)) and all(_covered(p, b) for p in vertices(a)))


def equals(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two geometries have the same type and vertices."""
    return a.get("type") == b.get("type") and vertices(a) == vertices(b)


def overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two geometries intersect without one lying within the other."""
    return intersects(a, b) and not within(a, b) and not within(b, a)


RELATION = {
    "within": within,
    "contains": lambda a, b: within(b, a),
    "intersects": intersects,
    "equals": equals,
    "disjoint": lambda a, b: not intersects(a, b),
    "overlaps": overlaps,
}


def metres(a: dict[str, Any], b: dict[str, Any]) -> float:
    """The great-circle distance between two geometries: 0 if they intersect, else between vertices and edges."""
    if intersects(a, b):
        return 0.0
    pairs = [_to_segment(p, s) for p in vertices(a) for s in _segments(b)]
    pairs += [_to_segment(p, s) for p in vertices(b) for s in _segments(a)]
    pairs += [_haversine(p, q) for p in vertices(a) for q in vertices(b)]
    return min(pairs)


def _haversine(p: Point, q: Point) -> float:
    lon1, lat1, lon2, lat2 = map(math.radians, (*p, *q))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH * math.asin(math.sqrt(min(1.0, h)))


def _to_segment(p: Point, segment: tuple[Point, Point]) -> float:
    (x1, y1), (x2, y2) = segment
    scale = math.cos(math.radians(p[1]))
    dx, dy = (x2 - x1) * scale, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - x1) * scale * dx + (p[1] - y1) * dy) / length))
    return _haversine(p, (x1 + t * (x2 - x1), y1 + t * (y2 - y1)))
