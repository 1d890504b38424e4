"""TEST DOUBLE: query parameters of the OGC API Features test server (limit, offset, bbox, datetime).

Conformant by default; the defect names switch individual behaviours off (see features_server.DEFECTS).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from conformance.demo.features_data import Collection

DEFAULT_LIMIT, MAX_LIMIT = 10, 100
ITEMS_PARAMS = frozenset({"limit", "offset", "bbox", "datetime", "f"})
Window = tuple[dt.datetime | None, dt.datetime | None]


class BadRequest(ValueError):
    """An invalid parameter value (answered with 400)."""


@dataclass(frozen=True)
class Selection:
    """What an items request selects and which page of it is wanted."""

    limit: int
    offset: int
    bbox: tuple[float, float, float, float] | None
    window: Window | None


def _integer(value: str | None, default: int, low: int, name: str) -> int:
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadRequest(f"{name} must be an integer") from None
    if number < low:
        raise BadRequest(f"{name} must be at least {low}")
    return number


def parse_bbox(value: str | None, six: bool = True) -> tuple[float, float, float, float] | None:
    """Four or six numbers in CRS84 (CRS84h: the heights must be ordered; the 2D data has no height to filter)."""
    if value is None:
        return None
    try:
        numbers = [float(v) for v in value.split(",")]
    except ValueError:
        raise BadRequest("bbox values must be numbers") from None
    if len(numbers) not in ((4, 6) if six else (4,)):
        raise BadRequest("bbox must have 4 or 6 numbers" if six else "bbox must have 4 numbers")
    if len(numbers) == 6 and numbers[2] > numbers[5]:
        raise BadRequest("the minimum height of the bbox is above its maximum")
    west, south, east, north = numbers if len(numbers) == 4 else (numbers[0], numbers[1], numbers[3], numbers[4])
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise BadRequest("bbox is outside CRS84 or south > north")
    return west, south, east, north


def instant(text: str) -> dt.datetime:
    """An RFC 3339 date-time."""
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BadRequest(f"{text!r} is not an RFC 3339 date-time") from None
    if value.tzinfo is None or "T" not in text.upper():
        raise BadRequest(f"{text!r} is not an RFC 3339 date-time with offset")
    return value


def parse_datetime(value: str | None, empty_ends: bool = True) -> Window | None:
    """An instant, a closed interval, or an interval open at one end ('..' or empty)."""
    if value is None:
        return None
    if "/" not in value:
        moment = instant(value)
        return moment, moment
    start, _, end = value.partition("/")
    if not empty_ends and "" in (start, end):
        raise BadRequest("open interval ends must be written as '..'")
    low = None if start in ("", "..") else instant(start)
    high = None if end in ("", "..") else instant(end)
    if low is None and high is None:
        raise BadRequest("an interval needs at least one bound")
    if low and high and low > high:
        raise BadRequest("the interval ends before it starts")
    return low, high


def selection(params: dict[str, str], defects: frozenset[str]) -> Selection:
    """Read the items parameters; BadRequest for invalid values (unless a defect lets them through)."""
    lenient = "no-limit-validation" in defects
    try:
        limit = _integer(params.get("limit"), DEFAULT_LIMIT, 1, "limit")
    except BadRequest:
        if not lenient:
            raise
        limit = DEFAULT_LIMIT
    limit = DEFAULT_LIMIT if "limit-ignored" in defects else min(limit, MAX_LIMIT)
    if "limit-default-ignored" in defects and "limit" not in params:
        limit = MAX_LIMIT
    offset = _integer(params.get("offset"), 0, 0, "offset")
    box = _lenient(
        parse_bbox, params.get("bbox"), "invalid-bbox-accepted" in defects, "bbox-six-rejected" not in defects
    )
    window = _lenient(
        parse_datetime,
        params.get("datetime"),
        "invalid-datetime-accepted" in defects,
        "datetime-empty-bound-rejected" not in defects,
    )
    return Selection(limit, offset, box, window)


def _lenient(parse: Any, value: str | None, lenient: bool, option: bool) -> Any:
    try:
        return parse(value, option)
    except BadRequest:
        if lenient:
            return None
        raise


def _lon_hit(west: float, east: float, box: tuple[float, float, float, float], defects: frozenset[str]) -> bool:
    low, high = box[0], box[2]
    if low > high and "antimeridian-bbox-wrong" in defects:
        low, high = high, low
    spans = [(low, 180.0), (-180.0, high)] if low > high else [(low, high)]
    return any(east >= lo and west <= hi for lo, hi in spans)


def in_bbox(feature: dict[str, Any], box: tuple[float, float, float, float], defects: frozenset[str]) -> bool:
    """The feature's geometry intersects the box (features without geometry always match)."""
    coords = _positions(feature.get("geometry"))
    if not coords:
        return "bbox-drops-unlocated" not in defects
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    return min(lats) <= box[3] and max(lats) >= box[1] and _lon_hit(min(lons), max(lons), box, defects)


def _positions(geometry: dict[str, Any] | None) -> list[list[float]]:
    if not geometry:
        return []
    if geometry["type"] == "Point":
        return [geometry["coordinates"]]
    return [p for ring in geometry["coordinates"] for p in ring]


def in_window(feature: dict[str, Any], collection: Collection, window: Window) -> bool:
    """The feature's time lies in the window (features without time always match)."""
    if collection.time_property is None:
        return True
    moment = instant(feature["properties"][collection.time_property])
    return (window[0] is None or window[0] <= moment) and (window[1] is None or moment <= window[1])


def matching(collection: Collection, chosen: Selection, defects: frozenset[str]) -> list[dict[str, Any]]:
    """The features the selection matches, in the collection's order."""
    box = chosen.bbox if "bbox-ignored" not in defects else None
    window = chosen.window if "datetime-ignored" not in defects else None
    if box is not None and window is not None and "filters-combined-or" in defects:
        return [f for f in collection.features if in_bbox(f, box, defects) or in_window(f, collection, window)]
    return [
        f
        for f in collection.features
        if (box is None or in_bbox(f, box, defects)) and (window is None or in_window(f, collection, window))
    ]
