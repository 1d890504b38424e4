"""TEST DOUBLE: a small OGC API – Records catalogue for wechselbar's harness tests (never a vendor implementation).

It serves the records of records_data as the catalog ``katalog`` on 127.0.0.1. With no defects it answers what
the ogcapi-records-1 suite checks the way 20-004r1 asks; each name in DEFECTS switches one deviation on.
Tenants share one port, each at ``http://127.0.0.1:<port>/<tenant>``. On the command line:
``python -m conformance.demo.records_server --tenant ok --tenant bad:q-ignored``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from conformance.demo import records_data as data
from conformance.demo import records_html
from conformance.demo.testserver import DefectServer, JsonHandler, tenants_main

CATALOG = "katalog"
JSON, GEOJSON, HTML = "application/json", "application/geo+json", "text/html"
SCHEMA_JSON, OPENAPI = "application/schema+json", "application/vnd.oai.openapi+json;version=3.0"
CATALOG_JSON = "application/ogc-catalog+json"
BASE = "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf"
DEFECTS: dict[str, str] = {
    "no-conformance-link": "the landing page does not link to /conformance",
    "items-500": "every items request fails with 500",
    "no-single-record": "single records are answered with 404",
    "record-without-self": "single records do not link to themselves",
    "catalog-without-type": "the catalog lacks its type member (Catalog)",
    "record-without-title": "records lack properties.title",
    "no-collection-link": "records do not link to their catalog",
    "bbox-ignored": "the bbox parameter is ignored",
    "datetime-ignored": "the datetime parameter is ignored",
    "q-ignored": "the q parameter is ignored",
    "type-ignored": "the type parameter is ignored",
    "paging-duplicates": "each next page starts with the last record of the page before",
    "sortby-ignored": "the sortby parameter is ignored",
    "time-not-rfc3339": "a record's time.date is written 01.03.2025, not as an RFC 3339 full-date",
    "time-interval-mixed": "a record's time.interval starts with a date and ends with a timestamp",
    "time-not-utc": "a record's time.timestamp carries the offset +02:00 instead of Z",
    "time-outside-interval": "a record's time.date lies outside its time.interval",
    "sortables-missing": "the catalog does not link sortables and /sortables answers 404",
    "sortables-malformed": "the sortables name draft-04, carry a query in $id, a property without type, a typed "
    "spatial property with format geometry-Polygon and additionalProperties true",
    "catalog-as-json": "the catalog asked for as application/ogc-catalog+json is served as application/json",
    "records-as-json": "items pages and single records are served as application/json, not application/geo+json",
    "no-html": "pages asked for as text/html are served as JSON",
    "html-without-links": "the HTML pages carry no <a> elements for the links of the resource",
    "api-without-records": "the API definition documents the landing page only, not the records paths",
}
CORE_CLASSES = ("records-api", "record-collection", "record-core", "record-core-query-parameters")
SORTABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/sortables"


class View:
    """What one tenant serves: its base URL and defects."""

    def __init__(self, base: str, defects: frozenset[str]) -> None:
        self.base = base
        self.defects = defects

    def link(self, rel: str, path: str, kind: str = JSON) -> dict[str, str]:
        """A link to a path below the tenant."""
        return {"rel": rel, "type": kind, "href": f"{self.base}{path}"}

    def landing(self) -> dict[str, Any]:
        """The landing page."""
        rels = [("self", "/"), ("service-doc", "/api"), ("conformance", "/conformance"), ("data", "/collections")]
        skip = {"conformance"} if "no-conformance-link" in self.defects else set()
        return {
            "title": "Musterstadt catalogue (test double)",
            "links": [self.link(r, p) for r, p in rels if r not in skip] + [self.link("service-desc", "/api", OPENAPI)],
        }

    def conformance(self) -> dict[str, Any]:
        """The conformance declaration."""
        classes = (*CORE_CLASSES, "sorting", "json", "html", "oas30")
        return {
            "conformsTo": ["http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"]
            + [f"{BASE}/{c}" for c in classes]
        }

    def catalog(self) -> dict[str, Any]:
        """The one catalog."""
        out: dict[str, Any] = {
            "id": CATALOG,
            "type": "Catalog",
            "title": "Geodaten der Musterstadt",
            "itemType": "record",
            "links": [
                self.link("self", f"/collections/{CATALOG}"),
                self.link("items", f"/collections/{CATALOG}/items", "application/geo+json"),
            ],
        }
        if "sortables-missing" not in self.defects:
            out["links"].append(self.link(SORTABLES_REL, f"/collections/{CATALOG}/sortables", SCHEMA_JSON))
        if "catalog-without-type" in self.defects:
            del out["type"]
        return out

    def record(self, record: data.Record, single: bool = False) -> data.Record:
        """A record with its links."""
        out: data.Record = json.loads(json.dumps(record))
        out["time"] = data.shown_time(record, self.defects)
        if "record-without-title" in self.defects:
            del out["properties"]["title"]
        links = [] if "no-collection-link" in self.defects else [self.link("collection", f"/collections/{CATALOG}")]
        if single and "record-without-self" not in self.defects:
            links.append(self.link("self", f"/collections/{CATALOG}/items/{record['id']}", "application/geo+json"))
        out["links"] = links
        return out

    def items(self, query: dict[str, str]) -> tuple[int, Any]:
        """One items page: filtered, sorted, paged."""
        if "items-500" in self.defects:
            return 500, {"code": "ServerError"}
        try:
            found = [
                rec for rec in data.records() if all(self._keep(rec, name, value) for name, value in query.items())
            ]
            limit, offset = int(query.get("limit", data.DEFAULT_LIMIT)), int(query.get("offset", 0))
        except ValueError:
            return 400, {"code": "InvalidParameterValue"}
        if "sortby" in query and "sortby-ignored" not in self.defects:
            found = data.sort(found, query["sortby"])
        return 200, self._page(found, query, limit, offset)

    def _keep(self, record: data.Record, name: str, value: str) -> bool:
        if name not in data.FILTERS or f"{name}-ignored" in self.defects:
            return True
        return data.FILTERS[name](record, value)

    def _page(self, found: list[data.Record], query: dict[str, str], limit: int, offset: int) -> dict[str, Any]:
        page = found[offset : offset + limit]
        links = [self.link("self", f"/collections/{CATALOG}/items?{urlencode(query)}", "application/geo+json")]
        if offset + limit < len(found):
            step = limit - 1 if "paging-duplicates" in self.defects and limit > 1 else limit
            after = urlencode({**query, "offset": offset + step})
            links.append(self.link("next", f"/collections/{CATALOG}/items?{after}", "application/geo+json"))
        records = [self.record(rec) for rec in page]
        return {
            "type": "FeatureCollection",
            "features": records,
            "numberMatched": len(found),
            "numberReturned": len(page),
            "links": links,
        }

    def definition(self) -> dict[str, Any]:
        """The OpenAPI 3.0 definition of the API (service-desc)."""
        paths = {"/": _get("landing page")}
        if "api-without-records" not in self.defects:
            catalog = {"name": "catalogId", "in": "path", "required": True, "schema": {"type": "string"}}
            record = {**catalog, "name": "recordId"}
            paths["/collections/{catalogId}/items"] = {**_get("records"), "parameters": [catalog]}
            paths["/collections/{catalogId}/items/{recordId}"] = {**_get("a record"), "parameters": [catalog, record]}
        info = {"title": "Musterstadt catalogue (test double)", "version": "1.0"}
        return {"openapi": "3.0.3", "info": info, "paths": paths}

    def sortables(self) -> tuple[int, Any]:
        """The properties records can be sorted by, or 404."""
        if "sortables-missing" in self.defects:
            return 404, {"code": "NotFound"}
        if "sortables-malformed" in self.defects:
            return 200, _MALFORMED | {"$id": f"{self.base}/collections/{CATALOG}/sortables?f=json"}
        return 200, {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{self.base}/collections/{CATALOG}/sortables",
            "type": "object",
            "properties": {"title": {"type": "string"}, "updated": {"type": "string", "format": "date-time"}},
        }

    def media_type(self, path: list[str], body: Any, accept: str) -> str:
        """The media type a body is served as: HTML when asked for, else by the resource."""
        if "text/html" in accept and "no-html" not in self.defects:
            return HTML
        if path[2:] == ["sortables"]:
            return SCHEMA_JSON
        if len(path) == 2 and CATALOG_JSON in accept and "catalog-as-json" not in self.defects:
            return CATALOG_JSON
        records = isinstance(body, dict) and ("features" in body or "geometry" in body)
        return GEOJSON if records and "records-as-json" not in self.defects else JSON

    def single(self, ident: str) -> tuple[int, Any]:
        """One record, or 404."""
        found = [rec for rec in data.records() if rec["id"] == ident]
        if not found or "no-single-record" in self.defects:
            return 404, {"code": "NotFound"}
        return 200, self.record(found[0], single=True)


_MALFORMED = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "type": "object",
    "properties": {"title": {"title": "Titel"}, "geometry": {"type": "object", "format": "geometry-Polygon"}},
    "additionalProperties": True,
}


def _get(what: str) -> dict[str, Any]:
    """A path item with a GET operation answering 200 and 404."""
    responses = {"200": {"description": what}, "404": {"description": "not found"}}
    return {"get": {"responses": responses}}


def route(view: View, path: list[str], query: dict[str, str]) -> tuple[int, Any]:
    """Status and JSON body for a path below the tenant."""
    if not path:
        return 200, view.landing()
    if path == ["conformance"]:
        return 200, view.conformance()
    if path == ["api"]:
        return 200, view.definition()
    if path == ["collections"]:
        return 200, {"collections": [view.catalog()], "links": [view.link("self", "/collections")]}
    if path[:2] != ["collections", CATALOG]:
        return 404, {"code": "NotFound"}
    if len(path) == 2:
        return 200, view.catalog()
    if path[2:] == ["items"]:
        return view.items(query)
    if path[2:] == ["sortables"]:
        return view.sortables()
    return view.single(path[3]) if len(path) == 4 and path[2] == "items" else (404, {"code": "NotFound"})


class Handler(JsonHandler):
    """Answers GET for the tenants of the server."""

    server_version = "RecordsTestDouble/1.0"

    def do_GET(self) -> None:
        view, path, query = self.tenant()
        if view is None:
            return self.send_json(404, {"code": "NotFound"})
        status, body = route(view, path, query)
        media = view.media_type(path, body, self.headers.get("Accept", ""))
        if media != HTML or status != 200:
            return self.send_json(status, body, media)
        raw = records_html.page(body, "html-without-links" not in view.defects)
        self.send_response(status)
        self.send_header("Content-Type", f"{HTML}; charset=utf-8")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)
        return None


class RecordsServer(DefectServer):
    """The test double: binds 127.0.0.1 (port 0 = any free port) and serves every tenant."""

    DEFECTS = DEFECTS

    def __init__(self, tenants: Mapping[str, frozenset[str]], port: int = 0) -> None:
        super().__init__(Handler, tenants, port)
        self.serve_views({name: View(self.url(name), frozenset(d)) for name, d in tenants.items()})

    def url(self, tenant: str) -> str:
        """The landing page URL of one tenant (without a trailing slash)."""
        return f"http://127.0.0.1:{self.port}/{tenant}"


def main(argv: list[str] | None = None) -> None:
    """Command line: start the server, print its tenants' URLs as one JSON line, serve until terminated."""
    tenants_main(argv, "OGC API – Records test double (never a vendor implementation)", "records", RecordsServer)


if __name__ == "__main__":
    main()
