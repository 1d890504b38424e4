"""Judging the calls: documented status codes and media types, rejected invalid data, no server errors.

A status and a media type are documented as the shared reader says (``conformance.core.openapi.responses``: the
code, its range, or ``default``; the Content map's types and ranges); the invalid-data rule is schemathesis's
own check, run on the responses the safe session received; each failure becomes a violation of the suite's
evidence model. Identical findings of one operation are reported once, with the number of calls that showed them
(the harness caps how many are kept).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import requests
import schemathesis
from schemathesis.core.failures import Failure, FailureGroup

from conformance.core.evidence import Locator, MediaTypeViolation, StatusViolation, Violation
from conformance.core.openapi.refs import References
from conformance.core.openapi.responses import documented_fields, documented_response, documenting, media_matches
from conformance.suites.openapi.boundaries import Boundary
from conformance.suites.openapi.exercise import Call, Exercise
from conformance.suites.openapi.messages import m

Check = Callable[..., object]
NONE = m("phrase.none")


@dataclass(frozen=True)
class Finding:
    """One violation and the key under which identical ones are merged."""

    key: tuple[object, ...]
    violation: Violation


def status_codes(run: Exercise, document: dict[str, Any], description_uri: str) -> Iterator[Violation]:
    """Responses whose status the operation's Responses Object does not document (code, range or default)."""
    refs = References("", document)
    return merged(f for call in run.calls if (f := _undocumented(call, refs, description_uri)) is not None)


def _undocumented(call: Call, refs: References, description_uri: str) -> Finding | None:
    op, got = call.planned.operation, call.response
    found = refs.follow(op.pointer + "/responses")
    responses = found.node if found is not None and isinstance(found.node, dict) else {}
    if documenting(responses, got.status) is not None:
        return None
    return Finding(
        (op.label, got.status),
        StatusViolation(
            m("status-undocumented", operation=op.label, status=got.status),
            locator=Locator(where=description_uri, pointer=op.pointer + "/responses"),
            expected=documented_fields(responses),
            actual=got.status,
            exchange=got.exchange,
        ),
    )


def media_types(run: Exercise, document: dict[str, Any], description_uri: str) -> Iterator[Violation]:
    """Responses whose Content-Type the response object documenting their status does not list."""
    refs = References("", document)
    return merged(f for call in run.calls if (f := _unlisted(call, refs, description_uri)) is not None)


def _unlisted(call: Call, refs: References, description_uri: str) -> Finding | None:
    op, got = call.planned.operation, call.response
    response = documented_response(refs, op.pointer, got.status)
    content = response.node.get("content") if response is not None else None
    served = got.headers.get("Content-Type", "")
    if not isinstance(content, dict) or not content or any(media_matches(str(k), served) for k in content):
        return None
    return Finding(
        (op.label, got.status, got.media_type),
        MediaTypeViolation(
            m("media-type-undocumented", operation=op.label, status=got.status, media_type=got.media_type or NONE),
            locator=Locator(where=description_uri, pointer=op.pointer + "/responses"),
            expected=[str(k) for k in content],
            actual=served,
            exchange=got.exchange,
        ),
    )


def rejections(run: Exercise) -> Iterator[Violation]:
    """Invalid requests that were not answered with a 4xx: boundary cases, then schemathesis's random ones."""
    calls = [c for c in run.calls if c.planned.negative]
    for call in calls:
        if call.planned.bound is not None and not 400 <= call.response.status < 500:
            yield _boundary(call, call.planned.bound)
    yield from merged(
        _judged([c for c in calls if c.planned.bound is None], schemathesis.checks.negative_data_rejection)
    )


def _boundary(call: Call, bound: Boundary) -> Violation:
    got = call.response
    return StatusViolation(
        m(
            "boundary-accepted",
            operation=call.planned.operation.label,
            parameter=bound.name,
            value=bound.shown,
            bound=bound.bound,
            status=got.status,
        ),
        locator=got.url,
        expected=["4xx"],
        actual=got.status,
        exchange=got.exchange,
    )


def server_errors(run: Exercise) -> Iterator[Violation]:
    """Every 5xx answer, valid request or not."""
    return merged(
        Finding(
            (c.planned.operation.label, c.response.status),
            StatusViolation(
                m(
                    "server-error-invalid" if c.planned.negative else "server-error-valid",
                    operation=c.planned.operation.label,
                    status=c.response.status,
                ),
                locator=c.response.url,
                expected=m("phrase.below-500"),
                actual=c.response.status,
                exchange=c.response.exchange,
            ),
        )
        for c in run.calls
        if c.response.status >= 500
    )


def failures(call: Call, check: Check) -> list[Failure]:
    """What one schemathesis check says about one call."""
    try:
        call.planned.case.validate_response(_response(call), checks=[check])  # type: ignore[list-item]
    except FailureGroup as group:
        return [f for f in group.exceptions if isinstance(f, Failure)]
    except Failure as failure:
        return [failure]
    return []


def _response(call: Call) -> schemathesis.Response:
    got = call.response
    request = requests.Request("GET", got.exchange.url, headers=got.exchange.request_headers).prepare()
    headers = {key.lower(): [value] for key, value in got.headers.items()}
    return schemathesis.Response(got.status, headers, got.content, request, got.exchange.elapsed_ms / 1000, True)


def _judged(calls: Iterable[Call], check: Check) -> Iterator[Finding]:
    for call in calls:
        for failure in failures(call, check):
            yield _finding(call, failure)


def _finding(call: Call, failure: Failure) -> Finding:
    op, got = call.planned.operation, call.response
    detail = _invalid_part(" ".join(failure.message.split()))
    return Finding(
        (op.label, type(failure).__name__, detail),
        StatusViolation(
            m("invalid-accepted", operation=op.label, status=got.status, detail=detail),
            locator=got.url,
            expected=_expected(failure),
            actual=got.status,
            exchange=got.exchange,
        ),
    )


def _invalid_part(detail: str) -> str:
    return detail.split("Invalid component:", 1)[-1].strip() or detail


def _expected(failure: Failure) -> object:
    statuses = getattr(failure, "expected_statuses", None)
    return statuses if statuses else failure.title


def merged(findings: Iterable[Finding]) -> Iterator[Violation]:
    """One violation per key, noting how often it was seen."""
    first: dict[tuple[object, ...], Violation] = {}
    count: dict[tuple[object, ...], int] = {}
    for finding in findings:
        count[finding.key] = count.get(finding.key, 0) + 1
        first.setdefault(finding.key, finding.violation)
    for key, violation in first.items():
        if count[key] > 1:
            violation.message = m("seen", text=violation.message, count=count[key])
        yield violation
