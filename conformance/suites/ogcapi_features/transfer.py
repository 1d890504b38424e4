"""The round trip for OGC API – Features: read through Part 1, write through Part 4 (OGC 20-002).

A's features are read from each collection's items, page by page through ``next`` links; each is POSTed as a
GeoJSON Feature (with its id, so that a product that keeps ids can be checked for it) to the collection of the
same id in B, read back from the URL in ``Location`` and deleted at the end. B must declare
``create-replace-delete`` (OGC 20-002, Requirements Class "Create/Replace/Delete", /req/create-replace-delete).
Attributes: ``id``, ``geometry``, ``properties.<name>`` and ``links`` (the links a feature carries as content,
not those the server makes: self, alternate, collection and the paging relations). The CRS each side declares
for a feature (OGC 18-058 Part 2: the ``Content-Crs`` header; for B, where that names none or CRS84, the
collection's ``storageCrs``) lets the comparison tell a CRS change from changed positions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote, urljoin

from conformance.core.http import Response, SafeSession
from conformance.core.roundtrip import Item, Plan, TransferFailed, delete, expect, parsed
from conformance.core.transfer import Problem
from conformance.core.vendors import Target

CREATE_REPLACE_DELETE = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete"
GEOJSON = "application/geo+json"
SERVER_RELS = frozenset(
    {"self", "alternate", "collection", "next", "prev", "previous", "first", "last", "items", "root", "service-desc"}
)
PAGE_LIMIT = 100
MAX_PAGES = 1000


class FeaturesTransfer:
    """The OGC API – Features adapter of the round trip (see :mod:`conformance.core.roundtrip`)."""

    def __init__(self, source: SafeSession, source_target: Target, dest: SafeSession, dest_target: Target) -> None:
        self.source, self.dest = source, dest
        self.source_base = source_target.urls[0].rstrip("/")
        self.dest_base = dest_target.urls[0].rstrip("/")
        self.collections: dict[str, bool] = {}
        self.storage: dict[str, str] = {}  # collection URL in B → its storageCrs
        self.declared: dict[str, str] = {}  # feature URL in B → the CRS B declared for it

    def ready(self) -> list[Problem]:
        """B declares create-replace-delete in /conformance, or nothing is written."""
        url = f"{self.dest_base}/conformance"
        answer = self.dest.get(url, headers={"Accept": "application/json"})
        declared = _json(answer).get("conformsTo", []) if answer.status == 200 else []
        if isinstance(declared, list) and CREATE_REPLACE_DELETE in declared:
            return []
        return [Problem("no-writes", url, answer.status, CREATE_REPLACE_DELETE)]

    def items(self, sample: int | None) -> Iterator[Item]:
        """Every collection's features, at most ``sample`` each."""
        url = f"{self.source_base}/collections"
        answer = expect(self.source.get(url, headers={"Accept": "application/json"}))
        for collection in _json(answer).get("collections", []):
            if isinstance(collection, Mapping) and isinstance(collection.get("id"), str):
                yield from self._collection(collection["id"], sample)

    def _collection(self, collection: str, sample: int | None) -> Iterator[Item]:
        base = f"{self.source_base}/collections/{quote(collection, safe='')}/items"
        limit = min(sample or PAGE_LIMIT, PAGE_LIMIT)
        url: str | None = f"{base}?limit={limit}"
        count, seen = 0, set[str]()
        while url and url not in seen and len(seen) < MAX_PAGES:
            seen.add(url)
            answer = expect(self.source.get(url, headers={"Accept": GEOJSON}))
            page, crs = _json(answer), content_crs(answer)
            for feature in page.get("features", []):
                if sample is not None and count >= sample:
                    return
                if isinstance(feature, Mapping) and feature.get("id") is not None:
                    count += 1
                    yield _item(collection, feature, f"{base}/{quote(str(feature['id']), safe='')}", crs)
            url = _next(page, url)

    def plan(self, item: Item) -> Plan:
        """The collection of the same id in B; the item's URL there, free or already taken."""
        collection = f"{self.dest_base}/collections/{quote(item.collection, safe='')}"
        if collection not in self.collections:
            answer = self.dest.get(collection, headers={"Accept": "application/json"})
            self.collections[collection] = answer.status == 200
            storage = _json(answer).get("storageCrs") if answer.status == 200 else None
            self.storage[collection] = storage if isinstance(storage, str) else ""
        if not self.collections[collection]:
            raise TransferFailed(Problem("collection-missing", collection))
        item_url = f"{collection}/items/{quote(item.id, safe='')}"
        taken = self.dest.get(item_url, headers={"Accept": GEOJSON}).status == 200
        return Plan(f"{collection}/items", item_url, not taken)

    def write(self, item: Item, plan: Plan) -> str:
        """POST the feature; the URL of ``Location``."""
        body = json.dumps(item.document, ensure_ascii=False).encode("utf-8")
        answer = self.dest.request("POST", plan.collection_url, headers={"Content-Type": GEOJSON}, body=body)
        location = answer.headers.get("Location", "")
        if answer.status not in (200, 201) or not location:
            raise TransferFailed(Problem("write-failed", plan.collection_url, answer.status, answer.text[:300]))
        return urljoin(plan.collection_url + "/", location)

    def read_back(self, url: str) -> Mapping[str, Any]:
        """The attributes of the feature B serves at ``url``."""
        answer = expect(self.dest.get(url, headers={"Accept": GEOJSON}), "read-back-failed")
        declared = content_crs(answer)
        if not declared or "CRS84" in declared.upper():
            declared = self.storage.get(url.rsplit("/items/", 1)[0], "") or declared
        self.declared[url] = declared
        found = parsed(answer)
        return attributes(found if isinstance(found, Mapping) else {})

    def declared_crs(self, url: str) -> str:
        """The CRS B declared for the feature: its answer's Content-Crs, else its collection's storageCrs."""
        return self.declared.get(url, "")

    def remove(self, url: str) -> None:
        """DELETE the feature."""
        delete(self.dest, url)


def attributes(feature: Mapping[str, Any]) -> dict[str, Any]:
    """A feature's attributes as the round trip compares them."""
    found: dict[str, Any] = {"id": feature.get("id"), "geometry": feature.get("geometry")}
    properties = feature.get("properties")
    for name, value in (properties if isinstance(properties, Mapping) else {}).items():
        found[f"properties.{name}"] = value
    links = [link for link in feature.get("links", []) or [] if _content_link(link)]
    if links:
        found["links"] = links
    return found


def _content_link(link: Any) -> bool:
    return isinstance(link, Mapping) and link.get("rel") not in SERVER_RELS


def content_crs(answer: Response) -> str:
    """The CRS an answer's ``Content-Crs`` header names ('' without one)."""
    return str(answer.headers.get("Content-Crs", "")).strip().strip("<>")


def _item(collection: str, feature: Mapping[str, Any], url: str, crs: str) -> Item:
    document: dict[str, Any] = {
        "type": "Feature",
        "id": feature["id"],
        "geometry": feature.get("geometry"),
        "properties": feature.get("properties") or {},
    }
    links = [link for link in feature.get("links", []) or [] if _content_link(link)]
    if links:
        document["links"] = links
    return Item(collection, str(feature["id"]), document, attributes(feature), url, crs)


def _next(page: Mapping[str, Any], url: str) -> str | None:
    for link in page.get("links", []) or []:
        if isinstance(link, Mapping) and link.get("rel") == "next" and isinstance(link.get("href"), str):
            return urljoin(url, str(link["href"]))
    return None


def _json(answer: Response) -> dict[str, Any]:
    data = parsed(answer)
    return data if isinstance(data, dict) else {}
