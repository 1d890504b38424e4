"""OGC Catalogue Service 2.0.2 (OGC 07-006r1), HTTP protocol binding, with the ISO Metadata Application Profile
1.0 (OGC 07-045) as GDI-DE uses it: the conformance classes and requirements tested.

07-006r1 has no requirement URIs; its HTTP binding (clause 10) makes GetCapabilities, DescribeRecord, GetRecords
and GetRecordById mandatory. A requirement here is one testable statement of such an operation, named by the
clause that words it, with the obligation as the clause gives it; the identifiers are the project's own
(``urn:wechselbar:csw-2.0.2/req/...``). The ISO profile (07-045) adds the output schema
``http://www.isotc211.org/2005/gmd`` (ISO 19139 records) to GetRecords and GetRecordById.
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.suites.csw.messages import MESSAGES
from conformance.suites.ows import ServiceSuite

ID = "csw-2.0.2"
VERSION = "2.0.2"
SPEC = "https://portal.ogc.org/files/?artifact_id=20555"
ISO_SPEC = "https://portal.ogc.org/files/?artifact_id=21460"
BASE = "urn:wechselbar:csw-2.0.2"
CORE, ISO = f"{BASE}/conf/core", f"{BASE}/conf/iso-ap"

CLASSES = (
    ConformanceClass(CORE, "core", "CSW-Kern (HTTP-Bindung)", "CSW core (HTTP binding)", SPEC),
    ConformanceClass(ISO, "iso-ap", "ISO-Anwendungsprofil 1.0", "ISO Application Profile 1.0", ISO_SPEC),
)

M = Obligation.MUSS

_CORE: tuple[tuple[str, str] | tuple[str, str, Obligation], ...] = (
    (
        "capabilities-schema",
        "10.5: the GetCapabilities response SHALL be a csw:Capabilities document of version 2.0.2 that validates "
        "against the CSW 2.0.2 schema (CSW-discovery.xsd).",
    ),
    (
        "core-operations",
        "10.5, 10.3: the capabilities SHALL list the mandatory operations GetCapabilities, DescribeRecord, "
        "GetRecords and GetRecordById.",
    ),
    (
        "describe-record",
        "10.6: DescribeRecord SHALL answer with a csw:DescribeRecordResponse valid against CSW-discovery.xsd whose "
        "schema components describe the csw:Record of the catalogue's information model.",
    ),
    (
        "get-records-hits",
        "10.8.4.3: GetRecords with resultType=hits SHALL return a SearchResults element that gives the number of "
        "matching records (numberOfRecordsMatched) and no records.",
    ),
    (
        "get-records-results",
        "10.8.4.3, 10.8.4.7: GetRecords with resultType=results SHALL include the matching records up to "
        "maxRecords, numberOfRecordsReturned giving how many came, in a response valid against CSW-discovery.xsd.",
    ),
    (
        "get-records-paging",
        "10.8.4.6, 10.8.4.7, CSW-discovery.xsd (nextRecord): startPosition and maxRecords SHALL select a slice of "
        "the result set and nextRecord SHALL give the position of the next record (0 when none remains), so that "
        "following it yields every matching record once.",
    ),
    (
        "element-sets",
        "10.8.4.9, 10.2.5: the element sets brief, summary and full SHALL give csw:BriefRecord, csw:SummaryRecord "
        "and csw:Record, each with at least the elements of the smaller set (full ⊇ summary ⊇ brief).",
    ),
    (
        "constraint-cql",
        "10.8.4.10, 10.8.4.11, 6.2.2: a GetRecords constraint in CQL (CONSTRAINTLANGUAGE=CQL_TEXT) SHALL select "
        "exactly the records it matches: every record returned for dc:title LIKE a word of a record's title "
        "holds that word.",
    ),
    (
        "constraint-filter",
        "10.8.4.10, 10.8.4.11, OGC 04-095: a GetRecords constraint as an OGC Filter (CONSTRAINTLANGUAGE=FILTER) "
        "SHALL select exactly the records it matches: every record returned for ogc:PropertyIsLike on dc:title "
        "holds the word.",
    ),
    (
        "post-get-records",
        "10.8.3, 10.3.3: GetRecords in the XML encoding, POSTed, with an ogc:Filter constraint SHALL select "
        "exactly the records it matches.",
    ),
    (
        "get-record-by-id",
        "10.9: GetRecordById SHALL answer with a csw:GetRecordByIdResponse, valid against CSW-discovery.xsd, that "
        "holds the record with the identifier asked for.",
    ),
    (
        "get-record-by-id-unknown",
        "10.9.4.2: if any of the identifiers specified in GetRecordById is invalid, the operation SHOULD fail and an "
        "exception message SHOULD be returned as described in 10.3.7 (an ows:ExceptionReport); an identifier no "
        "record carries is asked for.",
        Obligation.SOLL,
    ),
    (
        "exception-report",
        "10.3.7, OGC 05-008 8: an exception SHALL be reported as an ows:ExceptionReport that validates against "
        "the OWS 1.0.0 schema owsExceptionReport.xsd.",
    ),
    (
        "exception-codes",
        "10.3.7, OGC 05-008 Table 25: a request the server cannot satisfy SHALL raise the code OWS Common gives: "
        "MissingParameterValue for GetRecordById without Id, InvalidParameterValue for an unknown "
        "ElementSetName, OperationNotSupported for an unknown operation.",
    ),
)

_ISO = (
    (
        "iso-capabilities",
        "OGC 07-045 7.5 (service information model: a compliant catalogue SHALL describe its capabilities per OGC "
        "05-008 and they SHALL be a valid CSW 2.0.2 capabilities document); the capabilities SHALL offer the output "
        "schema http://www.isotc211.org/2005/gmd for GetRecords and GetRecordById and the type name gmd:MD_Metadata "
        "for GetRecords. Note: the 07-045 clause that names these parameter values was not verified in the text "
        "read; the statement rests on the profile's output schema (7.4, ISO 19139 response element sets).",
        M,
    ),
    (
        "iso-profiles",
        "OGC 07-045 7.5: catalogues MAY advertise, in the capabilities document, operation constraints specific to "
        "CSW-ISO catalogues; the IsoProfiles constraint lists the supported ISO profiles "
        "(http://www.isotc211.org/2005/gmd among them). Not applicable where the server does not claim the ISO AP "
        "or advertises no IsoProfiles constraint.",
        Obligation.KANN,
    ),
    (
        "iso-get-record-by-id",
        "OGC 07-045 7.4.3 (FULL result set: at most every element of ISO/TS 19139): GetRecordById with "
        "outputSchema=http://www.isotc211.org/2005/gmd and ElementSetName=full SHALL return the record as a "
        "gmd:MD_Metadata (ISO 19139) with that fileIdentifier, valid against the ISO 19139 schema. Note: the clause "
        "of 07-045 on GetRecordById's outputSchema was not verified in the text read.",
        M,
    ),
    (
        "iso-get-records",
        "OGC 07-045 7.4.3 (FULL result set: at most every element of ISO/TS 19139): GetRecords with "
        "typeNames=gmd:MD_Metadata, outputSchema=http://www.isotc211.org/2005/gmd and ElementSetName=full SHALL "
        "return gmd:MD_Metadata records (ISO 19139) in a response valid against CSW-discovery.xsd, each record valid "
        "against the ISO 19139 schema. Note: the clause of 07-045 on GetRecords' outputSchema was not verified in "
        "the text read.",
        M,
    ),
)


def _req(name: str, statement: str, cls: str, obligation: Obligation = M) -> Requirement:
    spec = ISO_SPEC if cls == ISO else SPEC
    return Requirement(f"{BASE}/req/{name}", cls, ID, VERSION, obligation, statement, spec)


REQUIREMENTS = (*(_req(*r[:2], CORE, *r[2:]) for r in _CORE), *(_req(n, s, ISO, o) for n, s, o in _ISO))

STANDARD = Standard(
    id=ID,
    title="OGC Catalogue Service 2.0.2 (CSW) with the ISO Application Profile 1.0",
    title_de="OGC Catalogue Service 2.0.2 (CSW) mit dem ISO-Anwendungsprofil 1.0",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    target_kinds=("url",),
    requirements=REQUIREMENTS,
    packs=("ogc-xml-schemas",),
    options=(
        Option("page_size", 5, "maxRecords of the GetRecords requests whose nextRecord is followed"),
        Option("max_pages", 20, "GetRecords pages followed (paging); the report says when this cuts"),
        Option(
            "max_records",
            3,
            "records asked for by GetRecordById (in both output schemas), spread over those the paging met; the "
            "report says when this cuts",
        ),
    ),
)

SUITE: ServiceSuite[object] = ServiceSuite(STANDARD, MESSAGES, __name__, "service")

__all__ = ["STANDARD", "SUITE"]
