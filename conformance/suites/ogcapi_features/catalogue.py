"""OGC API – Features – Part 1: Core 1.0.1 (OGC 17-069r4): the conformance classes and requirements tested.

Requirement URIs and statements follow Annex A and clauses 7–9 of the standard; recommendations (/rec/...)
are SOLL, requirements (/req/...) MUSS.
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Requirement, Standard
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

LANDING, API, CONF = "_api_landing_page", "_api_definition_2", "_declaration_of_conformance_classes"
PARAMS, COLLS, COLL = "query_parameters", "_feature_collections_rootcollections", \
    "_feature_collection_rootcollectionscollectionid"
ITEMS, FEATURE = "_items_", "_feature_"

_CORE = (
    ("core/root-op", LANDING, "The server SHALL support the HTTP GET operation at the path /."),
    ("core/root-success", LANDING, "The landing page SHALL be a 200 response based on landingPage.yaml with links "
     "to the API definition (service-desc or service-doc), /conformance (conformance) and /collections (data)."),
    ("core/api-definition-op", API, "The URIs of all API definitions referenced from the landing page SHALL support "
     "the HTTP GET method."),
    ("core/api-definition-success", API, "A GET to an API definition linked from the landing page, with the link "
     "type as Accept header, SHALL return a document consistent with the requested media type."),
    ("core/conformance-op", CONF, "The server SHALL support the HTTP GET operation at the path /conformance."),
    ("core/conformance-success", CONF, "The conformance declaration SHALL be a 200 response based on "
     "confClasses.yaml listing all conformance classes the server conforms to."),
    ("core/http", "_http_1_1", "The server SHALL conform to HTTP 1.1 (status codes: an unknown resource is 404)."),
    ("core/query-param-unknown", PARAMS, "The server SHALL respond with status code 400 if the request URI includes "
     "a query parameter that is not specified in the API definition."),
    ("core/query-param-invalid", PARAMS, "The server SHALL respond with status code 400 if the request URI includes "
     "a query parameter that has an invalid value."),
    ("core/crs84", "_coordinate_reference_systems", "Unless another CRS is requested, all spatial geometries SHALL "
     "be in CRS84 (WGS 84 longitude/latitude)."),
    ("core/fc-md-op", COLLS, "The server SHALL support the HTTP GET operation at the path /collections."),
    ("core/fc-md-success", COLLS, "The collections response SHALL be a 200 response based on collections.yaml."),
    ("core/fc-md-links", COLLS, "The collections response SHALL link to itself (self) and to every other media "
     "type (alternate); all links SHALL include rel and type."),
    ("core/fc-md-items", COLLS, "For each feature collection provided by the server, an item SHALL be provided in "
     "the property collections."),
    ("core/fc-md-items-links", COLLS, "Each collection SHALL link to its features for each supported encoding "
     "(relation items); all links SHALL include rel and type."),
    ("core/fc-md-extent", COLLS, "The extent of a collection, if provided, SHALL include all spatial geometries and "
     "all temporal geometries of the collection."),
    ("core/sfc-md-op", COLL, "The server SHALL support the HTTP GET operation at /collections/{collectionId} for "
     "each collection id listed in /collections."),
    ("core/sfc-md-success", COLL, "A single collection SHALL be a 200 response whose id, title, description and "
     "extent are identical to its entry in /collections."),
    ("core/fc-op", ITEMS, "For every collection the server SHALL support the HTTP GET operation at "
     "/collections/{collectionId}/items."),
    ("core/fc-limit-definition", "_parameter_limit", "The items operation SHALL support a parameter limit (integer, "
     "minimum 1, form style, not exploded)."),
    ("core/fc-limit-response-1", "_parameter_limit", "The response SHALL not contain more features than the limit "
     "parameter, nor more than the maximum the API definition specifies."),
    ("core/fc-bbox-definition", "_parameter_bbox", "The items operation SHALL support a parameter bbox (array of 4 "
     "or 6 numbers, form style, not exploded)."),
    ("core/fc-bbox-response", "_parameter_bbox", "Only features whose geometry intersects the bbox SHALL be in the "
     "result; a first value larger than the third denotes a box crossing the antimeridian."),
    ("core/fc-time-definition", "_parameter_datetime", "The items operation SHALL support a parameter datetime "
     "(string, form style, not exploded)."),
    ("core/fc-time-response", "_parameter_datetime", "Only features whose temporal geometry intersects datetime "
     "(instant, interval, open start or end) SHALL be in the result, plus features without temporal geometry."),
    ("core/fc-response", ITEMS, "A successful items request SHALL be a 200 response that only includes features "
     "selected by the request."),
    ("core/fc-links", ITEMS, "An items response SHALL link to itself (self) and to every other media type "
     "(alternate)."),
    ("core/fc-rel-type", ITEMS, "All links of an items response SHALL include the rel and type link parameters."),
    ("core/fc-timeStamp", ITEMS, "A timeStamp, if included, SHALL be the time the response was generated."),
    ("core/fc-numberMatched", ITEMS, "numberMatched, if included, SHALL be the number of features that match the "
     "selection parameters."),
    ("core/fc-numberReturned", ITEMS, "numberReturned, if included, SHALL be the number of features in the "
     "response."),
    ("core/f-op", FEATURE, "For every feature the server SHALL support the HTTP GET operation at "
     "/collections/{collectionId}/items/{featureId}."),
    ("core/f-success", FEATURE, "A successful single-feature request SHALL be a 200 response."),
    ("core/f-links", FEATURE, "A feature SHALL link to itself (self), to every other media type (alternate) and to "
     "its collection (collection); all links SHALL include rel and type."),
)

_RECOMMENDED = (
    ("core/fc-next-1", ITEMS, "A response SHOULD include a next link if more features were selected than returned."),
    ("core/fc-next-2", ITEMS, "Dereferencing a next link SHOULD return features of the selection not yet returned "
     "(no duplicates, no cycles)."),
    ("core/fc-next-3", ITEMS, "A page reached by a next link SHOULD follow the rules of the first page and again "
     "link to the next page while features remain."),
)

_ENCODINGS = (
    ("geojson/definition", GEOJSON, "200 responses SHALL support application/geo+json for feature content and "
     "application/json for all other resources."),
    ("geojson/content", GEOJSON, "Every application/geo+json 200 response SHALL be a GeoJSON FeatureCollection or "
     "Feature with its links in a foreign member links."),
    ("oas30/oas-definition-1", OAS30, "An OpenAPI definition as application/vnd.oai.openapi+json;version=3.0 and "
     "an HTML version of it SHALL be available."),
    ("oas30/oas-definition-2", OAS30, "The JSON representation SHALL conform to the OpenAPI Specification, "
     "version 3.0."),
    ("oas30/completeness", OAS30, "The OpenAPI definition SHALL specify for each operation all HTTP status codes "
     "and response objects the server uses."),
    ("html/definition", HTML, "Every 200 response of an operation of the server SHALL support the media type "
     "text/html."),
    ("html/content", HTML, "Every text/html 200 response SHALL be an HTML 5 document with the information of the "
     "resource and all its links as <a> elements in the body."),
)


def _requirement(kind: str, path: str, cls: str, anchor: str, statement: str) -> Requirement:
    obligation = Obligation.SOLL if kind == "rec" else Obligation.MUSS
    return Requirement(f"{BASE}/{kind}/{path}", cls, ID, VERSION, obligation, statement, f"{SPEC}#{anchor}")


REQUIREMENTS = (
    tuple(_requirement("req", path, CORE, anchor, text) for path, anchor, text in _CORE)
    + tuple(_requirement("rec", path, CORE, anchor, text) for path, anchor, text in _RECOMMENDED)
    + tuple(_requirement("req", path, cls, f"rc_{path.split('/')[0]}", text) for path, cls, text in _ENCODINGS)
)

STANDARD = Standard(
    id=ID, title="OGC API – Features – Part 1: Core", title_de="OGC API – Features – Teil 1: Kern",
    version=VERSION, classes=CLASSES, spec_url=SPEC, requirements=REQUIREMENTS,
    packs=("geojson-schema", "ogcapi-features"),
)
