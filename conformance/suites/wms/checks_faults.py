"""Checks of service exceptions (A.1.2.4, 6.11) and of the Queryable WMS (A.2.2, GetFeatureInfo)."""

from __future__ import annotations

from conformance.core.evidence import MediaTypeViolation, SchemaViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.harness.suite import CheckContext
from conformance.suites.wms import QUERYABLE, faults, featureinfo, images, probes
from conformance.suites.wms.api import Observed
from conformance.suites.wms.client import Answer, xml_tree
from conformance.suites.wms.images import Picture, base
from conformance.suites.wms.messages import m
from conformance.xml.xsd import SchemaRef, validate

Context = CheckContext[Observed]
EXCEPTIONS_XSD = SchemaRef("ogc-xml-schemas", "wms/1.3.0/exceptions_1_3_0.xsd")


def code_finding(code: str, asked: object, answer: Answer) -> Violation:
    """A request that did not raise the exception code the standard gives."""
    return ValueViolation(
        m("code-missed", exception=code, asked=asked, actual=answer.what()),  # type: ignore[arg-type]
        locator=answer.where,
        expected=m("phrase-exception", exception=code),
        actual=answer.what(),
        exchange=answer.exchange,
    )


def exception_codes(ctx: Context) -> Judgement:
    """6.11: each provoked request raises its code."""
    found = ctx.observation.part("codes", faults.code_probes)
    missed = [code_finding(p.code, p.asked, p.answer) for p in found if p.code not in p.answer.codes]
    return ctx.judge(missed, ctx.examined(len(found), "wms.examined.exception-requests"))


def exception_report(ctx: Context) -> Judgement:
    """6.11, E.2: every exception provoked, against the exception schema, and served as text/xml."""
    answers = [p.answer for p in ctx.observation.part("codes", faults.code_probes)]
    answers += [p.answer for p in ctx.observation.part("updates", probes.update_sequence)]
    reports = [a for a in answers if a.is_exception]
    found: list[Violation] = []
    for answer in reports:
        found += report_findings(answer)
    return ctx.judge(found, ctx.examined(len(reports), "wms.examined.exception-reports"))


def report_findings(answer: Answer) -> list[Violation]:
    """One exception report against the schema and its media type."""
    out: list[Violation] = []
    if answer.media_type != "text/xml":
        out.append(answer.media_type_finding(m("exception-media-type", actual=answer.media_type or "–")))
    tree = xml_tree(answer)
    if isinstance(tree, str):
        return [
            *out,
            SchemaViolation(m("exception-not-xml", error=tree), locator=answer.where, exchange=answer.exchange),
        ]
    for problem in validate(tree, EXCEPTIONS_XSD, answer.response.content)[:5]:
        out.append(
            SchemaViolation(
                m("exception-invalid", text=problem.message), locator=answer.where, exchange=answer.exchange
            )
        )
    return out


def exception_formats(ctx: Context) -> Judgement:
    """7.3.3.11: INIMAGE gives a picture of the requested format and size, BLANK a blank one."""
    found: list[Violation] = []
    shots = ctx.observation.part("exception-formats", faults.format_probes)
    for probe in shots:
        size = (int(probe.request["WIDTH"]), int(probe.request["HEIGHT"]))
        answer, picture = probe.answer, probe.picture
        if not isinstance(picture, Picture) or picture.format != base(probe.request["FORMAT"]) or picture.size != size:
            found.append(
                ValueViolation(
                    m("exception-format-not-picture", format=probe.format, actual=answer.what()),
                    locator=answer.where,
                    expected=m("phrase-picture", format=probe.request["FORMAT"], width=size[0], height=size[1]),
                    actual=answer.what(),
                    exchange=answer.exchange,
                )
            )
        elif probe.format == "BLANK" and not images.blank(picture):
            found.append(
                ValueViolation(
                    m("exception-blank-drawn"),
                    locator=answer.where,
                    expected=m("phrase-blank"),
                    exchange=answer.exchange,
                )
            )
    return ctx.judge(found, ctx.examined(len(shots), "wms.examined.exception-pictures"))


def _series(ctx: Context) -> featureinfo.Series:
    obs = ctx.observation
    declared = frozenset({QUERYABLE} if "GetFeatureInfo" in obs.caps().operations else ())
    ctx.target.require_claim(ctx.standard.id, QUERYABLE, declared)
    done = obs.part("featureinfo", featureinfo.series)
    for note in done.cuts:
        ctx.note(note)
    return done


def featureinfo_formats(ctx: Context) -> Judgement:
    """7.4.3.5, 7.4.4: an answer in each INFO_FORMAT; XML formats well-formed."""
    calls = _series(ctx).of("format")
    found: list[Violation] = []
    for item in calls:
        answer = item.answer
        if answer.is_exception or answer.response.status != 200:
            found.append(
                ValueViolation(
                    m("info-failed", layer=item.layer, format=item.format, actual=answer.what()),
                    locator=answer.where,
                    actual=answer.what(),
                    exchange=answer.exchange,
                )
            )
        elif answer.media_type != base(item.format):
            found.append(
                MediaTypeViolation(
                    m("info-media-type", format=item.format, actual=answer.media_type),
                    locator=answer.where,
                    expected=item.format,
                    actual=answer.media_type,
                    exchange=answer.exchange,
                )
            )
        elif "xml" in item.format.lower() and isinstance(error := xml_tree(answer), str):
            found.append(
                ValueViolation(
                    m("info-not-xml", format=item.format, error=error), locator=answer.where, exchange=answer.exchange
                )
            )
    return ctx.judge(found, ctx.examined(len(calls), "wms.examined.info-requests"))


def featureinfo_point(ctx: Context) -> Judgement:
    """7.4.3.7: I and J outside the map raise InvalidPoint (points inside are judged by featureinfo-formats)."""
    calls = _series(ctx).of("outside")
    missed = [
        code_finding("InvalidPoint", m("asked-point", i=c.params["I"], j=c.params["J"]), c.answer)
        for c in calls
        if "InvalidPoint" not in c.answer.codes
    ]
    return ctx.judge(missed, ctx.examined(len(calls), "wms.examined.point-requests"))


def feature_count(ctx: Context) -> Judgement:
    """7.4.3.6: at most FEATURE_COUNT (default 1) features where more than one answers at the point."""
    done = _series(ctx)
    found: list[Violation] = []
    judged = 0
    for many in done.of("count-many"):
        if (featureinfo.features(many.answer) or 0) < 2:
            continue
        judged += 1
        default = next(c for c in done.of("format") if c.layer == many.layer and c.format == many.format)
        for item, limit in ((default, 1), *((c, 1) for c in done.of("count-one") if c.layer == many.layer)):
            got = featureinfo.features(item.answer)
            if got is not None and got > limit:
                found.append(
                    ValueViolation(
                        m("feature-count-exceeded", layer=item.layer, limit=limit, count=got),
                        locator=item.answer.where,
                        expected=limit,
                        actual=got,
                        exchange=item.answer.exchange,
                    )
                )
    return ctx.judge(found, ctx.examined(judged, "wms.examined.count-points"))


def featureinfo_exceptions(ctx: Context) -> Judgement:
    """7.4.3.4, 7.4.3.5, 6.11: the GetFeatureInfo exception probes."""
    calls = [c for c in _series(ctx).calls if c.purpose.startswith("exception:")]
    found: list[Violation] = []
    for item in calls:
        code = item.purpose.split(":", 1)[1]
        if code not in item.answer.codes:
            found.append(code_finding(code, m("asked-query-layers", layer=item.layer, format=item.format), item.answer))
    return ctx.judge(found, ctx.examined(len(calls), "wms.examined.exception-requests"))
