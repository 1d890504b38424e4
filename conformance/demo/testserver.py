"""TEST DOUBLE plumbing shared by the demo servers: a threading HTTP server on 127.0.0.1 with tenants."""

from __future__ import annotations

import argparse
import json
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

Answer = tuple[int, str, bytes]


def tenant_option(text: str) -> tuple[str, frozenset[str]]:
    """A ``--tenant NAME[:DEFECT,...]`` value as name and defects."""
    name, _, defects = text.partition(":")
    return name, frozenset(d for d in defects.split(",") if d)


class JsonHandler(BaseHTTPRequestHandler):
    """A handler of a tenant server that answers JSON: the tenant's view, the path below it and the query."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        return

    def tenant(self) -> tuple[Any, list[str], dict[str, str]]:
        """The view of the tenant named by the first path segment (None if unknown), the segments below, the query."""
        parts = urlsplit(self.path)
        segments = [unquote(s) for s in parts.path.split("/") if s]
        views: dict[str, Any] = self.server.views  # type: ignore[attr-defined]
        return (views.get(segments[0]) if segments else None), segments[1:], dict(parse_qsl(parts.query))

    def send_json(
        self, status: int, body: Any, media_type: str = "application/json", headers: Mapping[str, str] | None = None
    ) -> None:
        """Answer with a JSON body (and any further headers)."""
        raw = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)


class TenantHandler(BaseHTTPRequestHandler):
    """The handler of a ``DefectServer``: finds the tenant of ``/{tenant}/{PATH}`` (its defects and its URL) and
    sends what ``answer_get`` (KVP parameters, names in upper case) or ``answer_post`` (the body) answer."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    PATH = ""
    defects: frozenset[str] = frozenset()
    url = ""

    def log_message(self, format: str, *args: object) -> None:
        return

    def answer_get(self, params: dict[str, str]) -> Answer:
        """The answer to a GET with these KVP parameters."""
        raise NotImplementedError

    def answer_post(self, body: bytes) -> Answer:
        """The answer to a POST with this body."""
        raise NotImplementedError

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if self._tenant(parts.path):
            self._send(self.answer_get({k.upper(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}))

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
        if self._tenant(urlsplit(self.path).path):
            self._send(self.answer_post(body))

    def _tenant(self, path: str) -> bool:
        segments = [s for s in path.split("/") if s]
        views: dict[str, frozenset[str]] = self.server.views  # type: ignore[attr-defined]
        if len(segments) != 2 or segments[0] not in views or segments[1] != self.PATH:
            self._send((404, "text/plain", b"no such tenant"))
            return False
        self.defects = views[segments[0]]
        port = self.server.server_address[1]  # type: ignore[index]
        self.url = f"http://127.0.0.1:{port}/{segments[0]}/{self.PATH}"
        return True

    def _send(self, answer: Answer) -> None:
        status, media, body = answer
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class TenantServer:
    """Binds 127.0.0.1 (port 0 = any free port), serves the views of its tenants, starts and stops in a thread."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], port: int = 0, latency: float = 0.0) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.httpd.latency = latency  # type: ignore[attr-defined]
        self.views: dict[str, Any] = {}
        self.thread: threading.Thread | None = None

    def serve_views(self, views: dict[str, Any]) -> None:
        """Make the handler see the tenants' views."""
        self.views = views
        self.httpd.views = views  # type: ignore[attr-defined]

    @property
    def port(self) -> int:
        """The bound port."""
        return int(self.httpd.server_address[1])

    def start(self) -> Self:
        """Serve in a background thread."""
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def serve_until_terminated(self, ready: dict[str, Any]) -> None:
        """Print the ready line (one JSON object, flushed) and serve in this thread until the process ends."""
        print(json.dumps(ready), flush=True)
        try:
            self.httpd.serve_forever()
        finally:
            self.httpd.server_close()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.httpd.shutdown()
        self.httpd.server_close()


class DefectServer(TenantServer):
    """A test double whose tenants each switch on some of its ``DEFECTS``; a tenant is served at
    ``/{tenant}/{PATH}``."""

    DEFECTS: Mapping[str, str] = {}
    PATH = ""

    def __init__(
        self, handler: type[BaseHTTPRequestHandler], tenants: Mapping[str, frozenset[str]], port: int = 0
    ) -> None:
        unknown = sorted({d for defects in tenants.values() for d in defects} - set(self.DEFECTS))
        if unknown:
            raise ValueError(f"unknown defects: {', '.join(unknown)}; known: {', '.join(sorted(self.DEFECTS))}")
        super().__init__(handler, port)
        self.serve_views({name: frozenset(defects) for name, defects in tenants.items()})

    def url(self, tenant: str) -> str:
        """The service URL (capabilities and every operation) of one tenant."""
        return f"http://127.0.0.1:{self.port}/{tenant}/{self.PATH}"


def tenants_main(
    argv: list[str] | None,
    description: str,
    default: str,
    make: Callable[[dict[str, frozenset[str]], int], DefectServer],
) -> None:
    """Command line of a defect server: start it, print its tenants' URLs as one JSON line, serve until
    terminated."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--tenant", action="append", default=[], metavar="NAME[:DEFECT,...]")
    parser.add_argument("--port", type=int, default=0)
    options = parser.parse_args(argv)
    tenants = dict(tenant_option(t) for t in options.tenant or [default])
    server = make(tenants, options.port)
    server.serve_until_terminated(
        {"test_double": True, "port": server.port, "tenants": {t: server.url(t) for t in tenants}}
    )
