"""The checks of the WFS suite: one per requirement, each saying what it examined."""

from __future__ import annotations

from collections.abc import Callable

from conformance.core.evidence import MissingMember, SchemaViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.wfs import BASE, probes
from conformance.suites.wfs import checks_features as features
from conformance.suites.wfs import checks_filters as filters
from conformance.suites.wfs import checks_logic as logic
from conformance.suites.wfs import checks_paging as paging
from conformance.suites.wfs import checks_posts as posted
from conformance.suites.wfs import checks_soap as soap
from conformance.suites.wfs import checks_srs as srs
from conformance.suites.wfs.capabilities import WFS_XSD
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.service import REPORT, WFS, Answer, Observed, answer_of
from conformance.suites.wfs.verdicts import by_id_findings, missed, unknown_id_codes
from conformance.xml.xsd import SchemaRef, validate

Context = CheckContext[Observed]
OWS_XSD = SchemaRef("ogc-xml-schemas", "ows/1.1.0/owsExceptionReport.xsd")
SIMPLE_OPERATIONS = (
    "GetCapabilities",
    "DescribeFeatureType",
    "ListStoredQueries",
    "DescribeStoredQueries",
    "GetFeature",
)
BINDINGS = ("KVPEncoding", "XMLEncoding", "SOAPEncoding")
MAX_SCHEMA_FINDINGS = 5


def schema_findings(answer: Answer, ref: SchemaRef, document: Message) -> list[Violation]:
    """A document against a pack schema (the first few errors)."""
    assert answer.tree is not None
    found = validate(answer.tree, ref, answer.response.content)[:MAX_SCHEMA_FINDINGS]
    return [
        SchemaViolation(
            m("schema-error", document=document, text=f.message), locator=answer.where, exchange=answer.exchange
        )
        for f in found
    ]


def not_document(answer: Answer, request: str, document: Message) -> Violation:
    """An answer that is not the document the request asks for."""
    return ValueViolation(
        m("answer-not-document", request=request, document=document, actual=answer.what()),
        locator=answer.where,
        expected=document,
        actual=answer.what(),
        exchange=answer.exchange,
    )


def capabilities_schema(ctx: Context) -> Judgement:
    """8.3.2: WFS 2.0 capabilities, valid against wfs.xsd (validated while they were read; a document that was not
    valid then is parsed again whole here, for every finding with its line)."""
    obs = ctx.observation
    answer = obs.capabilities
    if obs.caps is None:
        problem = obs.problem or m("phrase-none")
        finding = ValueViolation(problem, locator=answer.where, actual=answer.what(), exchange=answer.exchange)
        return ctx.judge([finding], ctx.examined(1, "wfs.examined.capabilities"))
    found = [] if obs.caps.valid else schema_findings(answer_of(answer.response), WFS_XSD, m("phrase-capabilities"))
    if obs.caps.version != "2.0.0":
        found.append(
            ValueViolation(
                m("wrong-version", actual=obs.caps.version or "–"),
                locator=answer.where,
                expected="2.0.0",
                actual=obs.caps.version,
                exchange=answer.exchange,
            )
        )
    return ctx.judge(found, ctx.examined(1, "wfs.examined.capabilities"))


def simple_operations(ctx: Context) -> Judgement:
    """A.1.1, 6.4: the Simple WFS operations and a service binding declared."""
    caps, answer = ctx.observation.usable(), ctx.observation.capabilities
    where, exchange = answer.where, answer.exchange
    found: list[Violation] = [
        MissingMember(m("operation-missing", operation=op), locator=where, expected=op, exchange=exchange)
        for op in SIMPLE_OPERATIONS
        if op not in caps.operations
    ]
    if not any(caps.constraints.get(b) == "TRUE" for b in BINDINGS):
        found.append(ValueViolation(m("no-binding"), locator=where, expected="TRUE", exchange=exchange))
    return ctx.judge(found, ctx.examined(1, "wfs.examined.capabilities"))


def _listing_findings(answer: Answer, request: str, root: str, document: Message, ids_of: str) -> list[Violation]:
    if answer.tree is None or answer.root != f"{{{WFS}}}{root}" or answer.response.status != 200:
        return [not_document(answer, request, document)]
    found = schema_findings(answer, WFS_XSD, document)
    ids = {el.get("id") for el in answer.tree.getroot().iter(f"{{{WFS}}}{ids_of}")}
    if not ids & set(probes.BY_IDS):
        found.append(
            MissingMember(
                m("by-id-not-listed", document=document),
                locator=answer.where,
                expected=" | ".join(probes.BY_IDS),
                exchange=answer.exchange,
            )
        )
    return found


def stored_query_listing(ctx: Context) -> Judgement:
    """14.3, 14.4, 7.9.3.6: both listings valid and naming GetFeatureById."""
    run = ctx.observation.part("listing", probes.listing)
    found = _listing_findings(
        run.listed, "ListStoredQueries", "ListStoredQueriesResponse", m("phrase-listing"), "StoredQuery"
    )
    found += _listing_findings(
        run.described,
        "DescribeStoredQueries",
        "DescribeStoredQueriesResponse",
        m("phrase-descriptions"),
        "StoredQueryDescription",
    )
    return ctx.judge(found, ctx.examined(2, "wfs.examined.listings"))


def get_feature_by_id(ctx: Context) -> Judgement:
    """7.9.3.6, 11.3.5: the feature itself for a known identifier, NotFound for an unknown one (2.0.0: or
    OperationProcessingFailed)."""
    run = ctx.observation.part("by-id", probes.by_id)
    for note in run.notes:
        ctx.note(note)
    codes = unknown_id_codes(ctx.observation.usable().version)
    found = [v for p in run.probes for v in by_id_findings(p, codes)]
    return ctx.judge(found, ctx.examined(len(run.probes), "wfs.examined.by-id"))


def exception_codes(ctx: Context) -> Judgement:
    """7.5, OWS 1.1 Table 25: each provoked request raises its code."""
    made = ctx.observation.part("codes", probes.code_probes)
    found = [missed(p.code, p.asked, p.answer) for p in made if p.code not in p.answer.codes]
    return ctx.judge(found, ctx.examined(len(made), "wfs.examined.exception-requests"))


def exception_report(ctx: Context) -> Judgement:
    """7.5: every exception report provoked, against owsExceptionReport.xsd."""
    answers = [p.answer for p in ctx.observation.part("codes", probes.code_probes)]
    answers += [p.answer for p in ctx.observation.part("by-id", probes.by_id).probes if not p.known]
    reports = [a for a in answers if a.root == REPORT]
    found = [v for a in reports for v in schema_findings(a, OWS_XSD, m("phrase-report"))]
    return ctx.judge(found, ctx.examined(len(reports), "wfs.examined.exception-reports"))


def _check(name: str, run: Callable[[Context], Judgement], revision: int = 1) -> Check[Observed]:
    return Check(f"{BASE}/req/{name}", run, revision=revision)


CHECKS = by_requirement(
    _check("capabilities-schema", capabilities_schema),
    _check("simple-operations", simple_operations),
    _check("stored-query-listing", stored_query_listing, revision=2),
    _check("get-feature-by-id", get_feature_by_id, revision=2),
    _check("exception-report", exception_report),
    _check("exception-codes", exception_codes),
    _check("describe-feature-type", features.describe_feature_type),
    _check("feature-schema", features.feature_schema),
    _check("basic-operations", features.basic_operations),
    _check("get-feature-count", features.get_feature_count),
    _check("get-property-value", features.get_property_value),
    _check("filter-resource-id", filters.filter_resource_id),
    _check("filter-equal", filters.filter_equal),
    _check("filter-bbox", filters.filter_bbox),
    _check("filter-like", logic.filter_like),
    _check("filter-logical", logic.filter_logical),
    _check("srs-name", srs.srs_name),
    _check("srs-name-unlisted", srs.srs_name_unlisted),
    _check("post-get-feature", posted.post_get_feature),
    _check("post-get-feature-by-id", posted.post_get_feature_by_id, revision=2),
    _check("post-filter", logic.post_filter),
    _check("soap-get-feature", soap.soap_get_feature, revision=2),
    _check("soap-fault", soap.soap_fault, revision=2),
    _check("paging-next", paging.paging_next),
    _check("paging-previous", paging.paging_previous),
)

__all__ = ["CHECKS"]
