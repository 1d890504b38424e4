"""TEST DOUBLE: capabilities documents with very many layers, for the memory bench and the test that sampling bounds
the requests. A tenant named ``wms-<n>`` serves the WMS double's capabilities with n generated layers more, one
named ``wfs-<n>`` the WFS double's capabilities with n generated feature types; every other request is answered
with an exception report. Every request is recorded (tenant, REQUEST, the layers or types it names) in ``asked``.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from conformance.demo import wfs_documents, wms_capabilities
from conformance.demo.testserver import Answer, TenantHandler, TenantServer

XML = "text/xml; charset=UTF-8"
WMS_REPORT = (
    b'<?xml version="1.0" encoding="UTF-8"?><ServiceExceptionReport version="1.3.0" '
    b'xmlns="http://www.opengis.net/ogc"><ServiceException code="OperationNotSupported">generated capabilities only'
    b"</ServiceException></ServiceExceptionReport>"
)


@cache
def wms(base: str, layers: int) -> bytes:
    """The WMS double's capabilities (service URL ``base`` + "/wms?") with ``layers`` generated layers more."""
    document = wms_capabilities.capabilities(base, frozenset())
    generated = "".join(_layer(i) for i in range(layers))
    head, tail = document.rsplit("</Layer></Capability>", 1)
    return f"{head}{generated}</Layer></Capability>{tail}".encode()


def _layer(i: int) -> str:
    west, south = 7.0 + (i % 100) / 1000, 50.6 + (i // 100 % 100) / 1000
    box = (west, south, west + 0.001, south + 0.001)
    geo, boxes = wms_capabilities._geo(box), wms_capabilities._boxes(box, frozenset())
    return f'<Layer queryable="1"><Name>layer{i}</Name><Title>Generated layer {i}</Title>{geo}{boxes}</Layer>'


@cache
def wfs(url: str, types: int) -> bytes:
    """The WFS double's capabilities (service URL ``url``) with ``types`` generated feature types instead of one."""
    document = wfs_documents.capabilities(url, frozenset()).decode()
    head, rest = document.split("<wfs:FeatureTypeList>", 1)
    tail = rest.split("</wfs:FeatureTypeList>", 1)[1]
    listed = "".join(
        f"<wfs:FeatureType><wfs:Name>app:type{i}</wfs:Name><wfs:Title>Generated type {i}</wfs:Title>"
        f"<wfs:DefaultCRS>{wfs_documents.DEFAULT_CRS}</wfs:DefaultCRS><ows:WGS84BoundingBox>"
        "<ows:LowerCorner>7 50</ows:LowerCorner><ows:UpperCorner>8 51</ows:UpperCorner></ows:WGS84BoundingBox>"
        "</wfs:FeatureType>"
        for i in range(types)
    )
    return f"{head}<wfs:FeatureTypeList>{listed}</wfs:FeatureTypeList>{tail}".encode()


class Handler(TenantHandler):
    """Serves /{wms|wfs}-{n}/wms (the path the WMS double's capabilities name): the generated capabilities, else
    an exception report."""

    PATH = "wms"

    def answer_get(self, params: dict[str, str]) -> Answer:
        tenant = self.url.rsplit("/", 2)[-2]
        kind, _, count = tenant.partition("-")
        named = params.get("TYPENAMES") or params.get("TYPENAME") or params.get("LAYERS") or ""
        server: Any = self.server
        with server.lock:
            server.asked.append((tenant, params.get("REQUEST", ""), named))
        if params.get("REQUEST") == "GetCapabilities":
            base = self.url.removesuffix("/wms")
            return 200, XML, wms(base, int(count)) if kind == "wms" else wfs(self.url, int(count))
        if kind == "wms":
            return 400, XML, WMS_REPORT
        return 400, XML, wfs_documents.exception_report("OperationNotSupported", "request", "generated", frozenset())

    def answer_post(self, body: bytes) -> Answer:
        return self.answer_get({"REQUEST": "POST"})


class FloodServer(TenantServer):
    """Binds 127.0.0.1 and serves one tenant per (kind, count): ``wms-10000``, ``wfs-4`` …"""

    def __init__(self, tenants: list[str], port: int = 0) -> None:
        super().__init__(Handler, port)
        self.serve_views({name: frozenset() for name in tenants})
        self.httpd.asked = []  # type: ignore[attr-defined]
        self.httpd.lock = threading.Lock()  # type: ignore[attr-defined]

    @property
    def asked(self) -> list[tuple[str, str, str]]:
        """Every request: (tenant, REQUEST, the layers or types it names)."""
        return list(self.httpd.asked)  # type: ignore[attr-defined]

    def url(self, tenant: str) -> str:
        """The service URL of one tenant."""
        return f"http://127.0.0.1:{self.port}/{tenant}/wms"
