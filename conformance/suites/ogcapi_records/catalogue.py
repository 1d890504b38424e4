"""OGC API – Records – Part 1: Core 1.0 (OGC 20-004r1): the requirements classes and requirements tested.

Requirement URIs and statements follow the standard's requirements (Annex A, abstract tests); every one is a
requirement (SHALL), so MUSS. Each spec_url points at the requirement's anchor in the standard's HTML
(``req_<class>_<name>``, as in the standard's AsciiDoc source; ``rc_<class>`` for a requirements class).
The Records API builds on OGC API – Features – Part 1: Core (/req/records-api/features-api); the parameters
bbox, datetime and limit are those of Features with "features" read as "records".
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.suites.ogcapi_features.catalogue import STANDARD as FEATURES

ID = "ogcapi-records-1"
VERSION = "1.0"
SPEC = "https://docs.ogc.org/is/20-004r1/20-004r1.html"
BASE = "http://www.opengis.net/spec/ogcapi-records-1/1.0"
API, COLLECTION, RECORD, PARAMS, SORTING, JSON_CLASS, HTML_CLASS, OAS30_CLASS = (
    f"{BASE}/conf/{c}"
    for c in (
        "records-api",
        "record-collection",
        "record-core",
        "record-core-query-parameters",
        "sorting",
        "json",
        "html",
        "oas30",
    )
)

CLASSES = (
    ConformanceClass(API, "records-api", "Records-API", "Records API", f"{SPEC}#rc_records-api"),
    ConformanceClass(COLLECTION, "record-collection", "Katalog", "Record Collection", f"{SPEC}#rc_record-collection"),
    ConformanceClass(RECORD, "record-core", "Metadatensatz", "Record Core", f"{SPEC}#rc_record-core"),
    ConformanceClass(
        PARAMS,
        "record-core-query-parameters",
        "Abfrageparameter",
        "Records Core Query Parameters",
        f"{SPEC}#rc_record-core-query-parameters",
    ),
    ConformanceClass(SORTING, "sorting", "Sortierung", "Sorting", f"{SPEC}#rc_sorting"),
    ConformanceClass(JSON_CLASS, "json", "JSON", "JSON", f"{SPEC}#rc_json"),
    ConformanceClass(HTML_CLASS, "html", "HTML", "HTML", f"{SPEC}#rc_html"),
    ConformanceClass(OAS30_CLASS, "oas30", "OpenAPI 3.0", "OpenAPI 3.0", f"{SPEC}#rc_oas30"),
)

_REQUIREMENTS = (
    (
        "records-api/features-api",
        API,
        "Implementations SHALL implement the Core requirements class of OGC API – Features – Part 1: Core "
        "(landing page, conformance declaration, collections).",
    ),
    (
        "records-api/records-op",
        API,
        "For every catalog in /collections (itemType record) the server SHALL support GET at "
        "/collections/{collectionId}/items.",
    ),
    (
        "records-api/record-op",
        API,
        "For every record in a catalog the server SHALL support GET at /collections/{collectionId}/items/{recordId}.",
    ),
    (
        "records-api/record-response",
        API,
        "The response SHALL contain a record (recordGeoJSON) whose links include self, a typed alternate link per "
        "other media type and the collection; all links SHALL include rel.",
    ),
    (
        "record-collection/mandatory-properties-collection",
        COLLECTION,
        "A catalog SHALL include all mandatory properties: id, title, links, itemType and type (Catalog).",
    ),
    (
        "record-core/mandatory-properties-record",
        RECORD,
        "Each record in a response SHALL contain all mandatory properties (id, type Feature, time, geometry or "
        "null, properties with type and title, links); the id cannot be null or empty.",
    ),
    (
        "record-core/links",
        RECORD,
        "Each record that is a member of a catalog SHALL include one link (relation collection) to that catalog, "
        "and only a single collection link.",
    ),
    (
        "record-core/time-instant",
        RECORD,
        "If the time object in a record includes a date member, the value SHALL conform to RFC 3339 and match the "
        "production rule full-date; a timestamp member SHALL conform to RFC 3339 and match date-time.",
    ),
    (
        "record-core/time-interval",
        RECORD,
        "If the time object in a record includes an interval member, each array item SHALL be a string that is "
        "'..' or an RFC 3339 full-date or date-time; a date start SHALL have a date end (or '..'), a timestamp "
        "start a timestamp end (or '..').",
    ),
    (
        "record-core/time-zone",
        RECORD,
        "Timestamps in the time member in a record SHALL use UTC ('Z') as the time zone.",
    ),
    (
        "record-core/time-instant-interval",
        RECORD,
        "If the time object includes a date and a timestamp, their full-date parts SHALL be identical; if it "
        "includes an interval and a date or a timestamp, the interval SHALL contain that date or timestamp.",
    ),
    (
        "record-core-query-parameters/bbox",
        PARAMS,
        "A searchable endpoint SHALL support bbox as defined in OGC API – Features: only records whose geometry "
        "intersects the box are in the result set.",
    ),
    (
        "record-core-query-parameters/datetime",
        PARAMS,
        "A searchable endpoint SHALL support datetime as defined in OGC API – Features (an instant, or an interval "
        "whose start or end may be open, '..'): only records whose time intersects the value are in the result "
        "set.",
    ),
    (
        "record-core-query-parameters/limit",
        PARAMS,
        "A searchable endpoint SHALL support limit as defined in OGC API – Features: pages of at most limit "
        "records, next links through the whole result set.",
    ),
    (
        "record-core-query-parameters/q-response",
        PARAMS,
        "Only records that contain the search term in one or more of the searched text fields SHALL be in the "
        "result set.",
    ),
    (
        "record-core-query-parameters/type-response",
        PARAMS,
        "Only records whose type equals one of the values of the type parameter SHALL be in the result set.",
    ),
    (
        "sorting/get-sortables-op",
        SORTING,
        "For every catalog, the server SHALL support the HTTP GET operation at the sortables endpoint and the "
        "media type application/schema+json; the sortables resource SHALL be referenced from the catalog with a "
        "link with the link relation type http://www.opengis.net/def/rel/ogc/1.0/sortables.",
    ),
    (
        "sorting/get-sortables-success",
        SORTING,
        "A successful execution of the operation SHALL be reported as a response with HTTP status code 200. An "
        "application/schema+json response SHALL have $schema http://json-schema.org/draft-07/schema#, "
        "https://json-schema.org/draft/2019-09/schema or https://json-schema.org/draft/2020-12/schema (the "
        "requirement lists the values twice, draft-07 or 2019-09 and 2019-09 or 2020-12; any of the three is "
        "accepted), $id the URI of the resource without query parameters and type object, each property a "
        "sortable. Each property SHALL include a type member, except spatial properties, which SHALL NOT include "
        "type or $ref and SHALL include format geometry-<type> (geometry-any, geometry-point, …); "
        "additionalProperties, if included, SHALL be false.",
    ),
    (
        "json/collection-response",
        JSON_CLASS,
        "200-responses of the server SHALL support the media type application/ogc-catalog+json for catalog or "
        "record collection resources.",
    ),
    (
        "json/record-response",
        JSON_CLASS,
        "200-responses of the server SHALL support the media type application/geo+json for resources that include "
        "record content; the geometry member SHALL be present.",
    ),
    (
        "html/definition",
        HTML_CLASS,
        "Every 200 response of an operation of the server SHALL support the media type text/html (checked for "
        "the sampled catalogs and a record of each).",
    ),
    (
        "html/content",
        HTML_CLASS,
        "Every 200 response with the media type text/html SHALL be an HTML 5 document that includes all "
        "information of the response schema and all links in HTML <a> elements in the HTML <body>.",
    ),
    (
        "oas30/oas-common",
        OAS30_CLASS,
        "The API implementation SHALL demonstrate conformance to the OpenAPI 3.0 requirements class of OGC API – "
        "Features – Part 1: Core: the API definition (service-desc) is an OpenAPI 3.0 document, valid against its "
        "schema, that documents the records paths (items and single records of every catalog).",
    ),
    (
        "sorting/sortby-response",
        SORTING,
        "If sortby is specified, the records in a response SHALL be ordered by the keys and directions specified.",
    ),
)

REQUIREMENTS = tuple(
    Requirement(
        f"{BASE}/req/{path}",
        cls,
        ID,
        VERSION,
        Obligation.MUSS,
        statement,
        f"{SPEC}#req_{path.replace('/', '_')}",
    )
    for path, cls, statement in _REQUIREMENTS
)

STANDARD = Standard(
    id=ID,
    title="OGC API – Records – Part 1: Core",
    title_de="OGC API – Records – Teil 1: Kern",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    requirements=REQUIREMENTS,
    packs=("geojson-schema",),
    options=(
        Option("max_collections", 5, "catalogs sampled from /collections (the report says when this cuts)"),
        Option("max_features", 3, "records per sampled catalog fetched one by one and used to build queries"),
        FEATURES.option("page_limit"),
        FEATURES.option("max_pages"),
        Option(
            "temporal_properties",
            {},
            "catalog id → the record property holding its time, where neither the record's time member nor "
            "the records make it unambiguous (datetime check)",
        ),
    ),
)
