"""TEST DOUBLE: OGC API – Features Part 3 (Filtering) with CQL2 in the Features test server (``cql2`` package).

Conformant by default: queryables as JSON Schema 2020-12, queryables as query parameters, ``filter`` in
cql2-text (the default) and cql2-json, ``filter-crs`` for geometries in another listed CRS; unknown properties,
malformed filters and unknown encodings are answered with 400. Each name in FILTER_DEFECTS switches one
deviation on.
"""

from __future__ import annotations

import re
from typing import Any

from conformance.demo import features_crs
from conformance.demo.features_data import Collection
from conformance.demo.features_query import BadRequest

F3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/"
C2 = "http://www.opengis.net/spec/cql2/1.0/conf/"
CLASSES = [F3 + c for c in ("queryables", "queryables-query-parameters", "filter", "features-filter")] + [
    C2 + c for c in ("basic-cql2", "advanced-comparison-operators", "basic-spatial-functions", "cql2-text", "cql2-json")
]
PARAMS = frozenset({"crs", "bbox-crs", "filter", "filter-lang", "filter-crs"})
REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables"
FILTER_DEFECTS: dict[str, str] = {
    "no-queryables": "/queryables answers 404",
    "queryables-no-link": "collections do not link to their queryables",
    "queryables-invalid": "the queryables declare JSON Schema draft-07 and type array",
    "queryable-params-ignored": "queryables as query parameters are ignored",
    "filter-ignored": "filter is accepted and ignored",
    "cql2-text-lang-rejected": "filter-lang=cql2-text is answered with 400 (only the default works)",
    "cql2-json-unsupported": "cql2-json filters are answered with 400",
    "spatial-unsupported": "S_INTERSECTS is answered with 400",
    "in-unsupported": "IN is answered with 400",
    "equality-unsupported": "= is answered with 400",
    "between-exclusive": "BETWEEN excludes its upper bound",
    "comparison-strict": ">= is evaluated as >",
    "unknown-property-accepted": "a filter on an unknown property is answered with an empty page (200)",
    "malformed-filter-accepted": "a malformed filter is ignored (200)",
    "filter-crs-ignored": "filter-crs is ignored: filter geometries are read as CRS84",
    "filter-bbox-or": "filter and bbox together select features matching either",
}


def queryables(base: str, collection: Collection, defects: frozenset[str]) -> dict[str, Any]:
    """The queryables of a collection as JSON Schema."""
    if "no-queryables" in defects:
        raise LookupError(f"queryables of {collection.id}")
    draft = "https://json-schema.org/draft/2020-12/schema"
    out: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#" if "queryables-invalid" in defects else draft,
        "$id": f"{base}/collections/{collection.id}/queryables",
        "type": "array" if "queryables-invalid" in defects else "object",
        "title": collection.title,
        "properties": {"geometry": {"format": "geometry-any", "x-ogc-role": "primary-geometry"}, **_types(collection)},
    }
    return out


def _types(collection: Collection) -> dict[str, Any]:
    sample = collection.features[0]["properties"]
    kinds = {str: "string", int: "integer", float: "number", bool: "boolean"}
    return {name: {"type": kinds[type(value)]} for name, value in sample.items() if type(value) in kinds}


def link(base: str, collection: Collection, defects: frozenset[str]) -> list[dict[str, str]]:
    """The link from a collection to its queryables."""
    if "queryables-no-link" in defects:
        return []
    url = f"{base}/collections/{collection.id}/queryables"
    return [{"href": url, "rel": REL, "type": "application/schema+json", "title": "queryables"}]


def allowed(collection: Collection) -> frozenset[str]:
    """The query parameters the items of a collection accept besides Part 1's."""
    return PARAMS | frozenset(_types(collection))


def narrow(collection: Collection, found: list[dict[str, Any]], params: dict[str, str], defects: frozenset[str]) -> Any:
    """The features that also satisfy the queryable parameters and the filter."""
    if "queryable-params-ignored" not in defects:
        for name in set(params) & set(_types(collection)):
            found = [f for f in found if _plain(f["properties"].get(name)) == params[name]]
    if "filter" not in params:
        return found
    test = _expression(collection, params, defects)
    if test is None:
        return found
    crs = features_crs.chosen(params.get("filter-crs"), defects, "")
    crs = None if "filter-crs-ignored" in defects else crs
    return [f for f in found if _holds(test, f, crs, defects)]


def _plain(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _expression(collection: Collection, params: dict[str, str], defects: frozenset[str]) -> Any:
    import cql2  # noqa: PLC0415

    lang = params.get("filter-lang")
    if lang not in (None, "cql2-text", "cql2-json") or (lang == "cql2-text" and "cql2-text-lang-rejected" in defects):
        raise BadRequest(f"filter-lang {lang!r} is not supported")
    text = params["filter"]
    try:
        parsed = cql2.parse_json(text) if lang == "cql2-json" else cql2.parse_text(text)
    except Exception as exc:  # cql2's ParseError and ValueError
        if "malformed-filter-accepted" in defects:
            return None
        raise BadRequest(f"invalid filter: {exc}") from None
    if lang == "cql2-json" and "cql2-json-unsupported" in defects:
        raise BadRequest("cql2-json is not supported")
    _supported(parsed.to_text(), collection, defects)
    return None if "filter-ignored" in defects else _adjusted(parsed.to_text(), defects)


def _supported(text: str, collection: Collection, defects: frozenset[str]) -> None:
    operator = r"\s*(?:=|<>|<|>|(?:LIKE|BETWEEN|IN|IS)\b)"
    names = set(re.findall(r'\b"?([A-Za-z_][A-Za-z0-9_]*)"?' + operator, text, re.IGNORECASE))
    names |= set(re.findall(r"S_INTERSECTS\(\"?([A-Za-z_][A-Za-z0-9_]*)", text, re.IGNORECASE))
    unknown = names - set(_types(collection)) - {"geometry"}
    if unknown and "unknown-property-accepted" not in defects:
        raise BadRequest(f"unknown queryables: {', '.join(sorted(unknown))}")
    if "S_INTERSECTS" in text.upper() and "spatial-unsupported" in defects:
        raise BadRequest("S_INTERSECTS is not supported")
    if re.search(r"(?<![<>])=", text) and "equality-unsupported" in defects:
        raise BadRequest("= is not supported")
    if " IN " in text.upper() and "in-unsupported" in defects:
        raise BadRequest("IN is not supported")


def _adjusted(text: str, defects: frozenset[str]) -> Any:
    import cql2  # noqa: PLC0415

    if "comparison-strict" in defects:
        text = text.replace(">=", ">")
    if "between-exclusive" in defects:
        text = re.sub(r"(\S+) BETWEEN (\S+) AND (\S+)", r"(\1 >= \2 AND \1 < \3)", text)
    return cql2.parse_text(text)


def _holds(test: Any, feature: dict[str, Any], crs: str | None, defects: frozenset[str]) -> bool:
    geometry = features_crs.moved(feature.get("geometry"), crs, defects)
    properties = {**feature["properties"], "geometry": geometry}
    try:
        return bool(test.matches({"type": "Feature", "geometry": geometry, "properties": properties}))
    except Exception:  # cql2 raises a plain Exception when a value is NULL
        return False
