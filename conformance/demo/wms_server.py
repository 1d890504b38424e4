"""TEST DOUBLE: a small WMS 1.3.0 server for wechselbar's demo, tests and benchmarks.

It is not a vendor implementation and proves nothing about any real product. It draws the layers of a fictional
"Musterstadt" (wms_data) with Pillow and serves them on 127.0.0.1 with the standard library's ThreadingHTTPServer:
GetCapabilities, GetMap (PNG, JPEG; CRS:84, EPSG:4326, EPSG:3857, EPSG:25832), GetFeatureInfo (text/plain, GML,
HTML), service exceptions in XML, INIMAGE and BLANK. With no defects it conforms to what the WMS suite checks;
each name in DEFECTS switches one deviation on. Several tenants (``http://127.0.0.1:<port>/<tenant>/wms?``) share
one port.

Use ``with serve(defects) as url: ...`` or ``url, stop = start(defects)``; on the command line:
``python -m conformance.demo.wms_server --tenant ok --tenant bad:axis-order-swapped``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from conformance.demo.testserver import DefectServer, tenants_main
from conformance.demo.wms_handler import Handler

DEFECTS: dict[str, str] = {
    "version-not-negotiated": "GetCapabilities for a version other than 1.3.0 raises an exception",
    "case-sensitive-names": "parameter names are matched case-sensitively",
    "capabilities-invalid": "a layer of the capabilities lacks its Title (not schema-valid)",
    "capabilities-media-type": "the capabilities are served as application/xml",
    "url-not-prefix": "the advertised OnlineResource URLs do not end in '?'",
    "update-sequence-ignored": "UPDATESEQUENCE is ignored",
    "layer-without-crs": "a named layer has no CRS, neither its own nor inherited",
    "geo-missing": "a named layer has no EX_GeographicBoundingBox, neither its own nor inherited",
    "bbox-lon-lat": "the EPSG:4326 BoundingBoxes are written longitude first",
    "style-redefined": "a child layer redefines the style it inherits",
    "legend-missing": "the LegendURLs answer 404",
    "map-size-ignored": "maps come one pixel wider than requested",
    "map-media-type": "PNG maps are labelled image/jpeg",
    "crs-3857-broken": "GetMap in the advertised EPSG:3857 raises InvalidCRS",
    "advertised-style-rejected": "the advertised style schraffur raises StyleNotDefined",
    "styles-commas-rejected": "empty style items for several layers (STYLES=,) raise StyleNotDefined",
    "transparent-ignored": "TRANSPARENT=TRUE is ignored",
    "opaque-default": "maps are transparent unless TRANSPARENT=FALSE is given",
    "bgcolor-ignored": "BGCOLOR is ignored (always white)",
    "invalid-bbox-accepted": "a BBOX with minimum above maximum is drawn instead of refused",
    "empty-map-watermark": "every map carries a small black mark, empty ones too",
    "axis-order-swapped": "EPSG:4326 BBOXes are read longitude first",
    "invalid-crs-code": "an unknown CRS raises InvalidSRS (the WMS 1.1.1 code) instead of InvalidCRS",
    "exception-invalid": "service exceptions carry an element the exception schema does not allow",
    "exception-media-type": "service exceptions are served as text/plain",
    "inimage-ignored": "EXCEPTIONS=INIMAGE and BLANK are answered with XML",
    "info-html-as-plain": "GetFeatureInfo as text/html is labelled text/plain",
    "invalid-point-ignored": "I and J outside the map are answered instead of refused",
    "feature-count-ignored": "GetFeatureInfo returns every feature whatever FEATURE_COUNT says",
    "not-queryable-answered": "a layer that is not queryable is answered instead of refused",
}


class WmsTestServer(DefectServer):
    """The test double: binds 127.0.0.1 (port 0 = any free port) and serves every tenant at /{tenant}/wms."""

    DEFECTS = DEFECTS
    PATH = "wms"

    def __init__(self, tenants: Mapping[str, frozenset[str]], port: int = 0) -> None:
        super().__init__(Handler, tenants, port)


def start(defects: frozenset[str] = frozenset(), port: int = 0) -> tuple[str, Callable[[], None]]:
    """Start one tenant in a background thread: its service URL and the function that stops it."""
    server = WmsTestServer({"wms": defects}, port).start()
    return server.url("wms"), server.stop


@contextmanager
def serve(defects: frozenset[str] = frozenset(), port: int = 0) -> Iterator[str]:
    """One tenant for the duration of a with-block; yields its service URL."""
    url, stop = start(defects, port)
    try:
        yield url
    finally:
        stop()


def main(argv: list[str] | None = None) -> None:
    """Command line: start the server, print its tenants' URLs as one JSON line, serve until terminated."""
    tenants_main(argv, "WMS 1.3.0 test double (never a vendor implementation)", "wms", WmsTestServer)


if __name__ == "__main__":
    main()
