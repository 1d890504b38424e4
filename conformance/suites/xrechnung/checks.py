"""The checks of the XRechnung suite: the export as a whole (recognised, accepted) and, generated from the
catalogue, one check per class and rule (and the XML Schema per class).

A rule check examines the nodes its rule's context matched in the class's schema-valid documents: a rule whose
context occurs in none of them cannot fire, so it does not apply (not applicable, with that reason), never
passes. An export without documents has examined nothing: no verdict.
"""

from __future__ import annotations

from conformance.core.evidence import (
    Locator,
    NotApplicable,
    ParseViolation,
    RuleViolation,
    SchemaViolation,
    Skipped,
    ValueViolation,
    Violation,
)
from conformance.core.judgement import Judgement
from conformance.core.model import Requirement
from conformance.core.outcomes import Obligation
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.xrechnung.catalogue import BASE, STANDARD, members
from conformance.suites.xrechnung.export import Export, class_names
from conformance.suites.xrechnung.messages import m
from conformance.xml.report import DocumentReport, Finding

Context = CheckContext[Export]
EXPORT = f"{BASE}/req/export/"
MAX_RULES = 10


def recognised(ctx: Context) -> Judgement:
    """Every document is well-formed and taken by an XRechnung scenario."""
    found = ctx.observation.reports
    unrecognised = [v for r in found if (v := _unrecognised(ctx, r)) is not None]
    return ctx.judge(unrecognised, ctx.examined(len(found), "xrechnung.examined.documents"))


def _unrecognised(ctx: Context, report: DocumentReport) -> Violation | None:
    where, uri = Locator(where=report.file), ctx.requirement.uri
    parse = next((f for f in report.findings if f.source == "parse"), None)
    if parse is not None:
        return ParseViolation(
            parse.text,
            locator=Locator(report.file, line=parse.line, column=parse.column),
            requirement=uri,
            expected=ctx.msg("xrechnung.phrase.well-formed"),
            actual=parse.rule,
        )
    if report.scenario is None:
        error = ctx.msg("xml.scenario", text=report.error) if report.error else ctx.msg("xrechnung.phrase.no-scenario")
        return ValueViolation(
            error,
            locator=where,
            requirement=uri,
            expected=ctx.msg("xrechnung.phrase.xrechnung-document"),
            actual=report.error,
        )
    if report.scenario not in class_names():
        return ValueViolation(
            ctx.msg("xrechnung.other-scenario", scenario=report.scenario),
            locator=where,
            requirement=uri,
            expected=ctx.msg("xrechnung.phrase.identifier"),
            actual=report.scenario,
        )
    return None


def accepted(ctx: Context) -> Judgement:
    """Every document is accepted as the KoSIT configuration recommends."""
    found = ctx.observation.reports
    ctx.note(ctx.msg("xrechnung.note.accepted", accepted=sum(r.accepted for r in found), total=len(found)))
    rejected = [_rejection(ctx, r) for r in found if not r.accepted]
    return ctx.judge(rejected, ctx.examined(len(found), "xrechnung.examined.documents"))


def _rejection(ctx: Context, report: DocumentReport) -> Violation:
    errors = report.errors
    rules = sorted({f.rule for f in errors})
    first = errors[0] if errors else None
    locator = Locator(where=report.file, xpath=first.location if first else None, line=first.line if first else None)
    more = "xrechnung.errors-more" if len(rules) > MAX_RULES else "xrechnung.errors"
    reason = (
        ctx.msg("xml.scenario", text=report.error)
        if report.error
        else ctx.msg(more, count=len(errors), rules=", ".join(rules[:MAX_RULES]))
    )
    return RuleViolation(
        ctx.msg("xrechnung.rejected", reason=reason),
        locator=locator,
        requirement=ctx.requirement.uri,
        expected=ctx.msg("xrechnung.phrase.accept"),
        actual=[f"{f.rule}: {f.message}" for f in errors[:20]],
    )


def schema(ctx: Context, cls: str) -> Judgement:
    """No document of the class breaks its XML Schema."""
    found = ctx.observation.graded(cls)
    fired = found.fired(frozenset({"XSD"}), schematron=False)
    return ctx.judge(
        [violation(d, f, ctx.requirement.uri) for d, f in fired],
        ctx.examined(len(found.documents), "xrechnung.examined.schema", cls=cls),
    )


def rule(ctx: Context, cls: str, rule_id: str) -> Judgement:
    """The rule (or no member of its family) fires in no schema-valid document of the class; hints of KANN rules
    (information level) are only noted."""
    found = ctx.observation.graded(cls)
    if not found.schema_valid:
        raise Skipped(ctx.msg("xrechnung.skip.no-schema-valid"))
    ids = members(cls, rule_id)
    fired = found.fired(ids, schematron=True)
    hints = ctx.requirement.obligation is Obligation.KANN
    counted = [] if hints else [violation(d, f, ctx.requirement.uri) for d, f in fired]
    if fired and not counted:
        ctx.note(ctx.msg("xrechnung.note.hints", count=len(fired), documents=len(found.schema_valid)))
    nodes, documents = found.matched(ids)
    label = rule_id if len(ids) == 1 else f"{rule_id}-…"
    if not nodes and not fired:
        raise NotApplicable(ctx.msg("xrechnung.na.context-absent", rule=label, total=len(found.schema_valid), cls=cls))
    return ctx.judge(
        counted,
        ctx.examined(
            nodes, "xrechnung.examined.context", rule=label, documents=documents, total=len(found.schema_valid), cls=cls
        ),
    )


def violation(report: DocumentReport, found: Finding, uri: str) -> Violation:
    """One finding as a located violation: file, XPath, line, column, the rule and its message as written."""
    kind = {"XSD": SchemaViolation, "XML": ParseViolation, "EXPORT": ParseViolation}.get(found.rule, RuleViolation)
    locator = Locator(where=report.file, xpath=found.location, line=found.line, column=found.column)
    return kind(
        found.text,
        locator=locator,
        requirement=uri,
        expected=m("phrase.silent", rule=found.rule),
        actual=f"{found.rule} ({found.severity})",
    )


def _rule_check(requirement: Requirement) -> Check[Export]:
    cls, rule_id = requirement.uri.removeprefix(f"{BASE}/req/").split("/", 1)
    if rule_id == "XSD":
        return Check(requirement.uri, lambda ctx: schema(ctx, cls), revision=2)
    return Check(requirement.uri, lambda ctx: rule(ctx, cls, rule_id), revision=2)


CHECKS = by_requirement(
    Check(f"{EXPORT}recognised", recognised, revision=2),
    Check(f"{EXPORT}accepted", accepted, revision=2),
    *(_rule_check(r) for r in STANDARD.requirements if not r.uri.startswith(EXPORT)),
)

__all__ = ["CHECKS"]
