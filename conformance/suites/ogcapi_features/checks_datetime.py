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

from conformance.core.evidence import ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features import temporal
from conformance.suites.ogcapi_features.catalogue import CORE
from conformance.suites.ogcapi_features.messages import m, on
from conformance.suites.ogcapi_features.openapi import Definition, declaring, definition
from conformance.suites.ogcapi_features.params import declared_parameter, limit_bounds, shape
from conformance.suites.ogcapi_features.responses import Doc, features, label, status
from conformance.suites.ogcapi_features.service import Ctx, claim, collections

DAY = dt.timedelta(days=1)
PAGE = 100
ANY_TIME = (
    "2026-03-01T12:00:00Z",
    "2026-03-01T00:00:00Z/2026-03-31T23:59:59Z",
    "../2026-03-01T00:00:00Z",
    "2026-03-01T00:00:00Z/..",
    "/2026-03-01T00:00:00Z",
    "2026-03-01T00:00:00Z/",
)


def _span(ctx: Ctx, entry: dict[str, Any]) -> tuple[temporal.Interval | None, str | None, list[Any]]:
    sample = features(ctx.observation.items(entry["id"]))
    return temporal.extent(entry), temporal.time_property(ctx.target, entry["id"], sample), sample


def _windows(start: dt.datetime, end: dt.datetime) -> list[tuple[str, temporal.Interval]]:
    quarter = (end - start) / 4
    low, high = (start + quarter).replace(microsecond=0), (start + 2 * quarter).replace(microsecond=0)
    first, last = temporal.stamp(low), temporal.stamp(high)
    return [
        (first, (low, low)),
        (f"{first}/{last}", (low, high)),
        (f"../{first}", (None, low)),
        (f"{last}/..", (high, None)),
        (f"/{first}", (None, low)),
        (f"{last}/", (high, None)),
    ]


def _bounds(window: temporal.Interval | None, name: str | None, sample: list[Any]) -> tuple[dt.datetime, ...]:
    if window is not None and window[0] is not None and window[1] is not None:
        return window[0], window[1]
    spans = [s for f in sample if name and (s := temporal.feature_time(f, name)) is not None]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else ()


def datetime_definition(ctx: Ctx) -> Judgement:
    """datetime is declared as a string query parameter; an instant, an interval and open ends are accepted."""
    claim(ctx, CORE)
    api = declaring(ctx, "datetime")
    found: list[Violation] = []
    sample = collections(ctx)
    for entry in sample:
        window, name, features_ = _span(ctx, entry)
        bounds = _bounds(window, name, features_)
        values = [v for v, _ in _windows(*bounds)] if bounds else list(ANY_TIME)
        found += [
            v
            for value in values
            for v in status(ctx.observation.items(entry["id"], {"datetime": value}), f"datetime={value}")
        ]
        found += _declared(api, entry["id"]) if api is not None else []
    return ctx.judge(found, ctx.examined(len(sample), "features.examined.collections"))


def _declared(api: Definition, collection: str) -> Iterator[Violation]:
    param = yield from declared_parameter(api, collection, "datetime")
    if param is not None:
        yield from shape(api, param, "string")


def datetime_response(ctx: Ctx) -> Judgement:
    """Windows outside the temporal extent select no feature with time; windows inside it only features in them."""
    claim(ctx, CORE)
    found: list[Violation] = []
    judged = 0
    for entry in collections(ctx):
        window, name, sample = _span(ctx, entry)
        size = min(PAGE, limit_bounds(definition(ctx), entry["id"])[1] or PAGE)
        if window is not None:
            judged += 1
            found += _outside_extent(ctx, entry["id"], window, size)
        bounds = _bounds(window, name, sample)
        if name and bounds:
            judged += 1
            found += _inside(ctx, entry["id"], name, bounds, size)
    return ctx.judge(found, ctx.examined(judged, "features.examined.time-collections"))


def _count(doc: Doc) -> int | None:
    matched = doc.member("numberMatched")
    if isinstance(matched, int):
        return matched
    return (
        len(features(doc))
        if not any(link.get("rel") == "next" for link in doc.member("links", []) if isinstance(link, dict))
        else None
    )


def _outside_extent(ctx: Ctx, collection: str, window: temporal.Interval, size: int) -> list[Violation]:
    probes = []
    if window[0] is not None:
        probes.append(f"../{temporal.stamp(window[0] - DAY)}")
    if window[1] is not None:
        probes.append(f"{temporal.stamp(window[1] + DAY)}/..")
    docs = [ctx.observation.items(collection, {"datetime": p, "limit": size}) for p in probes]
    problems = [v for doc, p in zip(docs, probes, strict=True) for v in status(doc, on(f"datetime={p}", collection))]
    return problems or list(_disjoint_answers(ctx, collection, docs))


def _disjoint_answers(ctx: Ctx, collection: str, docs: list[Doc]) -> Iterator[Violation]:
    total = _count(ctx.observation.items(collection))
    counts = [_count(doc) for doc in docs]
    for doc, count in zip(docs, counts, strict=True):
        if total and count == total:
            yield ValueViolation(
                m("window-all", total=total, collection=collection),
                locator=doc.at("/numberMatched"),
                expected=m("phrase.without-time", total=total),
                actual=count,
                exchange=doc.exchange,
            )
    if len(set(counts)) > 1 and None not in counts:
        yield ValueViolation(
            m("windows-differ", collection=collection),
            locator=docs[-1].at("/numberMatched"),
            expected=counts[0],
            actual=counts[-1],
            exchange=docs[-1].exchange,
        )


def _inside(ctx: Ctx, collection: str, name: str, bounds: tuple[dt.datetime, ...], size: int) -> Iterator[Violation]:
    for value, window in _windows(bounds[0], bounds[1]):
        doc = ctx.observation.items(collection, {"datetime": value, "limit": size})
        problems = list(status(doc, on(f"datetime={value}", collection)))
        yield from problems or _wrong_times(doc, name, value, window)


def _wrong_times(doc: Doc, name: str, value: str, window: temporal.Interval) -> Iterator[Violation]:
    for index, feature in enumerate(features(doc)):
        span = temporal.feature_time(feature, name)
        if span is not None and not temporal.intersects(span, window):
            yield ValueViolation(
                m("outside-window", feature=label(feature), time=f"{name}={temporal.show(span)}", value=value),
                locator=doc.at(f"/features/{index}/properties/{name}"),
                expected=value,
                actual=temporal.show(span),
                exchange=doc.exchange,
            )
