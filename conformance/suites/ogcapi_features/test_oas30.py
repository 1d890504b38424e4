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

from conformance.core.evidence import MissingMember, ValueViolation, Violation, expect
from conformance.core.jsonschemas import compile_validator, violations
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import OAS30, STANDARD
from conformance.suites.ogcapi_features.checks import capped, media_type
from conformance.suites.ogcapi_features.links import Link, links, with_rel
from conformance.suites.ogcapi_features.openapi import Definition, required_definition
from conformance.suites.ogcapi_features.params import items_path
from conformance.suites.ogcapi_features.service import (
    HTML,
    OPENAPI_JSON,
    UNKNOWN,
    Doc,
    claim,
    collections,
    fetch,
    items,
    items_url,
    landing,
    probe,
)


@requirement(STANDARD.requirement("/req/oas30/oas-definition-1"))
def test_definition_available(target: TargetContext) -> None:
    """service-desc serves OpenAPI 3.0 JSON, service-doc serves HTML."""
    claim(target, OAS30)
    page = landing(target)
    found: list[Violation] = []
    for rel, wanted in (("service-desc", OPENAPI_JSON), ("service-doc", HTML)):
        found += _served(target, page, rel, wanted)
    expect(found)


def _served(target: TargetContext, page: Doc, rel: str, wanted: str) -> Iterator[Violation]:
    candidates = [link for link in with_rel(links(page), rel) if link.type == wanted.split(";", maxsplit=1)[0]]
    if not candidates:
        yield MissingMember(f"the landing page has no {rel} link of type {wanted}", locator=page.at("/links"),
                            expected=f"rel={rel}, type={wanted}", actual=_listed(links(page)), exchange=page.exchange)
        return
    doc = fetch(target, candidates[0].href(page.url), accept=wanted)
    yield from media_type(doc, wanted, rel)
    served = doc.response.headers.get("Content-Type", "").replace(" ", "").lower()
    if wanted == OPENAPI_JSON and doc.status == 200 and "version=3.0" not in served:
        yield ValueViolation(f"{rel}: the media type lacks version=3.0", locator=doc.at(), expected=wanted,
                             actual=doc.response.headers.get("Content-Type"), exchange=doc.exchange)


def _listed(found: list[Link]) -> list[str]:
    return [f"{link.rel} {link.type}" for link in found]


@requirement(STANDARD.requirement("/req/oas30/oas-definition-2"))
def test_definition_valid(target: TargetContext) -> None:
    """The document validates against the OpenAPI 3.0 schema and says openapi: 3.0.x."""
    claim(target, OAS30)
    api = required_definition(target)
    found: list[Violation] = []
    version = str(api.raw.get("openapi", ""))
    if not version.startswith("3.0."):
        found.append(ValueViolation(f"openapi is {version!r}, not 3.0.x", locator=api.doc.at("/openapi"),
                                    expected="3.0.x", actual=api.raw.get("openapi"), exchange=api.doc.exchange))
    found += violations(compile_validator(schema_v30), api.raw, api.doc.url, exchange=api.doc.exchange)
    expect(capped(found))


@requirement(STANDARD.requirement("/req/oas30/completeness"))
def test_definition_complete(target: TargetContext) -> None:
    """The status codes (and 200 media types) of real answers are declared for their operations."""
    claim(target, OAS30)
    api = required_definition(target)
    collection = collections(target)[0]["id"]
    probes = [("/", landing(target)), (items_path(collection), items(target, collection)),
              (items_path(collection), probe(target, items_url(target, collection), {"limit": "abc"})),
              (f"{items_path(collection)}/{UNKNOWN}", probe(target, f"{items_url(target, collection)}/{UNKNOWN}"))]
    expect(v for path, doc in probes for v in _declared(api, path, doc))


def _declared(api: Definition, path: str, doc: Doc) -> Iterator[Violation]:
    responses = api.responses(path)
    if responses is None:
        yield MissingMember(f"the API definition does not describe GET {path}", locator=api.doc.at("/paths"),
                            expected=f"an operation for {path}", actual=None, exchange=doc.exchange)
        return
    code = str(doc.status)
    response = responses.get(code) or responses.get(f"{code[0]}XX") or responses.get("default")
    if code not in responses and f"{code[0]}XX" not in responses and "default" not in responses:
        yield MissingMember(f"GET {path} answered {code}, which its operation does not declare", locator=doc.at(),
                            expected=sorted(responses), actual=doc.status, exchange=doc.exchange)
    elif doc.status == 200:
        yield from _content(path, doc, response)


def _content(path: str, doc: Doc, response: Any) -> Iterator[Violation]:
    content = response.get("content") if isinstance(response, dict) else None
    served = doc.response.media_type
    if isinstance(content, dict) and content and served not in {k.split(";")[0].lower() for k in content}:
        yield MissingMember(f"GET {path} answered 200 as {served}, which the response object does not declare",
                            locator=doc.at(), expected=sorted(content), actual=served, exchange=doc.exchange)
