"""Time in a collection: RFC 3339 values, the declared temporal extent, and the property that holds a feature's time.

Which property is a feature's temporal geometry is the server's decision (17-069r4, /req/core/fc-time-response B).
The suite takes it from the target option ``temporal_properties`` (collection id → property name); without it,
from the data: the one property whose values are RFC 3339 date-times in every sampled feature that has it.
With several such properties, or none, the time of a feature is unknown and is not judged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from conformance.harness.target import TargetContext

DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?")
Interval = tuple[dt.datetime | None, dt.datetime | None]


def instant(value: Any) -> dt.datetime | None:
    """An RFC 3339 date-time (or full-date, read as midnight UTC) as an aware datetime; None otherwise."""
    if not isinstance(value, str) or not DATE_TIME.fullmatch(value.strip()):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def stamp(moment: dt.datetime) -> str:
    """An RFC 3339 date-time in UTC."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def extent(entry: dict[str, Any]) -> Interval | None:
    """The first temporal interval of a collection's extent, if it declares one with at least one bound."""
    temporal = ((entry.get("extent") or {}).get("temporal") or {}) if isinstance(entry.get("extent"), dict) else {}
    intervals = temporal.get("interval") if isinstance(temporal, dict) else None
    if not isinstance(intervals, list) or not intervals or not isinstance(intervals[0], list):
        return None
    first = intervals[0] + [None, None]
    start, end = instant(first[0]), instant(first[1])
    return (start, end) if start or end else None


def candidates(features: Iterable[dict[str, Any]]) -> list[str]:
    """Properties whose non-null values are date-times in every feature that has them."""
    seen: dict[str, bool] = {}
    for feature in features:
        for name, value in (feature.get("properties") or {}).items():
            if value is not None:
                seen[name] = seen.get(name, True) and instant(value) is not None
    return sorted(name for name, ok in seen.items() if ok)


def time_property(target: TargetContext, collection: str, features: list[dict[str, Any]]) -> str | None:
    """The property holding the time of the collection's features, if it can be known."""
    options: dict[str, Any] = target.option("temporal_properties", {})
    configured = options.get(collection)
    if configured:
        return str(configured)
    found = candidates(features)
    return found[0] if len(found) == 1 else None


def feature_time(feature: dict[str, Any], name: str) -> tuple[dt.datetime, dt.datetime] | None:
    """The feature's time in that property as a closed span: an instant, or the whole day of a full-date."""
    value = (feature.get("properties") or {}).get(name)
    moment = instant(value)
    if moment is None:
        return None
    whole_day = len(str(value).strip()) == len("2026-01-01")
    return moment, (moment + dt.timedelta(days=1, microseconds=-1) if whole_day else moment)


def intersects(span: tuple[dt.datetime, dt.datetime], window: Interval) -> bool:
    """The span and the (possibly half-open) closed window share an instant."""
    start, end = window
    return (end is None or span[0] <= end) and (start is None or start <= span[1])


def inside(span: tuple[dt.datetime, dt.datetime], window: Interval) -> bool:
    """The span lies wholly in the window."""
    start, end = window
    return (start is None or start <= span[0]) and (end is None or span[1] <= end)


def show(span: tuple[dt.datetime, dt.datetime]) -> str:
    """A span as text: one stamp for an instant, start/end otherwise."""
    return stamp(span[0]) if span[0] == span[1] else f"{stamp(span[0])}/{stamp(span[1])}"
