"""Envelopes of GeoJSON geometries and bounding-box tests in CRS84, antimeridian included.

A bbox whose first value is larger than its third crosses the antimeridian (17-069r4, parameter bbox):
it covers the longitudes from the first value to 180 and from -180 to the third value.
Envelope tests are conservative: a feature whose envelope misses the box cannot intersect it; a feature
whose envelope lies inside the box certainly does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Box = tuple[float, float, float, float]


def positions(geometry: Any) -> Iterator[tuple[float, float]]:
    """Every (lon, lat) of a GeoJSON geometry; nothing for null or malformed geometries."""
    if not isinstance(geometry, dict):
        return
    if geometry.get("type") == "GeometryCollection":
        for member in geometry.get("geometries") or []:
            yield from positions(member)
        return
    yield from _walk(geometry.get("coordinates"))


def _walk(node: Any) -> Iterator[tuple[float, float]]:
    if isinstance(node, list) and len(node) >= 2 and all(isinstance(v, int | float) for v in node[:2]):
        yield float(node[0]), float(node[1])
    elif isinstance(node, list):
        for child in node:
            yield from _walk(child)


def envelope(geometry: Any) -> Box | None:
    """(west, south, east, north) of the coordinates, or None without coordinates."""
    found = list(positions(geometry))
    if not found:
        return None
    lons, lats = [p[0] for p in found], [p[1] for p in found]
    return min(lons), min(lats), max(lons), max(lats)


def lon_spans(box: Box) -> list[tuple[float, float]]:
    """The longitude ranges a bbox covers: two of them when it crosses the antimeridian."""
    west, _, east, _ = box
    return [(west, 180.0), (-180.0, east)] if west > east else [(west, east)]


def misses(env: Box, box: Box) -> bool:
    """The envelope lies wholly outside the box (so the geometry cannot intersect it)."""
    if env[3] < box[1] or env[1] > box[3]:
        return True
    return all(env[2] < lo or env[0] > hi for lo, hi in lon_spans(box))


def inside(env: Box, box: Box) -> bool:
    """The envelope lies wholly inside the box (so the geometry intersects it)."""
    if env[1] < box[1] or env[3] > box[3]:
        return False
    return any(lo <= env[0] and env[2] <= hi for lo, hi in lon_spans(box))


def grow(env: Box, margin: float) -> Box:
    """The envelope widened by a margin (clipped to the CRS84 extent, rounded to 6 decimals)."""
    return (
        round(max(-180.0, env[0] - margin), 6),
        round(max(-90.0, env[1] - margin), 6),
        round(min(180.0, env[2] + margin), 6),
        round(min(90.0, env[3] + margin), 6),
    )


def text(box: Box, heights: tuple[float, float] | None = None) -> str:
    """The bbox query parameter value (exact for values of up to 6 decimals); six numbers with heights."""
    values = box if heights is None else (box[0], box[1], heights[0], box[2], box[3], heights[1])
    return ",".join(format(v, ".12g") for v in values)
