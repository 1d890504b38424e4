"""TEST DOUBLE: the OpenAPI 3.0 definition of the OGC API Features test server."""

from __future__ import annotations

from typing import Any

from conformance.demo.features_query import DEFAULT_LIMIT, MAX_LIMIT
from conformance.demo.features_render import GEOJSON, HTML, JSON

ERRORS = {"400": "invalid parameter", "404": "not found", "500": "server error"}
EXCEPTION = {
    "type": "object",
    "required": ["code"],
    "properties": {"code": {"type": "string"}, "description": {"type": "string"}},
}
API_KEY = {
    "type": "apiKey",
    "in": "header",
    "name": "X-API-Key",
    "description": "optional: a key raises the rate limit; every operation is open without one",
}


def _parameter(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "style": "form",
        "explode": False,
        "schema": schema,
        "description": description,
    }


PARAMETERS = {
    "f": _parameter("f", {"type": "string", "enum": ["json", "html"]}, "the output format"),
    "limit": _parameter(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
        "the number of features per page",
    ),
    "offset": _parameter("offset", {"type": "integer", "minimum": 0, "default": 0}, "the first feature to return"),
    "bbox": _parameter(
        "bbox",
        {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
        "only features intersecting the box (CRS84)",
    ),
    "datetime": _parameter("datetime", {"type": "string"}, "only features intersecting the instant or interval"),
    "collectionId": {"name": "collectionId", "in": "path", "required": True, "schema": {"type": "string"}},
    "featureId": {"name": "featureId", "in": "path", "required": True, "schema": {"type": "string"}},
}


def _responses(media: tuple[str, ...], errors: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "200": {"description": "success", "content": {m: {"schema": {"type": "object"}} for m in media}}
    }
    out.update({code: {"$ref": f"#/components/responses/e{code}"} for code in errors})
    return out


def _get(
    operation_id: str, params: tuple[str, ...], media: tuple[str, ...], errors: tuple[str, ...], html: bool
) -> dict[str, Any]:
    shown = media + ((HTML,) if html else ())
    return {
        "get": {
            "operationId": operation_id,
            "summary": operation_id,
            "parameters": [{"$ref": f"#/components/parameters/{p}"} for p in params],
            "responses": _responses(shown, errors),
        }
    }


def definition(base: str, defects: frozenset[str]) -> dict[str, Any]:
    """The API definition; the openapi-* defects break it on purpose."""
    html = "no-html" not in defects
    features = (JSON,) if "wrong-items-media-type" in defects else (GEOJSON,)  # documents what it serves
    item_errors = ("400", "404", "500") if "openapi-missing-status" not in defects else ()
    feature_errors = ("404", "500") if "no-404" in defects else ("400", "404", "500")  # no-404: 400 undeclared
    paths = {
        "/": _get("landingPage", ("f",), (JSON,), ("400", "500"), html),
        "/conformance": _get("conformance", ("f",), (JSON,), ("400", "500"), html),
        "/collections": _get("collections", ("f",), (JSON,), ("400", "500"), html),
        "/collections/{collectionId}": _get("collection", ("collectionId", "f"), (JSON,), ("400", "404", "500"), html),
        "/collections/{collectionId}/items": _get(
            "features", ("collectionId", "f", "limit", "offset", "bbox", "datetime"), features, item_errors, html
        ),
        "/collections/{collectionId}/items/{featureId}": _get(
            "feature", ("collectionId", "featureId", "f"), features, feature_errors, html
        ),
    }
    if "openapi-invalid" in defects:
        del paths["/collections"]["get"]["responses"]
    if "openapi-unserved-path" in defects:  # a collection that the server does not serve
        paths["/collections/strassenbaeume/items"] = _get("trees", ("f",), features, item_errors, html)
    return {
        "openapi": "3.0.3",
        "info": {"title": "Musterstadt Geodaten (TEST DOUBLE)", "version": "1.0.0"},
        "servers": [{"url": base}],
        "paths": paths,
        "components": _components(),
        "security": [{"apiKey": []}] if "security-not-enforced" in defects else [{}, {"apiKey": []}],
    }


def _components() -> dict[str, Any]:
    responses = {
        f"e{code}": {"description": text, "content": {JSON: {"schema": {"$ref": "#/components/schemas/exception"}}}}
        for code, text in ERRORS.items()
    }
    return {
        "parameters": PARAMETERS,
        "responses": responses,
        "schemas": {"exception": EXCEPTION},
        "securitySchemes": {"apiKey": API_KEY},
    }
