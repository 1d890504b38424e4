"""A catalogue behind a URL, page by page: each page fetched through the target's session with an RDF Accept
header, its syntax from the media type (or the bytes), and the next page from ``hydra:next`` (or the older
``hydra:nextPage``) until there is none, a page repeats, or ``max_pages`` is reached."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from conformance.core.http import SafeSession
from conformance.core.messages import Message
from conformance.suites.dcat_ap_de.messages import m
from conformance.suites.dcat_ap_de.rdf import MEDIA_TYPES

ACCEPT = "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, application/n-triples;q=0.5"
HYDRA = "http://www.w3.org/ns/hydra/core#"
NEXT = (HYDRA + "next", HYDRA + "nextPage")


@dataclass
class Page:
    """One page: its URL, bytes, syntax and the next-page links found when it was parsed."""

    url: str
    content: bytes
    syntax: ox.RdfFormat | None
    found: list[str] = field(default_factory=list)

    def next_links(self, quads: list[ox.Quad]) -> None:
        """Remember the page's ``hydra:next`` links (called with its triples once parsed)."""
        self.found += [
            q.object.value for q in quads if q.predicate.value in NEXT and isinstance(q.object, ox.NamedNode)
        ]


class Pages:
    """The pages of one catalogue URL; problems (status, loops) go to ``problems``."""

    def __init__(self, http: SafeSession, url: str, limit: int, problems: list[tuple[str, Message]]) -> None:
        self.http, self.url, self.limit, self.problems = http, url, limit, problems

    def __iter__(self) -> Iterator[Page]:
        seen: set[str] = set()
        url: str | None = self.url
        while url is not None and len(seen) < self.limit:
            seen.add(url)
            response = self.http.get(url, headers={"Accept": ACCEPT})
            if response.status != 200:
                self.problems.append((url, m("status", document=url, status=response.status)))
                return
            headers = {k.lower(): v for k, v in response.headers.items()}
            media = headers.get("content-type", "").split(";")[0].strip().lower()
            page = Page(url, response.content, MEDIA_TYPES.get(media))
            yield page
            url = page.found[0] if page.found else None
            if url in seen:
                self.problems.append((url, m("page-loop", document=url)))
                return
