"""Security schemes and requirements of the API definition, compared with what the server enforces.

What can be judged from outside: the schemes a security requirement names must exist; an operation answered
with 401 or 403 is access-controlled and must document a security requirement without the anonymous
alternative ``{}``; and, when the suite sends no credentials (auth ``none`` in the vendors file), an operation
documented as requiring credentials must not be served (2xx) without them. Which schemes the server really
accepts, and whether it enforces them when credentials are configured, cannot be observed and is not judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import MissingMember, StatusViolation, Violation
from conformance.core.messages import Param
from conformance.suites.ogcapi_features.messages import joined, m
from conformance.suites.ogcapi_features.openapi import Definition
from conformance.suites.ogcapi_features.operations import Call
from conformance.suites.ogcapi_features.responses import Doc

DENIED = (401, 403)


def schemes(api: Definition) -> dict[str, Any]:
    """components.securitySchemes by name (references resolved where possible)."""
    found = (api.raw.get("components") or {}).get("securitySchemes")
    return {str(k): api.resolve(v) for k, v in found.items()} if isinstance(found, dict) else {}


def effective(api: Definition, operation: dict[str, Any]) -> list[Any]:
    """The security requirements of an operation: its own, else the definition's global ones."""
    found = operation.get("security", api.raw.get("security"))
    return found if isinstance(found, list) else []


def anonymous(requirements: list[Any]) -> bool:
    """No requirement, or the empty requirement {} among the alternatives: access without credentials."""
    return not requirements or any(isinstance(r, dict) and not r for r in requirements)


def declares(api: Definition, operations: list[dict[str, Any]]) -> bool:
    """The definition declares security schemes or requirements (globally or for a Features operation)."""
    return bool(schemes(api) or api.raw.get("security") or any("security" in op for op in operations))


def undefined(api: Definition, operations: list[tuple[str, dict[str, Any]]]) -> Iterator[Violation]:
    """Security requirements that name a scheme components.securitySchemes does not define."""
    known = schemes(api)
    sources = [("/security", api.raw.get("security"))] + [(f"{p}/security", op.get("security")) for p, op in operations]
    for pointer, requirements in sources:
        for index, item in enumerate(requirements if isinstance(requirements, list) else []):
            for name in sorted(set(item) - set(known)) if isinstance(item, dict) else []:
                yield MissingMember(
                    m("scheme-undefined", name=repr(name)),
                    locator=api.doc.at(f"{pointer}/{index}"),
                    expected=sorted(known),
                    actual=name,
                    exchange=api.doc.exchange,
                )


def enforced(
    api: Definition, call: Call, operation: dict[str, Any], doc: Doc, anonymous_client: bool
) -> Iterator[Violation]:
    """The answer to a call agrees with the operation's documented security."""
    documented = effective(api, operation)
    if doc.status in DENIED and anonymous(documented):
        yield StatusViolation(
            m("unprotected-documented", path=call.path, status=doc.status),
            locator=doc.at(),
            expected=m("phrase.security-at", location=f"{api.doc.url}#{call.pointer}/security"),
            actual=doc.status,
            exchange=doc.exchange,
        )
    elif anonymous_client and 200 <= doc.status < 300 and not anonymous(documented):
        yield StatusViolation(
            m("served-without", path=call.path, names=_names(documented)),
            locator=doc.at(),
            expected=m("phrase.denied"),
            actual=doc.status,
            exchange=doc.exchange,
        )


def _names(requirements: list[Any]) -> Param:
    alternatives: list[Param] = [joined(sorted(r)) for r in requirements if isinstance(r, dict) and r]
    return joined(alternatives, "or") if alternatives else m("phrase.credentials")
