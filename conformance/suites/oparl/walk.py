"""Walking one external object list page by page along links.next, recording everything the rules need."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance.suites.oparl.fetch import Fetched, Fetcher
from conformance.suites.oparl.objects import Seen


@dataclass
class Page:
    """One list page as received."""

    fetched: Fetched
    requested: str
    items: list[Seen] = field(default_factory=list)

    @property
    def body(self) -> dict[str, Any]:
        """The page object (empty if the page is not a JSON object)."""
        return self.fetched.obj or {}

    @property
    def links(self) -> dict[str, Any]:
        """The page's links object."""
        value = self.body.get("links")
        return value if isinstance(value, dict) else {}

    @property
    def pagination(self) -> dict[str, Any]:
        """The page's pagination object."""
        value = self.body.get("pagination")
        return value if isinstance(value, dict) else {}

    @property
    def next(self) -> str | None:
        """links.next, if it is a string."""
        value = self.links.get("next")
        return value if isinstance(value, str) and value else None


@dataclass
class Walk:
    """One list walked from its first page; ``end`` says why the walk stopped."""

    name: str
    kind: str
    url: str
    params: dict[str, str] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    end: str = ""
    repeated: str = ""

    @property
    def complete(self) -> bool:
        """True if the walk reached a page without links.next."""
        return self.end == "last"

    @property
    def items(self) -> list[Seen]:
        """Every object of every page, in order."""
        return [item for page in self.pages for item in page.items]

    @property
    def label(self) -> str:
        """A short name for notes and messages."""
        query = "&".join(f"{k}={v}" for k, v in self.params.items())
        return self.url + (f"?{query}" if query else "")


class Budget:
    """The crawl's object limit, shared by concurrent walks."""

    def __init__(self, max_objects: int) -> None:
        self.left = max_objects
        self.lock = threading.Lock()

    def take(self, count: int) -> bool:
        """Account for ``count`` objects; False once the limit is reached."""
        with self.lock:
            self.left -= count
            return self.left > 0


def walk(
    fetcher: Fetcher,
    name: str,
    kind: str,
    url: str,
    max_pages: int,
    budget: Budget | None = None,
    params: Mapping[str, str] | None = None,
    fresh: bool = False,
) -> Walk:
    """Follow links.next from ``url`` until the last page, a repeated page, an error or a limit."""
    result = Walk(name, kind, url, dict(params or {}))
    seen: set[str] = set()
    target, query = url, dict(params or {})
    while True:
        if target in seen:
            result.end, result.repeated = "cycle", target
            return result
        seen.add(target)
        page = _page(fetcher.get(target, params=query or None, fresh=fresh), target, kind)
        result.pages.append(page)
        stop = _stop(page, len(result.pages), max_pages, budget)
        if stop:
            result.end = stop
            return result
        target, query = page.next or "", {}


def _page(fetched: Fetched, requested: str, kind: str) -> Page:
    page = Page(fetched, requested)
    data = page.body.get("data")
    if isinstance(data, list):
        page.items = [
            Seen(item, kind, fetched, f"/data/{i}", "list") for i, item in enumerate(data) if isinstance(item, dict)
        ]
    return page


def _stop(page: Page, count: int, max_pages: int, budget: Budget | None) -> str:
    if page.fetched.status != 200 or page.fetched.obj is None:
        return "error"
    if page.next is None:
        return "last"
    if budget is not None and not budget.take(len(page.items)):
        return "cut-objects"
    return "cut-pages" if count >= max_pages else ""
