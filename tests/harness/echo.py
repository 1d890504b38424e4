"""An echoing vendor on 127.0.0.1: every request's headers and query come back in its body and its headers.

Many servers do this in error pages; it is how credentials leak into evidence. The body carries the request
headers JSON-escaped (also ``\\uXXXX`` and ``\\/``), HTML-escaped, percent-encoded and base64-encoded, as JSON
that the suites read (and cut to excerpts); the response headers echo the credentials and the query. The first
request to ``/`` is redirected to a URL that carries every credential in its query string (as the client sent
it, percent-encoded and base64), so the secret also sits in an exchange's URL.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread
from urllib.parse import quote, quote_plus, urlsplit

ECHOED = ("Authorization", "X-Key")


class EchoHandler(BaseHTTPRequestHandler):
    """Answers every GET and HEAD with the echo; ``/`` first redirects to a URL with the credentials."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        sent = " | ".join(f"{k}: {self.headers[k]}" for k in ECHOED if self.headers.get(k))
        if parts.path.rstrip("/").endswith("/api") and "echo=" not in parts.query:
            self._redirect(parts.path, sent)
            return
        body = json.dumps(
            {
                "type": "FeatureCollection",
                "features": [],
                "links": [{"href": f"{self.path}", "rel": "self"}],
                "echo": sent,
                "ascii": json.dumps(sent),
                "slashes": json.dumps(sent).replace("/", "\\/"),
                "html": html.escape(sent),
                "quoted": quote(sent, safe=""),
                "plus": quote_plus(sent),
                "base64": base64.b64encode(sent.encode("latin-1", "replace")).decode(),
                "query": parts.query,
                "headers": dict(self.headers),
            },
            ensure_ascii=False,
        ).encode("utf-8")
        self.send_response(400 if "items" in parts.path else 200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Echo", quote(sent, safe=" :|"))
        self.send_header("X-Echo-Query", parts.query[:2000])
        self.send_header("X-Echo-Base64", base64.b64encode(sent.encode("latin-1", "replace")).decode())
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _redirect(self, path: str, sent: str) -> None:
        token = sent.encode("latin-1", "replace")
        query = (
            f"echo={quote_plus(sent)}&b64={quote(base64.b64encode(token).decode(), safe='')}"
            f"&url={base64.urlsafe_b64encode(token).decode().rstrip('=')}"
        )
        self.send_response(302)
        self.send_header("Location", f"{path}?{query}")
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextmanager
def echo_server() -> Iterator[str]:
    """The server's base URL while the block runs; stopped afterwards."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    httpd.daemon_threads = True
    thread = Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
