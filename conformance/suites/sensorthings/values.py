"""Property values as the data model wants them: ISO 8601 instants and intervals, units of measurement, GeoJSON.

Each function returns None for a good value, else a message saying what is wrong (a message of the suite's
catalogue; RFC 7946 findings come worded by :mod:`conformance.core.geojson`).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from conformance.core import geojson
from conformance.core.messages import Message
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.model import GEOJSON_TYPES

GEOMETRIES = frozenset(
    {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}
)
DURATION = re.compile(r"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")


def instant(value: Any) -> datetime | None:
    """The time of an ISO 8601 date-time string, or None."""
    if not isinstance(value, str) or "T" not in value:
        return None
    try:
        return datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None


def interval(value: Any) -> bool:
    """Whether the value is an ISO 8601 interval: start/end, start/duration or duration/end."""
    if not isinstance(value, str) or value.count("/") != 1:
        return False
    start, end = value.split("/")
    if DURATION.match(start):
        return instant(end) is not None
    if DURATION.match(end):
        return instant(start) is not None
    first, last = instant(start), instant(end)
    return first is not None and last is not None and _ordered(first, last)


def _ordered(first: datetime, last: datetime) -> bool:
    try:
        return first <= last
    except TypeError:  # one with, one without a time zone: not comparable, not wrong
        return True


def problem(kind: str, value: Any, entity: dict[str, Any]) -> Message | None:
    """What is wrong with a property value of a kind (see :mod:`model`), or None."""
    base = kind.rstrip("?")
    if value is None:
        return None if kind.endswith("?") else m("phrase.null")
    if base == "text":
        return None if isinstance(value, str) else m("phrase.not-a", kind=m("phrase.a-string"))
    if base == "object":
        return None if isinstance(value, dict) else m("phrase.not-a", kind=m("phrase.an-object"))
    if base == "instant":
        return None if instant(value) is not None else m("phrase.not-a", kind=m("phrase.iso-instant"))
    if base == "interval":
        return None if interval(value) else m("phrase.not-a", kind=m("phrase.iso-interval"))
    if base == "time":
        good = instant(value) is not None or interval(value)
        return None if good else m("phrase.not-a", kind=m("phrase.iso-time"))
    if base == "uom":
        return _uom(value)
    if base == "uoms":
        bad = not isinstance(value, list) or any(_uom(u) is not None for u in value)
        return m("phrase.not-a", kind=m("kind.uoms")) if bad else None
    if base == "texts":
        bad = not isinstance(value, list) or not all(isinstance(t, str) for t in value)
        return m("phrase.not-a", kind=m("kind.texts")) if bad else None
    if base == "area":
        return geometry(value)
    if base == "geojson":
        return geometry(value) if entity.get("encodingType") in GEOJSON_TYPES else None
    return None


def _uom(value: Any) -> Message | None:
    if not isinstance(value, dict):
        return m("phrase.not-a", kind=m("phrase.an-object"))
    absent = [k for k in ("name", "symbol", "definition") if k not in value]
    return m("phrase.uom-without", members=", ".join(absent)) if absent else None


def geometry(value: Any) -> Message | None:
    """A GeoJSON geometry or Feature (RFC 7946 MUST rules), or what is wrong with it."""
    if not isinstance(value, dict):
        return m("phrase.not-a", kind=m("phrase.geojson"))
    kind = value.get("type")
    if kind == "Feature":
        inner = value.get("geometry")
        return geometry(inner) if isinstance(inner, dict) else m("phrase.not-a", kind=m("phrase.geojson"))
    if kind not in GEOMETRIES:
        return m("phrase.geojson-type", type=repr(kind))
    if kind != "GeometryCollection" and not isinstance(value.get("coordinates"), list):
        return m("phrase.no-coordinates")
    found = [f for f in geojson.check(value) if f.obligation is geojson.MUSS]
    return found[0].msg if found else None
