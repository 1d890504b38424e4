"""Coordinates moved between CRSs with PROJ (pyproj), in each CRS's own axis order."""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache
from typing import Any

Position = tuple[float, ...]
CRS84 = "OGC:CRS84"


@cache
def _transformer(target: str) -> Any:
    from pyproj import CRS, Transformer  # noqa: PLC0415  (PROJ loads only when a CRS is checked)

    return Transformer.from_crs(CRS.from_user_input(CRS84), CRS.from_user_input(known(target)))


def known(uri: str) -> str:
    """The PROJ name of an OGC CRS URI (``…/def/crs/EPSG/0/25832`` → ``EPSG:25832``), or the text as it is."""
    parts = uri.strip("[]").rstrip("/").split("/")
    if "/def/crs/" in uri and len(parts) >= 3:
        authority, code = parts[-3], parts[-1]
        return f"{authority}:{code}"
    return uri.strip("[]")


def usable(uri: str) -> bool:
    """Whether PROJ knows the CRS."""
    try:
        _transformer(uri)
    except Exception:  # pyproj raises its own CRSError and ProjError
        return False
    return True


def east_first(uri: str) -> bool:
    """Whether the CRS's first axis points east (bounding boxes then read west, south, east, north)."""
    from pyproj import CRS  # noqa: PLC0415

    axes = CRS.from_user_input(known(uri)).axis_info
    return bool(axes) and axes[0].direction.lower() == "east"


def forward(uri: str, position: Position) -> Position:
    """A CRS84 position (longitude, latitude) in the CRS, in its axis order."""
    first, second = _transformer(uri).transform(position[0], position[1])
    return float(first), float(second)


def positions(geometry: Any) -> Iterator[Position]:
    """Every position of a GeoJSON geometry (nested coordinate arrays, geometry collections)."""
    if not isinstance(geometry, dict):
        return
    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or []:
            yield from positions(part)
        return
    yield from _walk(geometry.get("coordinates"))


def _walk(node: Any) -> Iterator[Position]:
    if isinstance(node, list) and node and all(isinstance(v, (int, float)) for v in node):
        yield tuple(float(v) for v in node)
    elif isinstance(node, list):
        for child in node:
            yield from _walk(child)


def bounds(geometry: Any) -> tuple[float, float, float, float] | None:
    """The bounding box (first axis min, second axis min, first max, second max), None without positions."""
    found = list(positions(geometry))
    if not found:
        return None
    return min(p[0] for p in found), min(p[1] for p in found), max(p[0] for p in found), max(p[1] for p in found)


def near(found: Position, expected: Position) -> bool:
    """Equal within a millionth of the value, or 1e-5 of a unit (degrees: about a metre)."""
    return all(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-5) for a, b in zip(found, expected, strict=False))
