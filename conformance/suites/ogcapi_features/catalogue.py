"""OGC API – Features – Part 1: Core 1.0.1 (OGC 17-069r4): the conformance classes and requirements tested.

Requirement URIs and statements follow Annex A and clauses 7–9 of the standard; recommendations (/rec/...)
are SOLL, requirements (/req/...) MUSS.

Every spec_url points at the requirement's own table in the standard's HTML. The standard is written in
AsciiDoc; each requirement block carries the anchor ``req_<class>_<name>`` (``rec_core_<name>`` for a
recommendation, ``rc_<class>`` for a requirements class), which becomes the id of the table. These anchors were
checked against the standard's source: the requirement blocks themselves (e.g. ``req_core_http``,
``req_core_fc-bbox-definition``, ``req_geojson_definition``, ``rec_core_head``) and the cross-references of the
Annex A abstract tests (e.g. ``<<req_oas30_oas-impl,...>>``). One anchor could not be confirmed:
/req/core/fc-limit-response-1 (the abstract test refers to ``req_core_fc-limit-response``), so it links to the
section "Parameter limit" (``_parameter_limit``) that contains it.
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation

ID = "ogcapi-features-1"
VERSION = "1.0"
SPEC = "https://docs.ogc.org/is/17-069r4/17-069r4.html"
BASE = "http://www.opengis.net/spec/ogcapi-features-1/1.0"
CORE, GEOJSON, OAS30, HTML = (f"{BASE}/conf/{c}" for c in ("core", "geojson", "oas30", "html"))

CLASSES = (
    ConformanceClass(CORE, "core", "Kern", "Core", f"{SPEC}#rc_core"),
    ConformanceClass(GEOJSON, "geojson", "GeoJSON", "GeoJSON", f"{SPEC}#rc_geojson"),
    ConformanceClass(OAS30, "oas30", "OpenAPI 3.0", "OpenAPI 3.0", f"{SPEC}#rc_oas30"),
    ConformanceClass(HTML, "html", "HTML", "HTML", f"{SPEC}#rc_html"),
)

_CORE = (
    ("core/root-op", "The server SHALL support the HTTP GET operation at the path /."),
    (
        "core/root-success",
        "The landing page SHALL be a 200 response based on landingPage.yaml with links to the "
        "API definition (service-desc or service-doc), /conformance (conformance) and /collections (data).",
    ),
    (
        "core/api-definition-op",
        "The URIs of all API definitions referenced from the landing page SHALL support the HTTP GET method.",
    ),
    (
        "core/api-definition-success",
        "A GET to an API definition linked from the landing page, with the link type "
        "as Accept header, SHALL return a document consistent with the requested media type.",
    ),
    ("core/conformance-op", "The server SHALL support the HTTP GET operation at the path /conformance."),
    (
        "core/conformance-success",
        "The conformance declaration SHALL be a 200 response based on confClasses.yaml "
        "listing all conformance classes the server conforms to.",
    ),
    (
        "core/http",
        "The server SHALL conform to HTTP 1.1 (RFC 7230–7235) and, if it supports HTTPS, to HTTP over TLS (RFC 2818).",
    ),
    (
        "core/query-param-unknown",
        "The server SHALL respond with status code 400 if the request URI includes a "
        "query parameter that is not specified in the API definition.",
    ),
    (
        "core/query-param-invalid",
        "The server SHALL respond with status code 400 if the request URI includes a "
        "query parameter that has an invalid value.",
    ),
    (
        "core/crs84",
        "Unless another CRS is requested, all spatial geometries SHALL be in CRS84 (WGS 84 longitude/latitude).",
    ),
    ("core/fc-md-op", "The server SHALL support the HTTP GET operation at the path /collections."),
    ("core/fc-md-success", "The collections response SHALL be a 200 response based on collections.yaml."),
    (
        "core/fc-md-links",
        "The collections response SHALL link to itself (self) and to every other media type "
        "(alternate); all links SHALL include rel and type.",
    ),
    (
        "core/fc-md-items",
        "For each feature collection provided by the server, an item SHALL be provided in the property collections.",
    ),
    (
        "core/fc-md-items-links",
        "Each collection SHALL link to its features for each supported encoding (relation "
        "items); all links SHALL include rel and type.",
    ),
    (
        "core/fc-md-extent",
        "The extent of a collection, if provided, SHALL include all spatial geometries and all "
        "temporal geometries of the collection.",
    ),
    (
        "core/sfc-md-op",
        "The server SHALL support the HTTP GET operation at /collections/{collectionId} for each "
        "collection id listed in /collections.",
    ),
    (
        "core/sfc-md-success",
        "A single collection SHALL be a 200 response whose id, title, description and extent "
        "are identical to its entry in /collections.",
    ),
    (
        "core/fc-op",
        "For every collection the server SHALL support the HTTP GET operation at /collections/{collectionId}/items.",
    ),
    (
        "core/fc-limit-definition",
        "The items operation SHALL support a parameter limit (integer, minimum 1, form style, not exploded).",
    ),
    (
        "core/fc-limit-response-1",
        "The response SHALL not contain more features than the limit parameter (or its "
        "default), nor more than the maximum the API definition specifies.",
    ),
    (
        "core/fc-bbox-definition",
        "The items operation SHALL support a parameter bbox of four or six numbers (CRS84, "
        "or CRS84h with minimum and maximum height), form style, not exploded.",
    ),
    (
        "core/fc-bbox-response",
        "Only features whose geometry intersects the bbox SHALL be in the result, and every "
        "feature without a spatial geometry; a first value larger than the third denotes a box crossing the "
        "antimeridian.",
    ),
    (
        "core/fc-time-definition",
        "The items operation SHALL support a parameter datetime (string, form style, not "
        "exploded): an instant or an interval, open ends written as '..' or as an empty string.",
    ),
    (
        "core/fc-time-response",
        "Only features whose temporal geometry intersects datetime (instant, interval, open "
        "start or end) SHALL be in the result, plus features without temporal geometry.",
    ),
    (
        "core/fc-response",
        "A successful items request SHALL be a 200 response that only includes features selected by the request.",
    ),
    ("core/fc-links", "An items response SHALL link to itself (self) and to every other media type (alternate)."),
    ("core/fc-rel-type", "All links of an items response SHALL include the rel and type link parameters."),
    ("core/fc-timeStamp", "A timeStamp, if included, SHALL be the time the response was generated."),
    (
        "core/fc-numberMatched",
        "numberMatched, if included, SHALL be the number of features that match the selection parameters.",
    ),
    ("core/fc-numberReturned", "numberReturned, if included, SHALL be the number of features in the response."),
    (
        "core/f-op",
        "For every feature the server SHALL support the HTTP GET operation at "
        "/collections/{collectionId}/items/{featureId}.",
    ),
    ("core/f-success", "A successful single-feature request SHALL be a 200 response."),
    (
        "core/f-links",
        "A feature SHALL link to itself (self), to every other media type (alternate) and to its "
        "collection (collection); all links SHALL include rel and type.",
    ),
)

_RECOMMENDED = (
    ("core/head", "The server SHOULD support the HTTP 1.1 method HEAD for all resources that support the method GET."),
    ("core/etag", "The service SHOULD support entity tags and the associated headers as specified by HTTP/1.1."),
    ("core/fc-next-1", "A response SHOULD include a next link if more features were selected than returned."),
    (
        "core/fc-next-2",
        "Dereferencing a next link SHOULD return features of the selection not yet returned (no "
        "duplicates, no cycles).",
    ),
    (
        "core/fc-next-3",
        "A page reached by a next link SHOULD follow the rules of the first page and again link to "
        "the next page while features remain.",
    ),
)

_ENCODINGS = (
    (
        "geojson/definition",
        GEOJSON,
        "200 responses SHALL support application/geo+json for feature content and "
        "application/json for all other resources.",
    ),
    (
        "geojson/content",
        GEOJSON,
        "Every application/geo+json 200 response SHALL be a GeoJSON FeatureCollection or "
        "Feature with its links in a foreign member links.",
    ),
    (
        "oas30/oas-definition-1",
        OAS30,
        "An OpenAPI definition as application/vnd.oai.openapi+json;version=3.0 and "
        "an HTML version of it SHALL be available.",
    ),
    (
        "oas30/oas-definition-2",
        OAS30,
        "The JSON representation SHALL conform to the OpenAPI Specification, version 3.0.",
    ),
    ("oas30/oas-impl", OAS30, "The server SHALL implement all capabilities specified in the OpenAPI definition."),
    (
        "oas30/completeness",
        OAS30,
        "The OpenAPI definition SHALL specify for each operation all HTTP status codes "
        "and response objects the server uses.",
    ),
    (
        "oas30/exceptions-codes",
        OAS30,
        "For error situations that originate from the server, the API definition "
        "SHALL cover all applicable HTTP status codes.",
    ),
    (
        "oas30/security",
        OAS30,
        "For cases where the operations of the server are access-controlled, the security "
        "scheme(s) SHALL be documented in the OpenAPI definition.",
    ),
    (
        "html/definition",
        HTML,
        "Every 200 response of an operation of the server SHALL support the media type text/html.",
    ),
    (
        "html/content",
        HTML,
        "Every text/html 200 response SHALL be an HTML 5 document with the information of the "
        "resource and all its links as <a> elements in the body.",
    ),
)
UNCONFIRMED_ANCHORS = {"core/fc-limit-response-1": "_parameter_limit"}


def anchor(kind: str, path: str) -> str:
    """The anchor of a requirement's table: req_<class>_<name> or rec_<class>_<name> (see the module docstring)."""
    return UNCONFIRMED_ANCHORS.get(path, f"{kind}_{path.replace('/', '_')}")


def _requirement(kind: str, path: str, cls: str, statement: str) -> Requirement:
    obligation = Obligation.SOLL if kind == "rec" else Obligation.MUSS
    return Requirement(f"{BASE}/{kind}/{path}", cls, ID, VERSION, obligation, statement, f"{SPEC}#{anchor(kind, path)}")


REQUIREMENTS = (
    tuple(_requirement("req", path, CORE, text) for path, text in _CORE)
    + tuple(_requirement("rec", path, CORE, text) for path, text in _RECOMMENDED)
    + tuple(_requirement("req", path, cls, text) for path, cls, text in _ENCODINGS)
)

STANDARD = Standard(
    id=ID,
    title="OGC API – Features – Part 1: Core",
    title_de="OGC API – Features – Teil 1: Kern",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    requirements=REQUIREMENTS,
    packs=("geojson-schema", "ogcapi-features"),
    options=(
        Option("max_collections", 5, "collections sampled from /collections (the report says when this cuts)"),
        Option("max_features", 3, "features per sampled collection fetched one by one"),
        Option("page_limit", 10, "the limit asked for while paging through next links"),
        Option("max_pages", 30, "pages walked per collection before paging stops (stated in the report)"),
        Option("writes", False, "allow `conformance roundtrip` to write into this API (Part 4; removed afterwards)"),
        Option(
            "temporal_properties",
            {},
            "collection id → the feature property holding its time, where the "
            "features do not make it unambiguous (datetime checks)",
        ),
    ),
)
