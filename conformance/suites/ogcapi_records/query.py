"""Queries built from the sampled records, and how a returned record's text, time and place are read.

Each probe is asked of one catalog; the checks judge every record it returns against what was asked. What a
probe looked for is named in the judgement, so that a query that returned nothing is *not applicable* with the
reason, never a pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from conformance.suites.ogcapi_features import geometry, temporal
from conformance.suites.ogcapi_features.responses import GEOJSON, Doc, features
from conformance.suites.ogcapi_records.service import Ctx, Record, catalogs, record_id

LIMIT = 50
UNKNOWN_TYPE = "wechselbar-unknown-7f3a9c"
CORNERS: tuple[geometry.Box, ...] = (
    (-179.9, -89.9, -179.8, -89.8),
    (179.8, 89.8, 179.9, 89.9),
    (0.0, 0.0, 0.1, 0.1),
)
Span = tuple[dt.datetime, dt.datetime]


def ask(ctx: Ctx, catalog: str, params: dict[str, Any]) -> Doc:
    """One filtered items request (the page is ``LIMIT`` records)."""
    return ctx.observation.fetch(ctx.observation.items_url(catalog), {"limit": LIMIT, **params}, GEOJSON)


def first_page(ctx: Ctx) -> Iterator[tuple[str, list[Record]]]:
    """(catalog, records of its first items page) for each sampled catalog."""
    for entry in catalogs(ctx):
        yield entry["id"], features(ctx.observation.items(entry["id"]))


def texts(node: Any) -> Iterator[str]:
    """Every string in a JSON value, at any depth."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value)


def contains(record: Record, term: str) -> bool:
    """The record's id or a text in its properties contains the term (case-insensitively)."""
    wanted = term.casefold()
    return any(wanted in text.casefold() for text in texts([record.get("id"), record.get("properties")]))


def term(records: list[Record]) -> tuple[str, Record] | None:
    """A search word of four or more letters from the title of a record."""
    for record in records:
        title = (record.get("properties") or {}).get("title")
        words = re.findall(r"[^\W\d_]{4,}", title) if isinstance(title, str) else []
        if words:
            return words[0], record
    return None


def boxes(records: list[Record]) -> list[geometry.Box]:
    """The envelope of the first record with a geometry, and a small box missing some record's envelope."""
    envelopes = [e for e in (geometry.envelope(rec.get("geometry")) for rec in records) if e is not None]
    if not envelopes:
        return []
    missing = [box for box in CORNERS if any(geometry.misses(e, box) for e in envelopes)]
    return [geometry.grow(envelopes[0], 0.000001), *missing[:1]]


def record_time(record: Record, name: str | None) -> Span | None:
    """The record's time: its ``time`` member (date, timestamp or interval), else the given property."""
    time = record.get("time")
    if isinstance(time, dict):
        return _member_time(time)
    if name is None:
        return None
    return temporal.feature_time(record, name)


def _member_time(time: dict[str, Any]) -> Span | None:
    interval = time.get("interval")
    if isinstance(interval, list) and len(interval) == 2:
        start, end = (temporal.instant(v) for v in interval)
        low, high = start or dt.datetime.min.replace(tzinfo=dt.UTC), end or dt.datetime.max.replace(tzinfo=dt.UTC)
        return (low, high) if start or end else None
    value = time.get("timestamp") or time.get("date")
    moment = temporal.instant(value)
    if moment is None:
        return None
    whole_day = isinstance(value, str) and len(value.strip()) == len("2026-01-01")
    return moment, (moment + dt.timedelta(days=1, microseconds=-1) if whole_day else moment)


def windows(spans: list[Span]) -> list[tuple[str, temporal.Interval]]:
    """Around the first known time: its instant, a closed interval of two days, an interval open at the end
    (``start/..``); and, before every record here, one in 1900 and one open at the start (``../1900-12-31``)."""
    past_start, past_end = dt.datetime(1900, 1, 1, tzinfo=dt.UTC), dt.datetime(1900, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
    found: list[temporal.Interval] = [(past_start, past_end), (None, past_end)]
    if spans:
        moment, start = spans[0][0], spans[0][0] - dt.timedelta(days=1)
        found[:0] = [(moment, moment), (start, moment + dt.timedelta(days=1)), (start, None)]
    return [(_shown(a, b), (a, b)) for a, b in found]


def _shown(start: dt.datetime | None, end: dt.datetime | None) -> str:
    """A datetime parameter value: an instant, or an interval with ``..`` for an open end."""
    if start is not None and start == end:
        return temporal.stamp(start)
    return f"{temporal.stamp(start) if start else '..'}/{temporal.stamp(end) if end else '..'}"


def label(record: Record) -> str:
    """A record as named in messages."""
    return repr(record_id(record))
