"""Checks of filtered queries (Basic WFS, A.1.2; ISO 19143 as the Filter_Capabilities advertise it)."""

from __future__ import annotations

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.harness.suite import CheckContext
from conformance.suites.wfs import BASIC
from conformance.suites.wfs.checks_features import noted, require_declared
from conformance.suites.wfs.extent import extent
from conformance.suites.wfs.features import members, series
from conformance.suites.wfs.filters import FilterProbe, probes
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.probes import GML_ID
from conformance.suites.wfs.service import WFS, Answer, Observed

Context = CheckContext[Observed]


def _filtered(ctx: Context) -> list[FilterProbe]:
    require_declared(ctx, BASIC, "ImplementsBasicWFS")
    done = noted(ctx, ctx.observation.part("features", series))
    return ctx.observation.part("filters", lambda obs: probes(obs, done))


def not_collection(answer: Answer, asked: Message) -> Violation | None:
    """A finding unless the answer is an HTTP 200 wfs:FeatureCollection."""
    if answer.tree is None or answer.root != f"{{{WFS}}}FeatureCollection" or answer.response.status != 200:
        message = m("not-collection", request=asked, document=m("phrase-collection"), actual=answer.what())
        return answer.finding(message, m("phrase-collection"), answer.what())
    return None


def _by_id(probe: FilterProbe, answer: Answer) -> list[Violation]:
    wrong = not_collection(answer, m("asked-filter-id", type=probe.type, id=probe.id))
    if wrong:
        return [wrong]
    got = [f.get(GML_ID, "") for f in members(answer)]
    if got != [probe.id]:
        return [
            answer.finding(
                m("filter-id-other", type=probe.type, id=probe.id, actual=", ".join(got) or "–"),
                probe.id,
                ", ".join(got),
            )
        ]
    return []


def filter_resource_id(ctx: Context) -> Judgement:
    """ISO 19143 (ImplementsResourceId): a fes:ResourceId filter gives exactly the feature named."""
    asked = [(p, p.by_id) for p in _filtered(ctx) if p.by_id is not None]
    found = [v for p, a in asked if a is not None for v in _by_id(p, a)]
    return ctx.judge(found, ctx.examined(len(asked), "wfs.examined.filter-id"))


def _equal(probe: FilterProbe, answer: Answer) -> list[Violation]:
    asked = m("asked-filter-equal", type=probe.type, reference=probe.reference, value=probe.value)
    wrong = not_collection(answer, asked)
    if wrong:
        return [wrong]
    local, found = probe.reference.rpartition(":")[2], list[Violation]()
    features = members(answer)
    if probe.id not in [f.get(GML_ID, "") for f in features]:
        message = m("filter-equal-missed", type=probe.type, reference=probe.reference, value=probe.value, id=probe.id)
        found.append(answer.finding(message, probe.id))
    for feature in features:
        value = next(
            ((p.text or "").strip() for p in feature if isinstance(p.tag, str) and p.tag.endswith("}" + local)), ""
        )
        if value != probe.value:
            message = m(
                "filter-equal-other",
                type=probe.type,
                reference=probe.reference,
                value=probe.value,
                id=feature.get(GML_ID, ""),
                actual=value or "–",
            )
            found.append(answer.finding(message, probe.value, value))
    return found


def filter_equal(ctx: Context) -> Judgement:
    """ISO 19143 (ImplementsMinStandardFilter): PropertyIsEqualTo gives the features with that value, and all
    of them."""
    asked = [(p, p.equal) for p in _filtered(ctx) if p.equal is not None]
    found = [v for p, a in asked if a is not None for v in _equal(p, a)]
    return ctx.judge(found, ctx.examined(len(asked), "wfs.examined.filter-equal"))


def _bbox(probe: FilterProbe, answer: Answer) -> list[Violation]:
    assert probe.box is not None
    wrong = not_collection(answer, m("asked-filter-bbox", type=probe.type))
    if wrong:
        return [wrong]
    features, found = members(answer), list[Violation]()
    if probe.id not in [f.get(GML_ID, "") for f in features]:
        found.append(answer.finding(m("filter-bbox-missed", type=probe.type, id=probe.id), probe.id))
    for feature in features:
        box = extent(feature)
        if box is not None and not box.overlaps(probe.box):
            found.append(answer.finding(m("filter-bbox-outside", type=probe.type, id=feature.get(GML_ID, ""))))
    return found


def filter_bbox(ctx: Context) -> Judgement:
    """ISO 19143 (ImplementsMinSpatialFilter), A.1.2: a fes:BBOX around the first feature gives it, and only
    features that reach into the box."""
    asked = [(p, p.bbox) for p in _filtered(ctx) if p.bbox is not None and p.box is not None]
    found = [v for p, a in asked if a is not None for v in _bbox(p, a)]
    caps = ctx.observation.capabilities
    if ctx.observation.usable().constraints.get("fes:ImplementsMinSpatialFilter") != "TRUE":
        found.append(caps.finding(m("min-spatial-not-declared"), "TRUE"))
        return ctx.judge(found, ctx.examined(1, "wfs.examined.capabilities"))
    return ctx.judge(found, ctx.examined(len(asked), "wfs.examined.filter-bbox"))
