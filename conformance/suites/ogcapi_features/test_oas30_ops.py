"""Behaviour against the API definition: /req/oas30/oas-impl, /req/oas30/exceptions-codes, /req/oas30/security.

oas-impl calls the GET operation of every documented Features Part 1 path (see operations.py); 404, 405 and 501
mean the operation is not implemented, any other 5xx that it fails. exceptions-codes provokes error situations
of documented operations (see errors.py). security compares the documented security with what the server
enforces, as far as that can be seen from outside (see security.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.core.evidence import NotApplicable, StatusViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import OAS30, STANDARD
from conformance.suites.ogcapi_features.errors import covered, error_probes
from conformance.suites.ogcapi_features.openapi import required_definition
from conformance.suites.ogcapi_features.operations import Call, answer, calls, documented
from conformance.suites.ogcapi_features.security import DENIED, declares, enforced, undefined
from conformance.suites.ogcapi_features.service import Doc, claim

NOT_IMPLEMENTED = (404, 405, 501)


def _calls(target: TargetContext) -> list[Call]:
    found = calls(target, required_definition(target))
    if not found:
        pytest.skip("the API definition documents no GET operation of a Features Part 1 path")
    return found


@requirement(STANDARD.requirement("/req/oas30/oas-impl"))
def test_operations_implemented(target: TargetContext) -> None:
    """Every documented Features operation answers, called with real collection and feature ids."""
    claim(target, OAS30)
    api = required_definition(target)
    servers = [str(s.get("url", "")).rstrip("/") for s in api.raw.get("servers") or [] if isinstance(s, dict)]
    if servers and target.base_url.rstrip("/") not in servers:
        target.note(f"paths were called below the base URL {target.base_url}, not the definition's servers entry "
                    f"{servers[0]}")
    expect(v for call in _calls(target) for v in _implemented(api.doc.url, call, answer(target, call)))


def _implemented(definition_url: str, call: Call, doc: Doc) -> Iterator[Violation]:
    if doc.status in NOT_IMPLEMENTED or doc.status >= 500:
        what = "is not implemented" if doc.status in NOT_IMPLEMENTED else "fails"
        yield StatusViolation(f"the documented operation GET {call.template} {what}: GET {call.path} answered "
                              f"{doc.status}", locator=doc.at(), expected=f"a response as documented at "
                              f"{definition_url}#{call.pointer}", actual=doc.status, exchange=doc.exchange)


@requirement(STANDARD.requirement("/req/oas30/exceptions-codes"))
def test_error_codes_documented(target: TargetContext) -> None:
    """Error answers of documented operations have documented status codes and bodies."""
    claim(target, OAS30)
    api = required_definition(target)
    _calls(target)
    errors = [(what, path, doc) for what, path, doc in error_probes(target, api) if doc.status >= 400]
    if not errors:
        pytest.skip("no documented operation answered an error situation with an error status")
    expect(v for _, path, doc in errors for v in covered(api, path, doc, target.note))


@requirement(STANDARD.requirement("/req/oas30/security"))
def test_security_documented(target: TargetContext) -> None:
    """Documented security schemes exist and agree with what the server enforces (as far as observable)."""
    claim(target, OAS30)
    api = required_definition(target)
    operations = {pointer: op for _, pointer, op in documented(api)}
    answers = [(call, answer(target, call)) for call in _calls(target)]
    if not declares(api, list(operations.values())) and not any(d.status in DENIED for _, d in answers):
        raise NotApplicable("the API definition declares no security scheme and no Features operation answered "
                            "401 or 403: the operations are not access-controlled as far as can be observed")
    client = target.vendor.auth.type == "none"
    if not client:
        target.note("requests carried the vendor's credentials: whether operations are served without them was "
                    "not observed")
    found = list(undefined(api, list(operations.items())))
    found += [v for call, doc in answers for v in enforced(api, call, operations[call.pointer], doc, client)]
    expect(found)
