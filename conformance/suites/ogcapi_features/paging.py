"""Walking an items response through its ``next`` links to the end, with a page cap.

A walk records every page, the feature ids in order, duplicates, a cycle (a page URL seen before, or a page
with nothing but features already returned), and whether it reached the end (a page without a next link) or
was cut by ``max_pages``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance.suites.ogcapi_features.links import links, normalise, with_rel
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.responses import GEOJSON, JSON, Doc, feature_key, features
from conformance.suites.ogcapi_features.service import Ctx, Service


@dataclass
class Walk:
    """The pages of one selection and what was found on the way."""

    collection: str
    limit: int
    pages: list[Doc] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    cycle: tuple[str, int] | None = None
    complete: bool = False
    stopped: Doc | None = None

    @property
    def cut(self) -> bool:
        """The page cap ended the walk before the last page."""
        return not self.complete and self.cycle is None and self.stopped is None

    def add(self, doc: Doc) -> None:
        """Record one page and its features."""
        index = len(self.pages)
        self.pages.append(doc)
        seen = set(self.keys)
        for feature in features(doc):
            key = feature_key(feature)
            if key in seen:
                self.duplicates.append((key, index))
            seen.add(key)
            self.keys.append(key)


def next_link(doc: Doc) -> str | None:
    """The next page's URL; a GeoJSON or JSON link is preferred when there are several."""
    found = with_rel(links(doc), "next")
    found.sort(key=lambda link: link.type not in (GEOJSON, JSON, ""))
    return found[0].href(doc.url) if found else None


def walk(ctx: Ctx, collection: str, params: Mapping[str, Any] | None = None) -> Walk:
    """Follow next links from the first page (limit = page_limit), once per collection and selection."""
    svc = ctx.observation
    limit = ctx.target.option("page_limit", 10)
    query = {"limit": limit, **(params or {})}
    key = (collection, repr(sorted(query.items())))
    if key not in svc.walks:
        svc.walks[key] = _walk(svc, collection, query, limit)
    result = svc.walks[key]
    if result.cut:
        ctx.note(m("note.pages-cut", pages=len(result.pages), collection=collection))
    return result


def _walk(svc: Service, collection: str, query: dict[str, Any], limit: int) -> Walk:
    cap = svc.target.option("max_pages", 30)
    result = Walk(collection, limit)
    doc: Doc | None = svc.fetch(svc.items_url(collection), query, GEOJSON)
    visited = {normalise(doc.url, drop=())} if doc else set()
    while doc is not None:
        doc = _step(svc, result, doc, visited, cap)
    return result


def _step(svc: Service, result: Walk, doc: Doc, visited: set[str], cap: int) -> Doc | None:
    """Record one page; fetch the next one, or None at the end, on a cycle, an error or the page cap."""
    if not doc.ok:
        result.stopped = doc
        return None
    before = len(result.duplicates)
    result.add(doc)
    repeated = len(result.duplicates) - before
    url = next_link(doc)
    if repeated and repeated == len(features(doc)):
        del result.duplicates[before:]
        result.cycle = (doc.url, len(result.pages) - 1)
    elif url is None:
        result.complete = True
    elif normalise(url, drop=()) in visited:
        result.cycle = (url, len(result.pages) - 1)
    elif len(result.pages) < cap:
        visited.add(normalise(url, drop=()))
        return svc.fetch(url, None, GEOJSON)
    return None
