"""Conformance declaration: /req/core/conformance-op, /req/core/conformance-success."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import MissingMember, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, STANDARD
from conformance.suites.ogcapi_features.checks import status
from conformance.suites.ogcapi_features.schemas import core, validate
from conformance.suites.ogcapi_features.service import Doc, claim, conformance, declared, ensure


@requirement(STANDARD.requirement("/req/core/conformance-op"))
def test_conformance_op(target: TargetContext) -> None:
    claim(target, CORE)
    expect(status(conformance(target), "GET /conformance"))


@requirement(STANDARD.requirement("/req/core/conformance-success"))
def test_conformance_success(target: TargetContext) -> None:
    claim(target, CORE)
    doc = conformance(target)
    expect(ensure(doc, "conformance declaration"))
    listed = declared(target) or frozenset()
    _note_unclaimed(target, listed)
    expect([*validate(core("confClasses"), doc), *_listed(doc, listed, _expected(target))])


def _note_unclaimed(target: TargetContext, listed: frozenset[str]) -> None:
    """Classes of this standard the API declares but the vendors file does not claim are said, not hidden."""
    claims = target.target.claims
    unclaimed = sorted(c.uri for c in STANDARD.classes if c.uri in listed and claims is not None
                       and c.uri not in claims)
    if unclaimed:
        target.note(f"declared by the API but not claimed in the vendors file, so not tested: {', '.join(unclaimed)}")


def _expected(target: TargetContext) -> list[str]:
    claimed = list(target.target.claims or ())
    return claimed if CORE in claimed else [CORE, *claimed]


def _listed(doc: Doc, listed: frozenset[str], classes: list[str]) -> Iterator[Violation]:
    for cls in classes:
        if cls not in listed:
            yield MissingMember(f"conformance class {cls} is not declared", locator=doc.at("/conformsTo"),
                                expected=cls, actual=sorted(listed), exchange=doc.exchange)
