"""Paging through next links, and numberMatched: /req/core/fc-numberMatched, /rec/core/fc-next-1..3.

Each collection is walked from ``limit=page_limit`` through its next links to the end (at most ``max_pages``
pages; a cut is noted on the result). To keep one defect from being blamed on another, the number of features
a selection really has is taken from sources that do not depend on the value being judged: a single large page
that ends by itself (fewer features than its limit and no next link), or a walk whose last page is not full.
"""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import LinkViolation, PagingViolation, Skipped, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.suites.ogcapi_features import geometry
from conformance.suites.ogcapi_features.catalogue import CORE
from conformance.suites.ogcapi_features.messages import m, on
from conformance.suites.ogcapi_features.openapi import definition
from conformance.suites.ogcapi_features.paging import Walk, next_link, walk
from conformance.suites.ogcapi_features.params import limit_bounds
from conformance.suites.ogcapi_features.responses import Doc, features, status
from conformance.suites.ogcapi_features.service import Ctx, claim, collections

LARGE = 100


def _walks(ctx: Ctx) -> list[Walk]:
    found = [walk(ctx, entry["id"]) for entry in collections(ctx)]
    if not any(result.pages for result in found):
        raise Skipped(m("skip.no-pages"))
    return found


def _matched(doc: Doc) -> int | None:
    value = doc.member("numberMatched")
    return value if isinstance(value, int) else None


def _whole(doc: Doc, limit: int) -> int | None:
    """The number of features of a page that holds the whole selection, else None."""
    count = len(features(doc))
    return count if doc.ok and count < limit and next_link(doc) is None else None


def _large(ctx: Ctx, collection: str, extra: dict[str, str] | None = None) -> tuple[Doc, int]:
    limit = min(LARGE, limit_bounds(definition(ctx), collection)[1] or LARGE)
    return ctx.observation.items(collection, {"limit": limit, **(extra or {})}), limit


def _known_total(ctx: Ctx, result: Walk) -> int | None:
    doc, limit = _large(ctx, result.collection)
    whole = _whole(doc, limit)
    if whole is not None:
        return whole
    last = result.pages[-1] if result.pages else None
    if result.complete and not result.duplicates and last is not None and len(features(last)) < result.limit:
        return len(set(result.keys))
    return None


def number_matched(ctx: Ctx) -> Judgement:
    """numberMatched stays while paging, equals the number of features the selection has, also under a bbox."""
    claim(ctx, CORE)
    found: list[Violation] = []
    judged = 0
    for result in _walks(ctx):
        if result.pages and _matched(result.pages[0]) is not None:
            judged += 1
            found += _walked_count(ctx, result)
        filtered = _filtered_count(ctx, result.collection)
        judged += filtered is not None
        found += filtered or []
    return ctx.judge(found, ctx.examined(judged, "features.examined.number-matched"))


def _walked_count(ctx: Ctx, result: Walk) -> Iterator[Violation]:
    first = result.pages[0]
    matched = _matched(first)
    for page in result.pages[1:]:
        if _matched(page) not in (None, matched):
            yield ValueViolation(
                m("matched-changes", collection=result.collection),
                locator=page.at("/numberMatched"),
                expected=matched,
                actual=_matched(page),
                exchange=page.exchange,
            )
    total, distinct = _known_total(ctx, result), len(set(result.keys))
    if total is not None and matched != total:
        yield ValueViolation(
            m("matched-total", matched=matched, collection=result.collection, total=total),
            locator=first.at("/numberMatched"),
            expected=total,
            actual=matched,
            exchange=first.exchange,
        )
    elif matched is not None and matched < distinct:
        yield ValueViolation(
            m("matched-walked", matched=matched, distinct=distinct),
            locator=first.at("/numberMatched"),
            expected=f">= {distinct}",
            actual=matched,
            exchange=first.exchange,
        )


def _filtered_count(ctx: Ctx, collection: str) -> list[Violation] | None:
    """The findings of numberMatched under a bbox around a sampled feature; None where that cannot be judged."""
    sample = [f for f in features(ctx.observation.items(collection)) if geometry.envelope(f.get("geometry"))]
    envelope = geometry.envelope(sample[0].get("geometry")) if sample else None
    if envelope is None:
        return None
    box = geometry.text(geometry.grow(envelope, 0.5))
    doc, limit = _large(ctx, collection, {"bbox": box})
    whole, matched = _whole(doc, limit), _matched(doc)
    if whole is None or matched is None:
        return None
    if matched == whole:
        return []
    return [
        ValueViolation(
            m("matched-filtered", box=box, matched=matched, whole=whole),
            locator=doc.at("/numberMatched"),
            expected=whole,
            actual=matched,
            exchange=doc.exchange,
        )
    ]


def next_link_present(ctx: Ctx) -> Judgement:
    """limit=1 on a collection with several features gives a next link, as does a first page short of the total."""
    claim(ctx, CORE)
    found: list[Violation] = []
    judged = 0
    for result in _walks(ctx):
        distinct = len(set(result.keys))
        if distinct >= 2:
            judged += 1
            doc = ctx.observation.items(result.collection, {"limit": 1})
            problems = list(status(doc, on("limit=1", result.collection)))
            found += problems or _short(doc, len(features(doc)), distinct, at_least=True)
        total = _known_total(ctx, result) if result.pages else None
        if result.pages and total is not None and len(features(result.pages[0])) < total:
            judged += 1
            found += _short(result.pages[0], len(features(result.pages[0])), total)
    return ctx.judge(found, ctx.examined(judged, "features.examined.next-needed"))


def _short(doc: Doc, returned: int, total: int | None, at_least: bool = False) -> Iterator[Violation]:
    if total is not None and returned < total and next_link(doc) is None:
        why: Message = m("phrase.returned-at-least" if at_least else "phrase.returned", returned=returned, total=total)
        yield LinkViolation(
            m("no-next", why=why), locator=doc.at("/links"), expected="rel=next", actual=None, exchange=doc.exchange
        )


def _followed(result: Walk) -> int:
    """Next links dereferenced in a walk (the pages after the first, and a next link that failed)."""
    return max(len(result.pages) - 1, 0) + (result.stopped is not None and bool(result.pages))


def next_pages_new_features(ctx: Ctx) -> Judgement:
    """Following next links to the end returns no feature twice, visits no page twice and ends without error."""
    claim(ctx, CORE)
    walks = _walks(ctx)
    found = [v for result in walks for v in _walk_violations(result)]
    return ctx.judge(found, ctx.examined(sum(_followed(r) for r in walks), "features.examined.next-followed"))


def _walk_violations(result: Walk) -> Iterator[Violation]:
    for key, index in result.duplicates:
        page = result.pages[index]
        yield PagingViolation(
            m("duplicate", feature=repr(key), page=index + 1, collection=result.collection),
            locator=page.at("/features"),
            expected=m("phrase.new-features"),
            actual=key,
            exchange=page.exchange,
        )
    if result.cycle is not None:
        page = result.pages[result.cycle[1]]
        yield PagingViolation(
            m("cycle", collection=result.collection, page=result.cycle[1] + 1),
            locator=page.at("/links"),
            expected=m("phrase.new-page"),
            actual=result.cycle[0],
            exchange=page.exchange,
        )
    if result.stopped is not None and result.pages:
        yield from status(result.stopped, m("phrase.next-of", collection=result.collection))


def next_pages_follow_rules(ctx: Ctx) -> Judgement:
    """Pages reached by next links respect the limit and link on while features remain."""
    claim(ctx, CORE)
    found: list[Violation] = []
    walks = _walks(ctx)
    for result in walks:
        for index, page in enumerate(result.pages[1:], start=2):
            found += _page_size(page, result, index)
        if len(result.pages) > 1 and result.complete:
            found += _short(result.pages[-1], len(set(result.keys)), _known_total(ctx, result))
    followed = sum(max(len(r.pages) - 1, 0) for r in walks)
    return ctx.judge(found, ctx.examined(followed, "features.examined.next-followed"))


def _page_size(page: Doc, result: Walk, index: int) -> Iterator[Violation]:
    count = len(features(page))
    if count > result.limit:
        yield PagingViolation(
            m("page-size", page=index, collection=result.collection, count=count, limit=result.limit),
            locator=page.at("/features"),
            expected=m("phrase.at-most", count=result.limit),
            actual=count,
            exchange=page.exchange,
        )
