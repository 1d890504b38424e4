"""The checks of the GeoJSON suite: one per catalogue requirement, each judging the findings of its rule in every
text of the export and saying how many things of its kind it examined in how many files.

A requirement whose kind occurs in no text (no bbox, no Feature with an id, no polygon) examined nothing: not
applicable, never passed. An export without any readable text has examined nothing either.
"""

from __future__ import annotations

from conformance.core.evidence import Locator, ParseViolation, SchemaViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.documents import Judging, judge_reports
from conformance.suites.geojson.catalogue import RULES, Rule
from conformance.suites.geojson.export import Export
from conformance.xml.report import DocumentReport, Finding

Context = CheckContext[Export]
EXPORT = "EXPORT"  # a file or archive member refused unread (zip-slip, zip bomb, no such file): no GeoJSON text


def judge(ctx: Context, row: Rule) -> Judgement:
    """Every finding of the requirement's rule; the count of its kind over the texts that hold any."""
    how = Judging(
        lambda finding: owned(finding, row),
        lambda report, finding: violation(report, finding, row),
        "geojson-file",
        row.key,
        row.examines,
    )
    return judge_reports(ctx, ctx.observation.reports, how)


def owned(finding: Finding, row: Rule) -> bool:
    """True if a finding counts against the requirement (files refused unread belong to the schema)."""
    return finding.rule == row.key or (row.key == "schema" and finding.rule == EXPORT)


def violation(report: DocumentReport, found: Finding, row: Rule) -> Violation:
    """One finding as the violation of a requirement, located by file and JSON pointer."""
    kind: type[Violation] = ValueViolation
    if found.source == "parse" or found.rule == EXPORT:
        kind = ParseViolation
    elif row.key == "schema":
        kind = SchemaViolation
    return kind(
        found.text, locator=Locator(where=report.file, pointer=found.location), requirement=row.uri, actual=found.rule
    )


def _check(row: Rule) -> Check[Export]:
    return Check(row.uri, lambda ctx: judge(ctx, row), name=f"rfc7946-{row.section}-{row.key}")


CHECKS = by_requirement(*(_check(row) for row in RULES))

__all__ = ["CHECKS"]
