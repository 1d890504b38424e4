"""The limit parameter: /req/core/fc-limit-definition and /req/core/fc-limit-response-1.

Values below the declared minimum (0, -1) and non-integers are invalid values: they belong to
/req/core/query-param-invalid (checks_params). A limit above the declared maximum is not an error in 1.0.1:
the server answers 200 with at most the maximum number of features. Without limit the parameter takes its
declared default (OpenAPI), so a page then has at most that many features.
"""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import SchemaViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Param
from conformance.suites.ogcapi_features.catalogue import CORE
from conformance.suites.ogcapi_features.messages import m, on
from conformance.suites.ogcapi_features.openapi import Definition, Parameter, declaring, definition
from conformance.suites.ogcapi_features.params import declared_parameter, limit_bounds, limit_default, shape
from conformance.suites.ogcapi_features.responses import Doc, features, status
from conformance.suites.ogcapi_features.service import Ctx, claim, collections

HUGE = 1_000_000


def limit_definition(ctx: Ctx) -> Judgement:
    """The API definition declares limit as an integer query parameter; limit=1 is accepted."""
    claim(ctx, CORE)
    api = declaring(ctx, "limit")
    found: list[Violation] = []
    sample = collections(ctx)
    for entry in sample:
        doc = ctx.observation.items(entry["id"], {"limit": 1})
        found += status(doc, on("limit=1", entry["id"]))
        found += _declared(api, entry["id"]) if api is not None else []
    return ctx.judge(found, ctx.examined(len(sample), "features.examined.collections"))


def _declared(api: Definition, collection: str) -> Iterator[Violation]:
    param = yield from declared_parameter(api, collection, "limit")
    if param is not None:
        yield from shape(api, param, "integer")
        yield from _minimum(api, param)


def _minimum(api: Definition, param: Parameter) -> Iterator[Violation]:
    minimum = param.schema.get("minimum")
    if not isinstance(minimum, int) or minimum < 1:
        yield SchemaViolation(
            m("limit-minimum"),
            locator=api.doc.at(param.pointer),
            expected="minimum >= 1",
            actual=minimum,
            exchange=api.doc.exchange,
        )


def limit_response(ctx: Ctx) -> Judgement:
    """limit=2 gives at most 2 features, no limit at most the declared default, a huge limit the maximum."""
    claim(ctx, CORE)
    api = definition(ctx)
    if api is None:
        ctx.note(m("note.bounds-unchecked"))
    found: list[Violation] = []
    sent = 0
    for entry in collections(ctx):
        maximum = limit_bounds(api, entry["id"])[1]
        bounds = [v for v in (limit_default(api, entry["id"]), maximum) if v is not None]
        default = min(bounds) if bounds else None
        for value, bound in ((2, 2), (None, default), (HUGE, maximum)):
            doc = ctx.observation.items(entry["id"], {"limit": value} if value else None)
            sent += 1
            problems = list(status(doc, on(f"limit={value}", entry["id"])))
            found += problems or _at_most(doc, bound, value)
    return ctx.judge(found, ctx.examined(sent, "features.examined.limit-requests"))


def _at_most(doc: Doc, bound: int | None, value: int | None) -> Iterator[Violation]:
    count = len(features(doc))
    if bound is not None and count > bound:
        what: Param = f"limit={value}" if value else m("phrase.no-limit")
        yield ValueViolation(
            m("too-many", what=what, count=count, bound=bound),
            locator=doc.at("/features"),
            expected=m("phrase.at-most", count=bound),
            actual=count,
            exchange=doc.exchange,
        )
