"""Query parameters of the items operation as the API definition declares them."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

from conformance.core.evidence import MissingMember, SchemaViolation, Violation
from conformance.core.messages import Param
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.openapi import Definition, Parameter, undescribed

Found = Generator[Violation, None, Parameter | None]


def items_path(collection: str) -> str:
    """The items path of a collection, relative to the API root."""
    return f"/collections/{collection}/items"


def query_parameters(api: Definition, collection: str) -> list[Parameter]:
    """The query parameters of the items operation (unresolved references included)."""
    return [p for p in api.parameters(items_path(collection)) if p.raw is None or p.location == "query"]


def declared_parameter(api: Definition, collection: str, name: str) -> Found:
    """Yield a violation unless the items operation declares the query parameter; return it."""
    path = items_path(collection)
    found = api.operation(path)
    if found is None:
        yield undescribed(api, path, api.doc.exchange)
        return None
    for param in query_parameters(api, collection):
        if param.name == name:
            return param
    yield MissingMember(
        m("undeclared-param", path=path, name=name),
        locator=api.doc.at(f"{found[0]}/parameters"),
        expected=name,
        actual=sorted(p.name or p.ref for p in query_parameters(api, collection)),
        exchange=api.doc.exchange,
    )
    return None


def shape(api: Definition, param: Parameter, schema_type: str) -> Iterator[Violation]:
    """Query parameter, optional, of the schema type, form style, not exploded (the standard's fragment)."""
    raw = param.raw or {}
    wanted = {"required": False, "style": "form", "explode": False, "schema type": schema_type}
    style = raw.get("style", "form")
    actual = {
        "required": raw.get("required", False),
        "style": style,
        "explode": raw.get("explode", style == "form"),
        "schema type": param.schema.get("type"),
    }
    for key, value in wanted.items():
        if actual[key] != value:
            named: Param = m("phrase.schema-type") if key == "schema type" else key
            yield SchemaViolation(
                m("param-shape", name=param.name, key=named, actual=repr(actual[key]), value=repr(value)),
                locator=api.doc.at(param.pointer),
                expected=value,
                actual=actual[key],
                exchange=api.doc.exchange,
            )


def limit_bounds(api: Definition | None, collection: str) -> tuple[int, int | None]:
    """The declared minimum and maximum of limit (minimum 1 and no maximum when nothing is declared)."""
    if api is None:
        return 1, None
    for param in query_parameters(api, collection):
        if param.name == "limit":
            low, high = param.schema.get("minimum"), param.schema.get("maximum")
            return (low if isinstance(low, int) else 1), (high if isinstance(high, int) else None)
    return 1, None


def limit_default(api: Definition | None, collection: str) -> int | None:
    """The declared default of limit: the page size of a request without limit (None if not declared)."""
    for param in query_parameters(api, collection) if api is not None else []:
        if param.name == "limit" and isinstance(param.schema.get("default"), int):
            return int(param.schema["default"])
    return None


def free_forms(api: Definition, path: str) -> list[Parameter]:
    """Free-form query parameters of the GET operation of a path (objects that admit any parameter name)."""
    return [p for p in api.parameters(path) if p.location == "query" and p.free_form]


def named(api: Definition, path: str) -> set[str]:
    """The query parameter names the GET operation of a path declares explicitly."""
    return {p.name for p in api.parameters(path) if p.name and p.location == "query" and not p.free_form}


def bbox_sizes(schema: dict[str, Any]) -> set[int]:
    """Which of 4 and 6 items an array schema admits (through minItems/maxItems and oneOf/anyOf branches)."""
    branches = schema.get("oneOf") or schema.get("anyOf")
    if isinstance(branches, list) and branches:
        rest = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}
        return set().union(*(bbox_sizes({**rest, **b}) for b in branches if isinstance(b, dict)))
    low, high = schema.get("minItems", 0), schema.get("maxItems", 6)
    return {n for n in (4, 6) if low <= n <= high}
