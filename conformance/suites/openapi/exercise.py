"""Calling every documented GET operation: per operation its boundary cases and valid cases, then the invalid
ones, within the request budget.

The exercise happens once per target and process; every check of the responses judges the same calls.
Sampling limits come from the vendors file (options.max_operations, positive_cases, negative_cases,
max_requests, path_parameters) and every cut becomes a note on the results.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from conformance.core.http import DeadlineExceeded, Response
from conformance.core.messages import Message
from conformance.harness.target import TargetContext
from conformance.suites.openapi.boundaries import boundaries, parameters
from conformance.suites.openapi.cases import (
    Operation,
    Planned,
    at_boundary,
    load_schema,
    negative,
    operations,
    plan,
    positive,
)
from conformance.suites.openapi.messages import m


@dataclass(frozen=True)
class Call:
    """A planned request and the response it got."""

    planned: Planned
    response: Response


@dataclass
class Exercise:
    """All calls of one target, plus notes on what was cut or could not be generated."""

    calls: list[Call] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    operations: int = 0

    @property
    def summary(self) -> list[Message]:
        """What was sent, then every note."""
        return [m("note.requests", requests=len(self.calls), operations=self.operations), *self.notes]

    @property
    def called(self) -> int:
        """The operations that got at least one call."""
        return len({c.planned.operation.label for c in self.calls})


def exercise(target: TargetContext, document: dict[str, Any], base: str) -> Exercise:
    """Send the planned calls of a bundled description to the API at ``base``."""
    result = Exercise()
    ops = operations(load_schema(document), result.notes)
    limit = target.option("max_operations", 50)
    if len(ops) > limit:
        result.notes.append(m("note.operations-cut", limit=limit, total=len(ops)))
        ops = ops[:limit]
    result.operations = len(ops)
    _send(target, result, _plans(target, document, ops, base, result.notes))
    return result


def _plans(
    target: TargetContext, document: dict[str, Any], ops: list[Operation], base: str, notes: list[Message]
) -> Iterator[Planned]:
    """Per operation its boundary cases, then its random valid cases; then the random invalid ones."""
    fixed: dict[str, Any] = dict(target.option("path_parameters", {}) or {})
    count = target.option("positive_cases", 5)
    wrong = target.option("negative_cases", 5)
    for op in ops:
        yield from _guarded(op, notes, lambda op=op: _valid(document, op, base, count, fixed))
    for op in ops:
        yield from _guarded(op, notes, lambda op=op: (plan(op, c, base, True) for c in negative(op, wrong)))


def _valid(document: dict[str, Any], op: Operation, base: str, count: int, fixed: dict[str, Any]) -> list[Planned]:
    cases = list(positive(op, max(count, 1), fixed))
    edges = (
        [
            replace(plan(op, at_boundary(op, cases[0], b), base, b.negative), bound=b)
            for p in parameters(document, op.pointer)
            for b in boundaries(document, p)
        ]
        if cases
        else []
    )
    return edges + [plan(op, c, base, False) for c in cases[:count]]


def _guarded(op: Operation, notes: list[Message], make: Any) -> Iterator[Planned]:
    try:
        planned = list(make())
    except Exception as exc:  # a generation failure of one operation must not stop the others
        notes.append(m("note.no-cases", operation=op.label, error=f"{type(exc).__name__}: {str(exc)[:200]}"))
        return
    yield from planned


def _send(target: TargetContext, result: Exercise, plans: Iterator[Planned]) -> None:
    budget = target.option("max_requests", 300)
    planned = _unique(plans)
    for index, item in enumerate(planned):
        if index >= budget:
            result.notes.append(m("note.requests-cut", budget=budget, planned=len(planned)))
            return
        try:
            response = target.http.get(item.url, headers=item.headers)
        except DeadlineExceeded:
            if not result.calls:
                raise  # nothing to judge: this check errs, the next one starts the calls again
            result.notes.append(m("note.deadline-cut", sent=index, planned=len(planned)))
            return
        result.calls.append(Call(item, response))


def _unique(plans: Iterator[Planned]) -> list[Planned]:
    seen: dict[tuple[str, str, tuple[tuple[str, str], ...]], Planned] = {}
    for item in plans:
        seen.setdefault(item.key, item)
    return list(seen.values())
