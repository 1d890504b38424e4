"""What the suite tests share: the vendor's e-invoices validated once per target, findings as violations."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from conformance.core.evidence import (
    Locator,
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
from conformance.suites.xrechnung.catalogue import ID, class_of, members, requirement_uri, xrechnung_scenarios
from conformance.xml.exports import validate_export
from conformance.xml.limits import ZipLimits, export_workers
from conformance.xml.report import DocumentReport, Finding, Source, validator_for

MAX_LISTED = 200
ZIP_MAGIC = b"PK\x03\x04"


def reports(target: TargetContext) -> list[DocumentReport]:
    """Every document of the target (export paths and export URLs), validated once per target and process."""
    if not target.target.paths and not target.target.urls:
        raise NotApplicable(f"vendor {target.vendor.id} names no export paths or URLs for {ID}")
    return target.remember(f"{ID}-reports", lambda: _validate(target))


def _validate(target: TargetContext) -> list[DocumentReport]:
    workers = export_workers(target.option)
    limits = ZipLimits.from_options(target.option)
    found = validate_export(target.target.paths, ID, workers=workers, limits=limits) if target.target.paths else []
    for url in target.target.urls:
        found += _download(target, url, workers, limits)
    return found


def _download(target: TargetContext, url: str, workers: int, limits: ZipLimits) -> list[DocumentReport]:
    response = target.http.get(url)
    if response.status != 200:
        return [_problem(url, f"export URL answered HTTP {response.status}")]
    if not response.content.startswith(ZIP_MAGIC):
        return [validator_for(ID).validate(Source(url, data=response.content))]
    with tempfile.TemporaryDirectory(prefix="wechselbar-") as folder:
        archive = Path(folder) / "export.zip"
        archive.write_bytes(response.content)
        return [_renamed(r, folder, url) for r in validate_export([str(archive)], ID, workers=workers,
                                                                       limits=limits)]


def _renamed(report: DocumentReport, folder: str, url: str) -> DocumentReport:
    name = report.file.replace(str(Path(folder) / "export.zip"), url)
    return DocumentReport(name, report.standard, report.valid, report.accepted, report.scenario, report.findings,
                          report.error)


def _problem(name: str, reason: str) -> DocumentReport:
    finding = Finding("EXPORT", "fatal", "/", reason, source="parse")
    return DocumentReport(name, ID, False, False, None, (finding,), reason)


@cache
def class_names() -> Mapping[str, str]:
    """Scenario name → class short id."""
    return {s.name: class_of(s).short for s in xrechnung_scenarios()}


Fired = tuple[tuple[DocumentReport, Finding], ...]


@dataclass(frozen=True)
class Graded:
    """The target's documents of one class and, per rule id, where it fired (in document order)."""

    documents: tuple[DocumentReport, ...]
    schema_valid_count: int
    everywhere: Mapping[str, Fired]
    schema_valid: Mapping[str, Fired]

    def fired(self, rules: frozenset[str], schematron: bool) -> Fired:
        """Where any of the rules fired: in every document, or only where Schematron ran (schema-valid)."""
        index = self.schema_valid if schematron else self.everywhere
        if len(rules) == 1:
            return index.get(next(iter(rules)), ())
        if not any(rule in index for rule in rules):
            return ()
        fired = {id(f) for rule in rules for _, f in index.get(rule, ())}
        return tuple((d, f) for d in self.documents for f in d.findings if id(f) in fired)


def graded(target: TargetContext, cls: str) -> Graded:
    """The target's documents graded by the scenario of one class (indexed once per target); none is n/a."""
    found = target.remember(f"{ID}-graded", lambda: _by_class(reports(target))).get(cls)
    if found is None:
        raise NotApplicable(f"the export holds no document of class {cls}")
    return found


def _by_class(found: list[DocumentReport]) -> dict[str, Graded]:
    names = class_names()
    groups: dict[str, list[DocumentReport]] = {}
    for report in found:
        if report.scenario is not None and report.scenario in names:
            groups.setdefault(names[report.scenario], []).append(report)
    return {cls: _graded(docs) for cls, docs in groups.items()}


def _graded(docs: list[DocumentReport]) -> Graded:
    valid = [d for d in docs if not d.fired("XSD") and d.error is None]
    return Graded(tuple(docs), len(valid), _fired_by_rule(docs), _fired_by_rule(valid))


def _fired_by_rule(docs: list[DocumentReport]) -> dict[str, Fired]:
    index: dict[str, list[tuple[DocumentReport, Finding]]] = {}
    for doc in docs:
        for finding in doc.findings:
            index.setdefault(finding.rule, []).append((doc, finding))
    return {rule: tuple(pairs) for rule, pairs in index.items()}


def check_rule(target: TargetContext, cls: str, rule: str, obligation: Obligation) -> None:
    """Fail with every place the rule (or a member of its family) fired in the class's documents.

    Hints of KANN rules (information level) are only noted.
    """
    found = graded(target, cls)
    schematron = rule != "XSD"
    if schematron and not found.schema_valid_count:
        pytest.skip("Schematron was not run: no document of this class is schema-valid")
    uri = requirement_uri(cls, rule)
    fired = found.fired(members(cls, rule), schematron)
    counted = [violation(d, f, uri) for d, f in fired if obligation is not Obligation.KANN]
    if fired and not counted:
        docs = found.schema_valid_count if schematron else len(found.documents)
        target.note(f"{len(fired)} hint(s) of this rule (information level) in {docs} document(s)")
    expect(capped(counted))


def violation(report: DocumentReport, found: Finding, uri: str) -> Violation:
    """One finding as a located violation: file, XPath, line, column, the rule and its message."""
    kind = {"XSD": SchemaViolation, "XML": ParseViolation, "EXPORT": ParseViolation}.get(found.rule, RuleViolation)
    locator = Locator(where=report.file, xpath=found.location, line=found.line, column=found.column)
    return kind(found.message, locator=locator, requirement=uri, expected=f"{found.rule} does not fire",
                actual=f"{found.rule} ({found.severity})")


def capped(found: list[Violation]) -> list[Violation]:
    """At most MAX_LISTED violations, then one saying how many more there are."""
    if len(found) <= MAX_LISTED:
        return found
    rest = len(found) - MAX_LISTED
    return [*found[:MAX_LISTED], ValueViolation(f"… and {rest} more finding(s) of this requirement, not listed")]
