"""Paging through next links, and numberMatched: /req/core/fc-numberMatched, /rec/core/fc-next-1..3.

Each collection is walked from ``limit=page_limit`` through its next links to the end (at most ``max_pages``
pages; a cut is noted on the result). numberMatched is compared with the distinct features walked, and with
the features of a bbox selection that fits on one page.
"""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import LinkViolation, PagingViolation, ValueViolation, Violation, expect
from conformance.suites.ogcapi_features import CORE, STANDARD, geometry
from conformance.suites.ogcapi_features.checks import capped, status
from conformance.suites.ogcapi_features.paging import Walk, next_link, walk
from conformance.suites.ogcapi_features.service import Doc, claim, collections, features, items
from conformance.target import TargetContext, requirement


def _walks(target: TargetContext) -> list[Walk]:
    return [walk(target, entry["id"]) for entry in collections(target)]


def _matched(doc: Doc) -> int | None:
    value = doc.member("numberMatched")
    return value if isinstance(value, int) else None


@requirement(STANDARD.requirement("/req/core/fc-numberMatched"))
def test_number_matched(target: TargetContext) -> None:
    claim(target, CORE)
    found: list[Violation] = []
    for result in _walks(target):
        found += _walked_count(target, result)
        found += _filtered_count(target, result.collection)
    expect(capped(found))


def _walked_count(target: TargetContext, result: Walk) -> Iterator[Violation]:
    if not result.pages or _matched(result.pages[0]) is None:
        return
    first, matched = result.pages[0], _matched(result.pages[0])
    for page in result.pages[1:]:
        if _matched(page) not in (None, matched):
            yield ValueViolation(f"numberMatched changes while paging {result.collection}", locator=page.at(
                "/numberMatched"), expected=matched, actual=_matched(page), exchange=page.exchange)
    distinct = len(set(result.keys))
    if result.complete and not result.duplicates and distinct != matched:
        yield ValueViolation(f"numberMatched is {matched}, walking all pages of {result.collection} gave "
                             f"{distinct} features", locator=first.at("/numberMatched"), expected=distinct,
                             actual=matched, exchange=first.exchange)
    elif result.cut and matched is not None and matched < distinct:
        yield ValueViolation(f"numberMatched is {matched}, but {distinct} features were already walked",
                             locator=first.at("/numberMatched"), expected=f">= {distinct}", actual=matched,
                             exchange=first.exchange)


def _filtered_count(target: TargetContext, collection: str) -> Iterator[Violation]:
    sample = [f for f in features(items(target, collection)) if geometry.envelope(f.get("geometry"))]
    if not sample:
        return
    box = geometry.text(geometry.grow(geometry.envelope(sample[0].get("geometry")) or (0, 0, 0, 0), 0.5))
    doc = items(target, collection, {"bbox": box, "limit": 100})
    matched = _matched(doc)
    if doc.ok and matched is not None and next_link(doc) is None and matched != len(features(doc)):
        yield ValueViolation(f"bbox={box}: numberMatched is {matched}, the complete answer has "
                             f"{len(features(doc))} features", locator=doc.at("/numberMatched"),
                             expected=len(features(doc)), actual=matched, exchange=doc.exchange)


@requirement(STANDARD.requirement("/rec/core/fc-next-1"))
def test_next_link(target: TargetContext) -> None:
    """limit=1 on a collection with several features gives a next link; so does a first page short of numberMatched."""
    claim(target, CORE)
    found: list[Violation] = []
    for result in _walks(target):
        if len(set(result.keys)) >= 2:
            doc = items(target, result.collection, {"limit": 1})
            problems = list(status(doc, f"limit=1 on {result.collection}"))
            found += problems or _needs_next(doc, f"limit=1 on {result.collection} with more features")
        if result.pages:
            found += _short(result.pages[0], len(features(result.pages[0])))
    expect(found)


def _needs_next(doc: Doc, why: str) -> Iterator[Violation]:
    if next_link(doc) is None:
        yield LinkViolation(f"no next link ({why})", locator=doc.at("/links"), expected="rel=next",
                            actual=None, exchange=doc.exchange)


def _short(doc: Doc, returned_so_far: int) -> Iterator[Violation]:
    matched = _matched(doc)
    if matched is not None and returned_so_far < matched:
        yield from _needs_next(doc, f"{returned_so_far} of {matched} matched features returned")


@requirement(STANDARD.requirement("/rec/core/fc-next-2"))
def test_next_pages_new_features(target: TargetContext) -> None:
    """Following next links to the end returns no feature twice, visits no page twice and ends without error."""
    claim(target, CORE)
    found: list[Violation] = []
    for result in _walks(target):
        for key, index in result.duplicates:
            page = result.pages[index]
            found.append(PagingViolation(f"feature {key!r} returned again on page {index + 1} of "
                                         f"{result.collection}", locator=page.at("/features"), expected="new features",
                                         actual=key, exchange=page.exchange))
        if result.cycle is not None:
            page = result.pages[result.cycle[1]]
            found.append(PagingViolation(f"the next link of page {result.cycle[1] + 1} of {result.collection} leads "
                                         "to a page already visited", locator=page.at("/links"),
                                         expected="a new page", actual=result.cycle[0], exchange=page.exchange))
        if result.stopped is not None and result.pages:
            found += status(result.stopped, f"next link of {result.collection}")
    expect(capped(found))


@requirement(STANDARD.requirement("/rec/core/fc-next-3"))
def test_next_pages_follow_rules(target: TargetContext) -> None:
    """Pages reached by next links respect the limit and link on while matched features remain."""
    claim(target, CORE)
    found: list[Violation] = []
    for result in _walks(target):
        returned = len(features(result.pages[0])) if result.pages else 0
        for index, page in enumerate(result.pages[1:], start=2):
            returned += len(features(page))
            found += _page_size(page, result, index)
            if index == len(result.pages) and result.complete:
                found += _short(page, returned)
    expect(capped(found))


def _page_size(page: Doc, result: Walk, index: int) -> Iterator[Violation]:
    count = len(features(page))
    if count > result.limit:
        yield PagingViolation(f"page {index} of {result.collection} has {count} features, more than limit="
                              f"{result.limit}", locator=page.at("/features"), expected=f"at most {result.limit}",
                              actual=count, exchange=page.exchange)
