"""The OpenAPI 3.0 class: /req/oas30/oas-definition-1, oas-definition-2 and completeness.

The definition is validated structurally against the OpenAPI 3.0 schema; references are not followed for
that (remote ones are never fetched). Completeness is judged on the responses the server really gives to a
few probes: each status code must be declared for its operation (or covered by a range or ``default``), and a
200's media type must be among the declared content types when the response object can be resolved offline.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openapi_spec_validator.schemas import schema_v30

from conformance.core.evidence import MissingMember, ValueViolation, Violation
from conformance.core.jsonschemas import compile_validator, violations
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.catalogue import OAS30
from conformance.suites.ogcapi_features.links import Link, links, with_rel
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.openapi import Definition, required_definition, undescribed
from conformance.suites.ogcapi_features.params import items_path
from conformance.suites.ogcapi_features.responses import HTML, OPENAPI_JSON, UNKNOWN, Doc, media_type
from conformance.suites.ogcapi_features.schemas import worded
from conformance.suites.ogcapi_features.service import Ctx, claim, collections

SERVED = (("service-desc", OPENAPI_JSON), ("service-doc", HTML))


def definition_available(ctx: Ctx) -> Judgement:
    """service-desc serves OpenAPI 3.0 JSON, service-doc serves HTML."""
    claim(ctx, OAS30)
    found = [v for rel, wanted in SERVED for v in _served(ctx, rel, wanted)]
    return ctx.judge(found, ctx.examined(len(SERVED), "features.examined.served-links"))


def _served(ctx: Ctx, rel: str, wanted: str) -> Iterator[Violation]:
    page = ctx.observation.landing
    candidates = [link for link in with_rel(links(page), rel) if link.type == wanted.split(";", maxsplit=1)[0]]
    if not candidates:
        yield MissingMember(
            m("no-typed-link", rel=rel, type=wanted),
            locator=page.at("/links"),
            expected=f"rel={rel}, type={wanted}",
            actual=_listed(links(page)),
            exchange=page.exchange,
        )
        return
    doc = ctx.observation.fetch(candidates[0].href(page.url), accept=wanted)
    yield from media_type(doc, wanted, rel)
    served = doc.response.headers.get("Content-Type", "").replace(" ", "").lower()
    if wanted == OPENAPI_JSON and doc.status == 200 and "version=3.0" not in served:
        yield ValueViolation(
            m("no-version", rel=rel),
            locator=doc.at(),
            expected=wanted,
            actual=doc.response.headers.get("Content-Type"),
            exchange=doc.exchange,
        )


def _listed(found: list[Link]) -> list[str]:
    return [f"{link.rel} {link.type}" for link in found]


def definition_valid(ctx: Ctx) -> Judgement:
    """The document validates against the OpenAPI 3.0 schema and says openapi: 3.0.x."""
    claim(ctx, OAS30)
    api = required_definition(ctx)
    return ctx.judge(openapi30_findings(api), ctx.examined(1, "features.examined.definition"))


def openapi30_findings(api: Definition) -> list[Violation]:
    """How a definition misses OpenAPI 3.0: its openapi version, then the OpenAPI 3.0 schema."""
    found: list[Violation] = []
    version = str(api.raw.get("openapi", ""))
    if not version.startswith("3.0."):
        found.append(
            ValueViolation(
                m("openapi-version", version=repr(version)),
                locator=api.doc.at("/openapi"),
                expected="3.0.x",
                actual=api.raw.get("openapi"),
                exchange=api.doc.exchange,
            )
        )
    found += worded(violations(compile_validator(schema_v30), api.raw, api.doc.url, exchange=api.doc.exchange))
    return found


def definition_complete(ctx: Ctx) -> Judgement:
    """The status codes (and 200 media types) of real answers are declared for their operations."""
    claim(ctx, OAS30)
    api = required_definition(ctx)
    svc = ctx.observation
    collection = collections(ctx)[0]["id"]
    path = items_path(collection)
    probes = [
        ("/", svc.landing),
        (path, svc.items(collection)),
        (path, svc.once(svc.items_url(collection), {"limit": "abc"})),
        (f"{path}/{UNKNOWN}", svc.once(f"{svc.items_url(collection)}/{UNKNOWN}")),
    ]
    found = [v for where, doc in probes for v in _declared(api, where, doc)]
    return ctx.judge(found, ctx.examined(len(probes), "features.examined.declared-answers"))


def _declared(api: Definition, path: str, doc: Doc) -> Iterator[Violation]:
    responses = api.responses(path)
    if responses is None:
        yield undescribed(api, path, doc.exchange)
        return
    code = str(doc.status)
    response = responses.get(code) or responses.get(f"{code[0]}XX") or responses.get("default")
    if code not in responses and f"{code[0]}XX" not in responses and "default" not in responses:
        yield MissingMember(
            m("status-undeclared", path=path, status=code),
            locator=doc.at(),
            expected=sorted(responses),
            actual=doc.status,
            exchange=doc.exchange,
        )
    elif doc.status == 200:
        yield from _content(path, doc, response)


def _content(path: str, doc: Doc, response: Any) -> Iterator[Violation]:
    content = response.get("content") if isinstance(response, dict) else None
    served = doc.response.media_type
    if isinstance(content, dict) and content and served not in {k.split(";")[0].lower() for k in content}:
        yield MissingMember(
            m("type-undeclared", path=path, type=served),
            locator=doc.at(),
            expected=sorted(content),
            actual=served,
            exchange=doc.exchange,
        )
