"""OGC Web Map Service 1.3.0 (OGC 06-042, ISO 19128): the conformance classes and requirements tested.

The abstract test suite of 06-042 (Annex A) has two server classes: A.1.2 Basic WMS server (A.1.2.1 version
negotiation, A.1.2.2 request parameter rules, A.1.2.3 GetCapabilities response, A.1.2.4 GetMap response) and
A.2.2 Queryable WMS server (the GetFeatureInfo response). Each abstract test points at clauses of the
standard; a requirement here is one testable statement of such a clause, named by the abstract test and the
clause, with the obligation as the clause words it (shall → MUSS, should → SOLL). WMS 1.3.0 predates OGC
requirement URIs, so the identifiers are the project's own (``urn:wechselbar:wms-1.3.0/req/...``).

Nothing depends on the vendor's data: the suite reads the capabilities, samples layers, CRS and formats from
them (target options cap the sample, and every result states what a cap left out), and judges pictures only
against each other (the same area in two CRS, a background found by two background colours).
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.suites.ows import ServiceSuite
from conformance.suites.wms.messages import MESSAGES

ID = "wms-1.3.0"
VERSION = "1.3.0"
SPEC = "https://portal.ogc.org/files/?artifact_id=14416"
BASE = "urn:wechselbar:wms-1.3.0"
BASIC, QUERYABLE = f"{BASE}/conf/basic", f"{BASE}/conf/queryable"

CLASSES = (
    ConformanceClass(BASIC, "basic", "Basis-WMS", "Basic WMS", SPEC),
    ConformanceClass(QUERYABLE, "queryable", "Abfragbarer WMS", "Queryable WMS", SPEC),
)

M, S = Obligation.MUSS, Obligation.SOLL

_BASIC = (
    (
        "version-negotiation",
        M,
        "A.1.2.1; 6.2.4: a GetCapabilities request without VERSION SHALL be answered with "
        "the highest version the server supports, one for 1.3.0 with 1.3.0, one for an unknown higher version with "
        "the highest supported version below it, one for a version below all supported with the lowest.",
    ),
    (
        "request-parameters",
        M,
        "A.1.2.2; 6.8.1: parameter names SHALL NOT be case sensitive, and a WMS SHALL accept "
        "additional parameters that are not part of the standard (it SHALL NOT require them).",
    ),
    (
        "capabilities-schema",
        M,
        "A.1.2.3; 7.2.4, Annex E.1: the service metadata SHALL validate against the WMS "
        "1.3.0 capabilities schema (with the extension schemas its schemaLocation names).",
    ),
    (
        "capability-metadata",
        M,
        "A.1.2.3; 7.2.3.1, 7.2.4.4, 6.3.3: the capabilities SHALL list text/xml for "
        "GetCapabilities and the XML exception format, be served as text/xml by default, and every HTTP GET "
        "OnlineResource SHALL be a URL prefix ending in '?' or '&'.",
    ),
    (
        "update-sequence",
        M,
        "A.1.2.3; 7.2.3.5: with an advertised updateSequence, a request for the same value "
        "SHALL give the exception CurrentUpdateSequence, a higher value InvalidUpdateSequence, a lower value the "
        "current service metadata.",
    ),
    ("layer-crs", M, "A.1.2.3; 7.2.4.6.7: every named layer SHALL have at least one CRS, declared or inherited."),
    (
        "layer-geographic-bbox",
        M,
        "A.1.2.3; 7.2.4.6.6: every named layer SHALL have an EX_GeographicBoundingBox, "
        "declared or inherited, whose south bound is not above its north bound.",
    ),
    (
        "layer-bounding-boxes",
        M,
        "A.1.2.3; 7.2.4.6.8, 6.7.4: a BoundingBox SHALL name a CRS of the layer, at most "
        "one per CRS, with minimum below maximum, its axes in the order of the CRS (EPSG:4326 latitude first); in "
        "a geographic CRS it SHALL describe the same area as the EX_GeographicBoundingBox.",
    ),
    (
        "layer-inheritance",
        M,
        "A.1.2.3; 7.2.4.8 (Table 7), 7.2.4.6.5, 7.2.4.6.13, C.2: a child layer SHALL NOT "
        "redefine an inherited Style or AuthorityURL name, an Identifier SHALL have an AuthorityURL of its "
        "authority, and a Dimension SHALL NOT be redeclared with other units.",
    ),
    (
        "linked-resources",
        S,
        "A.1.2.3; 7.2.4.6.5, 7.2.4.6.11: LegendURL and MetadataURL SHOULD point at a "
        "retrievable resource of the advertised Format (a legend image of the advertised size).",
    ),
    (
        "getmap-format",
        M,
        "A.1.2.4; 7.3.3.7, 7.3.3.8, 7.3.4: a valid GetMap request SHALL be answered with a map "
        "in the requested FORMAT and of the requested WIDTH and HEIGHT.",
    ),
    ("getmap-crs", M, "A.1.2.4; 7.3.3.5: a GetMap request in any CRS the layer lists SHALL be answered with a map."),
    (
        "getmap-styles",
        M,
        "A.1.2.4; 7.3.3.4: an empty STYLES value (STYLES= , or empty items between commas) SHALL "
        "select the default style, and every advertised style of a layer SHALL be accepted.",
    ),
    (
        "getmap-transparent",
        M,
        "A.1.2.4; 7.3.3.9: with TRANSPARENT=TRUE and a format that permits it, all pixels "
        "not representing features SHALL be transparent; the default (FALSE) is an opaque map.",
    ),
    (
        "getmap-bgcolor",
        M,
        "A.1.2.4; 7.3.3.10: pixels not representing features SHALL take the BGCOLOR colour when TRANSPARENT is FALSE.",
    ),
    (
        "getmap-bbox",
        M,
        "A.1.2.4; 7.3.3.6: an invalid BBOX (minimum not below maximum) SHALL raise a service "
        "exception; a BBOX that does not overlap the layer SHALL give empty content (a blank map).",
    ),
    (
        "axis-order",
        M,
        "A.1.2.4; 7.3.3.6, 6.7.3: the BBOX axes SHALL follow the CRS: the same area asked in "
        "CRS:84 (longitude, latitude) and in EPSG:4326 (latitude, longitude) gives the same map, the swapped order "
        "another one.",
    ),
    (
        "exception-codes",
        M,
        "A.1.2.4; 6.11: a request the server cannot satisfy SHALL be answered with a service "
        "exception carrying the code the standard gives (InvalidFormat, InvalidCRS, LayerNotDefined, "
        "StyleNotDefined, MissingDimensionValue, InvalidDimensionValue, OperationNotSupported).",
    ),
    (
        "exception-report",
        M,
        "A.1.2.4; 6.11, 7.3.3.11, Annex E.2: an XML service exception SHALL validate against "
        "the exception schema and be served as text/xml.",
    ),
    (
        "exception-formats",
        M,
        "A.1.2.4; 7.3.3.11: where advertised, EXCEPTIONS=INIMAGE SHALL give the error as "
        "a picture in the requested format and size, EXCEPTIONS=BLANK a blank picture.",
    ),
)

_QUERYABLE = (
    (
        "featureinfo-formats",
        M,
        "A.2.2; 7.4.3.5, 7.4.4: a GetFeatureInfo request SHALL be answered in each "
        "advertised INFO_FORMAT (XML formats well-formed).",
    ),
    (
        "featureinfo-point",
        M,
        "A.2.2; 7.4.3.7: I and J inside the map SHALL be answered; outside it they SHALL "
        "raise the exception InvalidPoint.",
    ),
    (
        "feature-count",
        M,
        "A.2.2; 7.4.3.6: no more features per layer than FEATURE_COUNT (default 1) SHALL be returned.",
    ),
    (
        "featureinfo-exceptions",
        M,
        "A.2.2; 7.4.3.4, 7.4.3.5, 6.11: a layer that is not queryable in QUERY_LAYERS "
        "SHALL raise LayerNotQueryable, an unknown one LayerNotDefined, an unknown INFO_FORMAT InvalidFormat.",
    ),
)


def _req(name: str, obligation: Obligation, statement: str, cls: str) -> Requirement:
    return Requirement(f"{BASE}/req/{name}", cls, ID, VERSION, obligation, statement, SPEC)


REQUIREMENTS = (*(_req(n, o, s, BASIC) for n, o, s in _BASIC), *(_req(n, o, s, QUERYABLE) for n, o, s in _QUERYABLE))

STANDARD = Standard(
    id=ID,
    title="OGC Web Map Service 1.3.0 (ISO 19128)",
    title_de="OGC Web Map Service 1.3.0 (ISO 19128)",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    target_kinds=("url",),
    requirements=REQUIREMENTS,
    packs=("ogc-xml-schemas",),
    options=(
        Option(
            "max_layers",
            3,
            "named layers exercised with GetMap and GetFeatureInfo (sampled from the "
            "capabilities; the report says when this cuts)",
        ),
        Option("max_crs", 3, "CRS per sampled layer asked for"),
        Option("max_formats", 4, "GetMap formats and GetFeatureInfo INFO_FORMATs asked for"),
        Option("max_styles", 3, "styles per sampled layer asked for"),
        Option("max_links", 4, "LegendURL resources fetched, and as many MetadataURL resources"),
        Option("image_size", 256, "width and height of the maps asked for, in pixels"),
    ),
)

SUITE: ServiceSuite[object] = ServiceSuite(STANDARD, MESSAGES, __name__, "api")

__all__ = ["STANDARD", "SUITE"]
