"""The checks of the XPlanGML suite: one per requirement and version, each judging the findings of its rule in
every document of the export and saying how many things of its kind it examined in how many documents.

A rule whose kind occurs in no document (no reference, no object with a Geltungsbereich to lie in) examined
nothing: not applicable, never passed.
"""

from __future__ import annotations

from conformance.core.evidence import Locator, ParseViolation, SchemaViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.documents import Judging, judge_reports
from conformance.suites.xplangml.catalogue import RULES, Rule
from conformance.suites.xplangml.export import Export
from conformance.suites.xplangml.validator import SCHEMA_RULES
from conformance.xml.report import DocumentReport, Finding

Context = CheckContext[Export]


def judge(ctx: Context, row: Rule, standard: str) -> Judgement:
    """Every finding of the requirement's rule; the count of its kind over the documents that hold any."""
    requirement = row.uri(standard)
    how = Judging(
        lambda finding: owned(finding, row),
        lambda report, finding: violation(report, finding, requirement),
        "xplangml",
        row.key,
        row.examines,
    )
    return judge_reports(ctx, ctx.observation.reports, how)


def owned(finding: Finding, row: Rule) -> bool:
    """True if a finding counts against the requirement (schema and parse findings belong to the schema)."""
    return finding.rule == row.key or (row.key == "schema" and finding.rule in SCHEMA_RULES)


def violation(report: DocumentReport, found: Finding, requirement: str) -> Violation:
    """One finding as the violation of a requirement, located by file, XPath and line."""
    kind: type[Violation] = ValueViolation
    if found.source == "parse" or found.rule == "EXPORT":
        kind = ParseViolation
    elif found.rule in SCHEMA_RULES:
        kind = SchemaViolation
    locator = Locator(where=report.file, xpath=found.location, line=found.line, column=found.column)
    return kind(found.text, locator=locator, requirement=requirement, actual=found.rule)


def checks_for(standard: str) -> dict[str, Check[Export]]:
    """The checks of one version."""
    return by_requirement(*(_check(row, standard) for row in RULES if standard in row.versions))


def _check(row: Rule, standard: str) -> Check[Export]:
    return Check(row.uri(standard), lambda ctx: judge(ctx, row, standard), name=f"{standard}-{row.section}-{row.key}")
