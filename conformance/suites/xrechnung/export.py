"""What the suite observes of a vendor: the e-invoices of its export (files, folders, ZIPs, URLs), each validated
once, and per class the documents with the rules that fired and the nodes each rule's context matched."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from conformance.core.evidence import NotApplicable
from conformance.harness.target import TargetContext
from conformance.suites.xrechnung.catalogue import ID, class_of, xrechnung_scenarios
from conformance.suites.xrechnung.messages import m
from conformance.xml.exports import validate_export
from conformance.xml.limits import ZipLimits, export_workers
from conformance.xml.report import DocumentReport, Finding, Source, validator_for

ZIP_MAGIC = b"PK\x03\x04"
Fired = tuple[tuple[DocumentReport, Finding], ...]
Rule = tuple[str, ...]


@dataclass(frozen=True)
class Graded:
    """The documents of one class: where each rule id fired (in document order), and in the schema-valid ones
    (where Schematron ran) the nodes and documents each rule's context matched."""

    documents: tuple[DocumentReport, ...]
    schema_valid: tuple[DocumentReport, ...]
    everywhere: Mapping[str, Fired]
    in_valid: Mapping[str, Fired]
    rules: Mapping[str, tuple[Rule, ...]]
    nodes: Mapping[Rule, int]
    matched_in: Mapping[Rule, frozenset[int]]

    def fired(self, ids: frozenset[str], schematron: bool) -> Fired:
        """Where any of the rule ids fired: in every document, or only where Schematron ran (schema-valid)."""
        index = self.in_valid if schematron else self.everywhere
        if len(ids) == 1:
            return index.get(next(iter(ids)), ())
        if not any(rule in index for rule in ids):
            return ()
        fired = {id(f) for rule in ids for _, f in index.get(rule, ())}
        return tuple((d, f) for d in self.documents for f in d.findings if id(f) in fired)

    def matched(self, ids: frozenset[str]) -> tuple[int, int]:
        """The nodes matched by the contexts of the rules holding any of the ids, and in how many documents."""
        rules = {rule for i in ids for rule in self.rules.get(i, ())}
        documents = frozenset().union(*(self.matched_in[r] for r in rules)) if rules else frozenset()
        return sum(self.nodes[r] for r in rules), len(documents)


@dataclass
class Export:
    """The validated export of one target; the documents graded by class on first need."""

    reports: tuple[DocumentReport, ...]
    _classes: dict[str, Graded] | None = field(default=None, repr=False)

    def graded(self, cls: str) -> Graded:
        """The documents of one class; an export without any is not applicable to the class's requirements."""
        if self._classes is None:
            self._classes = by_class(self.reports)
        found = self._classes.get(cls)
        if found is None:
            raise NotApplicable(m("na.no-class-documents", cls=cls))
        return found


def observe(target: TargetContext) -> Export:
    """Every document of the target (export paths and URLs), validated; a target naming neither is n/a."""
    if not target.target.paths and not target.target.urls:
        raise NotApplicable(m("na.no-exports", vendor=target.vendor.id, standard=ID))
    workers = export_workers(target.option)
    limits = ZipLimits.from_options(target.option)
    found = validate_export(target.target.paths, ID, workers=workers, limits=limits) if target.target.paths else []
    for url in target.target.urls:
        found += _download(target, url, workers, limits)
    return Export(tuple(found))


def _download(target: TargetContext, url: str, workers: int, limits: ZipLimits) -> list[DocumentReport]:
    response = target.http.get(url)
    if response.status != 200:
        return [_problem(url, response.status)]
    if not response.content.startswith(ZIP_MAGIC):
        return [validator_for(ID).validate(Source(url, data=response.content))]
    with tempfile.TemporaryDirectory(prefix="wechselbar-") as folder:
        archive = Path(folder) / "export.zip"
        archive.write_bytes(response.content)
        return [
            _renamed(r, str(archive), url) for r in validate_export([str(archive)], ID, workers=workers, limits=limits)
        ]


def _renamed(report: DocumentReport, archive: str, url: str) -> DocumentReport:
    return DocumentReport(
        report.file.replace(archive, url),
        report.standard,
        report.valid,
        report.accepted,
        report.scenario,
        report.findings,
        report.error,
        report.contexts,
    )


def _problem(url: str, status: int) -> DocumentReport:
    finding = Finding.worded("EXPORT", "fatal", "/", m("download-status", status=status), source="parse")
    return DocumentReport(url, ID, False, False, None, (finding,), finding.message)


@cache
def class_names() -> Mapping[str, str]:
    """Scenario name → class short id."""
    return {s.name: class_of(s).short for s in xrechnung_scenarios()}


def by_class(found: tuple[DocumentReport, ...]) -> dict[str, Graded]:
    """The documents of each XRechnung class, graded."""
    names = class_names()
    groups: dict[str, list[DocumentReport]] = {}
    for report in found:
        if report.scenario is not None and report.scenario in names:
            groups.setdefault(names[report.scenario], []).append(report)
    return {cls: graded(docs) for cls, docs in groups.items()}


def graded(docs: list[DocumentReport]) -> Graded:
    """One class's documents indexed by rule id, with the rule contexts matched in its schema-valid documents."""
    valid = [d for d in docs if not d.fired("XSD") and d.error is None]
    rules: dict[str, set[Rule]] = {}
    nodes: dict[Rule, int] = {}
    matched_in: dict[Rule, set[int]] = {}
    for number, doc in enumerate(valid):
        for context in doc.contexts:
            nodes[context.ids] = nodes.get(context.ids, 0) + context.nodes
            matched_in.setdefault(context.ids, set()).add(number)
            for rule_id in context.ids:
                rules.setdefault(rule_id, set()).add(context.ids)
    return Graded(
        tuple(docs),
        tuple(valid),
        _fired_by_rule(docs),
        _fired_by_rule(valid),
        {i: tuple(r) for i, r in rules.items()},
        nodes,
        {r: frozenset(d) for r, d in matched_in.items()},
    )


def _fired_by_rule(docs: list[DocumentReport]) -> dict[str, Fired]:
    index: dict[str, list[tuple[DocumentReport, Finding]]] = {}
    for doc in docs:
        for finding in doc.findings:
            index.setdefault(finding.rule, []).append((doc, finding))
    return {rule: tuple(pairs) for rule, pairs in index.items()}
