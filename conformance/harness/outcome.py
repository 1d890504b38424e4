"""From a finished pytest test to a Result record: outcome, reason, evidence, profile and waiver."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from conformance.core.evidence import Exchange, NonConformance, NotApplicable, Violation
from conformance.core.http import TargetError
from conformance.core.outcomes import Outcome
from conformance.core.profile import Profile, Waivers
from conformance.core.results import Result

MAX_EXCHANGES = 6
DEEP = "no verdict: a response or document is nested too deeply to be checked (RecursionError)"


def classify(excinfo: pytest.ExceptionInfo[BaseException] | None) -> tuple[Outcome, str, list[Violation]]:
    """Map what a test raised to an outcome, a reason and the violations found."""
    if excinfo is None:
        return Outcome.PASS, "", []
    exc = excinfo.value
    if isinstance(exc, NonConformance):
        return Outcome.FAIL, str(exc), exc.violations
    if isinstance(exc, Violation):
        return Outcome.FAIL, exc.message, [exc]
    if isinstance(exc, NotApplicable):
        return Outcome.NOT_APPLICABLE, str(exc), []
    if isinstance(exc, pytest.skip.Exception):
        return Outcome.SKIP, exc.msg or "skipped", []
    if isinstance(exc, RecursionError):
        return Outcome.ERROR, DEEP, []
    if isinstance(exc, TargetError):
        return Outcome.ERROR, f"{type(exc).__name__}: {exc}", []
    if isinstance(exc, AssertionError):
        return Outcome.ERROR, f"harness fault: a check asserted without evidence ({exc})", []
    return Outcome.ERROR, f"harness fault: {type(exc).__name__}: {exc}", []


def evidence(violations: list[Violation], log: list[Exchange], outcome: Outcome,
             requirement: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Violations (each pointing at its exchange) and the exchanges kept as evidence."""
    kept: list[Exchange] = [] if outcome is Outcome.PASS else log[-MAX_EXCHANGES:]
    out = []
    for violation in violations:
        item = violation.to_json()
        item["requirement"] = item["requirement"] or requirement
        if violation.exchange is not None:
            if violation.exchange not in kept:
                kept.append(violation.exchange)
            item["exchange"] = kept.index(violation.exchange)
        out.append(item)
    if outcome is Outcome.PASS:
        return out, [_summary(e) for e in log[-50:]]
    return out, [e.to_json() for e in kept]


def _summary(exchange: Exchange) -> dict[str, Any]:
    return {"method": exchange.method, "url": exchange.url, "status": exchange.status,
            "elapsed_ms": exchange.elapsed_ms}


def apply_policy(result: Result, profile: Profile | None, waivers: Waivers, today: dt.date) -> Result:
    """Add the profile obligation and apply a waiver (waived, expired, or unused because it passes)."""
    obligation = profile.obligation(result.standard, result.cls) if profile else None
    result = replace(result, profile_obligation=obligation.value if obligation else None)
    waiver = waivers.find(result.vendor, result.requirement)
    if waiver is None:
        return result
    info = waiver.to_json()
    if result.outcome is Outcome.FAIL and waiver.active(today):
        return replace(result, outcome=Outcome.WAIVED, waiver={**info, "status": "applied"},
                       reason=f"waived until {waiver.expires}: {waiver.reason} (finding: {result.reason})")
    if result.outcome is Outcome.FAIL:
        return replace(result, waiver={**info, "status": "expired"},
                       reason=f"waiver expired on {waiver.expires}; {result.reason}")
    status = "unused-passes" if result.outcome is Outcome.PASS else "unused"
    return replace(result, waiver={**info, "status": status})
