"""What the GeoJSON suite measures in a geometry beyond :mod:`conformance.core.geojson`: how many positions, lines,
rings and polygons it holds, the decimal places of its coordinates (RFC 7946 §11.2), the envelope of its positions
(for the top-level bbox, §5) and whether its polygons are valid surfaces (GEOS through shapely, §3.1.6).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.errors import ShapelyError
from shapely.geometry import shape

PRECISION = 6
NUMBER = (int, float)
SURFACES = frozenset({"Polygon", "MultiPolygon"})


@dataclass
class Tally:
    """Counts of what was walked, the first position with too many decimals, the envelope and the dimensions."""

    counts: Counter[str] = field(default_factory=Counter)
    precise: tuple[list[Any], int] | None = None
    precise_at: str = ""
    envelope: list[float] = field(default_factory=lambda: [180.0, 90.0, -180.0, -90.0])
    dims: int = 2

    def positions(self, found: list[Any]) -> Any:
        """Count the positions (two or more numbers) of one geometry into the dimensions and, those on the globe
        (the others are §4 findings), into the envelope; the first with more than ``PRECISION`` decimal places."""
        good = [p for p in found if type(p) is list and len(p) >= 2 and all(type(v) in NUMBER for v in p)]
        if not good:
            return None
        self.counts["positions"] += len(good)
        placed = [p for p in good if -180 <= p[0] <= 180 and -90 <= p[1] <= 90]
        if placed:
            lons, lats = [float(p[0]) for p in placed], [float(p[1]) for p in placed]
            box = self.envelope
            box[0], box[1] = min(box[0], *lons), min(box[1], *lats)
            box[2], box[3] = max(box[2], *lons), max(box[3], *lats)
        self.dims = max(self.dims, min(max(map(len, good)), 3))
        return next((p for p in good if round(p[0], PRECISION) != p[0] or round(p[1], PRECISION) != p[1]), None)


def walk(geometry: Any, pointer: str, tally: Tally) -> None:
    """Count the parts of a geometry (and of a GeometryCollection's members) into the tally."""
    if not isinstance(geometry, dict):
        return
    kind, coords, here = geometry.get("type"), geometry.get("coordinates"), f"{pointer}/coordinates"
    if kind == "GeometryCollection":
        for index, member in enumerate(_list(geometry.get("geometries"))):
            walk(member, f"{pointer}/geometries/{index}", tally)
        return
    depth = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}
    if kind not in depth:
        return
    precise = tally.positions(list(_positions(coords, depth[str(kind)])))
    if precise is not None and tally.precise is None:
        tally.precise = (precise, max(decimals(v) for v in precise[:2]))
        tally.precise_at = _locate(coords, here, depth[str(kind)], precise)
    parts = {
        "LineString": ("lines", 1),
        "MultiLineString": ("lines", len(_list(coords))),
        "Polygon": ("rings", len(_list(coords))),
        "MultiPolygon": ("rings", sum(len(_list(p)) for p in _list(coords))),
    }
    if kind in parts:
        name, count = parts[str(kind)]
        tally.counts[name] += count
    if kind in SURFACES:
        tally.counts["polygons"] += 1 if kind == "Polygon" else len(_list(coords))


def invalid(geometry: Any) -> Iterator[tuple[str, str]]:
    """(pointer, GEOS reason) of every Polygon or MultiPolygon of the geometry that is not a valid surface."""
    if not isinstance(geometry, dict):
        return
    if geometry.get("type") == "GeometryCollection":
        for index, member in enumerate(_list(geometry.get("geometries"))):
            for pointer, reason in invalid(member):
                yield f"/geometries/{index}{pointer}", reason
    elif geometry.get("type") in SURFACES:
        try:
            reason = shapely.is_valid_reason(shape(geometry))
        except (ShapelyError, ValueError, TypeError, IndexError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
        if reason != "Valid Geometry":
            yield "/coordinates", reason


def decimals(value: Any) -> int:
    """The decimal places a number was written with (as its shortest round-trip form)."""
    if isinstance(value, int):
        return 0
    text = repr(value)
    if "e" in text:
        mantissa, _, exponent = text.partition("e")
        return max(0, len(mantissa.partition(".")[2]) - int(exponent))
    return len(text) - text.find(".") - 1


def _positions(coords: Any, depth: int) -> Iterator[Any]:
    if depth == 0:
        yield coords
    elif depth == 1:
        yield from _list(coords)
    else:
        for item in _list(coords):
            yield from _positions(item, depth - 1)


def _locate(coords: Any, pointer: str, depth: int, wanted: Any) -> str:
    """The pointer of one position (found by identity) below ``coords``."""
    if depth == 0:
        return pointer if coords is wanted else ""
    for index, item in enumerate(_list(coords)):
        found = _locate(item, f"{pointer}/{index}", depth - 1, wanted)
        if found:
            return found
    return ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
