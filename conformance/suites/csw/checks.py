"""The checks of the CSW suite: one per requirement, each saying what it examined. This module holds those of the
capabilities, DescribeRecord, GetRecordById and the exceptions; checks_records those of GetRecords; checks_iso
those of the ISO Application Profile."""

from __future__ import annotations

from collections.abc import Callable

from conformance.core.evidence import MissingMember, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.csw import BASE, probes
from conformance.suites.csw import checks_iso as iso
from conformance.suites.csw import checks_records as found_records
from conformance.suites.csw.checks_common import not_document
from conformance.suites.csw.messages import m
from conformance.suites.csw.schemas import CSW_XSD, OWS_XSD, schema_findings
from conformance.suites.csw.service import CSW, Answer, Observed, tag

Context = CheckContext[Observed]
CORE_OPERATIONS = ("GetCapabilities", "DescribeRecord", "GetRecords", "GetRecordById")
XS = "http://www.w3.org/2001/XMLSchema"


def capabilities_schema(ctx: Context) -> Judgement:
    """10.5: CSW 2.0.2 capabilities, valid against CSW-discovery.xsd."""
    obs = ctx.observation
    answer = obs.capabilities
    if obs.caps is None:
        problem = obs.problem or m("phrase-none")
        return ctx.judge([answer.finding(problem, actual=answer.what())], ctx.examined(1, "csw.examined.capabilities"))
    found = schema_findings(answer, CSW_XSD, m("phrase-capabilities"))
    if obs.caps.version != "2.0.2":
        found.append(answer.finding(m("wrong-version", actual=obs.caps.version or "–"), "2.0.2", obs.caps.version))
    return ctx.judge(found, ctx.examined(1, "csw.examined.capabilities"))


def core_operations(ctx: Context) -> Judgement:
    """10.5: the four mandatory operations listed."""
    caps, answer = ctx.observation.usable(), ctx.observation.capabilities
    found: list[Violation] = [
        MissingMember(m("operation-missing", operation=op), locator=answer.where, expected=op, exchange=answer.exchange)
        for op in CORE_OPERATIONS
        if op not in caps.operations
    ]
    return ctx.judge(found, ctx.examined(1, "csw.examined.capabilities"))


def _described(answer: Answer) -> list[Violation]:
    if not answer.is_a(tag("DescribeRecordResponse")):
        return [not_document(answer, "DescribeRecord", m("phrase-described"))]
    found = schema_findings(answer, CSW_XSD, m("phrase-described"))
    assert answer.tree is not None
    components = answer.tree.getroot().iterfind(f"{{{CSW}}}SchemaComponent")
    names = {el.get("name") for c in components if c.get("targetNamespace") == CSW for el in c.iter(f"{{{XS}}}element")}
    if "Record" not in names:
        found.append(
            MissingMember(
                m("record-not-described"), locator=answer.where, expected="csw:Record", exchange=answer.exchange
            )
        )
    return found


def describe_record(ctx: Context) -> Judgement:
    """10.6: a valid DescribeRecordResponse describing csw:Record."""
    answer = ctx.observation.part("described", _describe)
    return ctx.judge(_described(answer), ctx.examined(1, "csw.examined.described"))


def _describe(obs: Observed) -> Answer:
    return obs.call("DescribeRecord", {"TYPENAME": "csw:Record", "NAMESPACE": probes.NAMESPACE})


def _by_id(wanted: str, answer: Answer) -> list[Violation]:
    asked = m("asked-by-id", id=wanted)
    if not answer.is_a(tag("GetRecordByIdResponse")):
        return [not_document(answer, asked, m("phrase-by-id"))]
    found = schema_findings(answer, CSW_XSD, m("phrase-by-id"))
    got = [probes.identifier(r) for r in probes.records(answer)]
    if got != [wanted]:
        shown = ", ".join(got) or m("phrase-none")
        found.append(answer.finding(m("by-id-other", id=wanted, actual=shown), wanted, shown))
    return found


def get_record_by_id(ctx: Context) -> Judgement:
    """10.9: each sampled identifier gives a valid response with exactly that record."""
    run = ctx.observation.part("by-id", probes.by_id)
    for note in run.notes:
        ctx.note(note)
    found = [v for wanted, answer in run.core for v in _by_id(wanted, answer)]
    return ctx.judge(found, ctx.examined(len(run.core), "csw.examined.by-id"))


def get_record_by_id_unknown(ctx: Context) -> Judgement:
    """10.9.4.2: GetRecordById for an unknown identifier fails with an exception report (SHOULD)."""
    unknown, answer = ctx.observation.part("by-unknown-id", probes.unknown_by_id)
    found: list[Violation] = []
    if not answer.is_report:
        shown: Message | str = answer.what()
        if answer.is_a(tag("GetRecordByIdResponse")):
            got = [probes.identifier(r) or "–" for r in probes.records(answer)]
            shown = m("phrase-records", records=", ".join(got) or m("phrase-none"))
        message = m("unknown-id-no-exception", id=unknown, actual=shown)
        found.append(answer.finding(message, m("phrase-report"), shown))
    return ctx.judge(found, ctx.examined(1, "csw.examined.by-id"))


def missed(code: str, asked: Message, answer: Answer) -> Violation:
    """A request that did not raise the exception code the standard gives."""
    message = m("code-missed", exception=code, asked=asked, actual=answer.what())
    return answer.finding(message, m("phrase-exception", exception=code), answer.what())


def exception_codes(ctx: Context) -> Judgement:
    """10.3.7, OWS 1.0 Table 25: each provoked request raises its code."""
    made = ctx.observation.part("codes", probes.code_probes)
    found = [missed(p.code, p.asked, p.answer) for p in made if p.code not in p.answer.codes]
    return ctx.judge(found, ctx.examined(len(made), "csw.examined.exception-requests"))


def exception_report(ctx: Context) -> Judgement:
    """10.3.7: every exception report provoked, against owsExceptionReport.xsd (OWS 1.0.0)."""
    reports = [p.answer for p in ctx.observation.part("codes", probes.code_probes) if p.answer.is_report]
    found = [v for a in reports for v in schema_findings(a, OWS_XSD, m("phrase-report"))]
    return ctx.judge(found, ctx.examined(len(reports), "csw.examined.exception-reports"))


def _check(name: str, run: Callable[[Context], Judgement]) -> Check[Observed]:
    return Check(f"{BASE}/req/{name}", run)


CHECKS = by_requirement(
    _check("capabilities-schema", capabilities_schema),
    _check("core-operations", core_operations),
    _check("describe-record", describe_record),
    _check("get-records-hits", found_records.get_records_hits),
    _check("get-records-results", found_records.get_records_results),
    _check("get-records-paging", found_records.get_records_paging),
    _check("element-sets", found_records.element_sets),
    _check("constraint-cql", found_records.constraint_cql),
    _check("constraint-filter", found_records.constraint_filter),
    _check("post-get-records", found_records.post_get_records),
    _check("get-record-by-id", get_record_by_id),
    _check("get-record-by-id-unknown", get_record_by_id_unknown),
    _check("exception-report", exception_report),
    _check("exception-codes", exception_codes),
    _check("iso-capabilities", iso.iso_capabilities),
    _check("iso-profiles", iso.iso_profiles),
    _check("iso-get-record-by-id", iso.iso_get_record_by_id),
    _check("iso-get-records", iso.iso_get_records),
)

__all__ = ["CHECKS"]
