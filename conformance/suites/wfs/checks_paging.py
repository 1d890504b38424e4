"""Checks of the Response paging class (09-025r2 7.7.4.4), declared by the constraint ImplementsResultPaging."""

from __future__ import annotations

from conformance.core.evidence import PagingViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.harness.suite import CheckContext
from conformance.suites.wfs import PAGING
from conformance.suites.wfs.checks_features import noted, require_declared
from conformance.suites.wfs.features import members, series
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.paging import Walk, Walks, ids, link, walks
from conformance.suites.wfs.service import WFS, Answer, Observed

Context = CheckContext[Observed]


def _walks(ctx: Context) -> Walks:
    require_declared(ctx, PAGING, "ImplementsResultPaging")
    return noted(ctx, ctx.observation.part("paging", walks))


def _finding(answer: Answer, message: Message, expected: object = None, actual: object = None) -> Violation:
    return PagingViolation(message, locator=answer.where, expected=expected, actual=actual, exchange=answer.exchange)


def _page(walk: Walk, number: int, page: Answer, seen: set[str]) -> list[Violation]:
    if page.tree is None or page.root != f"{{{WFS}}}FeatureCollection":
        asked = m("asked-page", page=number, type=walk.type)
        message = m("not-collection", request=asked, document=m("phrase-collection"), actual=page.what())
        return [_finding(page, message, m("phrase-collection"), page.what())]
    found = []
    if len(members(page)) > walk.size:
        message = m("paging-page-size", type=walk.type, count=walk.size, page=number, actual=len(members(page)))
        found.append(_finding(page, message, walk.size, len(members(page))))
    for fid in ids(page):
        if fid in seen:
            found.append(_finding(page, m("paging-duplicate", type=walk.type, id=fid, page=number)))
        seen.add(fid)
    return found


def _walked(walk: Walk, matched: str) -> list[Violation]:
    seen: set[str] = set()
    found = [v for n, page in enumerate(walk.pages, start=1) for v in _page(walk, n, page, seen)]
    first = walk.pages[0]
    if matched.isdigit() and int(matched) > walk.size and len(walk.pages) == 1 and not link(first, "next"):
        found.append(_finding(first, m("paging-no-next", type=walk.type, count=walk.size, matched=matched)))
    total = sum(len(members(p)) for p in walk.pages)
    if walk.ended and matched.isdigit() and total != int(matched) and not found:
        found.append(
            _finding(walk.pages[-1], m("paging-total", type=walk.type, actual=total, matched=matched), matched, total)
        )
    return found


def paging_next(ctx: Context) -> Judgement:
    """7.7.4.4: the next links lead through every matching feature once, each page within COUNT."""
    done = _walks(ctx)
    hits = {p.name: p.hits for p in ctx.observation.part("features", series).types}
    found: list[Violation] = []
    for walk in done.walks:
        tree = hits[walk.type].tree if walk.type in hits else None
        found += _walked(walk, tree.getroot().get("numberMatched", "") if tree is not None else "")
    pages = sum(len(w.pages) for w in done.walks)
    return ctx.judge(found, ctx.examined(pages, "wfs.examined.pages"))


def paging_previous(ctx: Context) -> Judgement:
    """7.7.4.4: the previous link of the second page gives the first page again."""
    followed = [w for w in _walks(ctx).walks if w.previous is not None]
    found: list[Violation] = []
    for walk in followed:
        assert walk.previous is not None
        if ids(walk.previous) != ids(walk.pages[0]):
            found.append(
                _finding(
                    walk.previous,
                    m("paging-previous-other", type=walk.type),
                    ", ".join(ids(walk.pages[0])),
                    ", ".join(ids(walk.previous)),
                )
            )
    return ctx.judge(found, ctx.examined(len(followed), "wfs.examined.previous-links"))
