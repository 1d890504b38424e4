"""TEST DOUBLE: the known ways in which the writable Features double (features_store) changes a feature it stores.

Each name in DEFECTS is one loss; LOSSES holds, for those that change the stored feature, the function that
changes it in place. Together they cover every kind of change the round trip's comparison tells apart
(``conformance.core.transferdiff.KINDS``), so that each can be shown to be reported as what it is.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import cache
from typing import Any

from pyproj import Transformer

EARTH_RADIUS = 6378137.0
DHDN = "http://www.opengis.net/def/crs/EPSG/0/4314"  # the German datum before ETRS89: about 100 m off WGS 84
TEXT_LIMIT = 32
DEFECTS = {
    "drops-property": "the alphabetically first property of each written feature is not stored",
    "truncates-coordinates": "coordinates are cut to three decimals",
    "times-to-utc": "date-times with an offset are stored in UTC",
    "renames-ids": "features are stored under ids of the server's own (item-1, item-2, …)",
    "numbers-as-text": 'numeric properties are stored as text (12.5 becomes "12.5")',
    "swaps-axes": "the first two coordinates of each position are swapped (latitude first)",
    "drops-z": "positions keep only their first two coordinates (3D becomes 2D)",
    "web-mercator": "positions are stored in Web Mercator metres (EPSG:3857) instead of CRS84 degrees",
    "reprojects": "positions are stored in DHDN degrees (EPSG:4314) and served so, with Content-Crs naming DHDN",
    "reprojects-unlabelled": "positions are stored in DHDN degrees (the collection's storageCrs) and served so, "
    "without Content-Crs (as if they were CRS84)",
    "drops-links": "the links a feature carries are not stored",
    "strips-link-titles": "links keep only their relation and target (title and type are not stored)",
    "cuts-long-text": f"text properties are cut to {TEXT_LIMIT} characters",
    "refuses-writes": "every written feature is refused with 400",
    "no-writes": "create-replace-delete is not declared (writes are still accepted)",
}


def _properties(change: Callable[[Any], Any]) -> Callable[[dict[str, Any]], None]:
    def apply(stored: dict[str, Any]) -> None:
        stored["properties"] = {k: change(v) for k, v in (stored.get("properties") or {}).items()}

    return apply


def _positions(change: Callable[[list[Any]], list[Any]]) -> Callable[[dict[str, Any]], None]:
    def apply(stored: dict[str, Any]) -> None:
        if isinstance(stored.get("geometry"), dict):
            stored["geometry"]["coordinates"] = each(stored["geometry"].get("coordinates"), change)

    return apply


def each(value: Any, change: Callable[[list[Any]], list[Any]]) -> Any:
    """A coordinates array with ``change`` applied to each of its positions."""
    if isinstance(value, list) and value and all(isinstance(x, (int, float)) for x in value):
        return change(value)
    return [each(v, change) for v in value] if isinstance(value, list) else value


def _drop_first_property(stored: dict[str, Any]) -> None:
    properties = stored.get("properties") or {}
    if properties:
        properties.pop(sorted(properties)[0])


def utc(value: Any) -> Any:
    """A date-time with an offset as the same instant in UTC (anything else as it is)."""
    if not isinstance(value, str) or "T" not in value:
        return value
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        return value
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def cut(position: list[Any]) -> list[Any]:
    """A position with its decimals cut to three."""
    return [math.trunc(x * 1000) / 1000 if isinstance(x, float) else x for x in position]


def _text(value: Any) -> Any:
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _mercator(position: list[Any]) -> list[Any]:
    lon, lat = math.radians(position[0]), math.radians(position[1])
    return [EARTH_RADIUS * lon, EARTH_RADIUS * math.log(math.tan(math.pi / 4 + lat / 2)), *position[2:]]


@cache
def _transformer() -> Transformer:
    return Transformer.from_crs("OGC:CRS84", DHDN, always_xy=True)


def to_dhdn(position: list[Any]) -> list[Any]:
    """A CRS84 position (longitude, latitude) in DHDN (EPSG:4314), longitude first."""
    lon, lat = _transformer().transform(position[0], position[1])
    return [lon, lat, *position[2:]]


def _strip_links(stored: dict[str, Any]) -> None:
    stored["links"] = [{"rel": link.get("rel"), "href": link.get("href")} for link in stored.get("links") or []]


LOSSES: dict[str, Callable[[dict[str, Any]], None]] = {
    "drops-property": _drop_first_property,
    "times-to-utc": _properties(utc),
    "truncates-coordinates": _positions(cut),
    "numbers-as-text": _properties(_text),
    "swaps-axes": _positions(lambda p: [p[1], p[0], *p[2:]]),
    "drops-z": _positions(lambda p: p[:2]),
    "web-mercator": _positions(_mercator),
    "reprojects": _positions(to_dhdn),
    "reprojects-unlabelled": _positions(to_dhdn),
    "drops-links": lambda stored: stored.pop("links", None),
    "strips-link-titles": _strip_links,
    "cuts-long-text": _properties(lambda v: v[:TEXT_LIMIT] if isinstance(v, str) else v),
}
