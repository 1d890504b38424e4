"""TEST DOUBLE plumbing shared by the demo servers: a threading HTTP server on 127.0.0.1 with tenants."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


def tenant_option(text: str) -> tuple[str, frozenset[str]]:
    """A ``--tenant NAME[:DEFECT,...]`` value as name and defects."""
    name, _, defects = text.partition(":")
    return name, frozenset(d for d in defects.split(",") if d)


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
