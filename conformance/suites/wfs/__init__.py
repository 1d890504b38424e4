"""OGC Web Feature Service 2.0 (OGC 09-025r2, ISO 19142): the conformance classes and requirements tested.

The abstract test suite of 09-025r2 (Annex A) defines the conformance classes; A.1.1 Simple WFS asks for the
operations GetCapabilities, DescribeFeatureType, ListStoredQueries, DescribeStoredQueries and GetFeature with
the stored query GetFeatureById, at least one service binding, and the exception reports of 7.5. A requirement
here is one testable statement of such a class, named by the abstract test and the clause, with the obligation
as the clause words it. WFS 2.0 predates OGC requirement URIs, so the identifiers are the project's own
(``urn:wechselbar:wfs-2.0/req/...``). Clause numbers are those of 09-025r1/r2 (the same in both) and of ISO 19143:2010
(FES 2.0, OGC 09-026r1/r2), checked against the standards' text and the OGC executable test suite ets-wfs20
where the text was not at hand. Covered so far: the Simple WFS; of the Basic WFS (A.1.2) the operations,
COUNT/RESULTTYPE=hits, GetPropertyValue, srsName and the FES 2.0 filters the Filter_Capabilities declare;
response paging;
the HTTP POST binding (XML encoding), filters included; and the SOAP encoding.
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.suites.ows import ServiceSuite
from conformance.suites.wfs.messages import MESSAGES

ID = "wfs-2.0"
VERSION = "2.0.0"
SPEC = "https://portal.ogc.org/files/?artifact_id=39967"
BASE = "urn:wechselbar:wfs-2.0"
SIMPLE, BASIC, PAGING = f"{BASE}/conf/simple", f"{BASE}/conf/basic", f"{BASE}/conf/paging"
POST = f"{BASE}/conf/post"
SOAP = f"{BASE}/conf/soap"

CLASSES = (
    ConformanceClass(SIMPLE, "simple", "Einfacher WFS", "Simple WFS", SPEC),
    ConformanceClass(BASIC, "basic", "Basis-WFS", "Basic WFS", SPEC),
    ConformanceClass(PAGING, "paging", "Blättern in Antworten", "Response paging", SPEC),
    ConformanceClass(POST, "post", "HTTP POST (XML-Kodierung)", "HTTP POST (XML encoding)", SPEC),
    ConformanceClass(SOAP, "soap", "SOAP-Kodierung", "SOAP encoding", SPEC),
)

M = Obligation.MUSS

_SIMPLE = (
    (
        "capabilities-schema",
        "A.1.1; 8.3.2: the GetCapabilities response SHALL be a wfs:WFS_Capabilities document of version 2.0.0 "
        "that validates against the WFS 2.0 schema.",
    ),
    (
        "simple-operations",
        "A.1.1; 6.4, 8.3: the capabilities SHALL list the operations GetCapabilities, "
        "DescribeFeatureType, ListStoredQueries, DescribeStoredQueries and GetFeature, and declare at least one "
        "service binding (constraint KVPEncoding, XMLEncoding or SOAPEncoding) TRUE.",
    ),
    (
        "stored-query-listing",
        "A.1.1; 14.3, 14.4, 7.9.3.6: the ListStoredQueries and DescribeStoredQueries responses SHALL validate "
        "against the WFS 2.0 schema and both SHALL name the mandatory stored query GetFeatureById "
        "(urn:ogc:def:query:OGC-WFS::GetFeatureById in 2.0.0, http://www.opengis.net/def/query/OGC-WFS/0/"
        "GetFeatureById in 2.0.2; either is accepted).",
    ),
    (
        "get-feature-by-id",
        "A.1.1; 7.9.3.6, 11.3.5: GetFeature with the stored query GetFeatureById SHALL return the single feature "
        "with that identifier (the feature itself, not a collection), and raise the exception NotFound for an "
        "identifier that names no feature (09-025r2); a 2.0.0 server may raise OperationProcessingFailed instead, "
        "since 09-025r1 names no code there and gives that one for GetFeature errors (11.4).",
    ),
    (
        "exception-report",
        "A.1.1; 7.5, OGC 06-121r3 8.5: an exception SHALL be reported as an ows:ExceptionReport (OWS 1.1) that "
        "validates against owsExceptionReport.xsd.",
    ),
    (
        "exception-codes",
        "A.1.1; 7.5, OGC 06-121r3 Table 25: a request the server cannot satisfy SHALL raise the code the "
        "standard gives: MissingParameterValue for GetFeature without a query, InvalidParameterValue for an "
        "unknown type name, OperationNotSupported for an unknown operation.",
    ),
    (
        "describe-feature-type",
        "A.1.1; 9: the response to DescribeFeatureType SHALL be a complete application schema: an XML Schema "
        "that compiles with its imports and declares the element of the feature type.",
    ),
    (
        "feature-schema",
        "A.1.1; 7.1, 11.3: features SHALL be encoded in GML (ISO 19136): every GetFeature and GetPropertyValue "
        "response SHALL validate against the schemas it names (the application schema, WFS 2.0, GML 3.2.1).",
    ),
)

_BASIC = (
    (
        "basic-operations",
        "A.1.2: a Basic WFS SHALL list the operations GetPropertyValue and GetFeature (with ad hoc queries).",
    ),
    (
        "get-feature-count",
        "A.1.2; 7.6.3.5, 7.6.3.6, 7.7.4: GetFeature SHALL return at most COUNT features, numberReturned SHALL "
        "give how many came, and RESULTTYPE=hits SHALL give the number of matching features (numberMatched) "
        "without features.",
    ),
    (
        "get-property-value",
        "A.1.2; 10: GetPropertyValue SHALL answer with a wfs:ValueCollection of at most COUNT values, "
        "numberReturned giving how many came.",
    ),
    (
        "filter-resource-id",
        "A.1.2; 7.9.2, ISO 19143 7.11 (ImplementsResourceId): where the Filter_Capabilities declare ResourceId, "
        "GetFeature with a fes:ResourceId filter SHALL return exactly the feature named.",
    ),
    (
        "filter-equal",
        "A.1.2; 7.9.2, ISO 19143 7.7, A.5 (ImplementsMinStandardFilter): where the Filter_Capabilities declare the "
        "minimum standard filter, GetFeature with fes:PropertyIsEqualTo SHALL return the features with that value "
        "and no other.",
    ),
    (
        "filter-bbox",
        "A.1.2; 7.9.2, ISO 19143 7.8 (ImplementsMinSpatialFilter): a Basic WFS SHALL implement at least the minimum "
        "spatial filter: GetFeature with a fes:BBOX SHALL return the features that reach into the box, and no "
        "other.",
    ),
    (
        "filter-like",
        "A.1.2; 7.9.2, ISO 19143 7.7.3.4, A.6 (ImplementsStandardFilter): where the Filter_Capabilities declare the "
        "standard filter, GetFeature with fes:PropertyIsLike SHALL return the features whose value matches the "
        "pattern, read with the wildCard, singleChar and escapeChar the request declares, and no other.",
    ),
    (
        "filter-logical",
        "A.1.2; 7.9.2, ISO 19143 7.10 (ImplementsMinStandardFilter): where the Filter_Capabilities declare the "
        "minimum standard filter, which includes the logical operators, GetFeature with fes:And, fes:Or and "
        "fes:Not SHALL return the features the combined predicates hold for, and no other.",
    ),
    (
        "srs-name",
        "A.1.2; 7.9.2.4.4: GetFeature with srsName set to an OtherCRS the capabilities list for the type SHALL "
        "return its geometries transformed into that CRS, named by their srsName: the coordinates of a feature "
        "agree with its DefaultCRS coordinates transformed by PROJ, in the axis order EPSG and OGC define for the "
        "urn and http forms (tolerance 1e-5 degrees in a geographic, 1 m in a projected CRS).",
    ),
    (
        "srs-name-unlisted",
        "A.1.2; 7.9.2.4.4, 7.5, OGC 06-121r3 8.5, Table 25: 7.9.2.4.4 allows as srsName the DefaultCRS or an "
        "OtherCRS the capabilities list for the type and names no exception code for another value; such a value "
        "is an invalid parameter value, for which OWS Common gives the code InvalidParameterValue, so GetFeature "
        "with a srsName the type does not list SHALL raise the exception InvalidParameterValue.",
    ),
)


_PAGING = (
    (
        "paging-next",
        "A.1.10, A.2.20; 7.7.4.4, Table 13: a server declaring ImplementsResultPaging SHALL lead with "
        "the next links of GetFeature responses with COUNT through every matching feature once, each page with at "
        "most COUNT features.",
    ),
    (
        "paging-previous",
        "A.1.10, A.2.20; 7.7.4.4.1: the previous link of a page SHALL retrieve the preceding set of features.",
    ),
)


_POST = (
    (
        "post-get-feature",
        "A.1.6 (HTTP POST); 6.4, Annex D: a server declaring XMLEncoding SHALL answer a POSTed wfs:GetFeature "
        "with a wfs:Query as it answers the same query in KVP.",
    ),
    (
        "post-get-feature-by-id",
        "A.1.6 (HTTP POST); 6.4, Annex D, 7.9.3.6: a POSTed wfs:GetFeature with the stored query "
        "GetFeatureById SHALL return the feature itself.",
    ),
    (
        "post-filter",
        "A.1.6 (HTTP POST); 6.4, Annex D, 7.9.2: a POSTed wfs:GetFeature whose wfs:Query carries a fes:Filter "
        "(PropertyIsEqualTo, PropertyIsLike, And, Or, Not, as the Filter_Capabilities declare them) SHALL return "
        "the features the filter holds for, and no other.",
    ),
)


_SOAP = (
    (
        "soap-get-feature",
        "A.1.7 (SOAP encoding); 6.4, Annex D: a server declaring SOAPEncoding SHALL answer a wfs:GetFeature sent "
        "in the Body of a SOAP envelope with a SOAP envelope whose Body holds the wfs:FeatureCollection, the "
        "features of the same query in KVP. Annex D (09-025r1) asks for SOAP 1.1 but builds faults after SOAP 1.2, "
        "and the OGC test suite sends SOAP 1.1 to 2.0.0 and SOAP 1.2 to 2.0.2 servers, so both versions are "
        "accepted: the request goes out as SOAP 1.2 and, where only SOAP 1.1 answers, as SOAP 1.1.",
    ),
    (
        "soap-fault",
        "A.1.7 (SOAP encoding); 6.4, Annex D, 7.5: a server declaring SOAPEncoding SHALL report an exception to a "
        "SOAP request as a soap:Fault whose detail (SOAP 1.2: Detail) holds the ows:ExceptionReport, in the SOAP "
        "version (1.1 or 1.2) that answered the GetFeature.",
    ),
)


def _req(name: str, statement: str, cls: str) -> Requirement:
    return Requirement(f"{BASE}/req/{name}", cls, ID, VERSION, M, statement, SPEC)


REQUIREMENTS = (
    *(_req(n, s, SIMPLE) for n, s in _SIMPLE),
    *(_req(n, s, BASIC) for n, s in _BASIC),
    *(_req(n, s, PAGING) for n, s in _PAGING),
    *(_req(n, s, POST) for n, s in _POST),
    *(_req(n, s, SOAP) for n, s in _SOAP),
)

STANDARD = Standard(
    id=ID,
    title="OGC Web Feature Service 2.0 (ISO 19142)",
    title_de="OGC Web Feature Service 2.0 (ISO 19142)",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    target_kinds=("url",),
    requirements=REQUIREMENTS,
    packs=("ogc-xml-schemas",),
    options=(
        Option(
            "max_types",
            3,
            "feature types described and asked for (DescribeFeatureType, GetFeature, GetPropertyValue, "
            "GetFeatureById), sampled from the capabilities; the report says when this cuts",
        ),
        Option(
            "feature_id",
            "",
            "an identifier of a feature, for GetFeatureById where no ad hoc query (Basic WFS) can find one",
        ),
        Option("page_size", 10, "COUNT of the GetFeature requests whose next links are followed (response paging)"),
        Option("max_pages", 5, "pages followed per feature type (response paging); the report says when this cuts"),
        Option("max_crs", 3, "OtherCRS asked for per feature type (srsName); the report says when this cuts"),
    ),
)

SUITE: ServiceSuite[object] = ServiceSuite(STANDARD, MESSAGES, __name__, "service")

__all__ = ["STANDARD", "SUITE"]
