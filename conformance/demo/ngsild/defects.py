"""TEST DOUBLE: the defects the NGSI-LD reference broker double can be switched into.

Each defect breaks exactly one requirement of ETSI GS CIM 009 V1.6.1 and names the clause it breaks; the
broker behaves as the text says in everything else. ``tests/demo/test_ngsild_defects.py`` shows for every
defect that it changes that behaviour visibly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Defect:
    """One switchable defect: its name, the clause(s) it breaks and what the broker then does."""

    name: str
    clause: str
    description: str


_ALL = (
    Defect("create-no-location", "6.4.3.1", "201 Created of an entity creation carries no Location header"),
    Defect("create-200", "6.4.3.1", "entity creation answers 200 instead of 201 Created"),
    Defect(
        "create-duplicate-overwrites",
        "5.6.1.4",
        "creating an existing entity replaces it (201) instead of raising AlreadyExists (409)",
    ),
    Defect("non-uri-id-accepted", "5.2.4, 5.6.1.4", "entity ids that are not URIs are accepted"),
    Defect(
        "content-type-ignored",
        "6.3.4",
        "request bodies of any Content-Type are accepted instead of answering 415 Unsupported Media Type",
    ),
    Defect(
        "missing-entity-500",
        "5.7.1.4, 6.3.2",
        "retrieving an unknown entity answers 500 InternalError instead of 404 ResourceNotFound",
    ),
    Defect("problem-details-html", "5.5.2, 6.3.2", "errors come as an HTML page instead of a JSON ProblemDetails body"),
    Defect(
        "wrong-error-type",
        "5.5.2 (Table 5.5.2-1), 6.3.2",
        "every ProblemDetails carries the type BadRequestData, whatever the error (the status stays right)",
    ),
    Defect("retrieve-attrs-ignored", "5.7.1.4", "attrs is ignored when retrieving an entity (all attributes come)"),
    Defect("retrieve-without-type", "5.7.1.4", "an entity retrieved without query parameters comes without its type"),
    Defect("keyvalues-ignored", "6.3.7, 4.5.4", "options=keyValues is answered in the normalized representation"),
    Defect("sysattrs-ignored", "6.3.11, 4.8", "options=sysAttrs leaves out createdAt and modifiedAt"),
    Defect("type-filter-ignored", "5.7.2.4, 4.17", "queries ignore the type parameter"),
    Defect("q-ignored", "4.9, 5.7.2.4", "queries ignore the q parameter"),
    Defect("q-or-as-and", "4.9", "the | (or) operator of q is evaluated as ; (and)"),
    Defect("q-numbers-as-text", "4.9", 'q compares numbers as text ("9" > "10")'),
    Defect("idpattern-ignored", "5.7.2.4", "queries ignore the idPattern parameter"),
    Defect("query-attrs-ignored", "5.7.2.4", "queries ignore attrs (neither filter nor projection)"),
    Defect("near-in-kilometres", "4.10", "georel=near;maxDistance and minDistance are taken as kilometres"),
    Defect("within-ignored", "4.10", "georel=within matches every entity that has the geoproperty"),
    Defect("geoproperty-ignored", "4.10, 6.4.3.2", "geo-queries always use location, whatever geoproperty names"),
    Defect("limit-ignored", "5.5.9, 6.3.10", "queries ignore limit (the default page size applies)"),
    Defect("offset-ignored", "5.5.9, 6.3.10", "queries ignore offset (every page starts at the first entity)"),
    Defect("count-wrong", "6.3.13", "NGSILD-Results-Count gives the number of entities in the page, not all"),
    Defect("count-missing", "6.3.13", "count=true gives no NGSILD-Results-Count header"),
    Defect("json-without-link", "6.3.6", "application/json responses carry no JSON-LD Link header"),
    Defect("jsonld-without-context", "6.3.6", "application/ld+json responses carry no @context"),
    Defect("accept-ignored", "6.3.4, 6.3.6", "Accept: application/ld+json is answered with application/json"),
    Defect(
        "link-context-ignored",
        "6.3.5",
        "the @context of the Link header is ignored when request bodies are expanded (core context only)",
    ),
    Defect(
        "body-context-ignored",
        "6.3.5",
        "the @context of application/ld+json bodies is ignored when they are expanded (core context only)",
    ),
    Defect(
        "compaction-core-only",
        "6.3.5",
        "responses are compacted with the core @context only, not with the request's @context",
    ),
    Defect(
        "mixed-context-accepted",
        "6.3.5",
        "an application/ld+json request with a JSON-LD Link header is accepted instead of BadRequestData",
    ),
    Defect(
        "ld-without-context-accepted",
        "6.3.5",
        "an application/ld+json body without @context is accepted instead of BadRequestData",
    ),
    Defect(
        "unavailable-context-ignored",
        "6.3.5, 5.5.2",
        "a Link header naming an unavailable @context falls back to the core context (no LdContextNotAvailable)",
    ),
    Defect(
        "update-appends",
        "5.6.2.4",
        "updating attributes appends the missing ones (204) instead of reporting them as not updated (207)",
    ),
    Defect("no-overwrite-ignored", "5.6.3.4", "options=noOverwrite is ignored when appending attributes"),
    Defect(
        "partial-update-replaces",
        "5.6.4.4",
        "a partial attribute update replaces the attribute (members not sent, e.g. unitCode, are lost)",
    ),
    Defect("delete-missing-attr-204", "5.6.5.4", "deleting an attribute the entity lacks answers 204, not 404"),
    Defect("delete-keeps-entity", "5.6.6.4", "deleted entities answer 204 but stay retrievable"),
    Defect(
        "modifiedat-frozen", "4.8, 5.6.2.4", "an entity's modifiedAt keeps its old value when its attributes change"
    ),
    Defect("observedat-dropped", "5.2.5", "observedAt of Properties is not kept"),
    Defect("datasetid-merged", "4.5.5", "attribute instances with different datasetIds collapse into one"),
    Defect(
        "relationship-as-property", "4.5.3, 5.2.6", "Relationships are returned as Properties with the object as value"
    ),
    Defect(
        "batch-partial-success",
        "5.6.7.4, 5.6.8.4, 5.6.9.4, 5.6.10.4",
        "batch operations with failed entities answer 201/204 as if all succeeded (no 207)",
    ),
    Defect(
        "batch-create-200",
        "5.6.7.4",
        "a fully successful batch creation answers 200 with a BatchOperationResult instead of 201 with the ids",
    ),
    Defect("types-full-iris", "5.7.5.4", "/types lists expanded IRIs instead of the short names of the @context"),
    Defect("attributes-without-relationships", "5.7.8.4", "/attributes leaves out the Relationship names"),
)

DEFECTS: dict[str, Defect] = {d.name: d for d in _ALL}


def check(names: frozenset[str]) -> frozenset[str]:
    """The defect names, after making sure every one is known."""
    unknown = sorted(names - set(DEFECTS))
    if unknown:
        raise ValueError(f"unknown NGSI-LD defects: {', '.join(unknown)}; known: {', '.join(sorted(DEFECTS))}")
    return names
