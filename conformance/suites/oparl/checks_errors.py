"""Ausnahmebehandlung (§2.9): a request for an object that does not exist, and error objects in general."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from conformance.core.evidence import Locator, MissingMember, NotApplicable, StatusViolation, ValueViolation
from conformance.core.transport import TargetUnreachable
from conformance.suites.oparl.fetch import Fetched
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.run import Found, OParlRun, counted
from conformance.suites.oparl.samples import by_id

PROBE = "wechselbar-probe-does-not-exist"


def probe_url(run: OParlRun) -> str:
    """A URL beside a real object's URL whose last path segment names no object."""
    example = next((s.id for s in run.crawl.top if s.origin == "list" and s.id), run.system_url)
    parts = urlsplit(example)
    head = parts.path.rstrip("/").rsplit("/", 1)[0]
    return urlunsplit((parts.scheme, parts.netloc, f"{head}/{PROBE}", "", ""))


def _probe(run: OParlRun) -> Fetched:
    return run.probe("error", lambda: run.fetcher.get(probe_url(run), fresh=True))


def is_error_object(run: OParlRun, data: object) -> bool:
    """An OParl error object (type …/Error of this version or, as the 1.1 text still writes, of 1.0)."""
    if not isinstance(data, dict):
        return False
    return data.get("type") in {run.version.type_url("Error"), "https://schema.oparl.org/1.0/Error"}


def _answered(run: OParlRun) -> Fetched:
    answer = _probe(run)
    if answer.failure:
        raise TargetUnreachable(m("reason.requests-failed", count=1, first=answer.failure))
    if answer.status is None:
        raise NotApplicable(m("reason.probe-skipped", url=answer.url, reason=answer.skipped))
    return answer


def check_error_status(run: OParlRun) -> Found:
    """A request for an object that does not exist answers with a 4xx status."""
    answer = _answered(run)
    if answer.status is not None and not 400 <= answer.status < 500:
        yield StatusViolation(
            m("unknown-status", status=answer.status),
            locator=answer.url,
            expected=m("phrase.4xx"),
            actual=answer.status,
            exchange=answer.exchange,
        )
    return counted(1, "unknown-requests")


def check_error_object(run: OParlRun) -> Found:
    """The error answer is an object with type (…/Error), message and debug."""
    answer = _answered(run)
    data = answer.data if isinstance(answer.data, dict) else None
    if data is None or not is_error_object(run, data):
        yield ValueViolation(
            m("no-error-object"),
            locator=answer.url,
            expected={"type": run.version.type_url("Error"), "message": "…", "debug": "…"},
            actual=answer.content[:200].decode("utf-8", "replace"),
            exchange=answer.exchange,
        )
        return counted(1, "error-answers")
    for member in ("message", "debug"):
        if member not in data:
            yield MissingMember(
                m("error-member", member=member),
                locator=Locator(where=answer.url, pointer=f"/{member}"),
                expected=member,
                actual=None,
                exchange=answer.exchange,
            )
    return counted(1, "error-answers")


def check_error_object_status(run: OParlRun) -> Found:
    """Every error object met comes with an HTTP status that signals an error."""
    answers = [_probe(run), *run.documents(), *(s.fetched for s in by_id(run))]
    answered = [a for a in answers if a.status is not None]
    for answer in answered:
        if answer.status is not None and answer.status < 400 and is_error_object(run, answer.data):
            yield StatusViolation(
                m("error-with-status", status=answer.status),
                locator=answer.url,
                expected=">= 400",
                actual=answer.status,
                exchange=answer.exchange,
            )
    return counted(len(answered), "answers")
