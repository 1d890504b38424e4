"""What happened to one attribute of one item on its way from product A into product B and back.

An attribute is a name and a JSON value (``id``, ``geometry``, ``properties.name``, ``links``; the standard's
adapter decides the names). Its value read back from B is *unchanged*, *changed* (with the kind of change:
numeric precision, type, axis order, CRS, dimension, time zone, id, links, value) or *lost*; an attribute only B
has is *added*. A geometry is a CRS change when the CRS each side declares differ and PROJ explains B's positions
as A's in B's CRS (:mod:`transfercrs`), or when its positions lie beyond any range of degrees.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from conformance.core import transfercrs

UNCHANGED, CHANGED, LOST, ADDED = "unchanged", "changed", "lost", "added"
STATUSES = (UNCHANGED, CHANGED, LOST, ADDED)
KINDS = ("precision", "type", "axis-order", "crs", "dimension", "timezone", "id", "links", "value", "item")
GEOMETRY_TYPES = frozenset(
    {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}
)
MISSING: Any = object()


@dataclass(frozen=True)
class Change:
    """The fate of one attribute: its status, the kind of change (empty unless changed or lost), and for a CRS
    change the two CRSs (``A's → B's``) where both are known."""

    status: str
    kind: str = ""
    detail: str = ""


def compare(name: str, before: Any, after: Any, crs: tuple[str, str] = ("", "")) -> Change:
    """Compare A's value of an attribute with B's (``MISSING`` where a side lacks it); ``crs`` is the CRS A and B
    declared for their answers ('' where none), for geometries without a ``crs`` member of their own."""
    if before is MISSING or before is None:
        return Change(UNCHANGED) if after is MISSING or after is None else Change(ADDED)
    if after is MISSING or after is None or (after in ([], {}, "") and before not in ([], {}, "")):
        return Change(LOST, name if name in ("id", "links") else "")
    if same(before, after):
        return Change(UNCHANGED)
    if name == "id":
        return Change(CHANGED, "id")
    if name == "links":
        return Change(LOST, "links") if _links_lost(before, after) else Change(CHANGED, "links")
    found = kind(before, after, crs)
    return Change(CHANGED, found, _crs_named(before, after, crs) if found == "crs" else "")


def same(a: Any, b: Any) -> bool:
    """Equal as JSON values (1 and 1.0 are the same number; true is not 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if _number(a) and _number(b):
        return bool(a == b)
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and bool(a == b)


def kind(a: Any, b: Any, crs: tuple[str, str] = ("", "")) -> str:
    """The kind of change between two values that are not the same."""
    if _geometry(a) and _geometry(b):
        return _geometry_change(a, b, crs)
    if _number(a) and _number(b):
        return "precision" if _rounded(float(a), float(b)) else "value"
    if isinstance(a, str) and isinstance(b, str):
        return "timezone" if _time_shift(a, b) else "value"
    if type(a) is not type(b) and not (isinstance(a, (dict, list)) or isinstance(b, (dict, list))):
        return "type"
    return "value"


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _decimals(value: float) -> int:
    text = repr(value)
    if "e" in text or "E" in text:
        return 17
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def _rounded(a: float, b: float) -> bool:
    """B holds A with fewer decimals (rounded or cut off)."""
    places = _decimals(b)
    return places < _decimals(a) and abs(a - b) < 10.0**-places + 1e-12


def _time(text: str) -> dt.datetime | None:
    if len(text) < 16 or "T" not in text.upper():
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None


def _time_shift(a: str, b: str) -> bool:
    """Both are date-times (or intervals of them, ISO 8601 start/end) with the same instants or the same wall
    times; only the time zone differs."""
    starts, ends = a.split("/"), b.split("/")
    if len(starts) != len(ends):
        return False
    return all(x == y or _instant_shift(x, y) for x, y in zip(starts, ends, strict=True))


def _instant_shift(a: str, b: str) -> bool:
    first, second = _time(a), _time(b)
    if first is None or second is None:
        return False
    if (first.tzinfo is None) != (second.tzinfo is None):
        return first.replace(tzinfo=None) == second.replace(tzinfo=None)
    return first == second or first.replace(tzinfo=None) == second.replace(tzinfo=None)


def _geometry(value: Any) -> bool:
    return isinstance(value, Mapping) and value.get("type") in GEOMETRY_TYPES


def positions(value: Any) -> Iterator[list[float]]:
    """Every position of a GeoJSON geometry or coordinates array."""
    if isinstance(value, Mapping):
        for part in value.get("geometries", []):
            yield from positions(part)
        value = value.get("coordinates", [])
    if isinstance(value, list) and value and all(_number(x) for x in value):
        yield [float(x) for x in value]
    elif isinstance(value, list):
        for part in value:
            yield from positions(part)


def _geometry_change(a: Mapping[str, Any], b: Mapping[str, Any], crs: tuple[str, str]) -> str:
    first, second = list(positions(a)), list(positions(b))
    if a.get("type") != b.get("type") or len(first) != len(second):
        return "value"
    if any(len(p) != len(q) for p, q in zip(first, second, strict=True)):
        return "dimension"
    source, target = transfercrs.declared(a, crs[0]), transfercrs.declared(b, crs[1])
    relabelled = first == second and a.get("crs") != b.get("crs")
    if (
        source != target
        and transfercrs.different(source, target)
        and (relabelled or transfercrs.explained(first, second, source, target))
    ):
        return "crs"
    pairs = list(zip(first, second, strict=True))
    if all(_close(p[:2], q[1::-1]) for p, q in pairs):
        return "axis-order"
    if all(all(same(x, y) or _rounded(x, y) for x, y in zip(p, q, strict=True)) for p, q in pairs):
        return "precision"
    if any(abs(x) > 360 for _, q in pairs for x in q[:2]):
        return "crs"
    return "value"


def _crs_named(a: Any, b: Any, crs: tuple[str, str]) -> str:
    """``A's CRS → B's CRS`` of a CRS change, where B declared one."""
    if not (_geometry(a) and _geometry(b)):
        return ""
    source, target = transfercrs.declared(a, crs[0]), transfercrs.declared(b, crs[1])
    return f"{source} → {target}" if source != target else ""


def _close(p: list[float], q: list[float]) -> bool:
    return all(math.isclose(x, y, abs_tol=1e-9) for x, y in zip(p, q, strict=True))


def _links_lost(before: Any, after: Any) -> bool:
    """A link of A (by relation and target) is not among B's."""
    kept = {(link.get("rel"), link.get("href")) for link in after if isinstance(link, Mapping)}
    return any((link.get("rel"), link.get("href")) not in kept for link in before if isinstance(link, Mapping))
