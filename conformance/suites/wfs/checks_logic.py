"""Checks of filters derived from the sample (FES 2.0): PropertyIsLike and the logical operators in KVP (Basic WFS),
and every such filter POSTed (HTTP POST). Each answer is judged by evaluating the filter on the features it gives."""

from __future__ import annotations

from conformance.core.evidence import NotApplicable, Violation
from conformance.core.judgement import Judgement
from conformance.harness.suite import CheckContext
from conformance.suites.wfs import BASIC, POST
from conformance.suites.wfs.checks_features import noted, require_declared
from conformance.suites.wfs.checks_filters import not_collection
from conformance.suites.wfs.features import members, series
from conformance.suites.wfs.logic import Case, Sent, cases, sent_kvp, sent_post
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.probes import GML_ID
from conformance.suites.wfs.service import Observed

Context = CheckContext[Observed]


def _cases(ctx: Context) -> list[Case]:
    done = noted(ctx, ctx.observation.part("features", series))
    return ctx.observation.part("filter-cases", lambda obs: cases(obs, done))


def _require_filter(ctx: Context, constraint: str) -> None:
    if ctx.observation.usable().constraints.get(f"fes:{constraint}") != "TRUE":
        raise NotApplicable(m("filter-not-declared", constraint=constraint))


def findings(sent: Sent) -> list[Violation]:
    """An answer that is no collection, a feature the filter does not hold for, or a sampled feature it holds
    for that did not come (when the answer is complete)."""
    case, answer = sent.case, sent.answer
    asked = m("asked-filter", encoding=sent.encoding, type=case.type, filter=case.predicate.text())
    wrong = not_collection(answer, asked)
    if wrong:
        return [wrong]
    features = members(answer)
    found: list[Violation] = [
        answer.finding(m("filter-unsatisfied", request=asked, id=f.get(GML_ID, "")), case.predicate.text())
        for f in features
        if not case.predicate.holds(f)
    ]
    got = {f.get(GML_ID, "") for f in features}
    if sent.complete():
        found += [answer.finding(m("filter-missed", request=asked, id=i), i) for i in case.inside if i not in got]
    return found


def _judge(ctx: Context, sent: list[Sent], examined: str) -> Judgement:
    return ctx.judge([v for s in sent for v in findings(s)], ctx.examined(len(sent), examined))


def filter_like(ctx: Context) -> Judgement:
    """FES 2.0 7.7.3.4 (ImplementsStandardFilter): PropertyIsLike with the declared wildCard, singleChar and escapeChar
    gives the features whose value matches the pattern, and the sampled one it was made from."""
    require_declared(ctx, BASIC, "ImplementsBasicWFS")
    _require_filter(ctx, "ImplementsStandardFilter")
    sent = ctx.observation.part("filter-kvp", lambda obs: sent_kvp(obs, _cases(ctx)))
    return _judge(ctx, [s for s in sent if s.case.kind == "like"], "wfs.examined.filter-like")


def filter_logical(ctx: Context) -> Judgement:
    """FES 2.0 7.10 (ImplementsMinStandardFilter): And, Or and Not give the features the combination holds for."""
    require_declared(ctx, BASIC, "ImplementsBasicWFS")
    _require_filter(ctx, "ImplementsMinStandardFilter")
    sent = ctx.observation.part("filter-kvp", lambda obs: sent_kvp(obs, _cases(ctx)))
    return _judge(ctx, [s for s in sent if s.case.kind in ("and", "or", "not")], "wfs.examined.filter-logical")


def post_filter(ctx: Context) -> Judgement:
    """Annex D, 7.9.2: a POSTed wfs:Query with a fes:Filter gives the features the filter holds for."""
    require_declared(ctx, POST, "XMLEncoding")
    sent = ctx.observation.part("filter-post", lambda obs: sent_post(obs, _cases(ctx)))
    return _judge(ctx, sent, "wfs.examined.post-filters")
