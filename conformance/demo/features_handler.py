"""TEST DOUBLE: request handling of the OGC API Features test server (routing, negotiation, errors)."""

from __future__ import annotations

import hashlib
import json
import time
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from conformance.demo import features_crs, features_filter
from conformance.demo.features_data import Collection, collections
from conformance.demo.features_openapi import definition
from conformance.demo.features_query import ITEMS_PARAMS, BadRequest, matching, selection
from conformance.demo.features_render import GEOJSON, HTML, JSON, OPENAPI, View, html_page

Answer = tuple[int, str, Any]


class NotFound(LookupError):
    """An unknown resource (answered with 404)."""


class Handler(BaseHTTPRequestHandler):
    """Routes /{tenant}/, /conformance, /api, /api.html, /collections[/{id}[/items[/{featureId}]]]."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "FeaturesTestDouble/1.0"

    def log_message(self, format: str, *args: object) -> None:
        return

    head = False
    defects: frozenset[str] = frozenset()
    extra_headers: dict[str, str] = {}  # noqa: RUF012  (replaced per request, never mutated)

    def do_GET(self) -> None:
        self.head = False
        self._dispatch()

    def do_HEAD(self) -> None:
        self.head = True
        self._dispatch()

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        segments = [unquote(s) for s in parts.path.split("/") if s]
        views: dict[str, View] = self.server.views  # type: ignore[attr-defined]
        view = views.get(segments[0]) if segments else None
        if view is None:
            self._send(404, JSON, {"code": "NotFound", "description": "no such tenant"})
            return
        self.defects = view.defects
        if "slow" in view.defects:
            time.sleep(self.server.latency)  # type: ignore[attr-defined]
        if "drop-connection" in view.defects:
            self.close_connection = True
            return
        if self.head and "no-head" in view.defects:
            self._send(405, JSON, b"", {"Allow": "GET"})
            return
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        self._answer(view, segments[1:], params)

    def _answer(self, view: View, route: list[str], params: dict[str, str]) -> None:
        self.extra_headers = {}
        try:
            status, media, body = self._route(view, route, params)
        except BadRequest as exc:
            status, media, body = 400, JSON, self._error(400, "InvalidParameterValue", str(exc))
        except NotFound as exc:
            status = 400 if "no-404" in view.defects else 404
            media, body = JSON, self._error(status, "NotFound", str(exc))
        if media == HTML and isinstance(body, dict):
            body = html_page(body.get("title") or "/".join(route) or "Start", body, view.defects)
        self._send(status, media, body, self.extra_headers if status == 200 else None)

    def _html(self, view: View, params: dict[str, str]) -> bool:
        fmt = params.get("f")
        if fmt not in (None, "json", "html"):
            raise BadRequest(f"unknown format {fmt!r}")
        wanted = fmt == "html" or (
            fmt is None and self.headers.get("Accept", "").split(",")[0].strip().startswith(HTML)
        )
        return wanted and view.html

    def _route(self, view: View, route: list[str], params: dict[str, str]) -> Answer:
        allowed = self._allowed(route)
        unknown = sorted(set(params) - allowed)
        if unknown and "unknown-params-ignored" not in view.defects:
            raise BadRequest(f"unknown query parameters: {', '.join(unknown)}")
        html = self._html(view, params)
        if route and route[0] == "collections":
            return self._collections(view, route[1:], params, html)
        return self._top(view, route, html)

    def _allowed(self, route: list[str]) -> frozenset[str]:
        if len(route) != 3 or route[0] != "collections":
            return frozenset({"f"})
        found = next((c for c in collections() if c.id == route[1]), None)
        return ITEMS_PARAMS | (features_filter.allowed(found) if found else frozenset())

    def _top(self, view: View, route: list[str], html: bool) -> Answer:
        if not route and "landing-404" not in view.defects:
            return 200, HTML if html else JSON, view.landing()
        if route == ["conformance"] and "no-conformance" not in view.defects:
            return 200, HTML if html else JSON, {"title": "Conformance", **view.conformance()}
        if route == ["api"] and "no-api-definition" not in view.defects:
            return (
                200,
                JSON if "api-definition-media-type" in view.defects else OPENAPI,
                definition(view.base, view.defects),
            )
        if route == ["api.html"] and "no-api-definition" not in view.defects:
            return 200, HTML, {"title": "API", "links": [view.link(f"{view.base}/api", "service-desc", OPENAPI)]}
        raise NotFound("/" + "/".join(route))

    def _collections(self, view: View, route: list[str], params: dict[str, str], html: bool) -> Answer:
        data = collections()
        if not route and "collections-500" in view.defects:
            return 500, JSON, self._error(500, "ServerError", "collections are broken (test double defect)")
        if not route:
            return 200, HTML if html else JSON, {"title": "Collections", **view.collections(data)}
        found = next((c for c in data if c.id == route[0]), None)
        if route[1:] == ["queryables"] and found is not None and "no-queryables" not in view.defects:
            return 200, "application/schema+json", features_filter.queryables(view.base, found, view.defects)
        if found is None or len(route) > 3 or (len(route) > 1 and route[1] != "items"):
            raise NotFound(f"collection {route[0]}")
        if len(route) == 1 and "collection-404" in view.defects and found is data[-1]:
            raise NotFound(f"collection {route[0]}")
        if len(route) == 1:
            return 200, HTML if html else JSON, view.collection(found, single=True)
        if "500-on-items" in view.defects:
            return 500, JSON, self._error(500, "ServerError", "items are broken (test double defect)")
        media = HTML if html else (JSON if "wrong-items-media-type" in view.defects else GEOJSON)
        if len(route) == 3 and "feature-500" in view.defects:
            return 500, JSON, self._error(500, "ServerError", "features are broken (test double defect)")
        if len(route) == 3:
            return 200, media, self._feature(view, found, route[2])
        query = {k: v for k, v in params.items() if k not in ("offset", "f")}
        crs = features_crs.chosen(params.get("crs"), view.defects, "crs-unlisted-accepted")
        boxed = features_crs.bbox_crs(params, view.defects)
        chosen = selection(params, view.defects)
        selected = self._selected(found, chosen, boxed, params, view.defects)
        self.extra_headers = features_crs.header(crs, view.defects)
        page = view.page(found, selected, chosen.offset, chosen.limit, query)
        for feature in page["features"]:
            feature["geometry"] = features_crs.moved(feature.get("geometry"), crs, view.defects)
        return 200, media, page

    def _selected(
        self, found: Collection, chosen: Any, boxed: Any, params: dict[str, str], defects: frozenset[str]
    ) -> list[dict[str, Any]]:
        selected = matching(found, chosen, defects)
        if boxed is not None:
            selected = [f for f in selected if features_crs.in_box(f, boxed[0], boxed[1], defects)]
        if "filter-bbox-or" in defects and "filter" in params and chosen.bbox is not None:
            by_filter = features_filter.narrow(found, list(found.features), params, defects)
            return [f for f in found.features if f in selected or f in by_filter]
        return list(features_filter.narrow(found, selected, params, defects))

    def _feature(self, view: View, collection: Collection, feature_id: str) -> dict[str, Any]:
        for feature in collection.features:
            if str(feature["id"]) == feature_id:
                return view.feature(collection, feature)
        raise NotFound(f"feature {feature_id} of {collection.id}")

    def _error(self, status: int, code: str, description: str) -> dict[str, Any]:
        if "exception-body-invalid" in self.defects:
            return {"error": description, "status": status}
        return {"code": code, "description": description}

    def _send(self, status: int, media: str, body: Any, headers: dict[str, str] | None = None) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
        tag = _entity_tag(body) if status == 200 and "no-etag" not in self.defects else ""
        if tag and tag == self.headers.get("If-None-Match") and "etag-ignored" not in self.defects:
            status, data = 304, b""
        self.send_response(status)
        for name, value in {**(headers or {}), **({"ETag": tag} if tag else {})}.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Type", media if media != HTML else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if not self.head:
            self.wfile.write(data)


def _entity_tag(body: Any) -> str:
    """A weak entity-tag of the document, without its timeStamp (semantically the same representation)."""
    if isinstance(body, dict):
        body = json.dumps({k: v for k, v in body.items() if k != "timeStamp"}, sort_keys=True).encode("utf-8")
    return f'W/"{hashlib.sha256(body).hexdigest()[:20]}"'
