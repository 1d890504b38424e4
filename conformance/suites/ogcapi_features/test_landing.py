"""Landing page and API definition: /req/core/root-*, /req/core/api-definition-*."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.core.evidence import LinkViolation, ParseViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, STANDARD
from conformance.suites.ogcapi_features.checks import media_type, status
from conformance.suites.ogcapi_features.links import Link, links, relations, with_rel
from conformance.suites.ogcapi_features.schemas import core, validate
from conformance.suites.ogcapi_features.service import Doc, claim, ensure, fetch, landing


@requirement(STANDARD.requirement("/req/core/root-op"))
def test_root_op(target: TargetContext) -> None:
    claim(target, CORE)
    expect(status(landing(target), "GET /"))


@requirement(STANDARD.requirement("/req/core/root-success"))
def test_root_success(target: TargetContext) -> None:
    claim(target, CORE)
    page = landing(target)
    expect(ensure(page, "landing page"))
    expect([*validate(core("landingPage"), page), *relations(page, ("conformance", "data")), *_api_link(page)])


def _api_link(page: Doc) -> Iterator[Violation]:
    found = {link.rel for link in links(page)}
    if not found & {"service-desc", "service-doc"}:
        yield LinkViolation("no link to the API definition (rel=service-desc or service-doc)",
                            locator=page.at("/links"), expected="service-desc or service-doc",
                            actual=sorted(r for r in found if r), exchange=page.exchange)


def _definitions(target: TargetContext) -> list[Link]:
    page = landing(target)
    found = with_rel(links(page), "service-desc") + with_rel(links(page), "service-doc")
    if not found:
        pytest.skip("the landing page links no API definition (see /req/core/root-success)")
    return found


@requirement(STANDARD.requirement("/req/core/api-definition-op"))
def test_api_definition_op(target: TargetContext) -> None:
    claim(target, CORE)
    page = landing(target)
    expect(v for link in _definitions(target)
           for v in status(fetch(target, link.href(page.url), accept=link.type or "*/*"), f"GET {link.rel} link"))


@requirement(STANDARD.requirement("/req/core/api-definition-success"))
def test_api_definition_success(target: TargetContext) -> None:
    claim(target, CORE)
    page = landing(target)
    found: list[Violation] = []
    for link in _definitions(target):
        doc = fetch(target, link.href(page.url), accept=str(link.raw.get("type") or "*/*"))
        problems = list(status(doc, f"{link.rel} link"))
        found += problems or _consistent(doc, link)
    expect(found)


def _consistent(doc: Doc, link: Link) -> list[Violation]:
    served = doc.response.media_type
    if link.type and served != link.type:
        return list(media_type(doc, str(link.raw["type"]), f"{link.rel} link"))
    if served.endswith("json") and doc.body is None:
        return [ParseViolation(f"{link.rel}: the {served} body does not parse ({doc.error})", locator=doc.at(),
                               expected=served, actual=doc.response.text[:200], exchange=doc.exchange)]
    return []
