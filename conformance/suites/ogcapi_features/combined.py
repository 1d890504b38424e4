"""bbox and datetime together (/req/core/fc-response): only features matching both are selected.

Annex A (abstract test of /req/core/fc-op) asks for requests combining bbox and datetime, verifying that only
features matching both selection criteria are returned: the predicates are joined with AND. For each checked
collection whose features' time is known (see temporal.py), one request combines a small box around a sampled
feature with a window of 30 days either side of its time, wide enough to hold features elsewhere; every returned
feature must lie in both (judged on envelopes and on the time property), and, if the answer is complete, the
sampled feature must be among them. A server that ignores one of the two filters fails this too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import MissingMember, ValueViolation, Violation
from conformance.core.messages import Message, Param
from conformance.suites.ogcapi_features import geometry, temporal
from conformance.suites.ogcapi_features.messages import joined, m, on
from conformance.suites.ogcapi_features.paging import next_link
from conformance.suites.ogcapi_features.responses import Doc, feature_key, features, label, status
from conformance.suites.ogcapi_features.service import Ctx

WINDOW = dt.timedelta(days=30)
PAGE = 100


def both_filters(ctx: Ctx, collection: str) -> list[Violation]:
    """Violations of a combined bbox and datetime request on the collection (none if it cannot be judged)."""
    sample = features(ctx.observation.items(collection))
    name = temporal.time_property(ctx.target, collection, sample)
    located = [
        (f, env, span)
        for f in sample
        if name and (env := geometry.envelope(f.get("geometry"))) and (span := temporal.feature_time(f, name))
    ]
    if name is None or not located:
        return []
    chosen, envelope, span = located[0]
    box, window = geometry.grow(envelope, 0.01), (span[0] - WINDOW, span[1] + WINDOW)
    value = f"{temporal.stamp(window[0])}/{temporal.stamp(window[1])}"
    doc = ctx.observation.items(collection, {"bbox": geometry.text(box), "datetime": value, "limit": PAGE})
    request = f"bbox={geometry.text(box)}&datetime={value}"
    problems = list(status(doc, on(request, collection)))
    return problems or [*_strays(doc, name, box, window), *_absent(doc, chosen)]


def _strays(doc: Doc, name: str, box: geometry.Box, window: tuple[dt.datetime, dt.datetime]) -> Iterator[Violation]:
    for index, feature in enumerate(features(doc)):
        env, span = geometry.envelope(feature.get("geometry")), temporal.feature_time(feature, name)
        outside: list[Param] = [
            what
            for what, off in (
                ("bbox", env is not None and geometry.misses(env, box)),
                ("datetime", span is not None and not temporal.intersects(span, window)),
            )
            if off
        ]
        if outside:
            yield ValueViolation(
                m("both-missed", feature=label(feature), parts=joined(outside)),
                locator=doc.at(f"/features/{index}"),
                expected=_both(box, window),
                actual=_where(env, span),
                exchange=doc.exchange,
            )


def _absent(doc: Doc, chosen: dict[str, Any]) -> Iterator[Violation]:
    if next_link(doc) is None and feature_key(chosen) not in {feature_key(f) for f in features(doc)}:
        yield MissingMember(
            m("both-absent", feature=label(chosen)),
            locator=doc.at("/features"),
            expected=chosen.get("id"),
            actual=[f.get("id") for f in features(doc)][:20],
            exchange=doc.exchange,
        )


def _both(box: geometry.Box, window: tuple[dt.datetime, dt.datetime]) -> Message:
    return m(
        "phrase.both-filters", box=geometry.text(box), window=f"{temporal.stamp(window[0])}/{temporal.stamp(window[1])}"
    )


def _where(env: geometry.Box | None, span: tuple[dt.datetime, dt.datetime] | None) -> Message:
    none = m("phrase.none")
    return m("phrase.where", envelope=geometry.text(env) if env else none, time=temporal.show(span) if span else none)
