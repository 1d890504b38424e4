"""A hostile vendor for wechselbar's own tests: a real threaded HTTP server on 127.0.0.1, never a mock.

``http://127.0.0.1:<port>/<mode>/<suite>/...`` answers in one hostile way (see modes.MODES) for one suite:
``ogc`` (OGC API Features, landing page ``/<mode>/ogc``), ``openapi`` (its OpenAPI description,
``/<mode>/openapi/api``) and ``oparl`` (System ``/<mode>/oparl/system``), and the services ``wms`` (WMS 1.3.0,
``/<mode>/wms/wms``), ``wfs`` (WFS 2.0, ``/<mode>/wfs/wfs``), ``sta`` (SensorThings 1.1, ``/<mode>/sta/v1.1/``)
and ``rec`` (OGC API Records, landing page ``/<mode>/rec``). Where a mode needs a healthy answer to spoil, it asks
the demo test doubles behind it (features, OParl, WMS, WFS, SensorThings, Records) and rewrites their URLs to its
own.
"""

from __future__ import annotations

import http.client
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

from conformance.demo.features_server import FeaturesTestServer
from conformance.demo.oparl_cli import Tenant
from conformance.demo.oparl_server import OParlTestServer
from conformance.demo.records_server import RecordsServer
from conformance.demo.sensorthings_server import SensorThingsTestServer
from conformance.demo.testserver import TenantServer
from conformance.demo.wfs_server import WfsTestServer
from conformance.demo.wms_server import WmsTestServer
from tests.core.httpdouble import STOP
from tests.hostile.modes import MODES, Reply

SUITES = {
    "ogc": ("ogcapi-features-1", ""),
    "openapi": ("openapi-3", "/api"),
    "oparl": ("oparl-1.1", "/system"),
    "wms": ("wms-1.3.0", "/wms"),
    "wfs": ("wfs-2.0", "/wfs"),
    "sta": ("sensorthings-1.1", "/v1.1/"),
    "rec": ("ogcapi-records-1", ""),
}
CORE = ("ogc", "openapi", "oparl")
SERVICES = ("wms", "wfs", "sta", "rec")
DROPPED = frozenset({"host", "connection", "accept-encoding", "content-length", "keep-alive", "transfer-encoding"})


class HostileHandler(BaseHTTPRequestHandler):
    """Routes ``/<mode>/<suite>/<rest>`` to the mode."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "hostile/1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        mode, suite = self._parts()[:2]
        self.server.count(f"{mode}/{suite}")  # type: ignore[attr-defined]
        if mode not in MODES or suite not in SUITES:
            self.send_reply(Reply(404, {"Content-Type": "text/plain"}, b"no such mode or suite"))
            return
        reply = MODES[mode].serve(self)
        if reply is not None:
            self.send_reply(reply)

    do_HEAD = do_GET

    def _parts(self) -> list[str]:
        return [*urlsplit(self.path).path.strip("/").split("/", 2), "", ""][:3]

    def own_url(self) -> str:
        """The absolute URL of this request."""
        return f"{self.server.base}{self.path}"  # type: ignore[attr-defined]

    def upstream(self) -> Reply:
        """The healthy answer of the double behind this suite, its URLs rewritten to this server's."""
        mode, suite, rest = self._parts()
        tenant = "cycle" if mode == "pagination-cycle" else "ok"
        double = self.server.doubles.get(suite, self.server.features)  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "spin"])
        return _fetch(
            double.port,
            f"/{tenant}/{rest}" + (f"?{query}" if query else ""),
            self.command,
            {k: v for k, v in self.headers.items() if k.lower() not in DROPPED},
            f"http://127.0.0.1:{double.port}/{tenant}",
            f"{self.server.base}/{mode}/{suite}",
        )  # type: ignore[attr-defined]

    def send_head(self, status: int, headers: dict[str, str]) -> None:
        """Status line and headers (without a body)."""
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()

    def send_reply(self, reply: Reply) -> None:
        """A whole answer with its Content-Length."""
        self.send_head(reply.status, {**reply.headers, "Content-Length": str(len(reply.body))})
        if self.command != "HEAD":
            try:
                self.wfile.write(reply.body)
            except OSError:
                self.close_connection = True


def _fetch(port: int, path: str, method: str, headers: dict[str, str], theirs: str, ours: str) -> Reply:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, headers=headers)
        answer = connection.getresponse()
        body = answer.read().replace(theirs.encode(), ours.encode())
        kept = {
            k: v.replace(theirs, ours)
            for k, v in answer.getheaders()
            if k.lower() not in DROPPED and k.lower() != "etag"
        }
        return Reply(answer.status, kept, body)
    finally:
        connection.close()


class QuietServer(ThreadingHTTPServer):
    """A threading server that does not print the clients' hang-ups (they are what the tests provoke)."""

    daemon_threads = True
    request_queue_size = 256
    requests: Counter[str]
    lock = threading.Lock()

    def count(self, key: str) -> None:
        """Count one request for a mode and suite."""
        with self.lock:
            self.requests[key] += 1

    def handle_error(self, request: object, client_address: object) -> None:
        return


class HostileServer:
    """The hostile server with the healthy doubles behind it."""

    def __init__(self) -> None:
        self.features = FeaturesTestServer({"ok": frozenset(), "cycle": frozenset({"paging-cycle"})}).start()
        tenants = [
            Tenant("ok", size=60, page_size=10),
            Tenant("cycle", defects=frozenset({"pagination-cycle"}), size=60, page_size=3),
        ]
        self.oparl = OParlTestServer(tenants, host_name="127.0.0.1").start()
        clean = {"ok": frozenset[str]()}
        services: dict[str, TenantServer] = {
            "wms": WmsTestServer(clean),
            "wfs": WfsTestServer(clean),
            "sta": SensorThingsTestServer(clean),
            "rec": RecordsServer(clean),
        }
        self.doubles: dict[str, TenantServer] = {"oparl": self.oparl, **{k: v.start() for k, v in services.items()}}
        self.httpd = QuietServer(("127.0.0.1", 0), HostileHandler)
        self.httpd.requests = Counter()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        for name, value in (("base", self.base), ("features", self.features), ("doubles", self.doubles)):
            setattr(self.httpd, name, value)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, mode: str, suite: str) -> str:
        """The target URL of a suite in one mode."""
        return f"{self.base}/{mode}/{suite}{SUITES[suite][1]}"

    def start(self) -> HostileServer:
        """Serve in a background thread."""
        STOP.clear()
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop this server and the doubles; hanging answers end."""
        STOP.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.features.stop()
        for double in self.doubles.values():
            double.stop()


@contextmanager
def serve() -> Iterator[HostileServer]:
    """The hostile server for the duration of a with-block."""
    server = HostileServer().start()
    try:
        yield server
    finally:
        server.stop()


def standard(suite: str) -> str:
    """The standard id of a suite name used in URLs."""
    return SUITES[suite][0]


__all__ = ["CORE", "MODES", "SERVICES", "SUITES", "HostileServer", "serve", "standard"]
