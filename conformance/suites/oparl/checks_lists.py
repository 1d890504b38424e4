"""Objektlisten und Paginierung (§2.5): page structure, next/first/last, order, duplicates, cycles."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import (
    LinkViolation,
    Locator,
    MissingMember,
    NotApplicable,
    PagingViolation,
    StatusViolation,
    ValueViolation,
    Violation,
)
from conformance.suites.oparl.fetch import Fetched
from conformance.suites.oparl.objectlists import all_walks
from conformance.suites.oparl.run import OParlRun
from conformance.suites.oparl.walk import Page, Walk

MEMBERS = (("data", list), ("pagination", dict), ("links", dict))


def ids(items: object) -> list[str]:
    """The ids of the objects in a page's data array."""
    data = items if isinstance(items, list) else []
    return [d.get("id", "") for d in data if isinstance(d, dict)]


def check_list_page(run: OParlRun) -> Iterator[Violation]:
    """Every list page answers 200 with data (array), pagination and links (objects)."""
    for walk in all_walks(run):
        for page in walk.pages:
            doc = page.fetched
            if doc.failure or doc.skipped:
                continue
            if doc.status != 200:
                yield StatusViolation(f"the list page answered HTTP {doc.status}{doc.note()}", locator=doc.url,
                                      expected=200, actual=doc.status, exchange=doc.exchange)
                continue
            for name, kind in MEMBERS:
                if not isinstance(page.body.get(name), kind):
                    yield MissingMember(f"the list page has no {name} {kind.__name__}{doc.note()}",
                                        locator=Locator(where=doc.url, pointer=f"/{name}"),
                                        expected=f"{name}: {kind.__name__}", actual=page.body.get(name),
                                        exchange=doc.exchange)
            yield from _entries(page)


def _entries(page: Page) -> Iterator[Violation]:
    data = page.body.get("data")
    for index, entry in enumerate(data if isinstance(data, list) else []):
        if not isinstance(entry, dict):
            yield ValueViolation(f"data holds a {type(entry).__name__}, not an internally output object"
                                 f"{page.fetched.note()}", locator=Locator(where=page.fetched.url,
                                 pointer=f"/data/{index}"), expected="object", actual=entry,
                                 exchange=page.fetched.exchange)


def _missing_next(walk: Walk) -> str:
    last = walk.pages[-1]
    current, total = last.pagination.get("currentPage"), last.pagination.get("totalPages")
    if isinstance(current, int) and isinstance(total, int) and current < total:
        return f"page {current} of {total} has no links.next"
    expected = walk.pages[0].pagination.get("totalElements")
    count = len(walk.items)
    if not walk.params and isinstance(expected, int) and count < expected:
        return f"the walk ended after {count} of totalElements {expected} objects"
    return ""


def check_next(run: OParlRun) -> Iterator[Violation]:
    """No walk ends before the last page: links.next is present on every other page."""
    for walk in all_walks(run):
        if walk.end != "last":
            continue
        reason = _missing_next(walk)
        if reason:
            doc = walk.pages[-1].fetched
            yield LinkViolation(f"{reason}{doc.note()}", locator=Locator(where=doc.url, pointer="/links"),
                                expected="links.next", actual=walk.pages[-1].links, exchange=doc.exchange)


def check_no_duplicates(run: OParlRun) -> Iterator[Violation]:
    """Walking a list meets every object once."""
    for walk in all_walks(run):
        first: dict[str, Locator] = {}
        for item in walk.items:
            if item.id in first:
                yield PagingViolation(f"{item.id} appears twice in the list{item.source.note()}",
                                      locator=item.at("id"), expected="each object once",
                                      actual=f"already at {first[item.id]}", exchange=item.exchange)
            elif item.id:
                first[item.id] = item.at("id")


def check_terminates(run: OParlRun) -> Iterator[Violation]:
    """links.next never leads back to a page already walked."""
    for walk in all_walks(run):
        if walk.end == "cycle":
            doc = walk.pages[-1].fetched
            yield PagingViolation(f"links.next leads back to a page already walked: a cycle{doc.note()}",
                                  locator=Locator(where=doc.url, pointer="/links/next"),
                                  expected="a new page or no links.next", actual=walk.repeated,
                                  exchange=doc.exchange)


def check_elements_per_page(run: OParlRun) -> Iterator[Violation]:
    """pagination.elementsPerPage is the same on every page but the last."""
    for walk in all_walks(run):
        pages = walk.pages[:-1] if walk.complete else walk.pages
        values = [(p, p.pagination.get("elementsPerPage")) for p in pages if "elementsPerPage" in p.pagination]
        for page, value in values[1:]:
            if value != values[0][1]:
                yield ValueViolation(f"elementsPerPage changes between pages{page.fetched.note()}",
                                     locator=Locator(where=page.fetched.url, pointer="/pagination/elementsPerPage"),
                                     expected=values[0][1], actual=value, exchange=page.fetched.exchange)


def check_paginate_large(run: OParlRun) -> Iterator[Violation]:
    """A list with more than 100 entries is paginated."""
    for walk in run.crawl.walks:
        page = walk.pages[0] if walk.pages else None
        if page is not None and page.next is None and len(page.items) > 100:
            yield PagingViolation(f"{len(page.items)} entries on one page without pagination{page.fetched.note()}",
                                  locator=Locator(where=page.fetched.url, pointer="/data"),
                                  expected="pages of at most 100 entries", actual=len(page.items),
                                  exchange=page.fetched.exchange)


def check_internal_not_deleted(run: OParlRun) -> Iterator[Violation]:
    """No embedded (internally output) object is a deleted one."""
    for seen in run.crawl.inner:
        if seen.deleted:
            yield ValueViolation(f"an embedded {seen.kind} is deleted{seen.source.note()}", locator=seen.at("deleted"),
                                 expected="no deleted object in internal output", actual=True,
                                 exchange=seen.exchange)


def _again(run: OParlRun) -> list[tuple[Page, Fetched]]:
    def compute() -> list[tuple[Page, Fetched]]:
        pages = [p for w in run.crawl.walks for p in w.pages[:2] if p.fetched.obj is not None]
        return list(zip(pages, run.fetcher.map(lambda p: run.fetcher.get(p.requested, fresh=True), pages),
                        strict=True))
    return run.probe("stable-order", compute)


def check_stable_order(run: OParlRun) -> Iterator[Violation]:
    """The first pages of every list, fetched again, list the same objects in the same order."""
    for page, again in _again(run):
        before, after = ids(page.body.get("data")), ids((again.obj or {}).get("data"))
        if again.obj is not None and before != after:
            yield PagingViolation(f"the same page lists other objects or another order on a second request"
                                  f"{again.note()}", locator=Locator(where=again.url, pointer="/data"),
                                  expected=before[:5], actual=after[:5], exchange=again.exchange)


def _ends(run: OParlRun) -> list[tuple[Walk, str, Fetched]]:
    def compute() -> list[tuple[Walk, str, Fetched]]:
        jobs = [(w, rel, w.pages[0].links[rel]) for w in run.crawl.walks if w.pages
                for rel in ("first", "last") if isinstance(w.pages[0].links.get(rel), str)]
        return run.fetcher.map(lambda job: (job[0], job[1], run.fetcher.get(job[2])), jobs)
    return run.probe("first-last", compute)


def check_first_last(run: OParlRun) -> Iterator[Violation]:
    """links.first leads to the first page, links.last to a last page (the walk's last, if complete)."""
    ends = _ends(run)
    if not ends:
        raise NotApplicable("no list page gives links.first or links.last")
    for walk, rel, doc in ends:
        if doc.obj is None:
            continue
        got = ids(doc.obj.get("data"))
        want = ids(walk.pages[0].body.get("data")) if rel == "first" else (
            ids(walk.pages[-1].body.get("data")) if walk.complete else got)
        links = doc.obj.get("links")
        has_next = isinstance(links, dict) and bool(links.get("next"))
        if got != want or (rel == "last" and has_next):
            yield LinkViolation(f"links.{rel} of {walk.url} does not lead to the {rel} page{doc.note()}",
                                locator=Locator(where=walk.pages[0].fetched.url, pointer=f"/links/{rel}"),
                                expected=want[:5], actual=got[:5], exchange=doc.exchange)
