"""TEST DOUBLE: an OParl 1.1/1.0 test server for wechselbar's own tests, benchmarks and demo.

It is not a vendor implementation and proves nothing about any real Ratsinformationssystem. It serves
generated data (see oparl_data) under one or more tenants, each with its own OParl version, size, page size
and switched-on defects (see oparl_defects), on 127.0.0.1 with the standard library's ThreadingHTTPServer.
Plain HTTP by default; with a certificate and key it serves HTTPS.

Run: ``python -m conformance.demo.oparl_server --tenant demo:1.1 --tenant cycle:1.1:pagination-cycle``.
It prints one JSON line with the port and each tenant's System URL, then serves until SIGTERM.
"""

from __future__ import annotations

import ssl
import sys

from conformance.demo.oparl_cli import Tenant, parse
from conformance.demo.oparl_handler import Handler
from conformance.demo.oparl_render import View
from conformance.demo.oparl_sessions import build
from conformance.demo.testserver import TenantServer


class OParlTestServer(TenantServer):
    """The test double: binds 127.0.0.1 (port 0 = any free port) and serves every tenant."""

    def __init__(
        self,
        tenants: list[Tenant],
        port: int = 0,
        host_name: str = "localhost",
        tls: tuple[str, str] | None = None,
        latency: float = 0.0,
    ) -> None:
        super().__init__(Handler, port, latency)
        self.scheme = "https" if tls else "http"
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.host_name = host_name
        self.serve_views({t.name: self._view(t) for t in tenants})

    def _view(self, tenant: Tenant) -> View:
        host = "127.0.0.1" if "ip-host" in tenant.defects else self.host_name
        base = f"{self.scheme}://{host}:{self.port}/{tenant.name}"
        if "tech-path" in tenant.defects:
            base += "/oparl.php"
        data = build(tenant.version, base, tenant.size, tenant.seed, tenant.deletions)
        return View(data, tenant.defects, tenant.page_size, echo=tenant.echo)

    def system_url(self, tenant: str) -> str:
        """The System URL (the OParl endpoint) of one tenant."""
        return f"{self.views[tenant].data.base}/system"


def main(argv: list[str] | None = None) -> None:
    """Command line: start the server, print its URLs as one JSON line, serve until terminated."""
    options = parse(argv if argv is not None else sys.argv[1:])
    server = OParlTestServer(options.tenants, options.port, options.host_name, options.tls, options.latency)
    server.serve_until_terminated(
        {"test_double": True, "port": server.port, "systems": {name: server.system_url(name) for name in server.views}}
    )


if __name__ == "__main__":
    main()
