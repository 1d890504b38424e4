"""pytest reports for requirement checks, built from their Result without formatting check internals."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Literal, cast

import pytest

from conformance.core.messages import Message
from conformance.core.outcomes import Outcome
from conformance.core.records import Finding, Result
from conformance.core.secrets import Redactor

RECORD = "wechselbar-result"
FAULTS = frozenset({"harness.fault", "harness.asserted"})
PytestOutcome = Literal["passed", "failed", "skipped"]
When = Literal["setup", "call", "teardown"]
_PYTEST_OUTCOME: dict[Outcome, PytestOutcome] = {
    Outcome.PASS: "passed",
    Outcome.FAIL: "failed",
    Outcome.ERROR: "failed",
}


def make_report(
    item: pytest.Item, call: pytest.CallInfo[None], result: Result, redactor: Redactor | None = None
) -> pytest.TestReport:
    """A TestReport carrying the result record; vendor failures read as evidence, not as tracebacks. What it shows
    on the terminal (the failure text, a harness fault's traceback, captured output) is redacted too."""
    clean = (redactor or Redactor()).text
    sections = [(f"Captured {key} {when}", clean(text)) for when, key, text in getattr(item, "_report_sections", [])]
    return pytest.TestReport(
        item.nodeid,
        item.location,
        dict.fromkeys(item.keywords, 1),
        _PYTEST_OUTCOME.get(result.outcome, "skipped"),
        _longrepr(item, call, result, clean),
        cast(When, call.when),
        sections,
        call.duration,
        call.start,
        call.stop,
        user_properties=[*item.user_properties, (RECORD, json.dumps(result.to_json()))],
    )


def _longrepr(item: pytest.Item, call: pytest.CallInfo[None], result: Result, clean: Callable[[str], str]) -> Any:
    if result.outcome is Outcome.PASS:
        return None
    if result.outcome is Outcome.FAIL:
        return clean("\n".join([result.reason_text, *(_finding(f) for f in result.findings)]))
    if result.outcome is Outcome.ERROR:
        faulty = call.excinfo is not None and result.reason is not None and result.reason.code in FAULTS
        return clean(str(item.repr_failure(call.excinfo)) if faulty and call.excinfo else result.reason_text)
    return str(item.path), item.location[1] or 0, clean(f"{result.outcome.value}: {result.reason_text}")


def _finding(finding: Finding) -> str:
    return (
        f"  [{finding.kind}] {finding.text} at {finding.locator}; "
        f"expected {_shown(finding.expected)!r}, found {_shown(finding.actual)!r}"
    )


def _shown(value: Any) -> Any:
    return value.text if isinstance(value, Message) else value
