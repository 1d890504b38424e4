"""The API under test as the suite sees it: fetched documents (memoised per target) and the sampled collections."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest

from conformance.core import jsonsafe
from conformance.core.evidence import Exchange, Locator, ParseViolation, StatusViolation, Violation
from conformance.core.http import Response
from conformance.harness.target import TargetContext
from conformance.suites.ogcapi_features.catalogue import ID

JSON = "application/json"
GEOJSON = "application/geo+json"
HTML = "text/html"
OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0"
UNKNOWN = "wechselbar-unknown-7f3a9c"  # an id no server has: for collections and features that do not exist


@dataclass(frozen=True)
class Doc:
    """A response with its JSON body parsed (``body`` is None when it is not JSON)."""

    response: Response
    body: Any
    error: str = ""

    @property
    def url(self) -> str:
        """The URL that answered."""
        return self.response.url

    @property
    def status(self) -> int:
        """The HTTP status code."""
        return self.response.status

    @property
    def exchange(self) -> Exchange:
        """The captured exchange (evidence)."""
        return self.response.exchange

    @property
    def ok(self) -> bool:
        """200 with a JSON object as body."""
        return self.status == 200 and isinstance(self.body, dict)

    def at(self, pointer: str = "") -> Locator:
        """A locator for a JSON pointer in this document."""
        return Locator(where=self.url, pointer=pointer)

    def member(self, name: str, default: Any = None) -> Any:
        """A top-level member of a JSON object body."""
        return self.body.get(name, default) if isinstance(self.body, dict) else default


def fetch(target: TargetContext, url: str, params: Mapping[str, Any] | None = None, accept: str = JSON) -> Doc:
    """GET a URL and parse its body as JSON where possible."""
    response = target.http.get(url, params=params, headers={"Accept": accept})
    try:
        return Doc(response, jsonsafe.loads(response.content))
    except ValueError as exc:
        return Doc(response, None, f"not JSON: {exc}")


def ensure(doc: Doc, what: str, expected: int = 200) -> Iterator[Violation]:
    """The document answered with the expected status and a JSON object."""
    if doc.status != expected:
        yield StatusViolation(f"{what}: expected HTTP {expected}, got {doc.status}", locator=doc.at(),
                              expected=expected, actual=doc.status, exchange=doc.exchange)
    elif not isinstance(doc.body, dict):
        yield ParseViolation(f"{what}: the body is not a JSON object ({doc.error or type(doc.body).__name__})",
                             locator=doc.at(), expected="a JSON object", actual=doc.response.text[:200],
                             exchange=doc.exchange)


def require(doc: Doc, what: str) -> Doc:
    """The document, or skip: a check that needs it cannot judge without it (another requirement fails)."""
    if not doc.ok:
        pytest.skip(f"{what} is unavailable (HTTP {doc.status}{', ' + doc.error if doc.error else ''})")
    return doc


def landing(target: TargetContext) -> Doc:
    """The landing page as JSON."""
    return target.remember("oaf:landing", lambda: fetch(target, target.base_url + "/"))


def conformance(target: TargetContext) -> Doc:
    """The conformance declaration at /conformance."""
    return target.remember("oaf:conformance", lambda: fetch(target, target.base_url + "/conformance"))


def collections_doc(target: TargetContext) -> Doc:
    """The collections document at /collections."""
    return target.remember("oaf:collections", lambda: fetch(target, target.base_url + "/collections"))


def declared(target: TargetContext) -> frozenset[str] | None:
    """The conformance classes the API declares, or None if the declaration cannot be read."""
    found = conformance(target).member("conformsTo")
    return frozenset(str(c).rstrip("/") for c in found) if isinstance(found, list) else None


def claim(target: TargetContext, cls: str) -> None:
    """Not applicable unless the class is claimed (vendors file) or declared (/conformance)."""
    target.require_claim(ID, cls, declared(target))


def collections(target: TargetContext) -> list[dict[str, Any]]:
    """The feature collections checked: entries with an id and itemType feature, capped by max_collections."""
    entries = require(collections_doc(target), "/collections").member("collections", [])
    entries = entries if isinstance(entries, list) else []
    found = [c for c in entries if isinstance(c, dict) and isinstance(c.get("id"), str)
             and c.get("itemType", "feature") == "feature"]
    if len(found) < len(entries):
        target.note(f"{len(entries) - len(found)} entries of /collections are not feature collections with an id "
                    "and were not checked")
    cap = target.option("max_collections", 5)
    if len(found) > cap:
        target.note(f"sampling cut: checked {cap} of {len(found)} collections (max_collections={cap})")
    if not found:
        pytest.skip("/collections lists no feature collection")
    return found[:cap]


def collection_url(target: TargetContext, collection_id: str) -> str:
    """/collections/{collectionId}."""
    return f"{target.base_url}/collections/{quote(collection_id, safe='')}"


def collection_doc(target: TargetContext, collection_id: str) -> Doc:
    """One collection's metadata at /collections/{collectionId}, fetched once per target."""
    url = collection_url(target, collection_id)
    return target.remember(f"oaf:collection:{collection_id}", lambda: fetch(target, url))


def probe(target: TargetContext, url: str, params: Mapping[str, Any] | None = None, accept: str = JSON) -> Doc:
    """A request shared by several checks (e.g. an error situation), sent once per target."""
    key = f"oaf:probe:{url}:{sorted((params or {}).items())}:{accept}"
    return target.remember(key, lambda: fetch(target, url, params, accept))


def items_url(target: TargetContext, collection_id: str) -> str:
    """/collections/{collectionId}/items."""
    return collection_url(target, collection_id) + "/items"


def items(target: TargetContext, collection_id: str, params: Mapping[str, Any] | None = None,
          accept: str = GEOJSON) -> Doc:
    """One items request (the unfiltered first page is memoised)."""
    if params:
        return fetch(target, items_url(target, collection_id), params, accept)
    return target.remember(f"oaf:items:{collection_id}:{accept}",
                           lambda: fetch(target, items_url(target, collection_id), None, accept))


def features(doc: Doc) -> list[dict[str, Any]]:
    """The feature objects of an items document (empty if there are none)."""
    found = doc.member("features", [])
    return [f for f in found if isinstance(f, dict)] if isinstance(found, list) else []


def label(feature: dict[str, Any]) -> str:
    """A feature as named in messages: its id and, if it has one, its name property."""
    name = (feature.get("properties") or {}).get("name")
    return f"{feature.get('id')!r}" + (f" ({name})" if isinstance(name, str) and name else "")


def judged(docs: Iterable[Doc], what: str) -> list[Doc]:
    """The 200 JSON responses among the documents; skip when there is none (nothing can be judged)."""
    found = [doc for doc in docs if doc.ok]
    if not found:
        pytest.skip(f"no 200 response of {what} to judge")
    return found


def feature_key(feature: dict[str, Any]) -> str:
    """The identity of a feature: its id, else its canonical JSON."""
    if "id" in feature:
        return str(feature["id"])
    return json.dumps(feature, sort_keys=True)


def single(target: TargetContext, collection: str, feature_id: str, accept: str = GEOJSON) -> Doc:
    """One feature, fetched once per target and media type."""
    url = f"{items_url(target, collection)}/{quote(feature_id, safe='')}"
    return target.remember(f"oaf:feature:{collection}:{feature_id}:{accept}", lambda: fetch(target, url, None, accept))


def sampled(target: TargetContext) -> list[tuple[str, str]]:
    """(collection, feature id) of the first ``max_features`` features with an id of each collection."""
    cap = target.option("max_features", 3)
    out = []
    for entry in collections(target):
        ids = [str(f["id"]) for f in features(items(target, entry["id"])) if f.get("id") not in (None, "")]
        out += [(entry["id"], fid) for fid in ids[:cap]]
    if not out:
        pytest.skip("no sampled collection returned features with an id")
    return out
