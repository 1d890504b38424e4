"""JSON-LD for the NGSI-LD suite: PyLD with a document loader that serves only known ``@context`` documents.

The core ``@context`` (v1.3, v1.4) comes from pack ``ngsi-ld-core-context`` through the pack cache; a user
``@context`` is the one document the vendors file names (``user_context``), read once through the target's
HTTP session. Every other URL is refused: nothing is fetched from the network by PyLD.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pyld import jsonld
from pyld.context_resolver import ContextResolver

from conformance.core.packs import default_store

PACK = "ngsi-ld-core-context"
CORE_FILES = {
    f"https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-{v}.jsonld": f"ldcontexts/ngsi-ld-core-context-{v}.jsonld"
    for v in ("v1.3", "v1.4")
}
CORE_URL = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.4.jsonld"
CORE_ALIAS = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld"
RESOLVED = 100


class ContextRefused(Exception):
    """A JSON-LD operation needed a ``@context`` the suite does not hold."""


@cache
def core_document(path: str) -> dict[str, Any]:
    """One core ``@context`` of the pack (the pack files start with a line holding their URL)."""
    text = default_store().path(PACK, path).read_text(encoding="utf-8")
    if not text.lstrip().startswith("{"):
        text = text.split("\n", 1)[1]
    document: dict[str, Any] = json.loads(text)
    return document


class Resolved(dict[str, Any]):
    """PyLD's cache of resolved (and processed) contexts for one :class:`Contexts`, emptied when it is full: the
    inline contexts a broker sends cannot make it grow without end."""

    def __setitem__(self, key: str, value: Any) -> None:
        if len(self) >= RESOLVED:
            self.clear()
        super().__setitem__(key, value)


class Contexts:
    """The ``@context`` documents the suite holds, and PyLD expansion and compaction with only those."""

    def __init__(self, user: tuple[str, dict[str, Any]] | None = None) -> None:
        self.documents: dict[str, Any] = {url: core_document(path) for url, path in CORE_FILES.items()}
        self.documents[CORE_ALIAS] = self.documents[CORE_URL]
        self.user = user[0] if user else None
        self._iris: dict[tuple[str, str], str] = {}
        self._terms: dict[tuple[str, str], str] = {}
        self._resolved = Resolved()
        if user:
            self.documents[user[0]] = user[1]

    def effective(self, context: Any = None) -> list[Any]:
        """A request's effective ``@context``: the given one (default: the user's), then the core context."""
        given = self.user if context is None else context
        items = [] if given is None else list(given) if isinstance(given, list) else [given]
        if not any(isinstance(i, str) and (i in CORE_FILES or i == CORE_ALIAS) for i in items):
            items.append(CORE_URL)
        return items

    def load(self, url: str, options: object = None) -> dict[str, Any]:
        """PyLD document loader: a held document, or a refusal (never a network request). A held document never
        changes, so it is tagged static: PyLD keeps it resolved and processed in this instance's cache."""
        if url not in self.documents:
            raise jsonld.JsonLdError(f"@context {url} is not held", "jsonld.LoadDocumentError", {"url": url})
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": self.documents[url],
            "tag": "static",
        }

    def expand(self, node: dict[str, Any], context: Any) -> dict[str, Any]:
        """One compacted node expanded with a ``@context`` (its own ``@context`` member wins)."""
        document = {"@context": self.effective(context), **{k: v for k, v in node.items() if k != "@context"}}
        if "@context" in node:
            document["@context"] = self.effective(node["@context"])
        found = self._call(jsonld.expand, document)
        return found[0] if found else {}

    def compact(self, expanded: dict[str, Any], context: Any) -> dict[str, Any]:
        """An expanded node compacted with a ``@context`` (without the ``@context`` member)."""
        compacted: dict[str, Any] = self._call(jsonld.compact, expanded, {"@context": self.effective(context)})
        compacted.pop("@context", None)
        return compacted

    def term(self, iri: str, context: Any = None) -> str:
        """The short name of an IRI under a ``@context`` (the IRI itself where it has no term; remembered)."""
        key = (json.dumps(context), iri)
        if key not in self._terms:
            node = self.compact({"@id": "urn:x", "@type": [iri]}, context)
            self._terms[key] = str(next(v for k, v in node.items() if k not in ("id", "@id")))
        return self._terms[key]

    def iri(self, term: str, context: Any = None) -> str:
        """The IRI a short name (type or attribute name) expands to under a ``@context`` (remembered)."""
        key = (json.dumps(context), term)
        if key not in self._iris:
            self._iris[key] = str(self.expand({"@type": term}, context).get("@type", [term])[0])
        return self._iris[key]

    def _call(self, function: Any, *args: Any) -> Any:
        try:
            resolver = ContextResolver(self._resolved, self.load)
            return function(*args, {"documentLoader": self.load, "contextResolver": resolver, "base": None})
        except jsonld.JsonLdError as exc:
            raise ContextRefused(str(exc.args[0] if exc.args else exc)) from exc
