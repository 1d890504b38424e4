"""Unknown and invalid query parameters: /req/core/query-param-unknown (Req. 8), /req/core/query-param-invalid (Req. 9).

How Requirement 8 is judged when the API definition declares a free-form parameter
-----------------------------------------------------------------------------------
Some servers (pygeoapi: ``vendorSpecificParameters``, a query object of type ``object`` in form style,
exploded, with ``additionalProperties: true``) declare a catch-all that, read literally as OpenAPI, admits a
query parameter of *any* name. They argue that then no parameter is "not specified in the API definition".

wechselbar does not accept a catch-all as the specification of a parameter. Requirement 8 exists so that a
client learns that a parameter it sends has no effect (a typo such as ``bbbox``, or ``filter`` on a server
without filtering) instead of silently receiving an unfiltered answer; a definition that admits every name
specifies none of them, and would make Requirement 8 impossible to violate. The suite therefore sends a
parameter name the definition does not declare explicitly. If the server answers anything but 400, the
result is a *fail*; its evidence names the free-form parameter (with its JSON pointer in the definition), so a
reader sees the vendor's argument, and a city that accepts it can record a waiver. (The OGC's own test suite
skips the test in this case; this suite deliberately does not.)
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest

from conformance.core.evidence import StatusViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, STANDARD
from conformance.suites.ogcapi_features.openapi import definition
from conformance.suites.ogcapi_features.params import free_forms, items_path, limit_bounds, named
from conformance.suites.ogcapi_features.service import claim, collections, fetch, items_url

PROBE = "wechselbarProbe7f3a"
INVALID = (("bbox", "1,2,3"), ("bbox", "1,2,3,4,5"), ("bbox", "a,b,c,d"), ("bbox", "0,0,10,160"),
           ("bbox", "0,10,10,0"), ("bbox", "0,0,10,10,10,-10"), ("limit", "abc"), ("limit", "1.5"),
           ("datetime", "not-a-date"), ("datetime", "2026-13-45T25:61:00Z"))


@requirement(STANDARD.requirement("/req/core/query-param-unknown"))
def test_unknown_parameter(target: TargetContext) -> None:
    """A parameter that the API definition does not declare is answered with 400 (items and /collections)."""
    claim(target, CORE)
    collection = collections(target)[0]["id"]
    found: list[Violation] = []
    for path in (items_path(collection), "/collections"):
        context = _free_form_context(target, path)
        doc = fetch(target, target.base_url + quote(path), {PROBE: "1"})
        if doc.status != 400:
            found.append(StatusViolation(f"undeclared query parameter {PROBE} was answered with {doc.status}",
                                         locator=doc.at(), expected=f"400{context}", actual=doc.status,
                                         exchange=doc.exchange))
    expect(found)


def _free_form_context(target: TargetContext, path: str) -> str:
    api = definition(target)
    if api is None:
        target.note(f"no readable API definition: the probe parameter {PROBE} was taken as undeclared")
        return ""
    if PROBE in named(api, path):
        pytest.skip(f"the API definition declares the probe parameter {PROBE} for {path}")
    catch_all = free_forms(api, path)
    if not catch_all:
        return ""
    names = ", ".join(f"{p.name} at {api.doc.url}#{p.pointer}" for p in catch_all)
    target.note(f"the API definition declares free-form query parameters ({names}); wechselbar does not count a "
                "catch-all as specifying a parameter (see the suite's test_params module)")
    return f" (not declared by name; the free-form parameter {names} is not counted as declaring it)"


@requirement(STANDARD.requirement("/req/core/query-param-invalid"))
def test_invalid_values(target: TargetContext) -> None:
    """Malformed bbox, limit and datetime values, and limits below the declared minimum, are answered with 400.

    A value is invalid if it violates the API definition or a constraint stated in a requirement: besides
    malformed values, a bbox latitude of 160 (the standard's own example below the bbox definition), a south
    edge above the north edge, and, with six numbers, a minimum height above the maximum.
    """
    claim(target, CORE)
    collection = collections(target)[0]["id"]
    minimum = limit_bounds(definition(target), collection)[0]
    probes = [*INVALID, ("limit", str(minimum - 1)), ("limit", "-1")]
    expect(v for name, value in dict.fromkeys(probes) for v in _rejected(target, collection, name, value))


def _rejected(target: TargetContext, collection: str, name: str, value: str) -> Iterator[Violation]:
    doc = fetch(target, items_url(target, collection), {name: value})
    if doc.status != 400:
        yield StatusViolation(f"invalid value {name}={value} was answered with {doc.status}", locator=doc.at(),
                              expected=400, actual=doc.status, exchange=doc.exchange)
