"""The description document itself: version, validity against the OpenAPI specification, its references."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from referencing.exceptions import Unresolvable

from conformance.core.evidence import Locator, MissingMember, SchemaViolation, ValueViolation, Violation
from conformance.core.messages import Message
from conformance.core.openapi.refs import pointer
from conformance.suites.openapi.api import VERSIONS, Api
from conformance.suites.openapi.bundle import Finding
from conformance.suites.openapi.document import Description
from conformance.suites.openapi.messages import m

MAX_ERRORS = 1000
MAX_SITES = 10


class OfflineReference(Exception):
    """The validator tried to retrieve a document; nothing is ever fetched."""


def _refuse(uri: str) -> Any:
    raise OfflineReference(uri)


class Refusing(dict[str, Any]):
    """Resolver handlers that answer every URI scheme with a refusal (an absent scheme would go to the network)."""

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> Any:
        return _refuse


class Offline30(OpenAPIV30SpecValidator):
    """The 3.0 validator with no way to fetch anything."""

    resolver_handlers = Refusing()


class Offline31(OpenAPIV31SpecValidator):
    """The 3.1 validator with no way to fetch anything."""

    resolver_handlers = Refusing()


def version(description: Description) -> Iterator[Violation]:
    """The openapi field names 3.0.x or 3.1.x."""
    if "openapi" not in description.raw:
        yield MissingMember(
            m("no-version-field"),
            locator=Locator(description.uri, "/openapi"),
            expected=m("phrase.versions"),
            actual=None,
            exchange=description.exchange,
        )
    elif not description.version.startswith(VERSIONS):
        yield ValueViolation(
            m("unsupported-version", version=repr(description.raw["openapi"])),
            locator=Locator(description.uri, "/openapi"),
            expected=m("phrase.versions"),
            actual=description.raw["openapi"],
            exchange=description.exchange,
        )


def spec_errors(found: Api, notes: list[Message] | None = None) -> Iterator[Violation]:
    """Every error openapi-spec-validator reports for the bundled document (a cut after MAX_ERRORS is noted)."""
    cls = Offline31 if found.version.startswith("3.1") else Offline30
    errors = cls(found.document).iter_errors()
    for index in range(MAX_ERRORS + 1):
        try:
            error = next(errors)
        except StopIteration:
            return
        except Unresolvable as exc:
            yield ValueViolation(
                m("validation-stopped", ref=exc.ref),
                locator=found.description.uri,
                expected=m("phrase.resolvable-reference"),
                actual=exc.ref,
            )
            return
        if index == MAX_ERRORS:
            if notes is not None:
                notes.append(m("note.errors-cut", limit=MAX_ERRORS))
            return
        yield _spec_violation(found, error)


def _spec_violation(found: Api, error: Any) -> Violation:
    path = tuple(getattr(error, "absolute_path", ()) or ())
    uri, at = found.bundle.origin(pointer(path))
    message = (str(getattr(error, "message", "")) or str(error)).strip().splitlines()[0]
    keyword = getattr(error, "validator", None)
    if not _set(keyword) and getattr(error, "schema_path", None):
        keyword = error.schema_path[-1]
    return SchemaViolation(
        m("invalid-document", version=found.version, error=message),
        locator=Locator(where=uri or found.description.uri, pointer=at if path else None),
        expected=_keyword(keyword, getattr(error, "validator_value", None), type(error).__name__),
        actual=_short(error.instance) if _set(getattr(error, "instance", None)) else None,
        exchange=found.description.exchange,
    )


def _keyword(keyword: Any, value: Any, fallback: str) -> str:
    if not _set(keyword):
        return fallback
    return f"{keyword}: {_short(value)}" if _set(value) else str(keyword)


def _set(value: Any) -> bool:
    return value is not None and type(value).__name__ != "Unset"


def references(found: Api, foreign: bool) -> Iterator[Violation]:
    """One violation per reference target that could not be followed (broken, or foreign when asked)."""
    sites: dict[str, list[Finding]] = {}
    for finding in found.bundle.findings:
        if finding.foreign == foreign:
            sites.setdefault(finding.ref, []).append(finding)
    for ref, group in sites.items():
        first = group[0]
        code = "ref-foreign" if foreign else "ref-broken"
        text = (
            m(code, ref=ref, reason=first.reason)
            if len(group) == 1
            else m(f"{code}-more", ref=ref, reason=first.reason, places=len(group) - 1)
        )
        yield ValueViolation(
            text,
            locator=Locator(where=found.description.uri, pointer=first.pointer),
            expected=m("phrase.offline-reference" if foreign else "phrase.existing-target"),
            actual=[f.pointer for f in group[:MAX_SITES]],
            exchange=found.description.exchange,
        )


def _short(value: Any, limit: int = 300) -> Any:
    text = repr(value)
    return value if len(text) <= limit and isinstance(value, str | int | float | bool | type(None)) else text[:limit]
