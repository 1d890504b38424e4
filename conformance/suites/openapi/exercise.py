"""Calling every documented GET operation: valid cases first, then invalid ones, within the request budget.

The run happens once per target and process; every requirement test judges the same calls. Sampling limits
come from the vendors file (options.max_operations, positive_cases, negative_cases, max_requests,
path_parameters) and every cut becomes a note on the results.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from conformance.core.http import DeadlineExceeded, Response
from conformance.harness.target import TargetContext
from conformance.suites.openapi.api import Api, base_url
from conformance.suites.openapi.cases import Operation, Planned, load_schema, negative, operations, plan, positive


@dataclass(frozen=True)
class Call:
    """A planned request and the response it got."""

    planned: Planned
    response: Response


@dataclass
class Run:
    """All calls of one target, plus notes on what was cut or could not be generated."""

    calls: list[Call] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    operations: int = 0

    def annotate(self, target: TargetContext) -> None:
        """Put the run's notes on the current result."""
        target.note(f"{len(self.calls)} requests to {self.operations} GET operations")
        for text in self.notes:
            target.note(text)


def run(target: TargetContext, found: Api) -> Run:
    """The calls of this target, made once per process."""
    result = target.remember("openapi:run", lambda: _run(target, found))
    result.annotate(target)
    return result


def _run(target: TargetContext, found: Api) -> Run:
    result = Run()
    base = base_url(target, found)
    ops = operations(load_schema(found.document), result.notes)
    limit = target.option("max_operations", 50)
    if len(ops) > limit:
        result.notes.append(f"sampling cut: exercised {limit} of {len(ops)} GET operations")
        ops = ops[:limit]
    result.operations = len(ops)
    _send(target, result, _plans(target, ops, base, result.notes))
    return result


def _plans(target: TargetContext, ops: list[Operation], base: str, notes: list[str]) -> Iterator[Planned]:
    fixed: dict[str, Any] = dict(target.option("path_parameters", {}) or {})
    count = target.option("positive_cases", 5)
    wrong = target.option("negative_cases", 5)
    for op in ops:
        yield from _guarded(op, notes, lambda op=op: (plan(op, c, base, False) for c in positive(op, count, fixed)))
    for op in ops:
        yield from _guarded(op, notes, lambda op=op: (plan(op, c, base, True) for c in negative(op, wrong)))


def _guarded(op: Operation, notes: list[str], make: Any) -> Iterator[Planned]:
    try:
        planned = list(make())
    except Exception as exc:  # a generation failure of one operation must not stop the others
        notes.append(f"{op.label}: no cases could be generated ({type(exc).__name__}: {str(exc)[:200]})")
        return
    yield from planned


def _send(target: TargetContext, result: Run, plans: Iterator[Planned]) -> None:
    budget = target.option("max_requests", 300)
    planned = _unique(plans)
    for index, item in enumerate(planned):
        if index >= budget:
            result.notes.append(f"sampling cut: sent {budget} of {len(planned)} planned requests (max_requests)")
            return
        try:
            response = target.http.get(item.url, headers=item.headers)
        except DeadlineExceeded:
            if not result.calls:
                raise  # nothing to judge: this check errs, the next one starts the calls again
            result.notes.append(f"the test deadline cut the run after {index} of {len(planned)} requests")
            return
        result.calls.append(Call(item, response))


def _unique(plans: Iterator[Planned]) -> list[Planned]:
    seen: dict[tuple[str, str, tuple[tuple[str, str], ...]], Planned] = {}
    for item in plans:
        seen.setdefault(item.key, item)
    return list(seen.values())
