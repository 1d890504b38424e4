"""TEST DOUBLE: the JSON-LD ``@context`` store of the NGSI-LD broker double and its PyLD calls.

The core ``@context`` comes from pack ``ngsi-ld-core-context`` through the project's pack cache (each file
there begins with one line holding its own URL, which is stripped); user contexts are hosted by the double
under content-addressed URLs. PyLD's document loader is this store: it never touches the network, so a
context it does not hold is "not available" (clause 6.3.5, error type LdContextNotAvailable).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from functools import cache
from typing import Any

from pyld import jsonld

from conformance.core.packs import default_store
from conformance.demo.ngsild.spec import CORE_ALIAS, CORE_FILES, CORE_PACK, CORE_URL, NgsiError

CACHE_SIZE = 4096
LOADING_FAILED = {"loading remote context failed", "loading document failed"}


@cache
def core_document(path: str) -> dict[str, Any]:
    """One core ``@context`` file of the pack, without the URL line in front of the JSON."""
    text = default_store().path(CORE_PACK, path).read_text(encoding="utf-8")
    if not text.lstrip().startswith("{"):
        text = text.split("\n", 1)[1]
    document: dict[str, Any] = json.loads(text)
    return document


def with_core(context: Any) -> list[Any]:
    """The effective ``@context`` of a request: the user's, then the core context (clause 4.4: core wins)."""
    items = [] if context is None else list(context) if isinstance(context, list) else [context]
    if not any(isinstance(item, str) and (item in CORE_FILES or item == CORE_ALIAS) for item in items):
        items.append(CORE_URL)
    return items


class ContextStore:
    """The ``@context`` documents the broker can use, by URL; PyLD loads only from here."""

    def __init__(self) -> None:
        self.documents: dict[str, Any] = {url: core_document(path) for url, path in CORE_FILES.items()}
        self.documents[CORE_ALIAS] = self.documents[CORE_URL]
        self._iris: dict[tuple[str, str, bool], str] = {}
        self._results: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def host(self, base: str, name: str, document: dict[str, Any]) -> str:
        """Host a user ``@context`` under a URL naming its content (so PyLD's shared cache never goes stale)."""
        digest = hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()[:16]
        url = f"{base}/contexts/{digest}/{name}.jsonld"
        self.documents[url] = document
        return url

    def load(self, url: str, options: object = None) -> dict[str, Any]:
        """PyLD document loader: a held document, or the JSON-LD loading error (never a network request)."""
        if url not in self.documents:
            raise jsonld.JsonLdError(
                f"@context {url} is not available to this broker",
                "jsonld.LoadDocumentError",
                {"url": url},
                code="loading document failed",
            )
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": self.documents[url],
        }

    def expand(self, document: dict[str, Any]) -> list[dict[str, Any]]:
        """JSON-LD expansion of a document carrying its ``@context``."""
        expanded: list[dict[str, Any]] = self._cached(jsonld.expand, document, {})
        return expanded

    def compact(self, expanded: dict[str, Any], context: list[Any]) -> dict[str, Any]:
        """JSON-LD compaction of one expanded node with a request's effective ``@context`` (without ``@context``)."""
        compacted: dict[str, Any] = self._cached(
            jsonld.compact, expanded, {"skipExpansion": True}, {"@context": context}
        )
        compacted.pop("@context", None)
        return compacted

    def _cached(self, function: Any, document: Any, options: dict[str, Any], *context: Any) -> Any:
        """PyLD's result, remembered for identical input (tenants share the generated entities)."""
        key = json.dumps([function.__name__, document, context], sort_keys=True)
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return json.loads(self._results[key])
        result = self._call(function, document, options, *context)
        with self._lock:
            self._results[key] = json.dumps(result)
            while len(self._results) > CACHE_SIZE:
                self._results.popitem(last=False)
        return result

    def expand_iri(self, term: str, context: list[Any]) -> str:
        """The IRI a term (attribute name or entity type) expands to under a ``@context``."""
        return self._iri(term, context, expand=True)

    def compact_iri(self, iri: str, context: list[Any]) -> str:
        """The short name of an IRI under a ``@context`` (the IRI itself if the context has no term for it)."""
        return self._iri(iri, context, expand=False)

    def _iri(self, text: str, context: list[Any], expand: bool) -> str:
        key = (json.dumps(context, sort_keys=True), text, expand)
        if key not in self._iris:
            if expand:
                expanded = self.expand({"@context": context, "@type": text})
                self._iris[key] = expanded[0]["@type"][0] if expanded else text
            else:
                node = self.compact({"@id": "urn:ngsi-ld:iri", "@type": [text]}, context)
                self._iris[key] = next(v for k, v in node.items() if k not in ("id", "@id"))
        return self._iris[key]

    def _call(self, function: Any, document: Any, options: dict[str, Any], *context: Any) -> Any:
        try:
            return function(document, *context, {**options, "documentLoader": self.load, "base": None})
        except jsonld.JsonLdError as exc:
            raise _ngsi_error(exc) from exc


def _ngsi_error(exc: jsonld.JsonLdError) -> NgsiError:
    """A JSON-LD failure as NGSI-LD error: unavailable contexts (clause 6.3.5) or invalid JSON-LD (BadRequestData)."""
    cause: Any = exc
    while isinstance(cause, jsonld.JsonLdError):
        details = cause.details if isinstance(cause.details, dict) else {}
        if cause.code in LOADING_FAILED:
            return NgsiError("LdContextNotAvailable", f"the @context {details.get('url', '')} cannot be retrieved")
        cause = details.get("cause")
    return NgsiError("BadRequestData", f"invalid JSON-LD: {exc.args[0]}")
