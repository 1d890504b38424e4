"""Behaviour against the API definition: /req/oas30/oas-impl, /req/oas30/exceptions-codes, /req/oas30/security.

oas-impl calls the GET operation of every documented Features Part 1 path (see operations.py); 404, 405 and 501
mean the operation is not implemented, any other 5xx that it fails. exceptions-codes provokes error situations
of documented operations (see errors.py). security compares the documented security with what the server
enforces, as far as that can be seen from outside (see security.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import NotApplicable, Skipped, StatusViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.catalogue import OAS30
from conformance.suites.ogcapi_features.errors import covered, error_probes
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.openapi import required_definition
from conformance.suites.ogcapi_features.operations import Call, answer, calls, documented
from conformance.suites.ogcapi_features.responses import Doc
from conformance.suites.ogcapi_features.security import DENIED, declares, enforced, undefined
from conformance.suites.ogcapi_features.service import Ctx, claim

NOT_IMPLEMENTED = (404, 405, 501)


def _calls(ctx: Ctx) -> list[Call]:
    required_definition(ctx)
    found = calls(ctx)
    if not found:
        raise Skipped(m("skip.no-operations"))
    return found


def operations_implemented(ctx: Ctx) -> Judgement:
    """Every documented Features operation answers, called with real collection and feature ids."""
    claim(ctx, OAS30)
    api = required_definition(ctx)
    base = ctx.observation.base_url
    servers = [str(s.get("url", "")).rstrip("/") for s in api.raw.get("servers") or [] if isinstance(s, dict)]
    if servers and base.rstrip("/") not in servers:
        ctx.note(m("note.servers", base=base, server=servers[0]))
    made = _calls(ctx)
    found = [v for call in made for v in _implemented(api.doc.url, call, answer(ctx.observation, call))]
    return ctx.judge(found, ctx.examined(len(made), "features.examined.operations"))


def _implemented(definition_url: str, call: Call, doc: Doc) -> Iterator[Violation]:
    if doc.status in NOT_IMPLEMENTED or doc.status >= 500:
        code = "not-implemented" if doc.status in NOT_IMPLEMENTED else "operation-fails"
        yield StatusViolation(
            m(code, template=call.template, path=call.path, status=doc.status),
            locator=doc.at(),
            expected=m("phrase.documented-at", location=f"{definition_url}#{call.pointer}"),
            actual=doc.status,
            exchange=doc.exchange,
        )


def error_codes_documented(ctx: Ctx) -> Judgement:
    """Error answers of documented operations have documented status codes and bodies."""
    claim(ctx, OAS30)
    api = required_definition(ctx)
    _calls(ctx)
    errors = [(path, doc) for path, doc in error_probes(ctx) if doc.status >= 400]
    if not errors:
        raise Skipped(m("skip.no-error-answers"))
    found = [v for path, doc in errors for v in covered(api, path, doc, ctx.note)]
    return ctx.judge(found, ctx.examined(len(errors), "features.examined.error-answers"))


def security_documented(ctx: Ctx) -> Judgement:
    """Documented security schemes exist and agree with what the server enforces (as far as observable)."""
    claim(ctx, OAS30)
    api = required_definition(ctx)
    operations = {pointer: op for _, pointer, op in documented(api)}
    answers = [(call, answer(ctx.observation, call)) for call in _calls(ctx)]
    if not declares(api, list(operations.values())) and not any(d.status in DENIED for _, d in answers):
        raise NotApplicable(m("not-secured"))
    client = ctx.target.vendor.auth.type == "none"
    if not client:
        ctx.note(m("note.credentials"))
    found = list(undefined(api, list(operations.items())))
    found += [v for call, doc in answers for v in enforced(api, call, operations[call.pointer], doc, client)]
    return ctx.judge(found, ctx.examined(len(answers), "features.examined.operations"))
