"""TEST DOUBLE: the JSON and HTML documents of the OGC API Features test server."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from conformance.demo import features_crs, features_filter
from conformance.demo.features_data import Collection

BASE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf"
JSON, GEOJSON, HTML = "application/json", "application/geo+json", "text/html"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"


@dataclass(frozen=True)
class View:
    """How one tenant renders: its base URL and its switched-on defects."""

    base: str
    defects: frozenset[str]

    @property
    def html(self) -> bool:
        """HTML is offered and declared."""
        return "no-html" not in self.defects

    def link(self, href: str, rel: str, media: str, title: str = "") -> dict[str, str]:
        """A link object (defects may drop its type)."""
        out = {"href": href, "rel": rel, "type": media, "title": title or rel}
        if "links-without-type" in self.defects:
            del out["type"]
        return out

    def links(self, url: str, media: str, query: dict[str, Any] | None = None) -> list[dict[str, str]]:
        """self and alternate links of a resource offered as ``media`` (and HTML)."""

        def at(fmt: str) -> str:
            return f"{url}?{urlencode({**(query or {}), 'f': fmt})}"

        found = [] if "missing-self-links" in self.defects else [self.link(at("json"), "self", media, "this document")]
        return found + ([self.link(at("html"), "alternate", HTML, "as HTML")] if self.html else [])

    def landing(self) -> dict[str, Any]:
        """The landing page."""
        found = self.links(f"{self.base}/", JSON)
        if "no-api-definition" not in self.defects:
            found += [
                self.link(f"{self.base}/api", "service-desc", OPENAPI, "API definition"),
                self.link(f"{self.base}/api.html", "service-doc", HTML, "API documentation"),
            ]
        if "api-definition-link-broken" in self.defects:
            found.append(self.link(f"{self.base}/api/v2", "service-desc", OPENAPI, "API definition, version 2"))
        if "missing-conformance-link" not in self.defects:
            found.append(self.link(f"{self.base}/conformance", "conformance", JSON, "conformance classes"))
        found.append(self.link(f"{self.base}/collections", "data", JSON, "collections"))
        return {"title": "Musterstadt Geodaten (Testdouble)", "description": "TEST DOUBLE", "links": found}

    def conformance(self) -> dict[str, Any]:
        """The conformance declaration."""
        classes = ["core", "geojson", "oas30"] + (["html"] if self.html else [])
        extra = [features_crs.CRS_CLASS, *features_filter.CLASSES]
        return {"conformsTo": [f"{BASE}/{c}" for c in classes] + extra}

    def collection(self, item: Collection, single: bool = False) -> dict[str, Any]:
        """One collection's metadata (as in /collections, or as its own resource)."""
        url = f"{self.base}/collections/{quote(item.id)}"
        found = [*self.links(url, JSON), self.link(f"{url}/items?f=json", "items", GEOJSON, "features")]
        if self.html:
            found.append(self.link(f"{url}/items?f=html", "items", HTML, "features as HTML"))
        found += features_filter.link(self.base, item, self.defects)
        title = item.title + (" (geändert)" if single and "collection-mismatch" in self.defects else "")
        return {
            "id": item.id,
            "title": title,
            "description": item.description,
            "links": found,
            "extent": self.extent(item),
            "itemType": "feature",
            **features_crs.metadata(self.defects),
        }

    def extent(self, item: Collection) -> dict[str, Any]:
        """The spatial (and temporal) extent, shrunk by the extent-too-small defect."""
        box = item.spatial_extent()
        if "extent-too-small" in self.defects:
            box = [box[0] + (box[2] - box[0]) / 4, box[1], box[2], box[3]]
        out: dict[str, Any] = {"spatial": {"bbox": [box], "crs": CRS84}}
        if item.temporal_extent():
            out["temporal"] = {"interval": [item.temporal_extent()]}
        return out

    def collections(self, items: tuple[Collection, ...]) -> dict[str, Any]:
        """The collections document."""
        links = (
            {}
            if "collections-without-links" in self.defects
            else {"links": self.links(f"{self.base}/collections", JSON)}
        )
        return {
            **links,
            "collections": [
                self.collection(c) for c in items + items[:1] * ("collections-duplicate-id" in self.defects)
            ],
        }

    def feature(self, item: Collection, feature: dict[str, Any]) -> dict[str, Any]:
        """One feature with its links."""
        url = f"{self.base}/collections/{quote(item.id)}/items/{quote(str(feature['id']))}"
        out = {**self.shape(feature), "links": self.links(url, GEOJSON)}
        out["links"].append(self.link(f"{self.base}/collections/{quote(item.id)}", "collection", JSON, item.title))
        if "feature-wrong-id" in self.defects:
            out["id"] = f"row-{feature['id']}"
        return out

    def shape(self, feature: dict[str, Any]) -> dict[str, Any]:
        """The GeoJSON feature, with the axis-order and invalid-geojson defects applied."""
        out = dict(feature)
        geometry = out.get("geometry")
        if geometry and "axis-order-swapped" in self.defects:
            out["geometry"] = _swapped(geometry)
        if "invalid-geojson" in self.defects:
            del out["type"]
        return out

    def page(
        self, item: Collection, chosen: list[dict[str, Any]], offset: int, limit: int, query: dict[str, str]
    ) -> dict[str, Any]:
        """One page of an items response, with next links and counts."""
        url = f"{self.base}/collections/{quote(item.id)}/items"
        limit *= 2 if offset and "next-pages-oversized" in self.defects else 1
        shown = chosen[offset : offset + limit]
        found = self.links(url, GEOJSON, query) + self.next_links(url, len(chosen), offset, limit, query)
        found.append(self.link(f"{self.base}/collections/{quote(item.id)}", "collection", JSON, item.title))
        delta = 1 if "wrong-number-matched" in self.defects else 0
        returned = len(shown) + (1 if "wrong-number-returned" in self.defects else 0)
        return {
            "type": "FeatureCollection",
            "features": [self.shape(f) for f in shown],
            "links": found,
            "numberMatched": len(chosen) + delta,
            "numberReturned": returned,
            "timeStamp": self.now(),
        }

    def next_links(self, url: str, total: int, offset: int, limit: int, query: dict[str, str]) -> list[Any]:
        """The next link, as the paging defects would have it."""
        step = limit - 1 if "broken-paging-duplicates" in self.defects and limit > 1 else limit
        if "no-next-link" in self.defects:
            return []
        if offset + limit >= total:
            return (
                [self.link(f"{url}?{urlencode({**query, 'offset': 0})}", "next", GEOJSON, "next page")]
                if "paging-cycle" in self.defects and offset > 0
                else []
            )
        return [self.link(f"{url}?{urlencode({**query, 'offset': offset + step})}", "next", GEOJSON, "next page")]

    def now(self) -> str:
        """The timeStamp of a response (an hour late with the wrong-timestamp defect)."""
        moment = dt.datetime.now(dt.UTC) - (
            dt.timedelta(hours=1) if "wrong-timestamp" in self.defects else dt.timedelta()
        )
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _swapped(geometry: dict[str, Any]) -> dict[str, Any]:
    if geometry["type"] == "Point":
        return {"type": "Point", "coordinates": geometry["coordinates"][::-1]}
    return {"type": geometry["type"], "coordinates": [[p[::-1] for p in ring] for ring in geometry["coordinates"]]}


def html_page(title: str, document: dict[str, Any], defects: frozenset[str]) -> bytes:
    """An HTML 5 page showing a JSON document: its title, ids and every link as <a>."""
    anchors = (
        ""
        if "html-missing-links" in defects
        else "".join(
            f'<li><a href="{html.escape(str(link.get("href", "")))}">{html.escape(str(link.get("title", "")))}</a></li>'
            for link in _all_links(document)
        )
    )
    facts = "".join(f"<li>{html.escape(str(value))}</li>" for value in _facts(document))
    return (
        f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head><body><h1>{html.escape(title)}</h1><ul>{facts}</ul><ul>{anchors}</ul></body></html>"
    ).encode()


def _all_links(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [link for link in document.get("links", []) if isinstance(link, dict)]


def _facts(document: dict[str, Any]) -> list[str]:
    values = [document.get("title", "")]
    values += [f"{c['id']}: {c['title']}" for c in document.get("collections", [])]
    values += [str(f.get("id")) for f in document.get("features", [])]
    return [v for v in values if v]
