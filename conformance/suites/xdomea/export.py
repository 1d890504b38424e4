"""What the suite tests share: the vendor's export validated once per target, and findings as violations."""

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
    expect,
)
from conformance.core.outcomes import Obligation
from conformance.harness.target import TargetContext
from conformance.suites.xdomea.catalogue import ID, Rule, rule
from conformance.xml.exports import validate_export
from conformance.xml.limits import ZipLimits, export_workers
from conformance.xml.report import DocumentReport, Finding

MAX_LISTED = 200
KINDS: dict[str, type[Violation]] = {
    "XSD": SchemaViolation, "XML": ParseViolation, "EXPORT": ParseViolation,
    "XDOMEA-PRIMAERDOKUMENT": MissingMember, "XOEV-CODE-MEMBER": RuleViolation,
}


def reports(target: TargetContext) -> list[DocumentReport]:
    """Every document of the target's export paths, validated once per target and process."""
    if not target.target.paths:
        raise NotApplicable(f"vendor {target.vendor.id} names no export paths for {ID}")
    limits = ZipLimits.from_options(target.option)
    return target.remember(f"{ID}-reports", lambda: validate_export(
        target.target.paths, ID, workers=export_workers(target.option), limits=limits))


def check(target: TargetContext, section: str, messages: tuple[str, ...] | None = None) -> None:
    """Fail with every finding of the requirement's rules in the documents it applies to."""
    row = rule(section)
    documents = [r for r in reports(target) if messages is None or r.scenario in messages]
    if not documents:
        wanted = ", ".join(messages or ())
        raise NotApplicable(f"the export holds no message of the kind this requirement covers ({wanted})")
    counted, noted = [], 0
    for report in documents:
        for found in report.findings:
            if found.rule in row.rules and counts(found, row.obligation):
                counted.append(violation(report, found, row))
            elif found.rule in row.rules:
                noted += 1
    if noted:
        target.note(f"{noted} hint(s) of this rule are not counted (e.g. code lists outside the standard or "
                    "versions not held offline)")
    target.note(f"{len(documents)} document(s) checked")
    expect(_capped(counted))


def counts(found: Finding, obligation: Obligation) -> bool:
    """Errors count against every requirement, warnings against SOLL and KANN; information is only noted."""
    return found.is_error or (obligation is not Obligation.MUSS and found.severity != "information")


def violation(report: DocumentReport, found: Finding, row: Rule) -> Violation:
    """One finding as the violation of a requirement, located by file, XPath, line and column."""
    kind = KINDS.get(found.rule, ValueViolation)
    locator = Locator(where=report.file, xpath=found.location, line=found.line, column=found.column)
    return kind(found.message, locator=locator, requirement=row.uri, actual=found.rule)


def _capped(found: list[Violation]) -> list[Violation]:
    if len(found) <= MAX_LISTED:
        return found
    rest = len(found) - MAX_LISTED
    return [*found[:MAX_LISTED], ValueViolation(f"… and {rest} more finding(s) of this requirement, not listed")]
