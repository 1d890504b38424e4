"""Conformance declaration: /req/core/conformance-op, /req/core/conformance-success."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import MissingMember, Violation, expect
from conformance.suites.ogcapi_features import CORE, STANDARD
from conformance.suites.ogcapi_features.checks import status
from conformance.suites.ogcapi_features.schemas import core, validate
from conformance.suites.ogcapi_features.service import Doc, claim, conformance, ensure
from conformance.target import TargetContext, requirement


@requirement(STANDARD.requirement("/req/core/conformance-op"))
def test_conformance_op(target: TargetContext) -> None:
    claim(target, CORE)
    expect(status(conformance(target), "GET /conformance"))


@requirement(STANDARD.requirement("/req/core/conformance-success"))
def test_conformance_success(target: TargetContext) -> None:
    claim(target, CORE)
    doc = conformance(target)
    expect(ensure(doc, "conformance declaration"))
    _note_unclaimed(target, doc)
    expect([*validate(core("confClasses"), doc), *_listed(doc, _expected(target))])


def _note_unclaimed(target: TargetContext, doc: Doc) -> None:
    """Classes of this standard the API declares but the vendors file does not claim are said, not hidden."""
    found = doc.member("conformsTo", [])
    declared = {str(c).rstrip("/") for c in found} if isinstance(found, list) else set()
    unclaimed = sorted(c.uri for c in STANDARD.classes if c.uri in declared and target.target.claims is not None
                       and c.uri not in target.target.claims)
    if unclaimed:
        target.note(f"declared by the API but not claimed in the vendors file, so not tested: {', '.join(unclaimed)}")


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
