"""EARL 1.0 export: Turtle and JSON-LD parse with rdflib, one assertion per result, outcomes mapped honestly."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF

from conformance.cli import main
from conformance.core.outcomes import Outcome
from conformance.core.results import ResultsFile, write_run
from conformance.reporting.earl import CITE, EARL, PTR, WB, earl_graph, render_earl_jsonld, render_earl_turtle
from conformance.reporting.model import build_report
from conformance.reporting.text import clean
from tests.reporting.samples import FEAT, HOSTILE, REQUIREMENTS, header, result, sample_run, vendor

# each outcome of the project and the EARL 1.0 outcome value (local name) it maps to
EXPECTED = {
    "pass passed",
    "fail failed",
    "waived failed",
    "error cantTell",
    "not_verified cantTell",
    "skip untested",
    "not_applicable inapplicable",
}


def every_outcome() -> ResultsFile:
    """The sample run plus one result that was not verified: every outcome occurs."""
    run = sample_run()
    extra = result("alpha", 2, Outcome.NOT_VERIFIED, reason="nothing to test")
    return replace(run, results=(*run.results, extra))


def turtle(run: ResultsFile, lang: str = "en") -> Graph:
    return Graph().parse(data=render_earl_turtle(build_report(run), lang), format="turtle")


def assertions(graph: Graph) -> list[URIRef]:
    return [s for s in graph.subjects(RDF.type, EARL.Assertion) if isinstance(s, URIRef)]


def outcome_of(graph: Graph, assertion: URIRef) -> URIRef:
    (test_result,) = graph.objects(assertion, EARL.result)
    (outcome,) = graph.objects(test_result, EARL.outcome)
    assert isinstance(outcome, URIRef)
    return outcome


def test_exactly_one_assertion_per_result_with_its_outcome() -> None:
    run = every_outcome()
    graph = turtle(run)
    found = assertions(graph)
    assert {r.outcome for r in run.results} == set(Outcome)
    assert len(found) == len(run.results) == 22
    for index, item in enumerate(run.results, start=1):
        (node,) = (a for a in found if str(a).endswith(f":assert-{index}"))
        assert f"{item.outcome.value} {outcome_of(graph, node).removeprefix(str(EARL))}" in EXPECTED
        assert graph.value(node, EARL.test) == URIRef(item.requirement)
        assert graph.value(node, EARL.assertedBy) == URIRef("urn:wechselbar:assertor")
        assert graph.value(node, EARL.mode) == EARL.automatic
        subject = graph.value(node, EARL.subject)
        assert graph.value(subject, DCTERMS.identifier) == Literal(item.vendor)
        assert (subject, RDF.type, EARL.TestSubject) in graph


def test_json_ld_holds_the_same_graph_as_turtle() -> None:
    report = build_report(every_outcome())
    jsonld = Graph().parse(data=render_earl_jsonld(report, "de"), format="json-ld")
    assert isomorphic(jsonld, Graph().parse(data=render_earl_turtle(report, "de"), format="turtle"))
    assert len(assertions(jsonld)) == 22


def test_waiver_is_stated_beside_the_failed_outcome() -> None:
    graph = turtle(sample_run(), "de")
    (waiver,) = graph.subjects(RDF.type, WB.Waiver)
    assert graph.value(waiver, DCTERMS.description) == Literal("fix in 2.5")
    assert str(graph.value(waiver, WB.expires)) == "2026-12-31"
    (test_result,) = graph.subjects(WB.waiver, waiver)
    assert graph.value(test_result, EARL.outcome) == EARL.failed
    assert graph.value(test_result, WB.outcome) == Literal("waived")
    assert str(graph.value(test_result, DCTERMS.description)).startswith("Abweichung zugelassen")


def test_findings_point_at_their_location() -> None:
    graph = turtle(sample_run())
    pointers = list(graph.subjects(RDF.type, PTR.ExpressionPointer))
    assert len(pointers) == 2  # beta's two failed results carry one finding each
    for pointer in pointers:
        assert graph.value(pointer, PTR.expression) == Literal("/features/0")
        assert graph.value(pointer, PTR.reference) == URIRef("https://v.example/collections/a/items")
        assert (None, EARL.pointer, pointer) in graph


def test_test_run_counts_and_classes() -> None:
    graph = turtle(sample_run())
    (test_run,) = graph.subjects(RDF.type, CITE.TestRun)
    counts = {p: graph.value(test_run, p).toPython() for p in (CITE.testsPassed, CITE.testsFailed, CITE.testsSkipped)}
    assert counts == {CITE.testsPassed: 10, CITE.testsFailed: 9, CITE.testsSkipped: 2}
    sequence = graph.value(test_run, CITE.requirements)
    assert graph.value(sequence, RDF.type) == RDF.Seq and graph.value(sequence, RDF["_1"]) == URIRef(
        FEAT + "/conf/core"
    )
    requirement = URIRef(REQUIREMENTS[0][1])
    assert (requirement, RDF.type, EARL.TestRequirement) in graph
    assert (requirement, DCTERMS.hasPart, URIRef(REQUIREMENTS[0][2])) in graph


@pytest.mark.parametrize("vid", ["../evil id", 'x> <y" .\n', "ü ber"])
def test_hostile_ids_and_texts_stay_literals(vid: str) -> None:
    item = replace(result(vid, 0, Outcome.FAIL), requirement="not an IRI> .", target=HOSTILE)
    run = ResultsFile(header([vendor(vid, HOSTILE)], run_id="run <1>"), (item,))
    graph = earl_graph(run)
    reparsed = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(graph, reparsed) and len(assertions(reparsed)) == 1
    assert (None, DCTERMS.identifier, Literal(clean(vid))) in reparsed
    assert (None, RDF.type, EARL.TestCase) in reparsed


def test_report_command_writes_earl(tmp_path: Path) -> None:
    path = tmp_path / "results.jsonl"
    write_run(path, sample_run())
    runner = CliRunner()
    out = runner.invoke(main, ["report", str(path), "--format", "earl", "--lang", "en"], catch_exceptions=False)
    assert out.exit_code == 0 and len(assertions(Graph().parse(data=out.stdout, format="turtle"))) == 21
    target = tmp_path / "earl.jsonld"
    done = runner.invoke(main, ["report", str(path), "-o", str(target)], catch_exceptions=False)
    assert done.exit_code == 0 and str(target) in done.stderr
    assert len(assertions(Graph().parse(target, format="json-ld"))) == 21
