"""Schema sets: several schema locations compiled as one, offline.

A service's response names its schemas in ``xsi:schemaLocation`` (a WMS capabilities document the WMS schema
and an SLD extension, a WFS feature collection the application schema behind DescribeFeatureType). The set
compiles every location into one schema: canonical OGC and W3C URLs come from the packs, everything else only
from documents the caller fetched beforehand (a suite fetches them through its safe HTTP session, from the
vendor's declared host). :func:`gather` walks the imports and includes of fetched documents and asks the
caller for each one it needs; anything the caller may not fetch is refused and named, never loaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.sax.saxutils import quoteattr

from lxml import etree

from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.xml.resolver import PackResolver, ResolveRefused

XS = "http://www.w3.org/2001/XMLSchema"
WRAPPER = "urn:wechselbar:schema-set"
MAX_DOCUMENTS = 40
Location = tuple[str, str]


class SchemaSetError(Exception):
    """The set does not compile; ``refused`` names the locations that map to no pack file or fetched document."""

    def __init__(self, message: str, refused: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.refused = tuple(refused)


class DocumentResolver(PackResolver):
    """Pack files by canonical URL, plus documents fetched beforehand (served under their own URL)."""

    def __init__(self, documents: Mapping[str, bytes]) -> None:
        super().__init__()
        self.documents = dict(documents)

    def resolve(self, url: str, pubid: str | None, context: Any) -> Any:  # type: ignore[override]
        """A fetched document under its URL, else a pack file, else refused."""
        if url in self.documents:
            self.served.append(url)
            return self.resolve_string(self.documents[url], context, base_url=url)
        return super().resolve(url, pubid, context)


def in_packs(url: str) -> bool:
    """True if the URL is a canonical location of a pack file (it is never fetched)."""
    return urlsplit(url).scheme in ("http", "https") and PackResolver().locate(url) is not None


def pairs(schema_location: str) -> list[Location]:
    """The (namespace, location) pairs of an ``xsi:schemaLocation`` value (a trailing odd item is dropped)."""
    items = schema_location.split()
    return [(items[i], items[i + 1]) for i in range(0, len(items) - 1, 2)]


def compile_set(locations: Iterable[Location], documents: Mapping[str, bytes] | None = None) -> etree.XMLSchema:
    """One schema importing every location; compiled once per set of locations and fetched documents."""
    chosen = tuple(dict.fromkeys(locations))
    docs = tuple(sorted((documents or {}).items()))
    key = hashlib.sha256(b"".join(url.encode() + b"\0" + data for url, data in docs)).hexdigest()
    return _compiled(chosen, key, docs)


@lru_cache(maxsize=16)
def _compiled(locations: tuple[Location, ...], key: str, documents: tuple[tuple[str, bytes], ...]) -> etree.XMLSchema:
    imports = "".join(
        f"<xs:import namespace={quoteattr(ns)} schemaLocation={quoteattr(loc)}/>" for ns, loc in locations
    )
    wrapper = f'<xs:schema xmlns:xs="{XS}" targetNamespace="{WRAPPER}">{imports}</xs:schema>'.encode()
    resolver = DocumentResolver(dict(documents))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    parser.resolvers.add(resolver)
    try:
        return etree.XMLSchema(etree.fromstring(wrapper, parser, base_url="urn:wechselbar:schema-set.xsd"))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, ResolveRefused) as exc:
        raise SchemaSetError(f"the schema set does not compile: {exc}", resolver.refused) from exc


@dataclass
class Gathered:
    """Documents fetched for a schema set, and the locations that were refused with the reason."""

    documents: dict[str, bytes] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)


Fetch = Callable[[str], bytes | str]


def gather(locations: Iterable[Location], fetch: Fetch) -> Gathered:
    """Fetch every non-pack schema the locations need, following imports, includes and redefines.

    ``fetch`` returns the document's bytes, or a reason (text) why it was not fetched (a foreign host, an
    HTTP error); the reason is kept under the location.
    """
    found = Gathered()
    queue = [loc for _, loc in locations]
    while queue and len(found.documents) + len(found.refused) < MAX_DOCUMENTS:
        url = queue.pop(0)
        if url in found.documents or url in found.refused or in_packs(url):
            continue
        data = fetch(url)
        if isinstance(data, str):
            found.refused[url] = data
            continue
        found.documents[url] = data
        queue.extend(_references(url, data, found))
    return found


def _references(url: str, data: bytes, found: Gathered) -> list[str]:
    try:
        root = parse_bytes(data).getroot()
    except XMLRejected as exc:
        del found.documents[url]
        found.refused[url] = f"not XML: {exc}"
        return []
    if root.tag != f"{{{XS}}}schema":
        del found.documents[url]
        found.refused[url] = f"not an XML Schema (root element {root.tag})"
        return []
    steps = (f"{{{XS}}}import", f"{{{XS}}}include", f"{{{XS}}}redefine")
    return [urljoin(url, el.get("schemaLocation", "")) for el in root if el.tag in steps and el.get("schemaLocation")]
