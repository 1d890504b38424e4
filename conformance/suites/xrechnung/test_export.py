"""The export as a whole: every document recognised as XRechnung, and accepted."""

from __future__ import annotations

from conformance.core.evidence import Locator, ParseViolation, RuleViolation, ValueViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.xrechnung import STANDARD
from conformance.suites.xrechnung.export import capped, class_names, reports
from conformance.xml.report import DocumentReport

RECOGNISED = STANDARD.requirement("/req/export/recognised")
ACCEPTED = STANDARD.requirement("/req/export/accepted")


@requirement(RECOGNISED)
def test_documents_are_recognised(target: TargetContext) -> None:
    found = reports(target)
    target.note(f"{len(found)} document(s) in the export")
    expect(capped([v for r in found if (v := _unrecognised(r)) is not None]))


def _unrecognised(report: DocumentReport) -> Violation | None:
    where = Locator(where=report.file)
    if any(f.source == "parse" for f in report.findings):
        first = next(f for f in report.findings if f.source == "parse")
        return ParseViolation(first.message, locator=Locator(report.file, line=first.line, column=first.column),
                              requirement=RECOGNISED.uri, expected="a well-formed XML document", actual=first.rule)
    if report.scenario is None:
        return ValueViolation(report.error or "no scenario", locator=where, requirement=RECOGNISED.uri,
                              expected="an XRechnung 3.0 document (CIUS, Extension or CVD)", actual=report.error)
    if report.scenario not in class_names():
        return ValueViolation(f"document is graded as {report.scenario}, not as XRechnung", locator=where,
                              requirement=RECOGNISED.uri, expected="an XRechnung specification identifier",
                              actual=report.scenario)
    return None


@requirement(ACCEPTED)
def test_documents_are_accepted(target: TargetContext) -> None:
    found = reports(target)
    accepted = sum(r.accepted for r in found)
    target.note(f"{accepted} of {len(found)} document(s) accepted")
    expect(capped([_rejection(r) for r in found if not r.accepted]))


def _rejection(report: DocumentReport) -> Violation:
    errors = report.errors
    rules = sorted({f.rule for f in errors})
    first = errors[0] if errors else None
    locator = Locator(where=report.file, xpath=first.location if first else None, line=first.line if first else None)
    reason = report.error or f"{len(errors)} error(s): {', '.join(rules[:10])}" + (" …" if len(rules) > 10 else "")
    return RuleViolation(f"rejected: {reason}", locator=locator, requirement=ACCEPTED.uri, expected="accept",
                         actual=[f"{f.rule}: {f.message}" for f in errors[:20]])
