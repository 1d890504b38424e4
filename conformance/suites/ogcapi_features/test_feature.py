"""Single features: /req/core/f-op, /req/core/f-success, /req/core/f-links (``max_features`` per collection)."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import ValueViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, HTML, STANDARD
from conformance.suites.ogcapi_features.checks import status
from conformance.suites.ogcapi_features.links import alternate, rel_and_type, relations
from conformance.suites.ogcapi_features.service import Doc, claim, declared, ensure, judged, sampled, single


@requirement(STANDARD.requirement("/req/core/f-op"))
def test_feature_op(target: TargetContext) -> None:
    claim(target, CORE)
    expect(v for cid, fid in sampled(target) for v in status(single(target, cid, fid), f"feature {fid} of {cid}"))


@requirement(STANDARD.requirement("/req/core/f-success"))
def test_feature_success(target: TargetContext) -> None:
    """The answer is a JSON object of the feature that was asked for."""
    claim(target, CORE)
    found: list[Violation] = []
    for cid, fid in sampled(target):
        doc = single(target, cid, fid)
        problems = list(ensure(doc, f"feature {fid} of {cid}"))
        found += problems or _same_feature(doc, fid)
    expect(found)


def _same_feature(doc: Doc, fid: str) -> Iterator[Violation]:
    if str(doc.member("id")) != fid:
        yield ValueViolation(f"asked for feature {fid}, got id {doc.member('id')!r}", locator=doc.at("/id"),
                             expected=fid, actual=doc.member("id"), exchange=doc.exchange)


@requirement(STANDARD.requirement("/req/core/f-links"))
def test_feature_links(target: TargetContext) -> None:
    claim(target, CORE)
    html = target.claimed(HTML, declared(target))
    found: list[Violation] = []
    for doc in judged((single(target, cid, fid) for cid, fid in sampled(target)), "single features"):
        found += [*relations(doc, ("self", "collection")), *rel_and_type(doc)]
        found += alternate(doc, "text/html") if html else []
    expect(found)
