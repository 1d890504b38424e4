"""Small checks used by many tests: status codes and media types."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from conformance.core.evidence import MediaTypeViolation, StatusViolation, Violation
from conformance.suites.ogcapi_features.service import Doc

MAX_VIOLATIONS = 50


def status(doc: Doc, what: str, expected: int = 200) -> Iterator[Violation]:
    """The response has the expected status code."""
    if doc.status != expected:
        yield StatusViolation(f"{what}: expected HTTP {expected}, got {doc.status}", locator=doc.at(),
                              expected=expected, actual=doc.status, exchange=doc.exchange)


def media_type(doc: Doc, expected: str, what: str) -> Iterator[Violation]:
    """The Content-Type (without parameters) is the expected one."""
    found = doc.response.media_type
    if found != expected.split(";", maxsplit=1)[0].strip().lower():
        yield MediaTypeViolation(f"{what}: Content-Type is {found or 'missing'}, expected {expected}",
                                 locator=doc.at(), expected=expected,
                                 actual=doc.response.headers.get("Content-Type"), exchange=doc.exchange)


def capped(found: Iterable[Violation], cap: int = MAX_VIOLATIONS) -> Iterator[Violation]:
    """At most ``cap`` violations (a report needs examples, not thousands of copies)."""
    for count, violation in enumerate(found):
        if count >= cap:
            return
        yield violation
