"""Landing page: /req/core/root-op and /req/core/root-success."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import LinkViolation, StatusViolation, Violation, expect
from conformance.suites.ogcapi_features import STANDARD
from conformance.target import TargetContext, requirement


@requirement(STANDARD.requirement("/req/core/root-op"))
def test_root_op(target: TargetContext) -> None:
    response = target.http.get(target.base_url + "/", headers={"Accept": "application/json"})
    expect(_status(response.status, 200, response))


def _status(found: int, wanted: int, response: object) -> Iterator[Violation]:
    if found != wanted:
        yield StatusViolation(f"expected HTTP {wanted}, got {found}", expected=wanted, actual=found,
                              locator=getattr(response, "url", ""), exchange=getattr(response, "exchange", None))


@requirement(STANDARD.requirement("/req/core/root-success"))
def test_root_success(target: TargetContext) -> None:
    response = target.http.get(target.base_url + "/", headers={"Accept": "application/json"})
    expect(_status(response.status, 200, response))
    rels = {link.get("rel") for link in response.json().get("links", [])}
    expect(
        LinkViolation(f"landing page has no link with rel={rel}", locator=response.url, expected=rel,
                      actual=sorted(r for r in rels if r), exchange=response.exchange)
        for rel in ("service-desc", "conformance", "data") if rel not in rels
    )
