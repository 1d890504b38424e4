"""The limit parameter: /req/core/fc-limit-definition and /req/core/fc-limit-response-1.

Values below the declared minimum (0, -1) and non-integers are invalid values: they belong to
/req/core/query-param-invalid (test_params). A limit above the declared maximum is not an error in 1.0.1:
the server answers 200 with at most the maximum number of features. Without limit the parameter takes its
declared default (OpenAPI), so a page then has at most that many features.
"""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import SchemaViolation, ValueViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, STANDARD
from conformance.suites.ogcapi_features.checks import status
from conformance.suites.ogcapi_features.openapi import Definition, Parameter, definition
from conformance.suites.ogcapi_features.params import declared_parameter, limit_bounds, limit_default, shape
from conformance.suites.ogcapi_features.service import Doc, claim, collections, features, items

HUGE = 1_000_000


@requirement(STANDARD.requirement("/req/core/fc-limit-definition"))
def test_limit_definition(target: TargetContext) -> None:
    """The API definition declares limit as an integer query parameter; limit=1 is accepted."""
    claim(target, CORE)
    api = definition(target)
    found: list[Violation] = []
    for entry in collections(target):
        found += status(items(target, entry["id"], {"limit": 1}), f"limit=1 on {entry['id']}")
        found += _declared(target, api, entry["id"])
    expect(found)


def _declared(target: TargetContext, api: Definition | None, collection: str) -> Iterator[Violation]:
    if api is None:
        target.note("no readable API definition: the declaration of limit was not checked")
        return
    param = yield from declared_parameter(api, collection, "limit")
    if param is not None:
        yield from shape(api, param, "integer")
        yield from _minimum(api, param)


def _minimum(api: Definition, param: Parameter) -> Iterator[Violation]:
    minimum = param.schema.get("minimum")
    if not isinstance(minimum, int) or minimum < 1:
        yield SchemaViolation("limit has no minimum of at least 1", locator=api.doc.at(param.pointer),
                              expected="minimum >= 1", actual=minimum, exchange=api.doc.exchange)


@requirement(STANDARD.requirement("/req/core/fc-limit-response-1"))
def test_limit_response(target: TargetContext) -> None:
    """limit=2 gives at most 2 features, no limit at most the declared default, a huge limit the maximum."""
    claim(target, CORE)
    api = definition(target)
    if api is None:
        target.note("no readable API definition: pages were not checked against a declared default or maximum "
                    "of limit")
    found: list[Violation] = []
    for entry in collections(target):
        maximum = limit_bounds(api, entry["id"])[1]
        bounds = [v for v in (limit_default(api, entry["id"]), maximum) if v is not None]
        default = min(bounds) if bounds else None
        for value, bound in ((2, 2), (None, default), (HUGE, maximum)):
            doc = items(target, entry["id"], {"limit": value} if value else None)
            problems = list(status(doc, f"limit={value} on {entry['id']}"))
            found += problems or _at_most(doc, bound, value)
    expect(found)


def _at_most(doc: Doc, bound: int | None, value: int | None) -> Iterator[Violation]:
    count = len(features(doc))
    if bound is not None and count > bound:
        what = f"limit={value}" if value else "no limit (the declared default or maximum applies)"
        yield ValueViolation(f"{what}: {count} features returned, more than {bound}", locator=doc.at("/features"),
                             expected=f"at most {bound}", actual=count, exchange=doc.exchange)
