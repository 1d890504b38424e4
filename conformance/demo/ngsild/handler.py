"""TEST DOUBLE: HTTP plumbing of the NGSI-LD broker double: tenants, response media types, ProblemDetails.

``/{tenant}/ngsi-ld/v1/...`` reaches a tenant's API (``/{tenant}`` is the apiRoot prefix of clause 6.2);
``/contexts/{digest}/{name}.jsonld`` serves the user ``@context`` documents the double hosts. JSON-LD
bodies are answered as clause 6.3.5 says: ``application/json`` with a JSON-LD Link header naming the
``@context``, or ``application/ld+json`` with the ``@context`` in the body (in each entity of a list).
Errors are ProblemDetails in ``application/json`` (clauses 5.5.2, 6.3.2).
"""

from __future__ import annotations

import html
import json
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from conformance.demo.ngsild.api import Api
from conformance.demo.ngsild.exchange import Reply, Request
from conformance.demo.ngsild.negotiation import accepted
from conformance.demo.ngsild.spec import API_VERSION, CONTEXT_REL, ERRORS, JSON, JSON_LD, NgsiError


class Handler(BaseHTTPRequestHandler):
    """Routes requests to the tenants' APIs and writes their replies."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = f"NgsiLdTestDouble/1.0 ({API_VERSION})"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        segments = [unquote(s) for s in parts.path.split("/") if s]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        views: dict[str, Api] = self.server.views  # type: ignore[attr-defined]
        if len(segments) == 3 and segments[0] == "contexts":
            self._context("/".join(segments))
            return
        api = views.get(segments[0]) if segments else None
        if api is None or segments[1:3] != ["ngsi-ld", "v1"]:
            self._send(Reply(404, NgsiError("ResourceNotFound", f"no NGSI-LD API at {parts.path}")), frozenset())
            return
        request = Request(
            self.command,
            segments[3:],
            dict(parse_qsl(parts.query, keep_blank_values=True)),
            self.headers,
            body,
            f"/{segments[0]}/ngsi-ld/v1",
        )
        self._answer(api, request)

    def _answer(self, api: Api, request: Request) -> None:
        try:
            media = accepted(request.headers, api.defects)
        except NgsiError as error:
            self._send(Reply(error.status, error), api.defects)
            return
        self._send(api.handle(request), api.defects, media)

    def _context(self, path: str) -> None:
        documents = self.server.contexts.documents  # type: ignore[attr-defined]
        port = self.server.server_address[1]  # type: ignore[index]
        document = documents.get(f"http://127.0.0.1:{port}/{path}")
        if document is None:
            self._send(Reply(404, NgsiError("ResourceNotFound", f"no @context /{path}")), frozenset())
            return
        self._write(200, JSON_LD, json.dumps(document).encode(), {})

    def _send(self, reply: Reply, defects: frozenset[str], media: str = JSON) -> None:
        headers = dict(reply.headers)
        if isinstance(reply.body, NgsiError):
            self._problem(reply.body, defects, headers)
            return
        links = list(reply.links)
        body: Any = reply.body
        if reply.context is not None and media == JSON_LD and "jsonld-without-context" not in defects:
            body = _with_context(body, reply.context)
        elif reply.context is not None and media == JSON and "json-without-link" not in defects:
            links.insert(0, f'<{reply.context}>; rel="{CONTEXT_REL}"; type="{JSON_LD}"')
        media = media if reply.context is not None else JSON
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self._write(reply.status, media if data else None, data, headers, links)

    def _problem(self, error: NgsiError, defects: frozenset[str], headers: dict[str, str]) -> None:
        problem = error.problem()
        if "wrong-error-type" in defects:
            problem["type"] = ERRORS + "BadRequestData"
        if "problem-details-html" in defects:
            page = f"<html><body><h1>{error.status}</h1><p>{html.escape(error.detail)}</p></body></html>"
            self._write(error.status, "text/html; charset=utf-8", page.encode("utf-8"), headers)
            return
        self._write(error.status, JSON, json.dumps(problem, ensure_ascii=False).encode("utf-8"), headers)

    def _write(
        self, status: int, media: str | None, data: bytes, headers: dict[str, str], links: list[str] | None = None
    ) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        for link in links or []:
            self.send_header("Link", link)
        if media and status != 204:
            self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data) if status != 204 else 0))
        self.end_headers()
        if status != 204:
            self.wfile.write(data)


def _with_context(body: Any, context: str) -> Any:
    """A JSON-LD body with its @context: in the object, or in each object of a list."""
    if isinstance(body, list):
        return [_with_context(item, context) for item in body]
    return {**body, "@context": context} if isinstance(body, dict) else body
