"""Filtering Extension, the window of a result: $top, $skip and $count (18-088 clause 9.3.3.2 to 9.3.3.4).

$top and $skip ask for a stable order across requests that carry them, so $skip is compared with $top on the
same set. A $top above the service's page limit is discarded (the limit applies), never an error. $count counts
the whole result regardless of $top, and a value other than true or false is answered with 400.
"""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import StatusViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.sensorthings.catalogue import FILTERING
from conformance.suites.sensorthings.checks_query import busiest, failed
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.service import Ctx, Doc, claim, walk_notes

BEYOND_LIMIT = 10000  # a $top above any page limit seen in practice (FROST 10000 max; django-ogc-sensorthings 100)
EXAMINED = "sta.examined.requests"


def top(ctx: Ctx) -> Judgement:
    """$top=1 and $top=2 on the busiest set return at most that many, and at least one; a $top beyond the page
    limit on Things is answered (the limit applies)."""
    claim(ctx, FILTERING)
    chosen = busiest(ctx)
    found: list[Violation] = []
    asked = 0
    for n in (1, 2) if chosen else ():
        doc = ctx.observation.fetch(chosen[1], {"$top": n})  # type: ignore[index]
        asked += 1
        if (bad := failed(doc, f"$top={n}")) is not None:
            found.append(bad)
        elif not 1 <= len(doc.entities()) <= n:
            found.append(
                ValueViolation(
                    m("top-size", n=n, got=len(doc.entities())),
                    locator=doc.at("/value"),
                    expected=m("phrase.between", low=1, high=n),
                    actual=len(doc.entities()),
                    exchange=doc.exchange,
                )
            )
    things = ctx.observation.sets().get("Things")
    if chosen and things:
        asked += 1
        doc = ctx.observation.fetch(things, {"$top": BEYOND_LIMIT})
        found += [bad] if (bad := failed(doc, f"Things?$top={BEYOND_LIMIT}")) is not None else []
    return ctx.judge(found, ctx.examined(asked, EXAMINED))


def skip(ctx: Ctx) -> Judgement:
    """$skip=1&$top=2 on the busiest set gives the second and third entity of $top=3."""
    claim(ctx, FILTERING)
    chosen = busiest(ctx)
    reference = [e.get("@iot.id") for e in ctx.observation.fetch(chosen[1], {"$top": 3}).entities()] if chosen else []
    if chosen is None or len(reference) < 2:
        return ctx.judge([], ctx.examined(0, EXAMINED))
    doc = ctx.observation.fetch(chosen[1], {"$skip": 1, "$top": 2})
    if (bad := failed(doc, "$skip=1&$top=2")) is not None:
        return ctx.judge([bad], ctx.examined(1, EXAMINED))
    got = [e.get("@iot.id") for e in doc.entities()][: len(reference) - 1]
    if got and got == reference[1 : 1 + len(got)]:
        return ctx.judge([], ctx.examined(1, EXAMINED))
    wrong = ValueViolation(
        m("skip-wrong", set=chosen[0].entity_set),
        locator=doc.at("/value"),
        expected=reference[1 : 1 + len(got)],
        actual=got,
        exchange=doc.exchange,
    )
    return ctx.judge([wrong], ctx.examined(1, EXAMINED))


def count(ctx: Ctx) -> Judgement:
    """$count=true gives @iot.count, the number of entities of the set (walked to its end), the same with $top=1;
    $count=false gives none; $count=maybe is answered with 400."""
    claim(ctx, FILTERING)
    found: list[Violation] = []
    judged = 0
    for name, url in ctx.observation.sets().items():
        with_count = ctx.observation.fetch(url, {"$count": "true"})
        if (bad := failed(with_count, f"{name}?$count=true")) is not None:
            found.append(bad)
            continue
        judged += 1
        found += _count(ctx, name, url, with_count)
        found += _unasked(ctx, name, url)
        found += _topped(ctx, name, url, with_count)
    if judged:
        found += _invalid(ctx, next(iter(ctx.observation.sets().values())))
    return ctx.judge(found, ctx.examined(judged, "sta.examined.sets"))


def _count(ctx: Ctx, name: str, url: str, doc: Doc) -> Iterator[Violation]:
    value = doc.member("@iot.count")
    walk = ctx.observation.walk(url)
    walk_notes(ctx, walk)
    complete = not walk.cut and not walk.cycle and all(p.ok for p in walk.pages)
    total = len({repr(e.get("@iot.id")) for _, _, e in walk.entities})
    if not isinstance(value, int) or isinstance(value, bool) or value < len(doc.entities()):
        yield ValueViolation(
            m("count-missing", set=name),
            locator=doc.at("/@iot.count"),
            expected=m("phrase.at-least", count=len(doc.entities())),
            actual=value,
            exchange=doc.exchange,
        )
    elif complete and value != total:
        yield ValueViolation(
            m("count-wrong", set=name, count=value, total=total),
            locator=doc.at("/@iot.count"),
            expected=total,
            actual=value,
            exchange=doc.exchange,
        )


def _unasked(ctx: Ctx, name: str, url: str) -> Iterator[Violation]:
    doc = ctx.observation.fetch(url, {"$count": "false"})
    if doc.ok and "@iot.count" in doc.body:
        yield ValueViolation(
            m("count-unasked", set=name),
            locator=doc.at("/@iot.count"),
            expected=m("phrase.absent"),
            actual=doc.body["@iot.count"],
            exchange=doc.exchange,
        )


def _topped(ctx: Ctx, name: str, url: str, whole: Doc) -> Iterator[Violation]:
    doc = ctx.observation.fetch(url, {"$count": "true", "$top": 1})
    if doc.ok and doc.member("@iot.count") != whole.member("@iot.count"):
        yield ValueViolation(
            m("count-topped", set=name),
            locator=doc.at("/@iot.count"),
            expected=whole.member("@iot.count"),
            actual=doc.member("@iot.count"),
            exchange=doc.exchange,
        )


def _invalid(ctx: Ctx, url: str) -> Iterator[Violation]:
    doc = ctx.observation.fetch(url, {"$count": "maybe"})
    if doc.status != 400:
        yield StatusViolation(
            m("count-invalid", status=doc.status),
            locator=doc.at(),
            expected=400,
            actual=doc.status,
            exchange=doc.exchange,
        )
