"""TEST DOUBLE: request handling of the OGC API Features test server (routing, negotiation, errors)."""

from __future__ import annotations

import hashlib
import json
import time
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

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
        try:
            status, media, body = self._route(view, route, params)
        except BadRequest as exc:
            status, media, body = 400, JSON, self._error(400, "InvalidParameterValue", str(exc))
        except NotFound as exc:
            status = 400 if "no-404" in view.defects else 404
            media, body = JSON, self._error(status, "NotFound", str(exc))
        if media == HTML and isinstance(body, dict):
            body = html_page(body.get("title") or "/".join(route) or "Start", body, view.defects)
        self._send(status, media, body)

    def _html(self, view: View, params: dict[str, str]) -> bool:
        fmt = params.get("f")
        if fmt not in (None, "json", "html"):
            raise BadRequest(f"unknown format {fmt!r}")
        wanted = fmt == "html" or (
            fmt is None and self.headers.get("Accept", "").split(",")[0].strip().startswith(HTML)
        )
        return wanted and view.html

    def _route(self, view: View, route: list[str], params: dict[str, str]) -> Answer:
        allowed = ITEMS_PARAMS if len(route) == 3 and route[0] == "collections" else {"f"}
        unknown = sorted(set(params) - allowed)
        if unknown and "unknown-params-ignored" not in view.defects:
            raise BadRequest(f"unknown query parameters: {', '.join(unknown)}")
        html = self._html(view, params)
        if route and route[0] == "collections":
            return self._collections(view, route[1:], params, html)
        return self._top(view, route, html)

    def _top(self, view: View, route: list[str], html: bool) -> Answer:
        if not route:
            return 200, HTML if html else JSON, view.landing()
        if route == ["conformance"] and "no-conformance" not in view.defects:
            return 200, HTML if html else JSON, {"title": "Conformance", **view.conformance()}
        if route == ["api"] and "no-api-definition" not in view.defects:
            return 200, OPENAPI, definition(view.base, view.defects)
        if route == ["api.html"] and "no-api-definition" not in view.defects:
            return 200, HTML, {"title": "API", "links": [view.link(f"{view.base}/api", "service-desc", OPENAPI)]}
        raise NotFound("/" + "/".join(route))

    def _collections(self, view: View, route: list[str], params: dict[str, str], html: bool) -> Answer:
        data = collections()
        if not route:
            return 200, HTML if html else JSON, {"title": "Collections", **view.collections(data)}
        found = next((c for c in data if c.id == route[0]), None)
        if found is None or len(route) > 3 or (len(route) > 1 and route[1] != "items"):
            raise NotFound(f"collection {route[0]}")
        if len(route) == 1:
            return 200, HTML if html else JSON, view.collection(found, single=True)
        if "500-on-items" in view.defects:
            return 500, JSON, self._error(500, "ServerError", "items are broken (test double defect)")
        media = HTML if html else (JSON if "wrong-items-media-type" in view.defects else GEOJSON)
        if len(route) == 3:
            return 200, media, self._feature(view, found, route[2])
        chosen = selection(params, view.defects)
        query = {k: v for k, v in params.items() if k not in ("offset", "f")}
        return 200, media, view.page(found, matching(found, chosen, view.defects), chosen.offset, chosen.limit, query)

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
