"""GeoJSON beyond its schema (RFC 7946): positions, rings, winding, Feature members, ``crs`` and ``bbox``.

One module for every suite and file format that carries GeoJSON (OParl ``Location.geojson``, OGC API – Features,
file exports). The JSON Schemas of the geojson-schema pack check the structure; this module checks what they
cannot: positions that are longitude and latitude in range and in that order, rings that close and wind the
right way, Features with their ``properties`` and ``geometry`` members, no legacy ``crs`` member, and a ``bbox``
that has the right size and encloses its geometry. Each finding names its RFC 7946 section and the obligation of
that sentence; a suite files MUST findings under its own SHALL requirement and SHOULD findings under a
recommendation. At most one finding per rule is reported for each object checked.

Swapped coordinates are certain when the latitude slot holds a value beyond ±90 while the longitude slot lies
within ±90. Where the caller knows an extent (a collection's spatial extent, the country a council body lies in),
a position outside it whose swapped form lies inside is reported as swapped too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from conformance.core.geojsonmessages import g
from conformance.core.messages import Message
from conformance.core.outcomes import Obligation

RFC = "https://www.rfc-editor.org/rfc/rfc7946"
Box = tuple[float, float, float, float]
MUSS, SOLL = Obligation.MUSS, Obligation.SOLL
KEYWORD = {MUSS: "must", SOLL: "should"}
MARGIN = 0.5
NUMBER = (int, float)  # exact types: a JSON number is parsed as one of them, true/false as bool


@dataclass(frozen=True)
class Rule:
    """One requirement of RFC 7946 as this module checks it."""

    key: str
    section: str
    obligation: Obligation


RULES = {
    r.key: r
    for r in (
        Rule("position", "3.1.1", MUSS),
        Rule("position-size", "3.1.1", SOLL),
        Rule("order", "3.1.1", MUSS),
        Rule("range", "4", MUSS),
        Rule("line", "3.1.4", MUSS),
        Rule("ring-size", "3.1.6", MUSS),
        Rule("ring-closed", "3.1.6", MUSS),
        Rule("winding", "3.1.6", SOLL),
        Rule("properties", "3.2", MUSS),
        Rule("geometry", "3.2", MUSS),
        Rule("crs", "4", SOLL),
        Rule("bbox", "5", MUSS),
    )
}


@dataclass(frozen=True)
class Finding:
    """A departure from RFC 7946: the rule, a message naming section and obligation, where, what."""

    rule: Rule
    msg: Message
    pointer: str
    expected: Any
    actual: Any

    @property
    def message(self) -> str:
        """The finding in English."""
        return self.msg.text

    @property
    def obligation(self) -> Obligation:
        """The obligation of the RFC sentence that was broken."""
        return self.rule.obligation


def check(value: Any, extent: Box | None = None, within: str | Message = "") -> list[Finding]:
    """Every finding for a Feature, FeatureCollection or Geometry; ``extent`` (named ``within``) where known."""
    checker = _Checker(extent, within or g("expected-extent"))
    checker.any(value, "")
    return checker.found


def within_box(lon: float, lat: float, box: Box, margin: float = 0.0) -> bool:
    """True if the position lies in the box (a west value above the east one crosses the antimeridian)."""
    west, south, east, north = box
    if not south - margin <= lat <= north + margin:
        return False
    if west <= east:
        return west - margin <= lon <= east + margin
    return lon >= west - margin or lon <= east + margin


class _Checker:
    """Walks one GeoJSON value and collects at most one finding per rule."""

    def __init__(self, extent: Box | None, within: str | Message) -> None:
        self.extent, self.within = extent, within
        self.found: list[Finding] = []

    def add(self, key: str, detail: Message, pointer: str, expected: Any, actual: Any) -> None:
        rule = RULES[key]
        if all(f.rule is not rule for f in self.found):
            message = g("finding", section=rule.section, obligation=g(KEYWORD[rule.obligation]), detail=detail)
            self.found.append(Finding(rule, message, pointer, expected, actual))

    def any(self, value: Any, pointer: str) -> None:
        if not isinstance(value, dict):
            return
        if "crs" in value:
            self.add("crs", g("crs"), f"{pointer}/crs", g("no-crs"), value["crs"])
        kind = value.get("type")
        if kind == "FeatureCollection":
            for index, feature in enumerate(_list(value.get("features"))):
                self.feature(feature, f"{pointer}/features/{index}")
        elif kind == "Feature":
            self.feature(value, pointer)
        else:
            self.geometry(value, pointer)
        self.bbox(value, pointer)

    def feature(self, value: Any, pointer: str) -> None:
        if not isinstance(value, dict):
            return
        for member in ("properties", "geometry"):
            if member not in value:
                self.add(
                    member, g("member", member=member), f"{pointer}/{member}", g("member-present", member=member), None
                )
        if pointer and "crs" in value:
            self.add("crs", g("crs"), f"{pointer}/crs", g("no-crs"), value["crs"])
        self.geometry(value.get("geometry"), f"{pointer}/geometry")
        if pointer:
            self.bbox(value, pointer)

    def geometry(self, value: Any, pointer: str) -> None:
        if not isinstance(value, dict):
            return
        kind, coords, here = value.get("type"), value.get("coordinates"), f"{pointer}/coordinates"
        if kind == "GeometryCollection":
            for index, member in enumerate(_list(value.get("geometries"))):
                self.geometry(member, f"{pointer}/geometries/{index}")
        elif kind == "Point":
            self.position(coords, here)
        elif kind in ("MultiPoint", "LineString"):
            self.line(coords, here, kind == "LineString")
        elif kind in ("MultiLineString", "Polygon"):
            for index, part in enumerate(_list(coords)):
                (
                    self.ring(part, f"{here}/{index}", index == 0)
                    if kind == "Polygon"
                    else self.line(part, f"{here}/{index}", True)
                )
        elif kind == "MultiPolygon":
            for number, polygon in enumerate(_list(coords)):
                for index, ring in enumerate(_list(polygon)):
                    self.ring(ring, f"{here}/{number}/{index}", index == 0)

    def line(self, coords: Any, pointer: str, connected: bool) -> None:
        points = _list(coords)
        if connected and len(points) < 2:
            self.add("line", g("line"), pointer, g("at-least-positions", count=2), len(points))
        for index, point in enumerate(points):
            self.position(point, f"{pointer}/{index}")

    def ring(self, coords: Any, pointer: str, exterior: bool) -> None:
        points = _list(coords)
        self.line(points, pointer, False)
        if len(points) < 4:
            self.add("ring-size", g("ring-size"), pointer, g("at-least-positions", count=4), len(points))
            return
        if points[0] != points[-1]:
            self.add("ring-closed", g("ring-closed"), f"{pointer}/{len(points) - 1}", points[0], points[-1])
            return
        self.winding(points, pointer, exterior)

    def winding(self, points: list[Any], pointer: str, exterior: bool) -> None:
        area = _signed_area(points)
        if area is None or area == 0 or (area > 0) == exterior:
            return
        detail, wanted = ("winding-exterior", "counterclockwise") if exterior else ("winding-hole", "clockwise")
        self.add("winding", g(detail), pointer, g(wanted), g("clockwise" if area < 0 else "counterclockwise"))

    def position(self, value: Any, pointer: str) -> None:
        if not _numbers(value):
            self.add("position", g("position"), pointer, g("lon-lat"), value)
            return
        if len(value) > 3:
            self.add("position-size", g("position-size"), pointer, g("at-most-3"), len(value))
        self.place(float(value[0]), float(value[1]), value, pointer)

    def place(self, lon: float, lat: float, value: Any, pointer: str) -> None:
        if abs(lat) > 90 and abs(lon) <= 90:
            self.add("order", g("order-certain"), pointer, [value[1], value[0]], value)
        elif abs(lon) > 180 or abs(lat) > 90:
            self.add("range", g("range"), pointer, g("in-range"), value)
        elif self.extent and not within_box(lon, lat, self.extent, MARGIN) and within_box(lat, lon, self.extent):
            self.add("order", g("order-extent", location=self.within), pointer, [value[1], value[0]], value)

    def bbox(self, value: dict[str, Any], pointer: str) -> None:
        box = value.get("bbox")
        if box is None:
            return
        spots = list(_positions(value))
        dims = 3 if any(len(p) > 2 for p in spots) else 2
        if not _numbers(box) or len(box) != 2 * dims:
            self.add(
                "bbox", g("bbox-size", count=2 * dims, dims=dims), f"{pointer}/bbox", g("numbers", count=2 * dims), box
            )
            return
        flat = (float(box[0]), float(box[1]), float(box[dims]), float(box[dims + 1]))
        stray = next((p for p in spots if not within_box(float(p[0]), float(p[1]), flat)), None)
        if stray is not None:
            self.add("bbox", g("bbox-encloses"), f"{pointer}/bbox", box, stray)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _numbers(value: Any) -> bool:
    return type(value) is list and len(value) >= 2 and all(type(v) in NUMBER for v in value)


def _positions(value: Any) -> Iterator[list[Any]]:
    if _numbers(value):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _positions(item)
    elif isinstance(value, dict):
        for key in ("coordinates", "geometries", "geometry", "features"):
            yield from _positions(value.get(key))


def _signed_area(points: list[Any]) -> float | None:
    if not all(_numbers(p) for p in points):
        return None
    return sum(float(a[0]) * float(b[1]) - float(b[0]) * float(a[1]) for a, b in pairwise(points)) / 2
