"""Deterministic boundary cases for each parameter of a documented GET operation, sent before the random ones.

For every query and path parameter with a schema (as bundled; OpenAPI 3.0 and 3.1 keywords): a value below its
``minimum`` and one above its ``maximum`` (integers and numbers, exclusive bounds included), ``maxItems`` items
of an array (a valid request) and ``maxItems``+1 and ``minItems``-1 items (invalid), the empty value against an
``enum`` of strings that does not list it (query parameters), and a value of the wrong type for integers,
numbers, booleans and arrays of numbers. Each case changes one parameter of a valid request (the operation's
first generated case) and names the bound it tests; the invalid ones must be answered with a 4xx.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from conformance.core.messages import Message
from conformance.core.openapi.refs import References, at
from conformance.suites.openapi.messages import m

WRONG = "zzz"
NUMERIC = ("integer", "number")


@dataclass(frozen=True)
class Boundary:
    """One parameter value at or beyond a documented bound, as sent (serialised), and whether it is invalid."""

    name: str
    location: str
    value: Any
    negative: bool
    bound: Message

    @property
    def shown(self) -> str:
        """The value as it goes on the wire, for findings."""
        return ",".join(str(v) for v in self.value) if isinstance(self.value, list) else str(self.value)


def parameters(document: dict[str, Any], op_pointer: str) -> list[dict[str, Any]]:
    """The query and path parameters of an operation (path-level ones included), local references resolved."""
    operation, item = at(document, op_pointer), at(document, op_pointer.rsplit("/", 1)[0])
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for owner in (item, operation):
        for node in (owner.get("parameters") or []) if isinstance(owner, dict) else []:
            param = deref(document, node)
            if isinstance(param, dict) and param.get("in") in ("query", "path") and isinstance(param.get("name"), str):
                found[(param["name"], param["in"])] = param
    return list(found.values())


def boundaries(document: dict[str, Any], param: dict[str, Any]) -> Iterator[Boundary]:
    """The boundary cases of one parameter."""
    schema = deref(document, param.get("schema"))
    if not isinstance(schema, dict):
        return
    name, location = param["name"], param["in"]
    kind = _type(schema)
    cases: list[tuple[Any, bool, Message]] = []
    if kind in NUMERIC:
        cases += _numbers(schema, kind)
    elif kind == "array":
        cases += _arrays(document, schema, param)
    if kind in (*NUMERIC, "boolean") or (kind == "array" and _type(_items(document, schema)) in NUMERIC):
        cases.append((WRONG, True, m("bound.wrong-type", type=kind)))
    enum = schema.get("enum")
    if (
        location == "query"
        and kind == "string"
        and isinstance(enum, list)
        and "" not in enum
        and not param.get("allowEmptyValue")
    ):
        cases.append(("", True, m("bound.empty-enum", enum=[str(v) for v in enum])))
    for value, negative, bound in cases:
        yield Boundary(name, location, value, negative, bound)


def _numbers(schema: dict[str, Any], kind: str) -> list[tuple[Any, bool, Message]]:
    step = 1 if kind == "integer" else 0.5
    out: list[tuple[Any, bool, Message]] = []
    low = _limit(schema, "minimum", "exclusiveMinimum", -step)
    if low is not None:
        out.append((low[0], True, m("bound.below-minimum", minimum=low[1])))
    high = _limit(schema, "maximum", "exclusiveMaximum", step)
    if high is not None:
        out.append((high[0], True, m("bound.above-maximum", maximum=high[1])))
    return out


def _limit(schema: dict[str, Any], inclusive: str, exclusive: str, step: float) -> tuple[Any, Any] | None:
    """(the first value beyond the bound, the bound as written), or None without a bound."""
    bound: Any = schema.get(inclusive)
    strict: Any = schema.get(exclusive)
    if _number(strict):  # OpenAPI 3.1: the exclusive bound itself is invalid
        return strict, strict
    if not _number(bound):
        return None
    return (bound, bound) if strict is True else (_tidy(float(bound) + step), bound)


def _arrays(document: dict[str, Any], schema: dict[str, Any], param: dict[str, Any]) -> list[tuple[Any, bool, Message]]:
    items = _items(document, schema)
    joined = param["in"] == "path" or not param.get("explode", param.get("style", "form") == "form")
    out: list[tuple[Any, bool, Message]] = []
    most, least = schema.get("maxItems"), schema.get("minItems")
    if isinstance(most, int):
        out.append((_serialised(_samples(items, most), joined), False, m("bound.max-items", count=most)))
        out.append((_serialised(_samples(items, most + 1), joined), True, m("bound.above-max-items", count=most)))
    if isinstance(least, int) and least > 0:
        out.append((_serialised(_samples(items, least - 1), joined), True, m("bound.below-min-items", count=least)))
    return out


def _samples(items: Any, count: int) -> list[Any]:
    """``count`` valid item values, distinct where the item schema allows (0, 1, 2, … for numbers)."""
    schema = items if isinstance(items, dict) else {}
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return [enum[i % len(enum)] for i in range(count)]
    if _type(schema) in NUMERIC:
        low = schema.get("minimum", 0) if _number(schema.get("minimum")) else 0
        high = schema.get("maximum") if _number(schema.get("maximum")) else None
        return [min(low + i, high) if high is not None else low + i for i in range(count)]
    if _type(schema) == "boolean":
        return [i % 2 == 0 for i in range(count)]
    return [f"v{i}" for i in range(count)]


def _serialised(values: list[Any], joined: bool) -> Any:
    shown = [str(v).lower() if isinstance(v, bool) else str(v) for v in values]
    return ",".join(shown) if joined else shown


def _items(document: dict[str, Any], schema: dict[str, Any]) -> Any:
    return deref(document, schema.get("items"))


def _type(schema: Any) -> str:
    kind = schema.get("type") if isinstance(schema, dict) else None
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    return kind if isinstance(kind, str) else ""


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def deref(document: dict[str, Any], node: Any) -> Any:
    """A node with its local references followed (None where one does not resolve)."""
    return References("", document).resolve(node)
