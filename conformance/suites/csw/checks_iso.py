"""Checks of the ISO Application Profile 1.0 (OGC 07-045): the ISO output schema offered in the capabilities, and
GetRecordById and GetRecords answering with ISO 19139 records. The class is declared by the capabilities offering
the output schema http://www.isotc211.org/2005/gmd for GetRecords."""

from __future__ import annotations

from lxml import etree

from conformance.core.evidence import MissingMember, NotApplicable, Violation
from conformance.core.judgement import Judgement
from conformance.harness.suite import CheckContext
from conformance.suites.csw import ID, ISO
from conformance.suites.csw.checks_common import not_document
from conformance.suites.csw.messages import m
from conformance.suites.csw.probes import by_id, identifier, iso_records, records
from conformance.suites.csw.schemas import foreign, frame_findings, record_findings
from conformance.suites.csw.service import GMD, Answer, Observed, tag

Context = CheckContext[Observed]
MD = f"{{{GMD}}}MD_Metadata"
OFFERS = (
    ("GetRecords", "outputSchema", GMD),
    ("GetRecords", "typeNames", "gmd:MD_Metadata"),
    ("GetRecordById", "outputSchema", GMD),
)


def _claimed(ctx: Context) -> None:
    offered = ctx.observation.usable().values("GetRecords", "outputSchema") or ()
    ctx.target.require_claim(ID, ISO, frozenset({ISO} if GMD in offered else ()))


def iso_capabilities(ctx: Context) -> Judgement:
    """07-045: the ISO output schema and type name offered."""
    _claimed(ctx)
    caps, answer = ctx.observation.usable(), ctx.observation.capabilities
    found: list[Violation] = [
        MissingMember(
            m("iso-not-offered", operation=op, parameter=param, value=value),
            locator=answer.where,
            expected=value,
            exchange=answer.exchange,
        )
        for op, param, value in OFFERS
        if value not in (caps.values(op, param) or ())
    ]
    return ctx.judge(found, ctx.examined(1, "csw.examined.capabilities"))


def iso_profiles(ctx: Context) -> Judgement:
    """07-045 7.5: the IsoProfiles constraint, where advertised as the profile words it, lists the ISO schema."""
    _claimed(ctx)
    caps, answer = ctx.observation.usable(), ctx.observation.capabilities
    listed = caps.constraints.get("IsoProfiles")
    if listed is None:
        raise NotApplicable(m("na-no-iso-profiles"))
    found: list[Violation] = []
    if GMD not in listed:
        actual = ", ".join(listed) or m("phrase-none")
        message = m("iso-profiles-missing", value=GMD, actual=actual)
        found.append(
            MissingMember(message, locator=answer.where, expected=GMD, actual=actual, exchange=answer.exchange)
        )
    return ctx.judge(found, ctx.examined(1, "csw.examined.capabilities"))


def _record(ctx: Context, answer: Answer, record: etree._Element) -> list[Violation]:
    rid = identifier(record) or "–"
    if record.tag != MD:
        return [
            answer.finding(m("iso-not-metadata", id=rid, actual=str(record.tag)), "gmd:MD_Metadata", str(record.tag))
        ]
    unknown = foreign(record)
    if unknown:
        ctx.note(m("note-not-verified", id=rid, namespaces=", ".join(unknown)))
        return []
    return record_findings(answer, record, m("phrase-iso-record", id=rid))


def _by_id(ctx: Context, wanted: str, answer: Answer) -> list[Violation]:
    asked = m("asked-iso-by-id", id=wanted)
    if not answer.is_a(tag("GetRecordByIdResponse")):
        return [not_document(answer, asked, m("phrase-by-id"))]
    got = records(answer)
    found = frame_findings(answer, m("phrase-by-id"))
    if [identifier(r) for r in got] != [wanted]:
        shown = ", ".join(identifier(r) or "–" for r in got) or m("phrase-none")
        found.append(answer.finding(m("iso-by-id-other", id=wanted, actual=shown), wanted, shown))
    return found + [v for r in got for v in _record(ctx, answer, r)]


def iso_get_record_by_id(ctx: Context) -> Judgement:
    """07-045: GetRecordById in the ISO output schema gives the gmd:MD_Metadata asked for, schema-valid."""
    _claimed(ctx)
    run = ctx.observation.part("by-id", by_id)
    for note in run.notes:
        ctx.note(note)
    found = [v for wanted, answer in run.iso for v in _by_id(ctx, wanted, answer)]
    return ctx.judge(found, ctx.examined(len(run.iso), "csw.examined.by-id"))


def iso_get_records(ctx: Context) -> Judgement:
    """07-045: GetRecords for gmd:MD_Metadata gives schema-valid ISO records in a valid frame."""
    _claimed(ctx)
    answer = ctx.observation.part("iso-records", iso_records)
    if not answer.is_a(tag("GetRecordsResponse")):
        found = [not_document(answer, m("asked-iso-records"), m("phrase-response"))]
        return ctx.judge(found, ctx.examined(0, "csw.examined.iso-records"))
    got = records(answer)
    found = frame_findings(answer, m("phrase-response")) + [v for r in got for v in _record(ctx, answer, r)]
    return ctx.judge(found, ctx.examined(len(got), "csw.examined.iso-records"))
