"""ProblemDetails errors (clause 5.5.2) with the ETSI error types and their HTTP statuses (clause 6.3.2)."""

from __future__ import annotations

from urllib.parse import quote

from conformance.core.evidence import Violation
from conformance.core.messages import Message
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.service import Ctx, Doc

ERRORS = "https://uri.etsi.org/ngsi-ld/errors/"
PROBLEM_TYPES = ("application/json", "application/problem+json", "application/ld+json")
ABSENT = "urn:ngsi-ld:WechselbarAbsent:0000-not-there"
NOT_A_URI = "wechselbar no uri"


def entity_path(entity_id: str) -> str:
    """The path of one entity below the API."""
    return "/entities/" + quote(entity_id, safe=":")


def status_finding(doc: Doc, what: Message, expected: int | tuple[int, ...]) -> list[Violation]:
    """A finding when a response's status is not the one (or one of those) expected."""
    wanted = expected if isinstance(expected, tuple) else (expected,)
    if doc.status in wanted:
        return []
    return [
        Violation(
            m("status", what=what, status=doc.status),
            locator=doc.at(),
            expected=" or ".join(str(s) for s in wanted),
            actual=doc.status,
            exchange=doc.exchange,
        )
    ]


def error_findings(doc: Doc, what: Message, kind: str, status: int | tuple[int, ...]) -> list[Violation]:
    """Findings for an error response: its status, and that it is a ProblemDetails of the error type ``kind``."""
    found = status_finding(doc, what, status)
    if found:
        return found
    if doc.response.media_type not in PROBLEM_TYPES or not isinstance(doc.body, dict):
        return [_problem(doc, m("not-problem", what=what, media=doc.response.media_type or "-"), m("phrase.problem"))]
    given = doc.body.get("type")
    if given not in (ERRORS + kind, kind):
        return [_problem(doc, m("wrong-error-type", what=what, found=str(given)), ERRORS + kind)]
    return []


def _problem(doc: Doc, message: Message, expected: object) -> Violation:
    return Violation(message, locator=doc.at("/type"), expected=expected, exchange=doc.exchange)


def not_found(ctx: Ctx) -> Doc:
    """The answer to retrieving an entity that does not exist."""
    return ctx.observation.get(entity_path(ABSENT))


def bad_id(ctx: Ctx) -> Doc:
    """The answer to retrieving an entity by an id that is not a URI."""
    return ctx.observation.get(entity_path(NOT_A_URI))
