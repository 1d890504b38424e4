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

from conformance.core.evidence import Skipped, StatusViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Param
from conformance.suites.ogcapi_features.catalogue import CORE
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.openapi import definition
from conformance.suites.ogcapi_features.params import free_forms, items_path, limit_bounds, named
from conformance.suites.ogcapi_features.service import Ctx, claim, collections

PROBE = "wechselbarProbe7f3a"
INVALID = (
    ("bbox", "1,2,3"),
    ("bbox", "1,2,3,4,5"),
    ("bbox", "a,b,c,d"),
    ("bbox", "0,0,10,160"),
    ("bbox", "0,10,10,0"),
    ("bbox", "0,0,10,10,10,-10"),
    ("limit", "abc"),
    ("limit", "1.5"),
    ("datetime", "not-a-date"),
    ("datetime", "2026-13-45T25:61:00Z"),
)


def unknown_parameter(ctx: Ctx) -> Judgement:
    """A parameter that the API definition does not declare is answered with 400 (items and /collections)."""
    claim(ctx, CORE)
    collection = collections(ctx)[0]["id"]
    found: list[Violation] = []
    paths = (items_path(collection), "/collections")
    for path in paths:
        expected = _expected(ctx, path)
        doc = ctx.observation.fetch(ctx.observation.base_url + quote(path), {PROBE: "1"})
        if doc.status != 400:
            found.append(
                StatusViolation(
                    m("unknown-accepted", name=PROBE, status=doc.status),
                    locator=doc.at(),
                    expected=expected,
                    actual=doc.status,
                    exchange=doc.exchange,
                )
            )
    return ctx.judge(found, ctx.examined(len(paths), "features.examined.unknown-requests"))


def _expected(ctx: Ctx, path: str) -> Param:
    """400, and where the definition has a catch-all, why that does not count as declaring the probe."""
    api = definition(ctx)
    if api is None:
        ctx.note(m("note.probe-undeclared", name=PROBE))
        return "400"
    if PROBE in named(api, path):
        raise Skipped(m("skip.probe-declared", name=PROBE, path=path))
    catch_all = free_forms(api, path)
    if not catch_all:
        return "400"
    names: list[Param] = [m("phrase.at", name=p.name, location=f"{api.doc.url}#{p.pointer}") for p in catch_all]
    ctx.note(m("note.free-form", names=names))
    return m("phrase.free-form", names=names)


def invalid_values(ctx: Ctx) -> Judgement:
    """Malformed bbox, limit and datetime values, and limits below the declared minimum, are answered with 400.

    A value is invalid if it violates the API definition or a constraint stated in a requirement: besides
    malformed values, a bbox latitude of 160 (the standard's own example below the bbox definition), a south
    edge above the north edge, and, with six numbers, a minimum height above the maximum.
    """
    claim(ctx, CORE)
    collection = collections(ctx)[0]["id"]
    minimum = limit_bounds(definition(ctx), collection)[0]
    probes = list(dict.fromkeys([*INVALID, ("limit", str(minimum - 1)), ("limit", "-1")]))
    found = [v for name, value in probes for v in _rejected(ctx, collection, name, value)]
    return ctx.judge(found, ctx.examined(len(probes), "features.examined.invalid-requests"))


def _rejected(ctx: Ctx, collection: str, name: str, value: str) -> Iterator[Violation]:
    doc = ctx.observation.fetch(ctx.observation.items_url(collection), {name: value})
    if doc.status != 400:
        yield StatusViolation(
            m("invalid-accepted", value=f"{name}={value}", status=doc.status),
            locator=doc.at(),
            expected=400,
            actual=doc.status,
            exchange=doc.exchange,
        )
