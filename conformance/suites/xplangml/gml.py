"""GML 3.2 geometries of an XPlanGML document as shapely geometries, east-first, with what makes them invalid.

Supported: Point, LineString, Curve (LineStringSegment, and the circular segments Arc, ArcString, Circle,
ArcByCenterPoint and CircleByCenterPoint turned into chords by ``arcs``), LinearRing and Ring, Polygon, Surface
and PolygonSurface (PolygonPatches), MultiPoint, MultiCurve, MultiSurface. Coordinates are read with the
``srsDimension`` of the list or its geometry (2 when none is given; a third ordinate is dropped) and turned
east-first: a geographic EPSG CRS (latitude first in the EPSG registry) is swapped, projected ones such as
EPSG:25832 and EPSG:25833 are already east-first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree
from shapely.geometry import LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import explain_validity

from conformance.suites.xplangml import arcs

GML = "http://www.opengis.net/gml/3.2"
G = f"{{{GML}}}"
GML_ID = f"{G}id"
NORTH_FIRST = frozenset({"4326", "4258", "4937", "4979", "4269", "4167", "4612"})
METRES_PER_DEGREE = 111_320.0
Coords = list[tuple[float, float]]


class Unsupported(ValueError):
    """A GML geometry type (or segment type, such as an Arc) the suite does not read."""


@dataclass(frozen=True)
class Shape:
    """One geometry: the shapely value, its gml:id, CRS name, and the reasons it is not a valid geometry."""

    geometry: BaseGeometry
    gml_id: str
    srs: str
    problems: tuple[str, ...]

    @property
    def valid(self) -> bool:
        """True if nothing makes the geometry invalid."""
        return not self.problems


@cache
def epsg(srs: str) -> str:
    """The EPSG code of a CRS name (EPSG:25832, urn:ogc:def:crs:EPSG::25832, …/def/crs/EPSG/0/25832), or ''."""
    match = re.search(r"EPSG(?::[\d.]*:|/\d+/|:)(\d+)$", srs.strip())
    return match[1] if match else ""


def geographic(srs: str) -> bool:
    """True for the geographic EPSG CRSs whose axes the registry orders latitude first."""
    return epsg(srs) in NORTH_FIRST


def read(element: etree._Element, srs: str) -> Shape:
    """The shape of a GML geometry element; ``srs`` is the CRS named by an enclosing element, if any."""
    srs = element.get("srsName") or srs
    reader = _Reader(srs, geographic(srs))
    geometry = reader.geometry(element)
    problems = list(reader.problems)
    if not problems and not geometry.is_valid:
        problems.append(explain_validity(geometry))
    return Shape(geometry, element.get(GML_ID, ""), srs, tuple(problems))


class _Reader:
    def __init__(self, srs: str, swap: bool) -> None:
        self.srs, self.swap, self.problems = srs, swap, list[str]()

    def geometry(self, el: etree._Element) -> BaseGeometry:
        name = etree.QName(el).localname
        if name == "Point":
            return Point(self.coords(el)[0])
        if name in ("LineString", "Curve"):
            return LineString(self.line(el))
        if name in ("Polygon", "PolygonPatch"):
            return self.polygon(el)
        if name in ("Surface", "PolygonSurface"):
            return self.surface(el)
        if name == "MultiSurface":
            return MultiPolygon([self.single(p) for p in self.members(el, "surfaceMember")])
        if name == "MultiCurve":
            return MultiLineString([self.line(c) for c in self.members(el, "curveMember")])
        if name == "MultiPoint":
            return MultiPoint([self.coords(p)[0] for p in self.members(el, "pointMember")])
        raise Unsupported(name)

    def members(self, el: etree._Element, member: str) -> Iterator[etree._Element]:
        for prop in el.iterchildren(f"{G}{member}", f"{G}{member}s"):
            yield from prop.iterchildren(etree.Element)

    def single(self, el: etree._Element) -> Polygon:
        shape = self.geometry(el)
        if isinstance(shape, Polygon):
            return shape
        raise Unsupported(f"{etree.QName(el).localname} with several patches in a MultiSurface")

    def surface(self, el: etree._Element) -> BaseGeometry:
        patches = [self.polygon(p) for p in el.iterfind(f"{G}patches/*")]
        if not patches:
            raise Unsupported("Surface without PolygonPatch")
        if len(patches) == 1:
            return patches[0]
        joined = unary_union(patches)
        if sum(p.area for p in patches) - joined.area > 1e-9 * max(joined.area, 1.0):
            self.problems.append("patches overlap")
        if not isinstance(joined, Polygon):
            self.problems.append("patches are not connected")
        return joined

    def polygon(self, el: etree._Element) -> Polygon:
        exterior = [self.ring(r) for r in el.iterfind(f"{G}exterior/*")]
        interiors = [self.ring(r) for r in el.iterfind(f"{G}interior/*")]
        if len(exterior) != 1:
            raise Unsupported("Polygon without one exterior ring")
        return Polygon(exterior[0], interiors)

    def ring(self, el: etree._Element) -> Coords:
        if etree.QName(el).localname == "Ring":
            coords = self.joined([self.line(c) for c in el.iterfind(f"{G}curveMember/*")])
        else:
            coords = self.coords(el)
        if len(coords) < 4:
            self.problems.append(f"ring with {len(coords)} points (at least 4 needed)")
            coords = coords + coords[:1] * (4 - len(coords)) if coords else [(0.0, 0.0)] * 4
        elif coords[0] != coords[-1]:
            self.problems.append(f"ring not closed: {_pos(coords[0])} != {_pos(coords[-1])}")
        return coords

    def line(self, el: etree._Element) -> Coords:
        name = etree.QName(el).localname
        if name == "LineString":
            return self.coords(el)
        if name != "Curve":
            raise Unsupported(name)
        parts, chords = [], 0
        for segment in el.iterfind(f"{G}segments/*"):
            parts.append(self.segment(segment))
            chords += len(parts[-1]) if segment.tag != f"{G}LineStringSegment" else 0
            if chords > arcs.MAX_POINTS:
                raise Unsupported(f"arcs needing more than {arcs.MAX_POINTS} points")
        return self.joined(parts)

    def segment(self, el: etree._Element) -> Coords:
        name = etree.QName(el).localname
        if name == "LineStringSegment":
            return self.coords(el)
        chord = tolerance(self.srs, arcs.CHORD)
        if name in ("ArcByCenterPoint", "CircleByCenterPoint"):
            return self.by_centre(el, name == "CircleByCenterPoint", chord)
        if name not in ("Arc", "ArcString", "Circle"):
            raise Unsupported(name)
        points = self.coords(el)
        if len(points) != 3 and (name != "ArcString" or len(points) < 3 or len(points) % 2 == 0):
            self.problems.append(f"{name} with {len(points)} control points")
            return points
        if name == "Circle":
            return self.guarded(name, points, lambda: arcs.circle(points, chord))
        try:
            return arcs.arc_string(points, chord)
        except arcs.TooLong as exc:
            raise Unsupported(str(exc)) from exc

    def by_centre(self, el: etree._Element, full: bool, chord: float) -> Coords:
        centre = self.coords(el)[0]
        radius = _measure(el.find(f"{G}radius"), 1.0)
        start = _angle_of(el.find(f"{G}startAngle"))
        end = start if full else _angle_of(el.find(f"{G}endAngle"))
        return self.guarded(
            etree.QName(el).localname, [centre], lambda: arcs.by_centre(centre, radius, start, end, chord)
        )

    def guarded(self, name: str, fallback: Coords, make: Callable[[], Coords]) -> Coords:
        try:
            return make()
        except arcs.Degenerate as exc:
            self.problems.append(f"{name}: {exc}")
            return fallback * 2 if len(fallback) == 1 else fallback

    def joined(self, parts: list[Coords]) -> Coords:
        out: Coords = []
        for part in parts:
            out += part[1:] if out and part and out[-1] == part[0] else part
        return out

    def coords(self, el: etree._Element) -> Coords:
        lists = el.findall(f"{G}posList")
        found = lists[0] if lists else None
        if found is not None:
            values = _numbers(found.text)
            dim = int(found.get("srsDimension") or _dimension(el))
        else:
            points = el.findall(f"{G}pos")
            values = [v for p in points for v in _numbers(p.text)[:2]]
            dim = 2
        if dim < 2 or len(values) % dim:
            raise Unsupported(f"coordinate list of {len(values)} numbers in dimension {dim}")
        pairs = [(values[i], values[i + 1]) for i in range(0, len(values), dim)]
        return [(b, a) for a, b in pairs] if self.swap else pairs


def _measure(el: etree._Element | None, default: float) -> float:
    if el is None:
        return default
    numbers = _numbers(el.text)
    if len(numbers) != 1:
        raise Unsupported(f"{etree.QName(el).localname} that is not one number")
    return numbers[0]


def _angle_of(el: etree._Element | None) -> float:
    """An angle in radians: degrees unless the uom names radians (EPSG 9101 or 'rad')."""
    value = _measure(el, 0.0)
    uom = (el.get("uom") or "") if el is not None else ""
    return value if "rad" in uom.lower() or uom.endswith("9101") else math.radians(value)


def _dimension(el: etree._Element) -> str:
    for node in (el, *el.iterancestors()):
        if node.get("srsDimension"):
            return str(node.get("srsDimension"))
    return "2"


def _numbers(text: str | None) -> list[float]:
    try:
        return [float(v) for v in (text or "").split()]
    except ValueError as exc:
        raise Unsupported(f"coordinates that are not numbers ({exc})") from exc


def _pos(coord: tuple[float, float]) -> str:
    return f"({coord[0]:.10g} {coord[1]:.10g})"


def tolerance(srs: str, metres: float) -> float:
    """A distance in the units of a CRS: metres for projected CRSs, degrees for geographic ones."""
    return metres / METRES_PER_DEGREE if geographic(srs) else metres


def first_point(geometry: Any) -> str:
    """A point of a geometry, written for a message."""
    point = geometry.representative_point()
    return _pos((point.x, point.y))
