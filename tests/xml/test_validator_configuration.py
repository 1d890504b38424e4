"""The KoSIT XRechnung configuration's own tests: XML Mutate unit tests, report assertions, known-wrong group."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from conformance.xml import pipeline, saxon, scenarios, varl
from conformance.xml.report import Finding, Source
from conformance.xml.schematron import Rules
from tests.xml import xmute
from tests.xml.corpora import VCFG_TESTS, corpus, prepared, vcfg, xrechnung

A = "{http://www.xoev.de/de/validator/framework/1/assertions}"
SCHEMATRONS = {
    "cenubl": "resources/ubl/2.1/xsl/EN16931-UBL-validation.xsl",
    "cencii": "resources/cii/16b/xsl/EN16931-CII-validation.xsl",
    "xrubl": "resources/xrechnung/@xrechnung.version@/xsl/XRechnung-UBL-validation.xsl",
    "xrcii": "resources/xrechnung/@xrechnung.version@/xsl/XRechnung-CII-validation.xsl",
}


@cache
def _rules(name: str) -> Rules:
    return xrechnung().stylesheet(SCHEMATRONS[name])


def _mutants(group: str) -> list[tuple[str, xmute.Mutant]]:
    return [(path.name, m) for path in vcfg(group) for m in xmute.mutants(prepared(path))]


def _unmet(mutant: xmute.Mutant) -> list[xmute.RuleExpectation]:
    node = saxon.parse(mutant.document)
    fired: dict[str, list[Finding]] = {}
    unmet = []
    for expectation in mutant.expectations:
        found = fired.setdefault(expectation.schematron, _rules(expectation.schematron).check(node))
        if any(f.rule == expectation.rule for f in found) != expectation.fires:
            unmet.append(expectation)
    return unmet


CEN_UNIT = _mutants("cen-unit-test")
UNEXPECTED = _mutants("unexpected")


def test_mutants_were_generated() -> None:
    assert len(CEN_UNIT) == 91 and len(UNEXPECTED) == 30
    assert sum(m.known_wrong for _, m in UNEXPECTED) == 14


@pytest.mark.parametrize(("file", "mutant"), CEN_UNIT, ids=[f"{f}:{m.id}" for f, m in CEN_UNIT])
def test_cen_unit_test_mutant(file: str, mutant: xmute.Mutant) -> None:
    unmet = _unmet(mutant)
    assert not unmet, f"{mutant.description or mutant.mutator}: {unmet}"


@pytest.mark.parametrize(("file", "mutant"), UNEXPECTED, ids=[f"{f}:{m.id}" for f, m in UNEXPECTED])
def test_unexpected_group_reproduces_todays_behaviour(file: str, mutant: xmute.Mutant) -> None:
    """Instructions marked expected-to-pass/-fail describe a future state: today they must not hold."""
    unmet = _unmet(mutant)
    if mutant.known_wrong:
        assert unmet, f"{mutant.id} now meets its target state; today's CEN rules were expected to miss it"
    else:
        assert not unmet, f"{mutant.id}: {unmet}"


@cache
def _assertions(name: str) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    root = etree.parse(str(corpus(VCFG_TESTS) / "src/test" / name)).getroot()
    namespaces = {n.get("prefix", ""): (n.text or "").strip() for n in root.iter(f"{A}namespace")}
    by_doc: dict[str, list[tuple[str, str]]] = {}
    for item in root.iter(f"{A}assertion"):
        doc = item.get("report-doc", "").removesuffix("-report.xml") + ".xml"
        by_doc.setdefault(doc, []).append((item.get("test", ""), " ".join((item.text or "").split())))
    return namespaces, by_doc


def _document(name: str) -> Path:
    found = sorted((corpus(VCFG_TESTS) / "src/test").rglob(name))
    assert found, f"no test document {name}"
    return found[0]


def _check_report(assertions: str, doc: str, chooser: scenarios.Selector | None) -> None:
    namespaces, by_doc = _assertions(assertions)
    path = _document(doc)
    _, report = varl.validate_with_report(Source(path.name, data=prepared(path)), chooser)
    node = saxon.parse(report.encode("utf-8"), build=True)
    failed = [text for test, text in by_doc[doc] if not saxon.matches(node, test, namespaces, build=True)]
    assert not failed, failed


INSTANCES = sorted(_assertions("assertions.xml")[1])
INTEGRATION = sorted(_assertions("assertions-integration-testing.xml")[1])


@pytest.mark.parametrize("doc", INSTANCES)
def test_report_assertions_of_instance(doc: str) -> None:
    """The upstream report tests run with its test scenarios (create-test-scenario.xsl)."""
    _check_report("assertions.xml", doc, scenarios.Selector(scenarios.scenarios(xrechnung().for_tests())))


@pytest.mark.parametrize("doc", INTEGRATION)
def test_report_assertions_of_integration_document(doc: str) -> None:
    _check_report("assertions-integration-testing.xml", doc, None)


ORIGINALS = [p for group in ("instances", "integration", "cen-unit-test") for p in vcfg(group)]


@pytest.mark.parametrize("path", ORIGINALS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_native_verdict_equals_accept_match_on_the_report(path: Path) -> None:
    source = Source(path.name, data=prepared(path))
    with_report, _ = varl.validate_with_report(source)
    assert pipeline.validate(source).accepted is with_report.accepted


def test_the_originals_hold_both_verdicts() -> None:
    verdicts = {pipeline.validate(Source(p.name, data=prepared(p))).accepted for p in ORIGINALS}
    assert verdicts == {True, False}
