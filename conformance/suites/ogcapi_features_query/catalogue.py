"""OGC API – Features Part 2 (CRS by Reference, 18-058r1), Part 3 (Filtering, 19-079r2) and CQL2 (21-065r2).

Three standards, one per document, each with the requirements the suite tests. Requirement URIs and statements
follow the requirement tables of the standards (``/req/...``, all SHALL, so MUSS); the spec URLs point at the
tables' anchors ``req_<class>_<name>`` in the standards' HTML. A server claims a class through its conformance
declaration (``conf/<class>``) or the vendors file; a class neither claims is not applicable.
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation

CRS_ID, FILTER_ID, CQL2_ID = "ogcapi-features-2", "ogcapi-features-3", "cql2"
VERSION = "1.0"
CRS_SPEC = "https://docs.ogc.org/is/18-058r1/18-058r1.html"
FILTER_SPEC = "https://docs.ogc.org/is/19-079r2/19-079r2.html"
CQL2_SPEC = "https://docs.ogc.org/is/21-065r2/21-065r2.html"
CRS_BASE = "http://www.opengis.net/spec/ogcapi-features-2/1.0"
FILTER_BASE = "http://www.opengis.net/spec/ogcapi-features-3/1.0"
CQL2_BASE = "http://www.opengis.net/spec/cql2/1.0"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"

_CRS = {
    "crs": (
        "Coordinate Reference Systems by Reference",
        "Koordinatenreferenzsysteme per Referenz",
        {
            "crs-uri": "A CRS SHALL be identified by a URI (http://www.opengis.net/def/crs/…) or a safe CURIE.",
            "fc-md-crs-list": "Each spatial feature collection SHALL list the CRSs it supports in its crs property.",
            "fc-md-storageCrs": "A spatial feature collection SHALL name the CRS its data is stored in (storageCrs).",
            "fc-md-storageCrs-valid-value": "The storageCrs SHALL be one of the CRSs listed in crs.",
            "fc-crs-valid-value": "A crs naming a CRS the collection does not list SHALL be answered with 400.",
            "fc-crs-action": "With a crs parameter, the coordinates SHALL be in that CRS (in its axis order).",
            "fc-bbox-crs-valid-value": "bbox-crs naming a CRS the collection does not list SHALL be answered with 400.",
            "fc-bbox-crs-action": "With bbox-crs, the bbox SHALL be read in that CRS.",
            "ogc-crs-header": "Responses with features SHALL carry the Content-Crs header.",
            "ogc-crs-header-value": "The Content-Crs header SHALL be the URI of the CRS of the coordinates in <>.",
        },
    ),
}
_FILTER = {
    "queryables": (
        "Queryables",
        "Abfragbare Eigenschaften",
        {
            "get-queryables-op": "Each collection SHALL serve its queryables at /collections/{id}/queryables as "
            "application/schema+json and link to them (rel …/ogc/1.0/queryables).",
            "get-queryables-response": "The queryables SHALL be a JSON Schema (2019-09 or 2020-12) with $id, "
            "type object and one property per queryable.",
        },
    ),
    "queryables-query-parameters": (
        "Queryables as Query Parameters",
        "Abfragbare Eigenschaften als Abfrageparameter",
        {
            "parameters": "Each simple queryable SHALL be a query parameter of the items; the response SHALL "
            "only include features matching its value.",
        },
    ),
    "filter": (
        "Filter",
        "Filter",
        {
            "filter-param": "The items operation SHALL support the parameter filter.",
            "filter-lang-param": "The items operation SHALL support filter-lang with the encodings it lists "
            "(cql2-text, cql2-json).",
            "filter-crs-param": "Where other CRSs are supported, geometries in a filter SHALL be read in the "
            "filter-crs, and an unsupported filter-crs SHALL be an error.",
            "response": "An item SHALL be in the result if and only if the filter evaluates to TRUE for it.",
        },
    ),
    "features-filter": (
        "Features Filter",
        "Filter für Features",
        {
            "response": "filter and the other filtering parameters SHALL all hold for each returned feature, "
            "and an invalid filter, filter-lang or filter-crs SHALL be answered with 400.",
        },
    ),
}
_CQL2 = {
    "basic-cql2": (
        "Basic CQL2",
        "Basis-CQL2",
        {
            "binary-comparison-predicate": "A binary comparison (=, <>, <, >, <=, >=) SHALL evaluate to TRUE "
            "exactly when the operator's requirements are satisfied.",
        },
    ),
    "advanced-comparison-operators": (
        "Advanced Comparison Operators",
        "Erweiterte Vergleichsoperatoren",
        {
            "like-predicate": "LIKE SHALL evaluate to TRUE exactly when the value matches the pattern.",
            "between-predicate": "BETWEEN SHALL evaluate to TRUE exactly when the value lies in the range.",
            "in-predicate": "IN SHALL evaluate to TRUE exactly when the value is one of the list.",
        },
    ),
    "basic-spatial-functions": (
        "Basic Spatial Functions",
        "Räumliche Basisfunktionen",
        {
            "spatial-predicate": "S_INTERSECTS SHALL evaluate to TRUE exactly when the geometries intersect.",
        },
    ),
    "cql2-text": (
        "CQL2 Text encoding",
        "CQL2-Textkodierung",
        {"filter-lang": "A filter encoded as text SHALL be indicated (and accepted) with filter-lang=cql2-text."},
    ),
    "cql2-json": (
        "CQL2 JSON encoding",
        "CQL2-JSON-Kodierung",
        {"basic-cql2": "The server SHALL parse and evaluate Basic CQL2 filter expressions encoded as JSON."},
    ),
}


def _standard(
    sid: str, title: tuple[str, str], spec: str, base: str, classes: dict[str, tuple[str, str, dict[str, str]]]
) -> Standard:
    conf = tuple(
        ConformanceClass(f"{base}/conf/{c}", c, de, en, f"{spec}#rc_{c}") for c, (en, de, _) in classes.items()
    )
    requirements = tuple(
        Requirement(
            f"{base}/req/{c}/{name}",
            f"{base}/conf/{c}",
            sid,
            VERSION,
            Obligation.MUSS,
            text,
            f"{spec}#req_{c}_{name}",
        )
        for c, (_, _, texts) in classes.items()
        for name, text in texts.items()
    )
    return Standard(
        id=sid,
        title=title[0],
        title_de=title[1],
        version=VERSION,
        classes=conf,
        spec_url=spec,
        requirements=requirements,
        options=OPTIONS,
    )


OPTIONS = (
    Option("max_collections", 5, "collections sampled from /collections (the report says when this cuts)"),
    Option("max_features", 3, "features per sampled collection whose values build the probes"),
    Option("max_crs", 3, "declared CRSs per collection a feature is fetched and reprojected in"),
    Option("max_filters", 4, "filters of each kind built per collection from the values seen"),
)

CRS_STANDARD = _standard(
    CRS_ID,
    ("OGC API – Features – Part 2: Coordinate Reference Systems by Reference", "OGC API – Features – Teil 2: KRS"),
    CRS_SPEC,
    CRS_BASE,
    _CRS,
)
FILTER_STANDARD = _standard(
    FILTER_ID,
    ("OGC API – Features – Part 3: Filtering", "OGC API – Features – Teil 3: Filtern"),
    FILTER_SPEC,
    FILTER_BASE,
    _FILTER,
)
CQL2_STANDARD = _standard(
    CQL2_ID, ("Common Query Language (CQL2)", "Common Query Language (CQL2)"), CQL2_SPEC, CQL2_BASE, _CQL2
)
STANDARDS = (CRS_STANDARD, FILTER_STANDARD, CQL2_STANDARD)


def conf(standard: Standard, cls: str) -> str:
    """The URI of a conformance class of one of the three standards by its short name."""
    return next(c.uri for c in standard.classes if c.short == cls)
