"""Single features: /req/core/f-op, /req/core/f-success, /req/core/f-links (``max_features`` per collection)."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.catalogue import CORE, HTML
from conformance.suites.ogcapi_features.links import alternate, rel_and_type, relations
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.responses import Doc, ensure, judged, status
from conformance.suites.ogcapi_features.service import Ctx, claim, claimed, sampled

EXAMINED = "features.examined.features"


def feature_op(ctx: Ctx) -> Judgement:
    """GET /collections/{collectionId}/items/{featureId} answers 200 for each sampled feature."""
    claim(ctx, CORE)
    pairs = sampled(ctx)
    found = [
        v
        for cid, fid in pairs
        for v in status(ctx.observation.single(cid, fid), m("phrase.feature", feature=fid, collection=cid))
    ]
    return ctx.judge(found, ctx.examined(len(pairs), EXAMINED))


def feature_success(ctx: Ctx) -> Judgement:
    """The answer is a JSON object of the feature that was asked for."""
    claim(ctx, CORE)
    found: list[Violation] = []
    pairs = sampled(ctx)
    for cid, fid in pairs:
        doc = ctx.observation.single(cid, fid)
        problems = list(ensure(doc, m("phrase.feature", feature=fid, collection=cid)))
        found += problems or _same_feature(doc, fid)
    return ctx.judge(found, ctx.examined(len(pairs), EXAMINED))


def _same_feature(doc: Doc, fid: str) -> Iterator[Violation]:
    if str(doc.member("id")) != fid:
        yield ValueViolation(
            m("wrong-feature", wanted=fid, got=repr(doc.member("id"))),
            locator=doc.at("/id"),
            expected=fid,
            actual=doc.member("id"),
            exchange=doc.exchange,
        )


def feature_links(ctx: Ctx) -> Judgement:
    """Each feature links to itself and its collection (and to HTML where claimed); every link has rel and type."""
    claim(ctx, CORE)
    html = claimed(ctx, HTML)
    found: list[Violation] = []
    docs = judged((ctx.observation.single(cid, fid) for cid, fid in sampled(ctx)), m("phrase.single-features"))
    for doc in docs:
        found += [*relations(doc, ("self", "collection")), *rel_and_type(doc)]
        found += alternate(doc, "text/html") if html else []
    return ctx.judge(found, ctx.examined(len(docs), EXAMINED))
