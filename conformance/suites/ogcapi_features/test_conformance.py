"""Conformance declaration and HTTP status codes: /req/core/conformance-*, /req/core/http."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import MissingMember, Violation, expect
from conformance.suites.ogcapi_features import CORE, STANDARD
from conformance.suites.ogcapi_features.checks import status
from conformance.suites.ogcapi_features.schemas import core, validate
from conformance.suites.ogcapi_features.service import (
    Doc,
    claim,
    collection_url,
    collections,
    conformance,
    ensure,
    fetch,
    items_url,
)
from conformance.target import TargetContext, requirement

UNKNOWN = "wechselbar-unknown-7f3a9c"


@requirement(STANDARD.requirement("/req/core/conformance-op"))
def test_conformance_op(target: TargetContext) -> None:
    claim(target, CORE)
    expect(status(conformance(target), "GET /conformance"))


@requirement(STANDARD.requirement("/req/core/conformance-success"))
def test_conformance_success(target: TargetContext) -> None:
    claim(target, CORE)
    doc = conformance(target)
    expect(ensure(doc, "conformance declaration"))
    expect([*validate(core("confClasses"), doc), *_listed(doc, _expected(target))])


def _expected(target: TargetContext) -> list[str]:
    claimed = list(target.target.claims or ())
    return claimed if CORE in claimed else [CORE, *claimed]


def _listed(doc: Doc, classes: list[str]) -> Iterator[Violation]:
    found = doc.member("conformsTo", [])
    declared = {str(c).rstrip("/") for c in found} if isinstance(found, list) else set()
    for cls in classes:
        if cls not in declared:
            yield MissingMember(f"conformance class {cls} is not declared", locator=doc.at("/conformsTo"),
                                expected=cls, actual=sorted(declared), exchange=doc.exchange)


@requirement(STANDARD.requirement("/req/core/http"))
def test_unknown_resources_404(target: TargetContext) -> None:
    """An unknown collection and an unknown feature of a known collection are answered with 404."""
    claim(target, CORE)
    known = collections(target)[0]["id"]
    probes = [(collection_url(target, UNKNOWN), "unknown collection"),
              (items_url(target, UNKNOWN), "items of an unknown collection"),
              (f"{items_url(target, known)}/{UNKNOWN}", f"unknown feature of collection {known}")]
    expect(v for url, what in probes for v in status(fetch(target, url), what, 404))
