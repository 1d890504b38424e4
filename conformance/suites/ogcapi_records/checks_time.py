"""The record's ``time`` member: /req/record-core/time-instant, time-interval, time-zone and time-instant-interval.

Every record on each sampled catalog's first items page whose ``time`` object carries the members a requirement
speaks of is judged; a record without them is not counted, so a catalog whose records have none is not applicable.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

from conformance.core.evidence import ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.suites.ogcapi_records.messages import r
from conformance.suites.ogcapi_records.service import Ctx, Record, catalogs, record_id

FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
OPEN = ".."
# A rule reads a record's time object: None (nothing to judge), or the problems found (empty: judged, fine).
Rule = Callable[[dict[str, Any]], list[Message] | None]


def is_date(value: Any) -> bool:
    """An RFC 3339 full-date that names a real day."""
    return isinstance(value, str) and FULL_DATE.fullmatch(value) is not None and _parsed(value[:10]) is not None


def is_timestamp(value: Any) -> bool:
    """An RFC 3339 date-time that names a real day."""
    return isinstance(value, str) and DATE_TIME.fullmatch(value) is not None and _parsed(value[:10]) is not None


def _parsed(day: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        return None


INSTANTS: tuple[tuple[str, Callable[[Any], bool], str], ...] = (
    ("date", is_date, "full-date"),
    ("timestamp", is_timestamp, "date-time"),
)


def _instants(time: dict[str, Any]) -> list[Message] | None:
    """A: date is a full-date; B: timestamp is a date-time."""
    present = [kind for kind in INSTANTS if kind[0] in time]
    if not present:
        return None
    return [
        r("time-not-rfc3339", member=n, value=repr(time[n])[:80], rule=rule)
        for n, test, rule in present
        if not test(time[n])
    ]


def _interval(time: dict[str, Any]) -> list[Message] | None:
    """Each end is '..', a full-date or a date-time; a date start has a date end, a timestamp start one too."""
    if "interval" not in time:
        return None
    value = time["interval"]
    if not (isinstance(value, list) and len(value) == 2):
        return [r("interval-not-pair", value=repr(value)[:80])]
    wrong = [v for v in value if v != OPEN and not is_date(v) and not is_timestamp(v)]
    if wrong:
        return [r("interval-end-wrong", value=repr(v)[:80]) for v in wrong]
    start, end = value
    if OPEN not in (start, end) and is_date(start) != is_date(end):
        return [r("interval-mixed", start=start, end=end)]
    return []


def _zone(time: dict[str, Any]) -> list[Message] | None:
    """Every timestamp of the time object ends in Z (UTC)."""
    ends: list[Any] = time["interval"] if isinstance(time.get("interval"), list) else []
    stamps = [v for v in [time.get("timestamp"), *ends] if is_timestamp(v)]
    if not stamps:
        return None
    return [r("timestamp-not-utc", value=v) for v in stamps if not v.upper().endswith("Z")]


def _contained(time: dict[str, Any]) -> list[Message] | None:
    """A date and a timestamp name the same day; an interval holds the date and the timestamp."""
    date: Any = time.get("date")
    stamp: Any = time.get("timestamp")
    judged = [*_same_day(date, stamp), *_in_interval(time.get("interval"), date, stamp)]
    return [m for m in judged if m is not None] if judged else None


def _same_day(date: Any, stamp: Any) -> list[Message | None]:
    if not (is_date(date) and is_timestamp(stamp)):
        return []
    return [None if date == stamp[:10] else r("date-timestamp-differ", date=date, timestamp=stamp)]


def _in_interval(ends: Any, *instants: Any) -> list[Message | None]:
    if not (
        isinstance(ends, list) and len(ends) == 2 and all(v == OPEN or is_date(v) or is_timestamp(v) for v in ends)
    ):
        return []
    return [
        None if _within(v, ends[0], ends[1]) else r("instant-outside-interval", value=v, start=ends[0], end=ends[1])
        for v in instants
        if is_date(v) or is_timestamp(v)
    ]


def _within(value: str, start: str, end: str) -> bool:
    if all(is_timestamp(v) for v in (value, start, end)):
        moment = _moment(value)
        return _moment(start) <= moment <= _moment(end)
    day = value[:10]
    return (start == OPEN or start[:10] <= day) and (end == OPEN or day <= end[:10])


def _moment(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))


def _judged(ctx: Ctx, rule: Rule) -> Judgement:
    found: list[Violation] = []
    count = 0
    for doc, pointer, record in _timed(ctx):
        problems = rule(record["time"])
        if problems is None:
            continue
        count += 1
        what = r("phrase.record", id=record_id(record))
        found += [
            ValueViolation(
                r("time-wrong", what=what, problem=p), locator=doc.at(f"{pointer}/time"), exchange=doc.exchange
            )
            for p in problems
        ]
    return ctx.judge(found, ctx.examined(count, "records.examined.timed-records"))


def _timed(ctx: Ctx) -> Iterator[tuple[Any, str, Record]]:
    for entry in catalogs(ctx):
        doc = ctx.observation.items(entry["id"])
        listed = doc.member("features", []) if doc.ok else []
        for index, record in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(record, dict) and isinstance(record.get("time"), dict):
                yield doc, f"/features/{index}", record


def time_instant(ctx: Ctx) -> Judgement:
    """/req/record-core/time-instant: date and timestamp members follow RFC 3339."""
    return _judged(ctx, _instants)


def time_interval(ctx: Ctx) -> Judgement:
    """/req/record-core/time-interval: the interval's ends are '..' or RFC 3339 of one kind."""
    return _judged(ctx, _interval)


def time_zone(ctx: Ctx) -> Judgement:
    """/req/record-core/time-zone: timestamps are in UTC."""
    return _judged(ctx, _zone)


def time_instant_interval(ctx: Ctx) -> Judgement:
    """/req/record-core/time-instant-interval: date, timestamp and interval agree."""
    return _judged(ctx, _contained)
