"""The checks of the OpenAPI suite: one per requirement, each saying what it examined.

The description checks examine the document (and its references); the response checks examine the calls of the
exercise. A description without a callable GET operation leaves the response checks with nothing to judge:
they are not applicable, never passed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.openapi import BASE
from conformance.suites.openapi.api import Api, Observed
from conformance.suites.openapi.bodies import documented_content, judged_body, schema_violations
from conformance.suites.openapi.document import DescriptionUnavailable
from conformance.suites.openapi.exercise import Exercise
from conformance.suites.openapi.validity import references, spec_errors, version
from conformance.suites.openapi.verdicts import media_types, rejections, server_errors, status_codes

Context = CheckContext[Observed]


def parse(ctx: Context) -> Judgement:
    """The description was read and parsed, or the findings say why not."""
    loaded = ctx.observation.loaded
    findings = loaded.violations if isinstance(loaded, DescriptionUnavailable) else []
    return ctx.judge(findings, ctx.examined(1, "openapi.examined.description"))


def declared_version(ctx: Context) -> Judgement:
    """The openapi field names 3.0.x or 3.1.x."""
    found = version(ctx.observation.description())
    return ctx.judge(found, ctx.examined(1, "openapi.examined.openapi-field"))


def valid(ctx: Context) -> Judgement:
    """The bundled document validates as OpenAPI of its version."""
    notes: list[Message] = []
    found = list(spec_errors(ctx.observation.api(), notes))
    for note in notes:
        ctx.note(note)
    return ctx.judge(found, ctx.examined(1, "openapi.examined.description"))


def _references(ctx: Context, foreign: bool) -> Judgement:
    api = ctx.observation.api()
    return ctx.judge(references(api, foreign), ctx.examined(api.bundle.references, "openapi.examined.references"))


def refs(ctx: Context) -> Judgement:
    """Every reference the suite can read resolves."""
    return _references(ctx, foreign=False)


def self_contained(ctx: Context) -> Judgement:
    """Every reference resolves offline."""
    return _references(ctx, foreign=True)


def _calls(ctx: Context) -> tuple[Api, Exercise]:
    api, run = ctx.observation.api(), ctx.observation.exercise()
    for note in run.summary:
        ctx.note(note)
    return api, run


def _judge_calls(ctx: Context, findings: Iterable[Violation], count: int, code: str, run: Exercise) -> Judgement:
    params = {"operations": run.called} if code == "openapi.examined.responses" else {}
    return ctx.judge(findings, ctx.examined(count, code, **params))


def status_documented(ctx: Context) -> Judgement:
    """Every response carries a documented status."""
    api, run = _calls(ctx)
    found = status_codes(run, api.document, api.description.uri)
    return _judge_calls(ctx, found, len(run.calls), "openapi.examined.responses", run)


def content_types(ctx: Context) -> Judgement:
    """Every response whose status documents content has a documented media type."""
    api, run = _calls(ctx)
    judged = sum(
        documented_content(api.document, c.planned.operation.pointer, c.response.status) is not None for c in run.calls
    )
    found = media_types(run, api.document, api.description.uri)
    return _judge_calls(ctx, found, judged, "openapi.examined.content", run)


def response_schemas(ctx: Context) -> Judgement:
    """Every JSON body documented with a schema validates."""
    api, run = _calls(ctx)
    judged = sum(judged_body(c, api.document) for c in run.calls)
    return _judge_calls(ctx, schema_violations(run, api), judged, "openapi.examined.bodies", run)


def negative_data(ctx: Context) -> Judgement:
    """Every request with invalid parameters got a 4xx."""
    _, run = _calls(ctx)
    sent = sum(c.planned.negative for c in run.calls)
    return _judge_calls(ctx, rejections(run), sent, "openapi.examined.invalid-requests", run)


def no_server_errors(ctx: Context) -> Judgement:
    """No response is a 5xx."""
    _, run = _calls(ctx)
    return _judge_calls(ctx, server_errors(run), len(run.calls), "openapi.examined.responses", run)


def _check(path: str, run: Callable[[Context], Judgement], revision: int = 1) -> Check[Observed]:
    return Check(f"{BASE}/req/{path}", run, revision=revision)


CHECKS = by_requirement(
    _check("description/parse", parse),
    _check("description/version", declared_version),
    _check("description/valid", valid, revision=2),
    _check("description/refs", refs, revision=2),
    _check("description/self-contained", self_contained, revision=2),
    _check("status-codes/documented", status_documented, revision=3),
    _check("content-types/documented", content_types, revision=3),
    _check("response-schemas/valid", response_schemas, revision=3),
    _check("negative-data/rejected", negative_data, revision=3),
    _check("server-errors/none", no_server_errors, revision=3),
)

__all__ = ["CHECKS"]
