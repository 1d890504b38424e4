"""References in OpenAPI descriptions: JSON pointers and ``$ref`` chains, bounded and offline.

A Reference Object (OpenAPI 3.0.3 §4.7.23, 3.1.0 §4.8.23) names its target by a URI whose fragment is a JSON
Pointer (RFC 6901). A chain of references is followed hop by hop: a cycle, a chain longer than ``MAX_HOPS``, a
pointer into nothing and a document the loader does not hold all end as "unresolved". Documents other than the
root come only from the loader a suite passes (a pack, a document it already holds); nothing here fetches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urljoin

MISSING: Any = object()
MAX_HOPS = 32

Loader = Callable[[str], Any]


def escape(token: str | int) -> str:
    """A JSON pointer reference token for a key or index (``~`` and ``/`` escaped, RFC 6901 §3)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(path: Iterable[str | int]) -> str:
    """A JSON pointer for a path of keys and indexes."""
    return "".join("/" + escape(part) for part in path)


def at(document: Any, fragment: str) -> Any:
    """The node a URI fragment (a JSON pointer, percent-encoded or not) names in a document, or MISSING."""
    fragment = unquote(fragment)
    if fragment == "":
        return document
    if not fragment.startswith("/"):
        return MISSING
    node = document
    for raw in fragment[1:].split("/"):
        node = _step(node, raw.replace("~1", "/").replace("~0", "~"))
        if node is MISSING:
            return MISSING
    return node


def _step(node: Any, token: str) -> Any:
    if isinstance(node, dict):
        if token in node:
            return node[token]
        return node.get(int(token), MISSING) if token.isdigit() else MISSING
    if isinstance(node, list) and token.isdigit() and int(token) < len(node):
        return node[int(token)]
    return MISSING


def reference(node: Any) -> str | None:
    """The ``$ref`` of a Reference Object, None for any other node."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref if isinstance(ref, str) else None


@dataclass(frozen=True)
class Located:
    """A node with the document URI and the JSON pointer it was found at."""

    node: Any
    uri: str
    pointer: str


def _nothing(_uri: str) -> Any:
    return None


@dataclass
class References:
    """Follows ``$ref`` chains from one root document; other documents only through the loader (offline)."""

    uri: str
    root: Any
    load: Loader = _nothing
    documents: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.uri = self.uri.partition("#")[0]

    def document(self, uri: str) -> Any:
        """The root for its own URI, else what the loader holds for the URI (None if nothing)."""
        if uri == self.uri:
            return self.root
        if uri not in self.documents:
            self.documents[uri] = self.load(uri)
        return self.documents[uri]

    def locate(self, node: Any, uri: str | None = None, where: str = "") -> Located | None:
        """Follow a node's chain of references; None where a hop does not resolve, loops or runs too long."""
        uri = self.uri if uri is None else uri.partition("#")[0]
        seen: set[str] = set()
        while (ref := reference(node)) is not None:
            target = uri + ref if ref.startswith("#") else urljoin(uri, ref)
            if target in seen or len(seen) >= MAX_HOPS:
                return None
            seen.add(target)
            uri, _, fragment = target.partition("#")
            document = self.document(uri)
            node = MISSING if document is None else at(document, fragment)
            if node is MISSING:
                return None
            where = unquote(fragment)
        return Located(node, uri, where)

    def resolve(self, node: Any, uri: str | None = None) -> Any:
        """The node at the end of a node's chain of references, None where the chain does not resolve."""
        found = self.locate(node, uri)
        return None if found is None else found.node

    def follow(self, where: str) -> Located | None:
        """The node at a pointer of the root, its references followed."""
        node = at(self.root, where)
        return None if node is MISSING else self.locate(node, self.uri, where)
