"""From a finished check to a Result record: outcome, reason, evidence, profile and waiver.

A check returns a :class:`Judgement` (:func:`judged`) or raises (:func:`classify`: not applicable, a target
error, a fault). Both end in a :class:`Verdict`, and the findings of both are capped in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest

from conformance.core.evidence import Exchange, NonConformance, NotApplicable, NotVerified, Skipped, Violation
from conformance.core.harnessmessages import msg, target_error
from conformance.core.http import TargetError
from conformance.core.judgement import Examined, Judgement
from conformance.core.messages import Message
from conformance.core.outcomes import Outcome
from conformance.core.profile import Profile, Waiver, Waivers
from conformance.core.records import Finding, Result, WaiverRecord, WaiverStatus

MAX_EXCHANGES = 6
MAX_FINDINGS = 50
DEEP = msg("too-deep").text


@dataclass(frozen=True)
class Verdict:
    """A check's outcome with its reason, the findings kept, how many were left out, and what was examined."""

    outcome: Outcome
    reason: Message | None = None
    violations: tuple[Violation, ...] = ()
    omitted: int = 0
    examined: tuple[Examined, ...] = ()
    notes: tuple[Message, ...] = ()

    @property
    def reason_text(self) -> str:
        """The reason's English text ("" without one)."""
        return self.reason.text if self.reason else ""


def judged(judgement: Judgement, max_findings: int = MAX_FINDINGS) -> Verdict:
    """fail with findings, pass with something examined, otherwise not applicable naming what was looked for."""
    outcome = judgement.outcome
    if outcome is Outcome.FAIL:
        verdict = failed(list(judgement.findings), max_findings)
        return replace(verdict, examined=judgement.examined, notes=(*judgement.notes, *verdict.notes))
    if outcome is Outcome.PASS:
        return Verdict(outcome, examined=judgement.examined, notes=judgement.notes)
    if not judgement.examined:
        return Verdict(Outcome.ERROR, msg("fault", error="the check names nothing it looked for"))
    return Verdict(outcome, nothing_examined(judgement.examined), examined=judgement.examined, notes=judgement.notes)


def nothing_examined(examined: tuple[Examined, ...]) -> Message:
    """The reason of a check that judged nothing: the kinds it looked for."""
    return msg("nothing-examined", looked_for=[e.message for e in examined])


def failed(violations: list[Violation], max_findings: int = MAX_FINDINGS) -> Verdict:
    """A fail: the first finding as the reason (with "+N more"), at most ``max_findings`` findings kept."""
    if not violations:
        return Verdict(Outcome.FAIL, msg("fault", error="a check failed without naming a finding"))
    head = violations[0].message
    reason = head if len(violations) == 1 else msg("more-findings", text=head, count=len(violations) - 1)
    kept = tuple(violations[:max_findings])
    notes = (msg("findings-capped", kept=len(kept), total=len(violations)),) if len(kept) < len(violations) else ()
    return Verdict(Outcome.FAIL, reason, kept, len(violations) - len(kept), notes=notes)


def classify(excinfo: pytest.ExceptionInfo[BaseException] | None, max_findings: int = MAX_FINDINGS) -> Verdict:
    """Map what a test raised to a verdict."""
    if excinfo is None:
        return Verdict(Outcome.PASS)
    exc = excinfo.value
    if isinstance(exc, NonConformance):
        return failed(exc.violations, max_findings)
    if isinstance(exc, Violation):
        return failed([exc], max_findings)
    if isinstance(exc, NotApplicable):
        return Verdict(Outcome.NOT_APPLICABLE, exc.reason)
    if isinstance(exc, Skipped):
        return Verdict(Outcome.SKIP, exc.reason)
    if isinstance(exc, NotVerified):
        return Verdict(Outcome.NOT_VERIFIED, exc.reason)
    if isinstance(exc, pytest.skip.Exception):
        return Verdict(Outcome.SKIP, msg("skipped", text=exc.msg or "skipped"))
    return Verdict(Outcome.ERROR, _error(exc))


def _error(exc: BaseException) -> Message:
    if isinstance(exc, RecursionError):
        return msg("too-deep")
    if isinstance(exc, TargetError):
        return target_error(exc)
    if isinstance(exc, AssertionError):
        return msg("asserted", error=str(exc))
    return msg("fault", error=f"{type(exc).__name__}: {exc}")


def evidence(
    violations: list[Violation], log: list[Exchange], outcome: Outcome, requirement: str
) -> tuple[tuple[Finding, ...], tuple[Exchange, ...]]:
    """The findings (each pointing at its exchange and the redirects that led to it) and the exchanges kept as
    evidence; a pass keeps a summary (method, URL, status, time) of its last 50 exchanges."""
    kept: list[Exchange] = [] if outcome is Outcome.PASS else log[-MAX_EXCHANGES:]
    found = []
    for violation in violations:
        hops = tuple(_keep(kept, hop) for hop in violation.redirects)
        index = None if violation.exchange is None else _keep(kept, violation.exchange)
        found.append(Finding.of(violation, requirement, index, hops))
    if outcome is Outcome.PASS:
        return tuple(found), tuple(_summary(e) for e in log[-50:])
    return tuple(found), tuple(kept)


def _keep(kept: list[Exchange], exchange: Exchange) -> int:
    """The index of the exchange among those kept, added at the end when it is new."""
    if exchange not in kept:
        kept.append(exchange)
    return kept.index(exchange)


def _summary(exchange: Exchange) -> Exchange:
    return Exchange(exchange.method, exchange.url, exchange.status, elapsed_ms=exchange.elapsed_ms)


def apply_policy(result: Result, profile: Profile | None, waivers: Waivers, today: dt.date) -> Result:
    """Add the profile obligation and apply a waiver (waived, expired, or unused because it passes)."""
    obligation = profile.obligation(result.standard, result.cls) if profile else None
    result = replace(result, profile_obligation=obligation)
    waiver = waivers.find(result.vendor, result.requirement)
    if waiver is None:
        return result
    finding = result.reason or msg("fault", error="a fail without a reason")
    if result.outcome is Outcome.FAIL and waiver.active(today):
        reason = msg("waived", date=str(waiver.expires), why=waiver.reason, text=finding)
        return replace(result, outcome=Outcome.WAIVED, waiver=_record(waiver, WaiverStatus.APPLIED), reason=reason)
    if result.outcome is Outcome.FAIL:
        reason = msg("waiver-expired", date=str(waiver.expires), text=finding)
        return replace(result, waiver=_record(waiver, WaiverStatus.EXPIRED), reason=reason)
    status = WaiverStatus.UNUSED_PASSES if result.outcome is Outcome.PASS else WaiverStatus.UNUSED
    return replace(result, waiver=_record(waiver, status))


def _record(waiver: Waiver, status: WaiverStatus) -> WaiverRecord:
    return WaiverRecord(
        waiver.vendor, waiver.requirement, waiver.reason, waiver.expires.isoformat(), status, waiver.ticket
    )
