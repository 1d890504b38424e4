"""TEST DOUBLE: the NGSI-LD query language of ``q`` (clause 4.9), parsed and evaluated on expanded entities.

Supported: attribute existence, ``== != > >= < <=``, value lists (``a==1,2``), ranges (``a==1..5``),
``~=`` and ``!~=`` (regular expressions), sub-attribute paths (``a.b``), compound members (``a[k]``),
``;`` (and, binding tighter), ``|`` (or) and parentheses. Values: numbers, quoted strings, true/false,
DateTimes, dates, times and URIs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from conformance.demo.ngsild.entities import Node, kind, object_of, plain
from conformance.demo.ngsild.spec import HAS_VALUE, RELATIONSHIP, NgsiError

OPERATOR = re.compile(r"^(?P<attr>[^=!<>~]+?)(?P<op>==|!=|>=|<=|>|<|~=|!~=)(?P<value>.*)$", re.DOTALL)
NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][+-]?\d+)?$")
TEMPORAL = re.compile(r"^\d{4}-\d{2}-\d{2}(T.*)?$|^\d{2}:\d{2}(:\d{2}.*)?$")
Expand = Callable[[str], str]


@dataclass(frozen=True)
class Range:
    """A value range ``low..high`` (both ends included)."""

    low: Any
    high: Any


@dataclass(frozen=True)
class Term:
    """One query term: attribute path, compound keys, operator and value(s)."""

    path: tuple[str, ...]
    keys: tuple[str, ...]
    op: str | None = None
    value: Any = None


@dataclass(frozen=True)
class Combined:
    """Terms joined by ``;`` (and) or ``|`` (or)."""

    op: str
    parts: tuple[Any, ...]


def parse(text: str, or_as_and: bool = False) -> Any:
    """The expression tree of a q text; malformed text is BadRequestData."""
    tokens = [";" if t == "|" and or_as_and else t for t in _tokens(text)]
    expression, rest = _or(tokens)
    if rest:
        raise NgsiError("BadRequestData", f"q: unexpected {rest[0]!r} in {text!r}")
    return expression


def _tokens(text: str) -> list[str]:
    tokens, current, quoted = [], "", False
    for char in text:
        quoted = quoted != (char == '"')
        if char in "();|" and not quoted:
            tokens += [t for t in (current.strip(),) if t] + [char]
            current = ""
        else:
            current += char
    return tokens + [t for t in (current.strip(),) if t]


def _or(tokens: list[str]) -> tuple[Any, list[str]]:
    return _join(tokens, "|", _and)


def _and(tokens: list[str]) -> tuple[Any, list[str]]:
    return _join(tokens, ";", _primary)


def _join(tokens: list[str], op: str, inner: Callable[[list[str]], tuple[Any, list[str]]]) -> tuple[Any, list[str]]:
    parts = []
    part, tokens = inner(tokens)
    parts.append(part)
    while tokens and tokens[0] == op:
        part, tokens = inner(tokens[1:])
        parts.append(part)
    return (parts[0] if len(parts) == 1 else Combined(op, tuple(parts))), tokens


def _primary(tokens: list[str]) -> tuple[Any, list[str]]:
    if not tokens or tokens[0] in ");|":
        raise NgsiError("BadRequestData", "q: a query term is missing")
    if tokens[0] == "(":
        expression, rest = _or(tokens[1:])
        if not rest or rest[0] != ")":
            raise NgsiError("BadRequestData", "q: a parenthesis is not closed")
        return expression, rest[1:]
    return term(tokens[0]), tokens[1:]


def term(text: str) -> Term:
    """One query term (``attribute``, or ``attribute op value``)."""
    match = OPERATOR.match(text)
    attribute = match["attr"] if match else text
    names = re.findall(r"\[([^\]]+)\]", attribute)
    path = attribute.split("[", 1)[0]
    segments = (path,) if "://" in path else tuple(path.split("."))
    if not all(re.fullmatch(r"[^\s\"'()]+", s) for s in segments):
        raise NgsiError("BadRequestData", f"q: invalid attribute {attribute!r}")
    if match is None:
        return Term(segments, tuple(names))
    return Term(segments, tuple(names), match["op"], _value(match["op"], match["value"]))


def _value(op: str, text: str) -> Any:
    if op in ("~=", "!~="):
        try:
            return re.compile(_unquote(text))
        except re.error as exc:
            raise NgsiError("BadRequestData", f"q: invalid regular expression {text!r}: {exc}") from None
    items = _split(text, ",")
    if len(items) > 1:
        return tuple(_atom(i) for i in items)
    bounds = _split(text, "..")
    if len(bounds) == 2 and op in ("==", "!="):
        return Range(_atom(bounds[0]), _atom(bounds[1]))
    return _atom(text)


def _split(text: str, separator: str) -> list[str]:
    parts = re.split(re.escape(separator) + r'(?=(?:[^"]*"[^"]*")*[^"]*$)', text)
    return [p.strip() for p in parts]


def _unquote(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else text


def _atom(text: str) -> Any:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    if text in ("true", "false"):
        return text == "true"
    if NUMBER.match(text):
        return float(text) if any(c in text for c in ".eE") else int(text)
    if TEMPORAL.match(text) or ":" in text:
        return text
    raise NgsiError("BadRequestData", f"q: {text!r} is no number, quoted string, boolean, DateTime or URI")


def holds(expression: Any, entity: Node, expand: Expand, numbers_as_text: bool = False) -> bool:
    """Whether an entity satisfies a parsed q expression (terms are expanded with the request's @context)."""
    if isinstance(expression, Combined):
        results = (holds(p, entity, expand, numbers_as_text) for p in expression.parts)
        return all(results) if expression.op == ";" else any(results)
    values = _resolve(expression, entity, expand)
    if values is None:
        return False
    return expression.op is None or any(_compare(v, expression, numbers_as_text) for v in values)


def _resolve(query: Term, entity: Node, expand: Expand) -> list[Any] | None:
    found: list[Any] = []
    for instance in entity.get(expand(query.path[0]), ()):
        node: Any = instance
        for segment in query.path[1:]:
            node = (node.get(expand(segment)) or [None])[0] if isinstance(node, dict) else None
        found += _members(_value_of(node), query.keys, expand)
    return found or None


def _value_of(node: Any) -> list[Any]:
    if not isinstance(node, dict):
        return []
    if kind(node) == RELATIONSHIP:
        return [object_of(node)]
    if HAS_VALUE in node:
        return [plain(node[HAS_VALUE][0]) if len(node[HAS_VALUE]) == 1 else plain(node[HAS_VALUE])]
    return [plain(node)] if "@value" in node else []


def _members(values: list[Any], keys: tuple[str, ...], expand: Expand) -> list[Any]:
    for key in keys:
        values = [v.get(expand(key)) for v in values if isinstance(v, dict) and expand(key) in v]
    flat: list[Any] = []
    for value in values:
        flat += value if isinstance(value, list) else [value]
    return flat


def _compare(value: Any, query: Term, numbers_as_text: bool) -> bool:
    op, target = query.op, query.value
    if op in ("~=", "!~="):
        found = isinstance(value, str) and target.search(value) is not None
        return found if op == "~=" else not found
    if op in ("==", "!="):
        equal = _equal(value, target)
        return equal if op == "==" else not equal
    return _ordered(value, str(op), target, numbers_as_text)


def _equal(value: Any, target: Any) -> bool:
    if isinstance(target, Range):
        return _ordered(value, ">=", target.low, False) and _ordered(value, "<=", target.high, False)
    if isinstance(target, tuple):
        return any(_equal(value, t) for t in target)
    return _same_kind(value, target) and value == target


def _same_kind(a: Any, b: Any) -> bool:
    numeric = (int, float)
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool)
    return (isinstance(a, numeric) and isinstance(b, numeric)) or (isinstance(a, str) and isinstance(b, str))


def _ordered(value: Any, op: str, target: Any, numbers_as_text: bool) -> bool:
    if not _same_kind(value, target) or isinstance(value, bool):
        return False
    if numbers_as_text:
        value, target = str(value), str(target)
    return bool({">": value > target, ">=": value >= target, "<": value < target, "<=": value <= target}[op])
