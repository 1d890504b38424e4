"""Checks of A.1.2.1–A.1.2.3: version negotiation, parameter rules, the capabilities and what they link to."""

from __future__ import annotations

from collections.abc import Iterable

from conformance.core.evidence import Locator, MediaTypeViolation, SchemaViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.harness.suite import CheckContext
from conformance.suites.wms import faults, probes
from conformance.suites.wms.api import Observed
from conformance.suites.wms.capabilities import Capped
from conformance.suites.wms.client import Answer
from conformance.suites.wms.images import Picture, base, size_finding
from conformance.suites.wms.links import Fetched, fetch_links
from conformance.suites.wms.messages import cut, m

Context = CheckContext[Observed]


def probe_findings(probes_run: Iterable[probes.Probe]) -> list[Violation]:
    """A finding for every probe whose answer missed what the standard expects."""
    return [
        ValueViolation(
            m("probe-missed", asked=p.asked, expected=p.expected, actual=p.answer.what()),
            locator=p.answer.where,
            expected=p.expected,
            actual=p.answer.what(),
            exchange=p.answer.exchange,
        )
        for p in probes_run
        if not p.ok
    ]


def version_negotiation(ctx: Context) -> Judgement:
    """6.2.4: the version served for no, the same, a higher and a lower requested version."""
    found = ctx.observation.part("negotiation", probes.negotiation)
    return ctx.judge(probe_findings(found), ctx.examined(len(found), "wms.examined.requests"))


def request_parameters(ctx: Context) -> Judgement:
    """6.8.1: mixed-case names and an extra parameter, on GetCapabilities and GetMap."""

    def run(obs: Observed) -> list[probes.Probe]:
        found = faults.base_request(obs)
        return probes.parameter_rules(obs, found[1] if found else None)

    found = ctx.observation.part("parameters", run)
    return ctx.judge(probe_findings(found), ctx.examined(len(found), "wms.examined.requests"))


def update_sequence(ctx: Context) -> Judgement:
    """7.2.3.5: the same, a higher and a lower updateSequence."""
    caps = ctx.observation.caps()
    found = ctx.observation.part("updates", probes.update_sequence)
    if caps.update_sequence is not None and len(found) < 3:
        ctx.note(m("note-update-sequence-opaque", value=caps.update_sequence))
    return ctx.judge(probe_findings(found), ctx.examined(len(found), "wms.examined.update-requests"))


def capabilities_schema(ctx: Context) -> Judgement:
    """7.2.4, E.1: the document against the capabilities schema and the extensions it names."""
    obs = ctx.observation
    if obs.capabilities is None:
        message = obs.problem or m("phrase-none")
        unusable = [SchemaViolation(message, locator=obs.answer.where, exchange=obs.answer.exchange)]
        return ctx.judge(unusable, ctx.examined(1, "wms.examined.capabilities"))
    where = obs.answer.where
    found: list[Violation] = [
        SchemaViolation(m("schema-refused", location=url, reason=why), locator=where, exchange=obs.answer.exchange)
        for url, why in obs.schemas.refused.items()
    ]
    if obs.schemas.broken:
        found.append(SchemaViolation(m("schema-set-broken", error=obs.schemas.broken), locator=where))
    found += rule_findings(ctx, obs.capabilities.schema_errors, where)
    return ctx.judge(found, ctx.examined(1, "wms.examined.capabilities"))


def rule_findings(ctx: Context, capped: Capped, where: str) -> list[Violation]:
    """The kept problems of a rule as findings; a note when more were counted than kept."""
    if capped.count > len(capped.kept):
        ctx.note(m("note-problems-kept", kept=len(capped.kept), total=capped.count))
    kind = SchemaViolation if capped is ctx.observation.caps().schema_errors else ValueViolation
    return [
        kind(
            p.message,
            locator=Locator(where=where, xpath=p.path if p.path != "/" else None),
            expected=p.expected,
            actual=p.actual,
        )
        for p in capped.kept
    ]


def capability_metadata(ctx: Context) -> Judgement:
    """7.2.3.1, 7.2.4.4, 6.3.3: text/xml and XML listed, text/xml served, GET URLs are prefixes."""
    obs = ctx.observation
    caps, answer = obs.caps(), obs.answer
    found: list[Violation] = []
    if "text/xml" not in caps.formats.get("GetCapabilities", ()):
        found.append(_listed(answer, "GetCapabilities", "text/xml"))
    if "XML" not in caps.exception_formats:
        found.append(_listed(answer, "Exception", "XML"))
    if answer.media_type != "text/xml":
        found.append(answer.media_type_finding(m("capabilities-media-type", actual=answer.media_type or "–")))
    for operation, url in caps.get_urls.items():
        if not (url.endswith("?") or ("?" in url and url.endswith("&"))):
            found.append(
                ValueViolation(
                    m("url-not-prefix", operation=operation, url=url),
                    locator=answer.where,
                    expected=m("phrase-url-prefix"),
                    actual=url,
                )
            )
    return ctx.judge(found, ctx.examined(3 + len(caps.get_urls), "wms.examined.metadata-items"))


def _listed(answer: Answer, section: str, value: str) -> Violation:
    return ValueViolation(
        m("format-not-listed", section=section, value=value), locator=answer.where, expected=value, actual=None
    )


def _rule(ctx: Context, name: str, code: str) -> Judgement:
    capped = ctx.observation.caps().rules[name]
    return ctx.judge(rule_findings(ctx, capped, ctx.observation.answer.where), ctx.examined(capped.judged, code))


def layer_crs(ctx: Context) -> Judgement:
    """7.2.4.6.7, judged while the document streamed."""
    return _rule(ctx, "crs", "wms.examined.named-layers")


def layer_geographic_bbox(ctx: Context) -> Judgement:
    """7.2.4.6.6, judged while the document streamed."""
    return _rule(ctx, "geo", "wms.examined.layers-geo")


def layer_bounding_boxes(ctx: Context) -> Judgement:
    """7.2.4.6.8, 6.7.4, judged while the document streamed."""
    return _rule(ctx, "bbox", "wms.examined.bounding-boxes")


def layer_inheritance(ctx: Context) -> Judgement:
    """7.2.4.8, judged while the document streamed."""
    return _rule(ctx, "inherit", "wms.examined.child-layers")


def linked_resources(ctx: Context) -> Judgement:
    """7.2.4.6.5, 7.2.4.6.11: every sampled LegendURL and MetadataURL."""
    obs = ctx.observation
    caps = obs.caps()
    for kind, sample in caps.links.items():
        if sample.seen > sample.limit:
            ctx.note(cut(f"links-{kind}", sample.limit, sample.seen))
    fetched, foreign = obs.part("links", fetch_links)
    for link in foreign:
        ctx.note(m("note-link-foreign", url=link.url))
    found: list[Violation] = []
    for item in fetched:
        found += _link_findings(item)
    return ctx.judge(found, ctx.examined(len(fetched), "wms.examined.links"))


def _link_findings(item: Fetched) -> list[Violation]:
    link, answer, picture = item.link, item.answer, item.picture
    where, exchange = answer.where, answer.exchange
    if answer.response.status != 200:
        return [
            ValueViolation(
                m("link-status", kind=link.kind, layer=link.layer, status=answer.response.status),
                locator=where,
                expected=200,
                actual=answer.response.status,
                exchange=exchange,
            )
        ]
    if link.format and base(link.format) != answer.media_type:
        return [
            MediaTypeViolation(
                m("link-media-type", kind=link.kind, layer=link.layer, actual=answer.media_type),
                locator=where,
                expected=link.format,
                actual=answer.media_type,
                exchange=exchange,
            )
        ]
    if isinstance(picture, str):
        return [ValueViolation(m("picture-undecodable", error=picture), locator=where, exchange=exchange)]
    if isinstance(picture, Picture) and link.width and link.height and picture.size != (link.width, link.height):
        return [size_finding(m("legend-size", layer=link.layer), (link.width, link.height), picture, where, exchange)]
    return []
