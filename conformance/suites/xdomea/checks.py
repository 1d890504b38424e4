"""The checks of the xdomea suite: one per catalogue requirement, each judging the findings of its rules in the
messages it applies to and saying how many elements (or messages) those rules judged.

A requirement whose messages are not in the export, or whose elements occur in none of its messages (a 0503
without primary documents), does not apply: not applicable with that reason, never passed. An export without
any message has examined nothing: no verdict.
"""

from __future__ import annotations

from conformance.core.evidence import (
    Locator,
    MissingMember,
    NotApplicable,
    ParseViolation,
    RuleViolation,
    SchemaViolation,
    ValueViolation,
    Violation,
)
from conformance.core.judgement import Examined, Judgement
from conformance.core.outcomes import Obligation
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.xdomea.catalogue import RULES, Rule
from conformance.suites.xdomea.export import Export
from conformance.xml.report import DocumentReport, Finding

Context = CheckContext[Export]
KINDS: dict[str, type[Violation]] = {
    "XSD": SchemaViolation,
    "XML": ParseViolation,
    "EXPORT": ParseViolation,
    "XDOMEA-PRIMAERDOKUMENT": MissingMember,
    "XOEV-CODE-MEMBER": RuleViolation,
}
# hints shown in full beside a requirement's judgement; no normative text makes them a requirement of their own
SHOWN = frozenset({"XDOMEA-SCHEMALOCATION"})


def judge(ctx: Context, row: Rule) -> Judgement:
    """Every finding of the requirement's rules in the messages it applies to; hints below its level are noted."""
    documents = ctx.observation.documents(row.messages)
    if row.messages is not None and not documents:
        raise NotApplicable(ctx.msg("xdomea.na.no-messages", kinds=[k.rpartition(".")[2] for k in row.messages]))
    counted: list[Violation] = []
    noted = 0
    for report in documents:
        for found in report.findings:
            if found.rule in row.rules and counts(found, row.obligation):
                counted.append(violation(report, found, row))
            elif found.rule in row.rules and found.rule in SHOWN:
                ctx.note(found.text)
            elif found.rule in row.rules:
                noted += 1
    if noted:
        ctx.note(ctx.msg("xdomea.note.hints", count=noted))
    ctx.note(ctx.msg("xdomea.note.documents", count=len(documents)))
    judged = examined(ctx, row, documents)
    if documents and not judged.count and not counted:
        raise NotApplicable(ctx.msg("xdomea.na.nothing-in-messages", count=len(documents), what=judged.message))
    return ctx.judge(counted, judged)


def examined(ctx: Context, row: Rule, documents: list[DocumentReport]) -> Examined:
    """The messages judged whole, or the elements the requirement's rules judged in them."""
    if row.examines == "messages":
        return ctx.examined(len(documents), "xdomea.examined.messages")
    rules = frozenset(row.rules)
    count = sum(d.judged(rules) for d in documents)
    if row.examines.startswith("xdomea:"):
        kinds = [k.rpartition(".")[2] for k in row.messages or ()]
        return ctx.examined(count, "xdomea.examined.elements", element=row.examines, kinds=kinds)
    return ctx.examined(count, f"xdomea.examined.{row.examines}")


def counts(found: Finding, obligation: Obligation) -> bool:
    """Errors count against every requirement, warnings against SOLL and KANN; information is only noted."""
    return found.is_error or (obligation is not Obligation.MUSS and found.severity != "information")


def violation(report: DocumentReport, found: Finding, row: Rule) -> Violation:
    """One finding as the violation of a requirement, located by file, XPath, line and column."""
    kind = KINDS.get(found.rule, ValueViolation)
    locator = Locator(where=report.file, xpath=found.location, line=found.line, column=found.column)
    return kind(found.text, locator=locator, requirement=row.uri, actual=found.rule)


def _check(row: Rule) -> Check[Export]:
    return Check(row.uri, lambda ctx: judge(ctx, row), name=row.section.replace("/", "-"), revision=2)


CHECKS = by_requirement(*(_check(row) for row in RULES))

__all__ = ["CHECKS"]
