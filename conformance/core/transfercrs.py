"""Whether two geometries differ by a change of coordinate reference system that PROJ can explain.

A geometry's CRS is the one its ``crs`` member names (GeoJSON 2008, ``{"type": "name", "properties": {"name":
…}}``, which services still write; RFC 7946 section 4 drops it), else the CRS the product declared for the answer
(``Content-Crs``, OGC 18-058 Part 2, passed in by the standard's adapter), else CRS84 (RFC 7946 section 4). When
A's and B's CRS differ and every position of A, transformed by PROJ (pyproj) from A's CRS into B's, lands on B's
position (within B's decimals), B holds the same places in another CRS: a CRS change, not a changed value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

CRS84 = "OGC:CRS84"
TOLERANCE = 1e-7  # degrees (about a centimetre), or metres in a projected CRS: far below any datum shift


def declared(geometry: Mapping[str, Any], fallback: str = "") -> str:
    """The CRS a geometry names in its ``crs`` member, else ``fallback``, else CRS84."""
    member = geometry.get("crs")
    properties = member.get("properties") if isinstance(member, Mapping) else None
    name = properties.get("name") if isinstance(properties, Mapping) else None
    return name if isinstance(name, str) and name else fallback or CRS84


def different(first: str, second: str) -> bool:
    """Whether two CRS names name different systems (the axis order aside); unknown names are not compared."""
    found = _pair(first, second)
    return found is not None and not found[0].equals(found[1], ignore_axis_order=True)


def explained(before: Sequence[Sequence[float]], after: Sequence[Sequence[float]], source: str, target: str) -> bool:
    """Every position of ``before`` in ``source`` transformed into ``target`` is the position of ``after``."""
    transform = _transformer(source, target)
    if transform is None or not before:
        return False
    for old, new in zip(before, after, strict=True):
        x, y = transform(old[0], old[1])
        if not all(abs(a - b) <= max(TOLERANCE, 10.0 ** -_places(b)) for a, b in zip((x, y), new[:2], strict=True)):
            return False
    return True


def _places(value: float) -> int:
    text = repr(value)
    return 17 if "e" in text.lower() else len(text.split(".")[1]) if "." in text else 0


@lru_cache(maxsize=64)
def _pair(first: str, second: str) -> tuple[Any, Any] | None:
    from pyproj import CRS  # noqa: PLC0415 - PROJ is loaded only when a round trip compares geometries
    from pyproj.exceptions import CRSError  # noqa: PLC0415

    try:
        return CRS.from_user_input(first), CRS.from_user_input(second)
    except CRSError:
        return None


@lru_cache(maxsize=64)
def _transformer(source: str, target: str) -> Any:
    from pyproj import Transformer  # noqa: PLC0415
    from pyproj.exceptions import ProjError  # noqa: PLC0415

    found = _pair(source, target)
    if found is None:
        return None
    try:
        return Transformer.from_crs(found[0], found[1], always_xy=True).transform
    except ProjError:
        return None
