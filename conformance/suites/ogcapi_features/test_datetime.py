"""The datetime parameter: /req/core/fc-time-definition and /req/core/fc-time-response.

Features without a temporal geometry match every datetime value (requirement C), so a collection without
time is not judged on its answers. For a collection that declares a temporal extent, windows before and after
that extent are valid values that can select only features without time: the answers must be 200, must agree,
and must not return every feature (the extent says that some features have a time). Where the property holding
the features' time is known (see temporal.py), every returned feature's time must lie in the window of an
instant, a closed interval, an open start and an open end; open ends are sent both as '..' and as the empty
string (requirement D of /req/core/fc-time-definition, and the abstract test of /req/core/fc-time-response).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import NotApplicable, ValueViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, STANDARD, temporal
from conformance.suites.ogcapi_features.checks import capped, status
from conformance.suites.ogcapi_features.openapi import definition
from conformance.suites.ogcapi_features.params import declared_parameter, limit_bounds, shape
from conformance.suites.ogcapi_features.service import Doc, claim, collections, features, items, label

DAY = dt.timedelta(days=1)
PAGE = 100
ANY_TIME = ("2026-03-01T12:00:00Z", "2026-03-01T00:00:00Z/2026-03-31T23:59:59Z", "../2026-03-01T00:00:00Z",
            "2026-03-01T00:00:00Z/..", "/2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z/")


def _span(target: TargetContext, entry: dict[str, Any]) -> tuple[temporal.Interval | None, str | None, list[Any]]:
    sample = features(items(target, entry["id"]))
    return temporal.extent(entry), temporal.time_property(target, entry["id"], sample), sample


def _windows(start: dt.datetime, end: dt.datetime) -> list[tuple[str, temporal.Interval]]:
    quarter = (end - start) / 4
    low, high = (start + quarter).replace(microsecond=0), (start + 2 * quarter).replace(microsecond=0)
    first, last = temporal.stamp(low), temporal.stamp(high)
    return [(first, (low, low)), (f"{first}/{last}", (low, high)), (f"../{first}", (None, low)),
            (f"{last}/..", (high, None)), (f"/{first}", (None, low)), (f"{last}/", (high, None))]


def _bounds(window: temporal.Interval | None, name: str | None, sample: list[Any]) -> tuple[dt.datetime, ...]:
    if window is not None and window[0] is not None and window[1] is not None:
        return window[0], window[1]
    spans = [s for f in sample if name and (s := temporal.feature_time(f, name)) is not None]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else ()


@requirement(STANDARD.requirement("/req/core/fc-time-definition"))
def test_datetime_definition(target: TargetContext) -> None:
    """datetime is declared as a string query parameter; an instant, an interval and open ends are accepted."""
    claim(target, CORE)
    api = definition(target)
    found: list[Violation] = []
    for entry in collections(target):
        window, name, sample = _span(target, entry)
        bounds = _bounds(window, name, sample)
        values = [v for v, _ in _windows(*bounds)] if bounds else list(ANY_TIME)
        found += [v for value in values
                  for v in status(items(target, entry["id"], {"datetime": value}), f"datetime={value}")]
        if api is not None:
            found += _declared(api, entry["id"])
    if api is None:
        target.note("no readable API definition: the declaration of datetime was not checked")
    expect(found)


def _declared(api: Any, collection: str) -> Iterator[Violation]:
    param = yield from declared_parameter(api, collection, "datetime")
    if param is not None:
        yield from shape(api, param, "string")


@requirement(STANDARD.requirement("/req/core/fc-time-response"))
def test_datetime_response(target: TargetContext) -> None:
    claim(target, CORE)
    found: list[Violation] = []
    judged = 0
    for entry in collections(target):
        window, name, sample = _span(target, entry)
        size = min(PAGE, limit_bounds(definition(target), entry["id"])[1] or PAGE)
        if window is not None:
            judged += 1
            found += _outside_extent(target, entry["id"], window, size)
        bounds = _bounds(window, name, sample)
        if name and bounds:
            judged += 1
            found += _inside(target, entry["id"], name, bounds, size)
    if not judged:
        raise NotApplicable("no sampled collection declares a temporal extent or has time-stamped features")
    expect(capped(found))


def _count(doc: Doc) -> int | None:
    matched = doc.member("numberMatched")
    if isinstance(matched, int):
        return matched
    return len(features(doc)) if not any(link.get("rel") == "next" for link in doc.member("links", [])
                                         if isinstance(link, dict)) else None


def _outside_extent(target: TargetContext, collection: str, window: temporal.Interval, size: int
                    ) -> list[Violation]:
    probes = []
    if window[0] is not None:
        probes.append(f"../{temporal.stamp(window[0] - DAY)}")
    if window[1] is not None:
        probes.append(f"{temporal.stamp(window[1] + DAY)}/..")
    docs = [items(target, collection, {"datetime": p, "limit": size}) for p in probes]
    problems = [v for doc, p in zip(docs, probes, strict=True) for v in status(doc, f"datetime={p} on {collection}")]
    return problems or list(_disjoint_answers(target, collection, docs))


def _disjoint_answers(target: TargetContext, collection: str, docs: list[Doc]) -> Iterator[Violation]:
    total = _count(items(target, collection))
    counts = [_count(doc) for doc in docs]
    for doc, count in zip(docs, counts, strict=True):
        if total and count == total:
            yield ValueViolation(f"a window outside the temporal extent selected all {total} features of "
                                 f"{collection}: the datetime filter was ignored", locator=doc.at("/numberMatched"),
                                 expected=f"only features without a temporal geometry (fewer than {total})",
                                 actual=count, exchange=doc.exchange)
    if len(set(counts)) > 1 and None not in counts:
        yield ValueViolation(f"windows before and after the temporal extent of {collection} select different "
                             "numbers of features (only features without time can match both)",
                             locator=docs[-1].at("/numberMatched"), expected=counts[0], actual=counts[-1],
                             exchange=docs[-1].exchange)


def _inside(target: TargetContext, collection: str, name: str, bounds: tuple[dt.datetime, ...], size: int
            ) -> Iterator[Violation]:
    for value, window in _windows(bounds[0], bounds[1]):
        doc = items(target, collection, {"datetime": value, "limit": size})
        problems = list(status(doc, f"datetime={value} on {collection}"))
        yield from problems or _wrong_times(doc, name, value, window)


def _wrong_times(doc: Doc, name: str, value: str, window: temporal.Interval) -> Iterator[Violation]:
    for index, feature in enumerate(features(doc)):
        span = temporal.feature_time(feature, name)
        if span is not None and not temporal.intersects(span, window):
            yield ValueViolation(f"feature {label(feature)} ({name}={temporal.show(span)}) does not "
                                 f"intersect datetime={value}", locator=doc.at(f"/features/{index}/properties/{name}"),
                                 expected=value, actual=temporal.show(span), exchange=doc.exchange)
