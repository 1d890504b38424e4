"""TEST DOUBLE: the NGSI-LD reference broker double as a threaded HTTP server on 127.0.0.1.

It is not a vendor implementation and proves nothing about any real broker. Each tenant is an apiRoot
``http://127.0.0.1:<port>/<tenant>`` with its own in-memory entities (the generated Musterstadt data unless
started empty) and its own switched-on defects (see ``defects``). The double declares ETSI GS CIM 009
V1.6.1 (``API_VERSION``; also in the Server header) and uses the core ``@context`` v1.4 of pack
``ngsi-ld-core-context``, the newest the project holds (V1.6.1 itself goes with core context v1.6). The user
``@context`` of the generated data is served under ``context_url``.

Use ``with serve(defects) as broker: ...`` or the class; on the command line:
``python -m conformance.demo.ngsild.server --tenant ok --tenant bad:q-ignored,create-200 [--empty]``.
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from conformance.demo.ngsild import data
from conformance.demo.ngsild.api import Api
from conformance.demo.ngsild.broker import Broker
from conformance.demo.ngsild.contexts import ContextStore
from conformance.demo.ngsild.defects import check
from conformance.demo.ngsild.handler import Handler
from conformance.demo.ngsild.spec import API_VERSION, CORE_URL
from conformance.demo.testserver import TenantServer, tenant_option


class NgsiLdTestServer(TenantServer):
    """The test double: binds 127.0.0.1 (port 0 = any free port) and serves every tenant."""

    api_version = API_VERSION
    core_context = CORE_URL

    def __init__(self, tenants: Mapping[str, frozenset[str]], port: int = 0, seeded: bool = True) -> None:
        super().__init__(Handler, port)
        self.contexts = ContextStore()
        self.httpd.contexts = self.contexts  # type: ignore[attr-defined]
        self.context_url = self.contexts.host(self.origin, "musterstadt", data.CONTEXT)
        self._lock = threading.Lock()
        self.serve_views({})
        for name, defects in tenants.items():
            self.add_tenant(name, defects, seeded)

    @property
    def origin(self) -> str:
        """Scheme, host and port of the server."""
        return f"http://127.0.0.1:{self.port}"

    def add_tenant(self, name: str, defects: frozenset[str] = frozenset(), seeded: bool = True) -> str:
        """Add (or reset) a tenant, with the generated entities unless ``seeded`` is false; its apiRoot."""
        broker = Broker(check(frozenset(defects)), data.expanded() if seeded else ())
        with self._lock:
            self.views[name] = Api(broker, self.contexts)
        return self.url(name)

    def url(self, tenant: str) -> str:
        """The apiRoot of one tenant (the NGSI-LD API is below ``/ngsi-ld/v1``)."""
        return f"{self.origin}/{tenant}"

    def host_context(self, name: str, document: dict[str, object]) -> str:
        """Host another user @context (content-addressed URL) that requests may name in their Link header."""
        return self.contexts.host(self.origin, name, document)


@contextmanager
def serve(defects: frozenset[str] = frozenset(), seeded: bool = True) -> Iterator[NgsiLdTestServer]:
    """One tenant ``broker`` for the duration of a with-block; yields the running server."""
    server = NgsiLdTestServer({"broker": defects}, seeded=seeded).start()
    try:
        yield server
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> None:
    """Command line: start the server, print its tenants' apiRoots as one JSON line, serve until terminated."""
    parser = argparse.ArgumentParser(description="NGSI-LD reference broker test double (never a vendor product)")
    parser.add_argument("--tenant", action="append", default=[], metavar="NAME[:DEFECT,...]")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--empty", action="store_true", help="start without the generated entities")
    options = parser.parse_args(argv)
    tenants = dict(tenant_option(t) for t in options.tenant or ["broker"])
    server = NgsiLdTestServer(tenants, options.port, seeded=not options.empty)
    server.serve_until_terminated(
        {
            "test_double": True,
            "port": server.port,
            "api_version": API_VERSION,
            "core_context": CORE_URL,
            "user_context": server.context_url,
            "tenants": {t: server.url(t) for t in tenants},
        }
    )


if __name__ == "__main__":
    main()
