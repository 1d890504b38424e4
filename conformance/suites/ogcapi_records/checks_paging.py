"""Paging and sorting: /req/record-core-query-parameters/limit and /req/sorting/sortby-response.

Paging walks each catalog's items through their ``next`` links to the end (``max_pages`` cuts the walk, and the
report says so), with the Features suite's walker: no page longer than the limit, no record twice, no page
reached twice, no page that fails, and as many records as the first page's numberMatched says.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any, cast

from conformance.core.evidence import PagingViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Param
from conformance.suites.ogcapi_features import paging
from conformance.suites.ogcapi_features.messages import joined, on
from conformance.suites.ogcapi_features.responses import features, status
from conformance.suites.ogcapi_records import query
from conformance.suites.ogcapi_records.catalogue import ID, SORTING
from conformance.suites.ogcapi_records.messages import r
from conformance.suites.ogcapi_records.service import Ctx, Record, catalogs


def limit(ctx: Ctx) -> Judgement:
    """Each catalog's items, walked through next links, come in pages of at most limit, each record once."""
    found: list[Violation] = []
    pages = 0
    for entry in catalogs(ctx):
        walk = paging.walk(cast(Any, ctx), entry["id"])
        pages += len(walk.pages)
        found += _walked(walk, entry["id"])
    return ctx.judge(found, ctx.examined(pages, "records.examined.pages"))


def _walked(walk: paging.Walk, catalog: str) -> list[Violation]:
    found: list[Violation] = []
    for page in walk.pages:
        size = len(features(page))
        if size > walk.limit:
            shown = r("too-many", query=f"limit={walk.limit}", count=size, limit=walk.limit)
            found.append(
                PagingViolation(
                    shown, locator=page.at("/features"), expected=walk.limit, actual=size, exchange=page.exchange
                )
            )
    for key, page_no in walk.duplicates:
        page = walk.pages[page_no]
        found.append(
            PagingViolation(
                r("duplicate", record=key, catalog=catalog, page=page_no + 1),
                locator=page.at("/features"),
                expected=r("phrase.each-once"),
                actual=key,
                exchange=page.exchange,
            )
        )
    if walk.cycle is not None:
        url, page_no = walk.cycle
        page = walk.pages[page_no]
        found.append(
            PagingViolation(
                r("cycle", catalog=catalog, url=url, page=page_no + 1),
                locator=page.at("/links"),
                exchange=page.exchange,
            )
        )
    if walk.stopped is not None:
        found.append(
            PagingViolation(
                r("page-failed", catalog=catalog, page=len(walk.pages) + 1, status=walk.stopped.status),
                locator=walk.stopped.at(),
                exchange=walk.stopped.exchange,
            )
        )
    return found + _matched(walk, catalog)


def _matched(walk: paging.Walk, catalog: str) -> list[Violation]:
    matched = walk.pages[0].member("numberMatched") if walk.pages else None
    if not walk.complete or not isinstance(matched, int) or matched == len(walk.keys):
        return []
    first = walk.pages[0]
    shown = r("fewer-than-matched", catalog=catalog, count=len(walk.keys), matched=matched)
    return [
        PagingViolation(
            shown, locator=first.at("/numberMatched"), expected=matched, actual=len(walk.keys), exchange=first.exchange
        )
    ]


def sortby(ctx: Ctx) -> Judgement:
    """sortby=title and sortby=-title return the records in ascending and descending order of their titles."""
    ctx.target.require_claim(ID, SORTING, ctx.observation.declared())
    found: list[Violation] = []
    count = 0
    looked: list[Param] = []
    for catalog, _ in query.first_page(ctx):
        for key, descending in (("title", False), ("-title", True)):
            doc = query.ask(ctx, catalog, {"sortby": key})
            looked.append(on(f"sortby={key}", catalog))
            found += status(doc, on(f"sortby={key}", catalog))
            titled = [(i, rec) for i, rec in enumerate(features(doc)) if isinstance(_title(rec), str)]
            count += len(titled) if len(titled) > 1 else 0
            found += [
                ValueViolation(p, locator=doc.at(f"/features/{i}"), exchange=doc.exchange)
                for i, p in _order(titled, key, descending)
            ]
    return ctx.judge(found, ctx.examined(count, "records.examined.returned", looked=joined(looked or ["-"])))


def _title(record: Record) -> Any:
    return (record.get("properties") or {}).get("title")


def _order(titled: list[tuple[int, Record]], key: str, descending: bool) -> list[tuple[int, Any]]:
    out = []
    for (_, before), (index, record) in pairwise(titled):
        a, b = str(_title(before)), str(_title(record))
        pairs = ((a, b), (a.casefold(), b.casefold()))
        if not any((x >= y) if descending else (x <= y) for x, y in pairs):
            out.append((index, r("unsorted", query=f"sortby={key}", record=query.label(record), value=b, previous=a)))
    return out
