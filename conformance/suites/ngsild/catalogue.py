"""NGSI-LD (ETSI GS CIM 009) as data: one requirement per testable statement, each tied to its clause.

ETSI GS CIM 009 has no abstract test suite; requirement ids are clause numbers with a key
(``urn:etsi:gs:cim:009:v1.6.1/clause-5.7.1/retrieve``). The id names the version the suite was written for
(V1.6.1), but V1.6.1's text could not be read in full here, so every statement ends with the basis of its clause
number (``BASIS``): the text of V1.9.1, the clause tags of the ETSI NGSI-LD test suite (its baseline tests, run
against every version), tests written against V1.9.1, or only V1.6.1's OpenAPI description. Where the versions
differ, the statement says so (LdContextNotAvailable: 504 in V1.9.1, 503 in the ETSI test suite; both accepted).
The statements summarise the operations' behaviour and are not quotations. Brokers that declare another API
version keep these operations; the version a broker declares is stated in a note on every result.

Classes: reading (``read``; never writes), writing (``write``; only when the vendors file sets the target option
``writes = true``, so a city's production broker is never written to otherwise) and the temporal API
(``temporal``; only where the vendors file declares it with ``temporal = true``).
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.harness.writes import writes_option

ID = "ngsi-ld"
VERSION = "V1.6.1"
SPEC = "https://www.etsi.org/deliver/etsi_gs/CIM/001_099/009/01.06.01_60/gs_CIM009v010601p.pdf"
BASE = "urn:etsi:gs:cim:009:v1.6.1"
READ, WRITE, TEMPORAL = f"{BASE}/conf/read", f"{BASE}/conf/write", f"{BASE}/conf/temporal"

CLASSES = (
    ConformanceClass(
        READ, "read", "Lesen und Abfragen (ohne Schreibzugriff)", "Reading and querying (no writes)", SPEC
    ),
    ConformanceClass(WRITE, "write", "Schreiben (nur mit writes = true)", "Writing (only with writes = true)", SPEC),
    ConformanceClass(TEMPORAL, "temporal", "Temporale API (wo erklärt)", "Temporal API (where declared)", SPEC),
)

_READ = (
    ("5.7.1", "retrieve", "Retrieve Entity SHALL answer 200 with the entity of the requested id and its type."),
    ("5.7.1", "retrieve-attrs", "Retrieve Entity with attrs SHALL return only the attributes asked for."),
    ("5.7.1", "not-found", "Retrieving an unknown entity SHALL answer 404 with error type ResourceNotFound."),
    ("5.2.4", "bad-id", "A request naming an entity id that is not a URI SHALL answer 400 BadRequestData."),
    (
        "5.5.2",
        "problem-details",
        "Errors SHALL be ProblemDetails: a JSON object whose type is the ETSI error type URI.",
    ),
    (
        "6.3.7",
        "key-values",
        "options=keyValues SHALL give each attribute as its bare value (object for Relationships).",
    ),
    ("6.3.11", "sys-attrs", "options=sysAttrs SHALL add createdAt and modifiedAt to the entity and its attributes."),
    ("5.7.2", "query-type", "Query Entities with type SHALL return only entities of that type."),
    ("5.7.2", "query-id-pattern", "Query Entities with idPattern SHALL return only entities whose id matches it."),
    ("5.7.2", "query-attrs", "Query Entities with attrs SHALL return entities having one of them, projected."),
    ("4.9", "q", "q SHALL select exactly the entities for which the expression holds (numbers compared as numbers)."),
    ("4.9", "q-or", "In q, | SHALL be the logical or (and ; the logical and)."),
    ("4.10", "near", "georel=near;maxDistance SHALL select the entities within that many metres."),
    ("4.10", "within", "georel=within SHALL select exactly the entities whose geometry lies within the geometry."),
    ("4.10", "geoproperty", "A geo-query SHALL apply to the GeoProperty named by geoproperty (default location)."),
    ("6.3.10", "paging", "limit SHALL bound the entities of a page and offset SHALL skip that many of the result."),
    ("6.3.13", "count", "count=true SHALL give the number of all matching entities in NGSILD-Results-Count."),
    ("6.3.6", "json-link", "application/json responses SHALL name their @context in a JSON-LD Link header."),
    ("6.3.6", "ld-context", "Accept: application/ld+json SHALL be answered in application/ld+json with @context."),
    ("6.3.5", "compaction", "Responses SHALL be compacted with the @context of the request (its Link header)."),
    (
        "6.3.5",
        "context-unavailable",
        "A Link header naming an unretrievable @context SHALL give the error type LdContextNotAvailable (5.5.2) "
        "with the HTTP status of 6.3.2: 504 in V1.9.1 (Table 6.3.2-1), 503 in the ETSI test suite (043_01); "
        "both are accepted.",
    ),
    (
        "5.7.5",
        "types",
        "Retrieve Available Entity Types SHALL list the types as short names of the request's @context.",
    ),
    ("5.7.8", "attributes", "Retrieve Available Attributes SHALL list every attribute, Relationships included."),
)

_WRITE = (
    ("5.6.1", "create", "Create Entity SHALL answer 201 Created with a Location header naming the new entity."),
    ("5.6.1", "already-exists", "Creating an entity whose id exists SHALL answer 409 AlreadyExists."),
    ("5.6.1", "non-uri-id", "Creating an entity whose id is not a URI SHALL answer 400 BadRequestData."),
    ("6.3.4", "content-type", "A body of another media type than JSON or JSON-LD SHALL be answered with 415."),
    ("4.5.3", "relationship", "A Relationship SHALL be kept as Relationship with its object."),
    ("5.2.5", "observed-at", "observedAt and unitCode of a Property SHALL be kept."),
    ("4.5.5", "dataset-id", "Instances of one attribute with different datasetIds SHALL be kept apart."),
    ("5.6.2", "update", "Update Entity Attributes SHALL report attributes the entity lacks as notUpdated (207)."),
    ("4.8", "modified-at", "Changing an attribute SHALL move its and its entity's modifiedAt to the change."),
    ("5.6.3", "no-overwrite", "Append Entity Attributes with options=noOverwrite SHALL keep existing attributes."),
    ("5.6.4", "partial-update", "Partial Attribute Update SHALL change only the members sent (unitCode stays)."),
    ("5.6.5", "delete-attribute", "Delete Entity Attribute SHALL remove it (204) and answer 404 for an absent one."),
    ("5.6.6", "delete", "Delete Entity SHALL answer 204 and the entity SHALL be gone (404)."),
    ("5.6.7", "batch-create", "Batch Entity Creation SHALL answer 201 with the created ids when all succeed."),
    ("5.6.7", "batch-partial", "A batch operation with failed entities SHALL answer 207 with success and errors."),
    ("6.3.5", "body-context", "An application/ld+json body SHALL be expanded with its own @context."),
    ("6.3.5", "ld-needs-context", "An application/ld+json body without @context SHALL answer 400 BadRequestData."),
    ("6.3.5", "mixed-context", "An application/ld+json body with a JSON-LD Link header SHALL answer 400."),
    ("6.3.5", "link-context", "An application/json body SHALL be expanded with the @context of the Link header."),
)

_TEMPORAL = (
    ("5.7.4", "temporal-query", "Query Temporal Evolution of Entities SHALL answer 200 with entities of the type."),
)


V191 = "as in the text of V1.9.1"
TESTS = "as tagged by the baseline tests of the ETSI NGSI-LD test suite"
BOTH = f"{V191} and {TESTS}"
LATER = "as cited by tests written against V1.9.1"
OPENAPI = "from V1.6.1's OpenAPI description only (not checked against a text)"
BASIS = {
    **dict.fromkeys(("retrieve", "retrieve-attrs", "not-found", "bad-id", "observed-at", "dataset-id"), V191),
    **dict.fromkeys(("problem-details", "json-link", "ld-context", "context-unavailable"), V191),
    **dict.fromkeys(("batch-create", "batch-partial", "ld-needs-context", "mixed-context"), V191),
    **dict.fromkeys(("key-values", "query-type", "query-id-pattern", "query-attrs", "content-type"), BOTH),
    **dict.fromkeys(("body-context", "link-context", "temporal-query"), BOTH),
    **dict.fromkeys(("paging", "count", "compaction", "create", "already-exists", "non-uri-id", "update"), TESTS),
    **dict.fromkeys(("q", "q-or", "near", "within", "geoproperty", "sys-attrs"), LATER),
    **dict.fromkeys(("types", "attributes", "relationship", "modified-at", "no-overwrite"), OPENAPI),
    **dict.fromkeys(("partial-update", "delete-attribute", "delete"), OPENAPI),
}


def _requirement(clause: str, key: str, cls: str, statement: str) -> Requirement:
    said = f"{statement} (Clause {clause} {BASIS[key]}.)"
    return Requirement(f"{BASE}/clause-{clause}/{key}", cls, ID, VERSION, Obligation.MUSS, said, SPEC)


REQUIREMENTS = tuple(
    _requirement(clause, key, cls, statement)
    for cls, rows in ((READ, _READ), (WRITE, _WRITE), (TEMPORAL, _TEMPORAL))
    for clause, key, statement in rows
)

STANDARD = Standard(
    id=ID,
    title="NGSI-LD API (ETSI GS CIM 009)",
    title_de="NGSI-LD-API (ETSI GS CIM 009)",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    requirements=REQUIREMENTS,
    packs=("ngsi-ld-core-context",),
    options=(
        writes_option("allow the write checks (entities with the suite's id prefix, removed afterwards)"),
        Option("temporal", False, "the broker offers the temporal API (clause 5.7.4)"),
        Option("user_context", "", "URL of a user @context the broker can retrieve (short names in q, attrs)"),
        Option("types", "", "comma-separated entity types to sample (default: from /types)"),
        Option("max_types", 3, "entity types sampled (the report says when this cuts)"),
        Option("max_entities", 3, "entities sampled per type"),
        Option("max_population", 100, "the limit asked for when reading all entities of a type (said when it cuts)"),
        Option("api_version", "", "the API version the broker declares, when it does not say so itself"),
    ),
)
