"""Link checks shared by the landing page, collections, items and features: relations, rel and type."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from conformance.core.evidence import LinkViolation, MissingMember, Violation
from conformance.core.messages import Param
from conformance.suites.ogcapi_features.messages import joined, m
from conformance.suites.ogcapi_features.responses import Doc


@dataclass(frozen=True)
class Link:
    """One link object and its JSON pointer in the document."""

    pointer: str
    raw: dict[str, Any]

    @property
    def rel(self) -> str:
        """The relation type ('' if absent)."""
        return str(self.raw.get("rel") or "")

    @property
    def type(self) -> str:
        """The media type without parameters, lower case ('' if absent)."""
        return str(self.raw.get("type") or "").split(";")[0].strip().lower()

    def href(self, base: str) -> str:
        """The absolute target URL."""
        return urljoin(base, str(self.raw.get("href") or ""))


def links(doc: Doc, pointer: str = "") -> list[Link]:
    """The link objects of the ``links`` member at a JSON pointer (the document root by default)."""
    node: Any = doc.body
    for part in [p for p in pointer.split("/") if p]:
        node = node[int(part)] if isinstance(node, list) else node.get(part, {})
    found = node.get("links") if isinstance(node, dict) else None
    if not isinstance(found, list):
        return []
    return [Link(f"{pointer}/links/{i}", item) for i, item in enumerate(found) if isinstance(item, dict)]


def with_rel(items: Iterable[Link], rel: str) -> list[Link]:
    """The links of one relation type."""
    return [link for link in items if link.rel == rel]


def has_links(doc: Doc, pointer: str = "") -> Iterator[Violation]:
    """The object has a ``links`` array."""
    if not links(doc, pointer):
        yield MissingMember(
            m("no-links", where=pointer or m("phrase.the-document")),
            locator=doc.at(f"{pointer}/links"),
            expected=m("phrase.links-array"),
            actual=None,
            exchange=doc.exchange,
        )


def relations(doc: Doc, wanted: Iterable[str], pointer: str = "") -> Iterator[Violation]:
    """Every wanted relation type is present."""
    found = {link.rel for link in links(doc, pointer)}
    for rel in wanted:
        if rel not in found:
            yield LinkViolation(
                m("no-rel", rel=rel),
                locator=doc.at(f"{pointer}/links"),
                expected=rel,
                actual=sorted(r for r in found if r),
                exchange=doc.exchange,
            )


def rel_and_type(doc: Doc, pointer: str = "") -> Iterator[Violation]:
    """Every link has both a rel and a type parameter."""
    for link in links(doc, pointer):
        absent: list[Param] = [name for name in ("rel", "type") if not link.raw.get(name)]
        if absent:
            yield LinkViolation(
                m("link-without", absent=joined(absent)),
                locator=doc.at(link.pointer),
                expected=joined(["rel", "type"]),
                actual=link.raw,
                exchange=doc.exchange,
            )


def alternate(doc: Doc, media_type: str, pointer: str = "") -> Iterator[Violation]:
    """An alternate link to the representation in another media type the server supports."""
    types = {link.type for link in with_rel(links(doc, pointer), "alternate")}
    if media_type not in types:
        yield LinkViolation(
            m("no-alternate", type=media_type),
            locator=doc.at(f"{pointer}/links"),
            expected=f"rel=alternate, type={media_type}",
            actual=sorted(types),
            exchange=doc.exchange,
        )


def self_types(doc: Doc) -> list[str]:
    """The media types the document's self links claim for it."""
    return [link.type for link in with_rel(links(doc), "self") if link.type]


def normalise(url: str, drop: Iterable[str] = ("f",)) -> str:
    """A URL for comparison: without format parameters, query sorted, no trailing slash."""
    parts = urlsplit(url)
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if k not in set(drop)))
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path.rstrip("/"), query, ""))
