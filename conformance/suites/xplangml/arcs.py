"""Circular curve segments of GML 3.2 (OGC 07-036 §10.5.10–10.5.11) turned into chords, so that validity and
containment judge them like straight segments.

Supported: gml:Arc and gml:ArcString (three-point arcs: start, a point on the arc, end), gml:Circle (a full circle
through three points) and gml:ArcByCenterPoint and gml:CircleByCenterPoint (centre, radius, start and end angle).
Chord tolerance: no chord lies more than ``CHORD`` metres (in the units of a projected CRS; the same distance in
degrees for a geographic one) from its arc, with at most ``MAX_CHORDS`` chords per arc. The control points where an
arc starts and ends are kept exactly, so that rings still close and neighbouring segments still meet. The angles of
an arc by centre point are read as deegree and GeoTools read them: counter-clockwise from the first (east) axis, the
arc drawn counter-clockwise from startAngle to endAngle, in degrees unless the uom names radians.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]
CHORD = 0.001  # metres: a tenth of the tolerance of the comparisons
MAX_CHORDS = 4096
MAX_POINTS = 1_000_000  # per geometry: beyond it the geometry is not read (hostile input stays bounded)
FULL = 2 * math.pi


class TooLong(ValueError):
    """Arcs that would need more than ``MAX_POINTS`` points."""


class Degenerate(ValueError):
    """Control points that define no circle (collinear or coincident points, a radius that is not positive)."""


def arc_string(points: Sequence[Point], chord: float) -> list[Point]:
    """The arcs of an ArcString (or one Arc): each from a control point through the next to the one after; three
    collinear control points make the straight line through them (ISO 19107, GM_Arc)."""
    out = [points[0]]
    for i in range(0, len(points) - 2, 2):
        start, middle, end = points[i], points[i + 1], points[i + 2]
        try:
            out += three_point(start, middle, end, chord)[1:]
        except Degenerate:
            out += [middle, end]
        if len(out) > MAX_POINTS:
            raise TooLong(f"arcs needing more than {MAX_POINTS} points")
    return out


def three_point(start: Point, middle: Point, end: Point, chord: float) -> list[Point]:
    """The arc from ``start`` through ``middle`` to ``end``, as points from start to end."""
    centre = circumcentre(start, middle, end)
    radius = math.dist(centre, start)
    first, through, last = (_angle(centre, p) for p in (start, middle, end))
    sweep = (last - first) % FULL
    if (through - first) % FULL > sweep:
        sweep -= FULL  # the middle point lies on the clockwise side
    return [start, *_points(centre, radius, first, sweep, chord), end]


def circle(points: Sequence[Point], chord: float) -> list[Point]:
    """The full circle through three points, from the first back to it."""
    start, middle, end = points
    centre = circumcentre(start, middle, end)
    radius = math.dist(centre, start)
    clockwise = _cross(start, middle, end) < 0
    return [start, *_points(centre, radius, _angle(centre, start), -FULL if clockwise else FULL, chord), start]


def by_centre(centre: Point, radius: float, start: float, end: float, chord: float) -> list[Point]:
    """The arc around ``centre`` from angle ``start`` to ``end`` (radians), counter-clockwise; equal angles make a
    full circle."""
    if not radius > 0:
        raise Degenerate(f"radius {radius} is not positive")
    sweep = (end - start) % FULL or FULL
    first = _at(centre, radius, start)
    last = first if sweep == FULL else _at(centre, radius, end)
    return [first, *_points(centre, radius, start, sweep, chord), last]


def circumcentre(a: Point, b: Point, c: Point) -> Point:
    """The centre of the circle through three points (computed relative to the first, for precision)."""
    bx, by, cx, cy = b[0] - a[0], b[1] - a[1], c[0] - a[0], c[1] - a[1]
    d = 2 * (bx * cy - by * cx)
    if abs(d) <= 2e-12 * math.hypot(bx, by) * math.hypot(cx, cy) or d == 0:
        raise Degenerate(f"points {_show(a)}, {_show(b)}, {_show(c)} are collinear or coincide")
    b2, c2 = bx * bx + by * by, cx * cx + cy * cy
    return (a[0] + (cy * b2 - by * c2) / d, a[1] + (bx * c2 - cx * b2) / d)


def steps(radius: float, sweep: float, chord: float) -> int:
    """How many chords keep every chord within ``chord`` of an arc of this radius and sweep (at most MAX_CHORDS)."""
    if radius <= chord:
        return max(1, math.ceil(abs(sweep) / (math.pi / 2)))
    widest = 2 * math.acos(1 - chord / radius)
    return max(1, min(MAX_CHORDS, math.ceil(abs(sweep) / widest)))


def _points(centre: Point, radius: float, first: float, sweep: float, chord: float) -> list[Point]:
    count = steps(radius, sweep, chord)
    return [_at(centre, radius, first + sweep * i / count) for i in range(1, count)]


def _at(centre: Point, radius: float, angle: float) -> Point:
    return (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))


def _angle(centre: Point, point: Point) -> float:
    return math.atan2(point[1] - centre[1], point[0] - centre[0])


def _cross(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _show(point: Point) -> str:
    return f"({point[0]:.10g} {point[1]:.10g})"
