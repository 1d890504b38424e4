"""Paging through next links, and numberMatched: /req/core/fc-numberMatched, /rec/core/fc-next-1..3.

Each collection is walked from ``limit=page_limit`` through its next links to the end (at most ``max_pages``
pages; a cut is noted on the result). To keep one defect from being blamed on another, the number of features
a selection really has is taken from sources that do not depend on the value being judged: a single large page
that ends by itself (fewer features than its limit and no next link), or a walk whose last page is not full.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.core.evidence import LinkViolation, PagingViolation, ValueViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, STANDARD, geometry
from conformance.suites.ogcapi_features.checks import capped, status
from conformance.suites.ogcapi_features.openapi import definition
from conformance.suites.ogcapi_features.paging import Walk, next_link, walk
from conformance.suites.ogcapi_features.params import limit_bounds
from conformance.suites.ogcapi_features.service import Doc, claim, collections, features, items

LARGE = 100


def _walks(target: TargetContext) -> list[Walk]:
    found = [walk(target, entry["id"]) for entry in collections(target)]
    if not any(result.pages for result in found):
        pytest.skip("no 200 items response to page through")
    return found


def _matched(doc: Doc) -> int | None:
    value = doc.member("numberMatched")
    return value if isinstance(value, int) else None


def _whole(doc: Doc, limit: int) -> int | None:
    """The number of features of a page that holds the whole selection, else None."""
    count = len(features(doc))
    return count if doc.ok and count < limit and next_link(doc) is None else None


def _large(target: TargetContext, collection: str, extra: dict[str, str] | None = None) -> tuple[Doc, int]:
    limit = min(LARGE, limit_bounds(definition(target), collection)[1] or LARGE)
    return items(target, collection, {"limit": limit, **(extra or {})}), limit


def _known_total(target: TargetContext, result: Walk) -> int | None:
    doc, limit = _large(target, result.collection)
    whole = _whole(doc, limit)
    if whole is not None:
        return whole
    last = result.pages[-1] if result.pages else None
    if result.complete and not result.duplicates and last is not None and len(features(last)) < result.limit:
        return len(set(result.keys))
    return None


@requirement(STANDARD.requirement("/req/core/fc-numberMatched"))
def test_number_matched(target: TargetContext) -> None:
    claim(target, CORE)
    found: list[Violation] = []
    for result in _walks(target):
        if result.pages and _matched(result.pages[0]) is not None:
            found += _walked_count(target, result)
        found += _filtered_count(target, result.collection)
    expect(capped(found))


def _walked_count(target: TargetContext, result: Walk) -> Iterator[Violation]:
    first = result.pages[0]
    matched = _matched(first)
    for page in result.pages[1:]:
        if _matched(page) not in (None, matched):
            yield ValueViolation(f"numberMatched changes while paging {result.collection}",
                                 locator=page.at("/numberMatched"), expected=matched, actual=_matched(page),
                                 exchange=page.exchange)
    total, distinct = _known_total(target, result), len(set(result.keys))
    if total is not None and matched != total:
        yield ValueViolation(f"numberMatched is {matched}, the collection {result.collection} has {total} "
                             "features", locator=first.at("/numberMatched"), expected=total, actual=matched,
                             exchange=first.exchange)
    elif matched is not None and matched < distinct:
        yield ValueViolation(f"numberMatched is {matched}, but {distinct} features were walked",
                             locator=first.at("/numberMatched"), expected=f">= {distinct}", actual=matched,
                             exchange=first.exchange)


def _filtered_count(target: TargetContext, collection: str) -> Iterator[Violation]:
    sample = [f for f in features(items(target, collection)) if geometry.envelope(f.get("geometry"))]
    envelope = geometry.envelope(sample[0].get("geometry")) if sample else None
    if envelope is None:
        return
    box = geometry.text(geometry.grow(envelope, 0.5))
    doc, limit = _large(target, collection, {"bbox": box})
    whole, matched = _whole(doc, limit), _matched(doc)
    if whole is not None and matched is not None and matched != whole:
        yield ValueViolation(f"bbox={box}: numberMatched is {matched}, the complete answer has {whole} features",
                             locator=doc.at("/numberMatched"), expected=whole, actual=matched, exchange=doc.exchange)


@requirement(STANDARD.requirement("/rec/core/fc-next-1"))
def test_next_link(target: TargetContext) -> None:
    """limit=1 on a collection with several features gives a next link, as does a first page short of the total."""
    claim(target, CORE)
    found: list[Violation] = []
    for result in _walks(target):
        distinct = len(set(result.keys))
        if distinct >= 2:
            doc = items(target, result.collection, {"limit": 1})
            problems = list(status(doc, f"limit=1 on {result.collection}"))
            found += problems or _short(doc, len(features(doc)), distinct, "at least ")
        if result.pages:
            found += _short(result.pages[0], len(features(result.pages[0])), _known_total(target, result))
    expect(found)


def _needs_next(doc: Doc, why: str) -> Iterator[Violation]:
    if next_link(doc) is None:
        yield LinkViolation(f"no next link ({why})", locator=doc.at("/links"), expected="rel=next",
                            actual=None, exchange=doc.exchange)


def _short(doc: Doc, returned: int, total: int | None, bound: str = "") -> Iterator[Violation]:
    if total is not None and returned < total:
        yield from _needs_next(doc, f"{returned} of {bound}{total} features returned")


@requirement(STANDARD.requirement("/rec/core/fc-next-2"))
def test_next_pages_new_features(target: TargetContext) -> None:
    """Following next links to the end returns no feature twice, visits no page twice and ends without error."""
    claim(target, CORE)
    expect(capped(v for result in _walks(target) for v in _walk_violations(result)))


def _walk_violations(result: Walk) -> Iterator[Violation]:
    for key, index in result.duplicates:
        page = result.pages[index]
        yield PagingViolation(f"feature {key!r} returned again on page {index + 1} of {result.collection}",
                              locator=page.at("/features"), expected="new features", actual=key,
                              exchange=page.exchange)
    if result.cycle is not None:
        page = result.pages[result.cycle[1]]
        yield PagingViolation(f"paging of {result.collection} runs in a circle at page {result.cycle[1] + 1}: "
                              "its features or its next page were returned before", locator=page.at("/links"),
                              expected="a new page", actual=result.cycle[0], exchange=page.exchange)
    if result.stopped is not None and result.pages:
        yield from status(result.stopped, f"next link of {result.collection}")


@requirement(STANDARD.requirement("/rec/core/fc-next-3"))
def test_next_pages_follow_rules(target: TargetContext) -> None:
    """Pages reached by next links respect the limit and link on while features remain."""
    claim(target, CORE)
    found: list[Violation] = []
    for result in _walks(target):
        for index, page in enumerate(result.pages[1:], start=2):
            found += _page_size(page, result, index)
        if len(result.pages) > 1 and result.complete:
            found += _short(result.pages[-1], len(set(result.keys)), _known_total(target, result))
    expect(capped(found))


def _page_size(page: Doc, result: Walk, index: int) -> Iterator[Violation]:
    count = len(features(page))
    if count > result.limit:
        yield PagingViolation(f"page {index} of {result.collection} has {count} features, more than limit="
                              f"{result.limit}", locator=page.at("/features"), expected=f"at most {result.limit}",
                              actual=count, exchange=page.exchange)
