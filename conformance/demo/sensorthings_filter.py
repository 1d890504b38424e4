"""TEST DOUBLE: the part of the SensorThings $filter language the double understands.

Comparisons (eq, ne, gt, ge, lt, le) between properties (``properties/owner``: a member of an object), literals
(numbers, 'strings', date-times) and the functions startswith, endswith, substringof, length, tolower, toupper and
year; and, or, not, parentheses. An expression outside this part raises ValueError (the double answers 400).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>-?\d+(?:\.\d+)?(?![\d:T-]))|(?P<time>\d{4}-\d\d-\d\dT[\d:.]+Z?)"
    r"|(?P<word>[A-Za-z@][\w@./]*)|(?P<sym>[(),]))"
)
OPS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
}
FUNCTIONS: dict[str, Callable[..., Any]] = {
    "startswith": lambda a, b: str(a).startswith(b),
    "endswith": lambda a, b: str(a).endswith(b),
    "substringof": lambda a, b: a in str(b),
    "length": lambda a: len(str(a)),
    "tolower": lambda a: str(a).lower(),
    "toupper": lambda a: str(a).upper(),
    "year": lambda a: _time(a).year,
}
Node = Callable[[dict[str, Any]], Any]


def _time(value: Any) -> datetime:
    return datetime.fromisoformat(str(value).split("/")[0])


def tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every token; ValueError on anything else."""
    out, pos = [], 0
    while pos < len(text.rstrip()):
        found = TOKEN.match(text, pos)
        if not found or found.end() == pos:
            raise ValueError(f"cannot read $filter at {pos}")
        kind = found.lastgroup or ""
        out.append((kind, found.group(kind)))
        pos = found.end()
    return out


class Parser:
    """Recursive descent over the tokens; ``hooks`` lets a defect bend one operator or function."""

    def __init__(self, text: str, hooks: dict[str, Callable[..., Any]] | None = None) -> None:
        self.items, self.pos, self.hooks = tokens(text), 0, hooks or {}

    def parse(self) -> Node:
        node = self.either()
        if self.pos != len(self.items):
            raise ValueError("trailing tokens in $filter")
        return node

    def peek(self) -> str:
        return self.items[self.pos][1] if self.pos < len(self.items) else ""

    def take(self) -> tuple[str, str]:
        if self.pos >= len(self.items):
            raise ValueError("$filter ends early")
        self.pos += 1
        return self.items[self.pos - 1]

    def either(self) -> Node:
        left = self.both()
        while self.peek() == "or":
            self.take()
            left = _joined(left, self.both(), any)
        return left

    def both(self) -> Node:
        left = self.negation()
        while self.peek() == "and":
            self.take()
            left = _joined(left, self.negation(), all)
        return left

    def negation(self) -> Node:
        if self.peek() == "not":
            self.take()
            inner = self.negation()
            return lambda e: not inner(e)
        return self.comparison()

    def comparison(self) -> Node:
        left, plain = self.operand()
        if self.peek() not in OPS:
            return left
        op = self.take()[1]
        right, _ = self.operand()
        hook = (self.hooks.get(f"{op}-plain") if plain else None) or self.hooks.get(op)
        test = hook or OPS[op]
        return lambda e: _safe(test, left(e), right(e))

    def operand(self) -> tuple[Node, bool]:
        kind, text = self.take()
        if text == "(":
            inner = self.either()
            self.take()
            return inner, False
        if kind == "str":
            value = text[1:-1].replace("''", "'")
            return (lambda e: value), False
        if kind == "num":
            number = float(text)
            return (lambda e: number), False
        if kind == "time":
            moment = _time(text)
            return (lambda e: moment), False
        if self.peek() == "(" and text in FUNCTIONS:
            return self.call(text), False
        return (lambda e: _property(e, text)), True

    def call(self, name: str) -> Node:
        self.take()
        args = [self.operand()[0]]
        while self.peek() == ",":
            self.take()
            args.append(self.operand()[0])
        if self.take()[1] != ")":
            raise ValueError("function call not closed")
        function = self.hooks.get(name) or FUNCTIONS[name]
        return lambda e: function(*(a(e) for a in args))


def _joined(first: Node, second: Node, how: Callable[[Any], bool]) -> Node:
    return lambda e: how(bool(n(e)) for n in (first, second))


def _property(entity: dict[str, Any], name: str) -> Any:
    value: Any = entity
    for member in name.split("/"):  # a path into a JSON object: properties/owner
        value = value.get(member) if isinstance(value, dict) else None
    if name in ("phenomenonTime", "resultTime", "time") and isinstance(value, str):
        return _time(value)
    return value


def _safe(test: Callable[[Any, Any], bool], left: Any, right: Any) -> bool:
    try:
        return bool(test(left, right))
    except TypeError:
        return False


def compile_filter(text: str, hooks: dict[str, Callable[..., Any]] | None = None) -> Node:
    """The filter as a function of an entity; ValueError when the double cannot read it."""
    return Parser(text, hooks).parse()
