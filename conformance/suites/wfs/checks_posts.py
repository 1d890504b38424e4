"""Checks of the HTTP POST binding (XML encoding), declared by the constraint XMLEncoding."""

from __future__ import annotations

from conformance.core.evidence import ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.harness.suite import CheckContext
from conformance.suites.wfs import POST
from conformance.suites.wfs.checks_features import require_declared
from conformance.suites.wfs.features import members
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.posts import PostProbe, posts
from conformance.suites.wfs.probes import GML_ID, ByIdProbe
from conformance.suites.wfs.service import WFS, Observed
from conformance.suites.wfs.verdicts import by_id_findings

Context = CheckContext[Observed]


def _posted(ctx: Context) -> list[PostProbe]:
    require_declared(ctx, POST, "XMLEncoding")
    return ctx.observation.part("posts", posts)


def _query(post: PostProbe) -> list[Violation]:
    answer, asked = post.query, m("asked-post-query", type=post.probe.name)
    if answer.tree is None or answer.root != f"{{{WFS}}}FeatureCollection" or answer.response.status != 200:
        message = m("not-collection", request=asked, document=m("phrase-collection"), actual=answer.what())
        return [
            ValueViolation(
                message,
                locator=answer.where,
                expected=m("phrase-collection"),
                actual=answer.what(),
                exchange=answer.exchange,
            )
        ]
    posted = sorted(f.get(GML_ID, "") for f in members(answer))
    kvp = sorted(f.get(GML_ID, "") for f in members(post.probe.results))
    if posted != kvp:
        return [
            ValueViolation(
                m("post-other-features", type=post.probe.name),
                locator=answer.where,
                expected=", ".join(kvp),
                actual=", ".join(posted),
                exchange=answer.exchange,
            )
        ]
    return []


def post_get_feature(ctx: Context) -> Judgement:
    """6.4, Annex D: a POSTed wfs:GetFeature with a wfs:Query gives the features of the same query in KVP."""
    made = _posted(ctx)
    found = [v for post in made for v in _query(post)]
    return ctx.judge(found, ctx.examined(len(made), "wfs.examined.post-queries"))


def post_get_feature_by_id(ctx: Context) -> Judgement:
    """6.4, Annex D, 7.9.3.6: a POSTed GetFeatureById gives the feature itself."""
    made = [p for p in _posted(ctx) if p.by_id is not None]
    found = [v for p in made if p.by_id is not None for v in by_id_findings(ByIdProbe(p.id, True, p.by_id))]
    return ctx.judge(found, ctx.examined(len(made), "wfs.examined.post-by-id"))
