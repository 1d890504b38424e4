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
from conformance.core.messages import Message
from conformance.suites.oparl.fetch import Fetched
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objectlists import all_walks
from conformance.suites.oparl.run import Found, OParlRun, cached, counted
from conformance.suites.oparl.walk import Page, Walk

MEMBERS = (("data", list), ("pagination", dict), ("links", dict))


def ids(items: object) -> list[str]:
    """The ids of the objects in a page's data array."""
    data = items if isinstance(items, list) else []
    return [d.get("id", "") for d in data if isinstance(d, dict)]


def check_list_page(run: OParlRun) -> Found:
    """Every list page answers 200 with data (array), pagination and links (objects)."""
    pages = [p for w in all_walks(run) for p in w.pages if not (p.fetched.failure or p.fetched.skipped)]
    for page in pages:
        doc = page.fetched
        if doc.status != 200:
            yield StatusViolation(
                cached(m("list-status", status=doc.status), doc),
                locator=doc.url,
                expected=200,
                actual=doc.status,
                exchange=doc.exchange,
            )
            continue
        for name, kind in MEMBERS:
            if not isinstance(page.body.get(name), kind):
                yield MissingMember(
                    cached(m("list-member", name=name, kind=kind.__name__), doc),
                    locator=Locator(where=doc.url, pointer=f"/{name}"),
                    expected=f"{name}: {kind.__name__}",
                    actual=page.body.get(name),
                    exchange=doc.exchange,
                )
        yield from _entries(page)
    return counted(len(pages), "list-pages")


def _entries(page: Page) -> Iterator[Violation]:
    data = page.body.get("data")
    for index, entry in enumerate(data if isinstance(data, list) else []):
        if not isinstance(entry, dict):
            yield ValueViolation(
                cached(m("entry-not-object", kind=type(entry).__name__), page.fetched),
                locator=Locator(where=page.fetched.url, pointer=f"/data/{index}"),
                expected="object",
                actual=entry,
                exchange=page.fetched.exchange,
            )


def _missing_next(walk: Walk) -> Message | None:
    last = walk.pages[-1]
    current, total = last.pagination.get("currentPage"), last.pagination.get("totalPages")
    if isinstance(current, int) and isinstance(total, int) and current < total:
        return m("no-next", current=current, total=total)
    expected = walk.pages[0].pagination.get("totalElements")
    count = len(walk.items)
    if not walk.params and isinstance(expected, int) and count < expected:
        return m("walk-short", count=count, total=expected)
    return None


def check_next(run: OParlRun) -> Found:
    """No walk ends before the last page: links.next is present on every other page."""
    ended = [w for w in all_walks(run) if w.end == "last"]
    for walk in ended:
        reason = _missing_next(walk)
        if reason is not None:
            doc = walk.pages[-1].fetched
            yield LinkViolation(
                cached(reason, doc),
                locator=Locator(where=doc.url, pointer="/links"),
                expected="links.next",
                actual=walk.pages[-1].links,
                exchange=doc.exchange,
            )
    return counted(len(ended), "walks-ended")


def check_no_duplicates(run: OParlRun) -> Found:
    """Walking a list meets every object once."""
    walks = [w for w in all_walks(run) if w.items]
    for walk in walks:
        first: dict[str, Locator] = {}
        for item in walk.items:
            if item.id in first:
                yield PagingViolation(
                    cached(m("twice", id=item.id), item.source),
                    locator=item.at("id"),
                    expected=m("phrase.each-once"),
                    actual=m("phrase.already-at", at=str(first[item.id])),
                    exchange=item.exchange,
                )
            elif item.id:
                first[item.id] = item.at("id")
    return counted(len(walks), "walks-with-objects")


def check_terminates(run: OParlRun) -> Found:
    """links.next never leads back to a page already walked."""
    walks = [w for w in all_walks(run) if w.pages]
    for walk in walks:
        if walk.end == "cycle":
            doc = walk.pages[-1].fetched
            yield PagingViolation(
                cached(m("cycle"), doc),
                locator=Locator(where=doc.url, pointer="/links/next"),
                expected=m("phrase.new-page"),
                actual=walk.repeated,
                exchange=doc.exchange,
            )
    return counted(len(walks), "walks")


def check_elements_per_page(run: OParlRun) -> Found:
    """pagination.elementsPerPage is the same on every page but the last."""
    compared = 0
    for walk in all_walks(run):
        pages = walk.pages[:-1] if walk.complete else walk.pages
        values = [(p, p.pagination.get("elementsPerPage")) for p in pages if "elementsPerPage" in p.pagination]
        compared += max(0, len(values) - 1)
        for page, value in values[1:]:
            if value != values[0][1]:
                yield ValueViolation(
                    cached(m("elements-per-page"), page.fetched),
                    locator=Locator(where=page.fetched.url, pointer="/pagination/elementsPerPage"),
                    expected=values[0][1],
                    actual=value,
                    exchange=page.fetched.exchange,
                )
    if not compared and any(w.pages for w in all_walks(run)):
        raise NotApplicable(m("reason.no-two-pages"))
    return counted(compared, "pages-compared")


def check_paginate_large(run: OParlRun) -> Found:
    """A list with more than 100 entries is paginated."""
    firsts = [w.pages[0] for w in run.crawl.walks if w.pages]
    for page in firsts:
        if page.next is None and len(page.items) > 100:
            yield PagingViolation(
                cached(m("unpaginated", count=len(page.items)), page.fetched),
                locator=Locator(where=page.fetched.url, pointer="/data"),
                expected=m("phrase.at-most-100"),
                actual=len(page.items),
                exchange=page.fetched.exchange,
            )
    return counted(len(firsts), "first-pages")


def check_internal_not_deleted(run: OParlRun) -> Found:
    """No embedded (internally output) object is a deleted one."""
    for seen in run.crawl.inner:
        if seen.deleted:
            yield ValueViolation(
                cached(m("embedded-deleted", kind=seen.kind), seen.source),
                locator=seen.at("deleted"),
                expected=m("phrase.no-deleted-inside"),
                actual=True,
                exchange=seen.exchange,
            )
    return counted(len(run.crawl.inner), "embedded-objects")


def _again(run: OParlRun) -> list[tuple[Page, Fetched]]:
    def compute() -> list[tuple[Page, Fetched]]:
        pages = [p for w in run.crawl.walks for p in w.pages[:2] if p.fetched.obj is not None]
        return list(zip(pages, run.fetcher.map(lambda p: run.fetcher.get(p.requested, fresh=True), pages), strict=True))

    return run.probe("stable-order", compute)


def check_stable_order(run: OParlRun) -> Found:
    """The first pages of every list, fetched again, list the same objects in the same order."""
    pairs = [(page, again) for page, again in _again(run) if again.obj is not None]
    for page, again in pairs:
        before, after = ids(page.body.get("data")), ids(again.obj.get("data") if again.obj else None)
        if before != after:
            yield PagingViolation(
                cached(m("order-changes"), again),
                locator=Locator(where=again.url, pointer="/data"),
                expected=before[:5],
                actual=after[:5],
                exchange=again.exchange,
            )
    return counted(len(pairs), "pages-again")


def _ends(run: OParlRun) -> list[tuple[Walk, str, Fetched]]:
    def compute() -> list[tuple[Walk, str, Fetched]]:
        jobs = [
            (w, rel, w.pages[0].links[rel])
            for w in run.crawl.walks
            if w.pages
            for rel in ("first", "last")
            if isinstance(w.pages[0].links.get(rel), str)
        ]
        return run.fetcher.map(lambda job: (job[0], job[1], run.fetcher.get(job[2])), jobs)

    return run.probe("first-last", compute)


def check_first_last(run: OParlRun) -> Found:
    """links.first leads to the first page, links.last to a last page (the walk's last, if complete)."""
    ends = _ends(run)
    if not ends:
        raise NotApplicable(m("reason.no-first-last"))
    answered = [(walk, rel, doc) for walk, rel, doc in ends if doc.obj is not None]
    for walk, rel, doc in answered:
        body = doc.obj or {}
        got = ids(body.get("data"))
        want = (
            ids(walk.pages[0].body.get("data"))
            if rel == "first"
            else (ids(walk.pages[-1].body.get("data")) if walk.complete else got)
        )
        links = body.get("links")
        has_next = isinstance(links, dict) and bool(links.get("next"))
        if got != want or (rel == "last" and has_next):
            yield LinkViolation(
                cached(m(f"wrong-{rel}", url=walk.url), doc),
                locator=Locator(where=walk.pages[0].fetched.url, pointer=f"/links/{rel}"),
                expected=want[:5],
                actual=got[:5],
                exchange=doc.exchange,
            )
    return counted(len(answered), "first-last-links")
