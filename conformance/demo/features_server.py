"""TEST DOUBLE: a small OGC API – Features server for wechselbar's demo, harness tests and benchmarks.

It is not a vendor implementation and proves nothing about any real product. It serves the generated data of
features_data (four collections of a fictional "Musterstadt") on 127.0.0.1 with the standard library's
ThreadingHTTPServer. With no defects it conforms to OGC API – Features – Part 1 (Core, GeoJSON, OpenAPI 3.0,
HTML), Part 2 (CRS by Reference, features_crs) and Part 3 (Filtering with CQL2, features_filter); each name in
DEFECTS or QUERY_DEFECTS switches one deviation on, so that conformant, wrong, crashing and slow vendors can be
served side by side. Several tenants (base URL ``http://127.0.0.1:<port>/<tenant>``) share one port.

Use ``with serve(defects) as url: ...`` or ``url, stop = start(defects)``; on the command line:
``python -m conformance.demo.features_server --tenant ok --tenant bad:bbox-ignored,no-next-link``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from conformance.demo.features_crs import CRS_DEFECTS
from conformance.demo.features_filter import FILTER_DEFECTS
from conformance.demo.features_handler import Handler
from conformance.demo.features_render import View
from conformance.demo.testserver import TenantServer, tenant_option

DEFECTS: dict[str, str] = {
    "wrong-items-media-type": "items and features are served as application/json, not application/geo+json",
    "no-limit-validation": "invalid limit values (abc, 0, -1) are answered with the default page",
    "limit-ignored": "the limit parameter is ignored (always 10 features per page)",
    "bbox-ignored": "the bbox parameter is ignored",
    "antimeridian-bbox-wrong": "a bbox crossing the antimeridian selects the complementary longitudes",
    "invalid-bbox-accepted": "malformed bbox values are ignored instead of answered with 400",
    "datetime-ignored": "the datetime parameter is ignored",
    "invalid-datetime-accepted": "malformed datetime values are ignored instead of answered with 400",
    "unknown-params-ignored": "undeclared query parameters are ignored instead of answered with 400",
    "broken-paging-duplicates": "next links overlap the previous page (features come twice)",
    "paging-cycle": "the last page links back to the first",
    "no-next-link": "items responses never link to a next page",
    "wrong-number-matched": "numberMatched is one too high",
    "wrong-number-returned": "numberReturned is one too high",
    "wrong-timestamp": "timeStamp is an hour old",
    "landing-404": "the landing page answers 404 (every other path is served)",
    "missing-conformance-link": "the landing page does not link to /conformance",
    "no-conformance": "/conformance answers 404",
    "no-api-definition": "there is no API definition and no link to one",
    "openapi-invalid": "the API definition is not a valid OpenAPI 3.0 document",
    "openapi-missing-status": "the items operation declares no error status codes",
    "missing-self-links": "no response links to itself",
    "links-without-type": "links carry no type",
    "no-404": "unknown collections and features are answered with 400",
    "extent-too-small": "the spatial extent misses part of each collection",
    "collection-mismatch": "a single collection has another title than in /collections",
    "invalid-geojson": "features lack their type member",
    "axis-order-swapped": "coordinates are given latitude first",
    "no-html": "no HTML at all (not offered, not declared)",
    "html-missing-links": "HTML pages have no <a> links",
    "500-on-items": "every items request fails with 500",
    "no-head": "HEAD is answered with 405 (Allow: GET)",
    "no-etag": "responses carry no entity-tag (ETag)",
    "etag-ignored": "If-None-Match naming the current entity-tag is ignored (200 instead of 304)",
    "exception-body-invalid": "error bodies lack the code member of the documented exception schema",
    "openapi-unserved-path": "the API definition documents the items of a collection the server does not serve",
    "security-not-enforced": "the API definition requires an API key, but the server serves without one",
    "bbox-six-rejected": "a bbox of six numbers (with heights) is answered with 400",
    "bbox-drops-unlocated": "a bbox excludes the features without geometry",
    "datetime-empty-bound-rejected": "open interval ends written as an empty string are answered with 400",
    "limit-default-ignored": "without limit, pages have the maximum size instead of the declared default",
    "filters-combined-or": "bbox and datetime together select features matching either, not both",
    "feature-500": "every single feature is answered with 500",
    "feature-wrong-id": "single features carry a database key as id instead of the id they were asked by",
    "api-definition-media-type": "the API definition is served as application/json, not as its link's OpenAPI type",
    "api-definition-link-broken": "the landing page links a second API definition that answers 404",
    "collections-duplicate-id": "/collections lists the first collection twice",
    "collection-404": "the last collection of /collections answers 404 under its own path",
    "next-pages-oversized": "pages reached by a next link ignore limit and hold twice as many features",
    "collections-500": "/collections fails with 500 (the collections themselves are served)",
    "collections-without-links": "the collections document has no links member",
    "slow": "every answer is delayed (see latency)",
    "drop-connection": "the connection is closed without an answer",
}
QUERY_DEFECTS: dict[str, str] = {**CRS_DEFECTS, **FILTER_DEFECTS}
KARTOLIGHT_DEFECTS = frozenset(
    {"no-html", "no-limit-validation", "antimeridian-bbox-wrong", "broken-paging-duplicates", "unknown-params-ignored"}
)


class FeaturesTestServer(TenantServer):
    """The test double: binds 127.0.0.1 (port 0 = any free port) and serves every tenant."""

    def __init__(self, tenants: Mapping[str, frozenset[str]], port: int = 0, latency: float = 1.5) -> None:
        known = set(DEFECTS) | set(QUERY_DEFECTS)
        unknown = sorted({d for defects in tenants.values() for d in defects} - known)
        if unknown:
            raise ValueError(f"unknown defects: {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        super().__init__(Handler, port, latency)
        self.serve_views({name: View(self.url(name), frozenset(defects)) for name, defects in tenants.items()})

    def url(self, tenant: str) -> str:
        """The base URL (landing page) of one tenant."""
        return f"http://127.0.0.1:{self.port}/{tenant}"


def start(defects: frozenset[str] = frozenset(), port: int = 0, latency: float = 1.5) -> tuple[str, Callable[[], None]]:
    """Start one tenant in a background thread: its base URL and the function that stops it."""
    server = FeaturesTestServer({"api": defects}, port, latency).start()
    return server.url("api"), server.stop


@contextmanager
def serve(defects: frozenset[str] = frozenset(), port: int = 0, latency: float = 1.5) -> Iterator[str]:
    """One tenant for the duration of a with-block; yields its base URL."""
    url, stop = start(defects, port, latency)
    try:
        yield url
    finally:
        stop()


def main(argv: list[str] | None = None) -> None:
    """Command line: start the server, print its tenants' URLs as one JSON line, serve until terminated."""
    parser = argparse.ArgumentParser(description="OGC API Features test double (never a vendor implementation)")
    parser.add_argument("--tenant", action="append", default=[], metavar="NAME[:DEFECT,...]")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=1.5, help="seconds of delay for the slow defect")
    options = parser.parse_args(argv)
    tenants = dict(tenant_option(t) for t in options.tenant or ["api"])
    server = FeaturesTestServer(tenants, options.port, options.latency)
    server.serve_until_terminated(
        {"test_double": True, "port": server.port, "tenants": {t: server.url(t) for t in tenants}}
    )


if __name__ == "__main__":
    main()
