"""EARL 1.0 (W3C Evaluation and Report Language) of a run, in the shape OGC TEAM Engine writes, as Turtle or JSON-LD.

A pure function of the results file. One ``earl:Assertion`` per result record (``earl:automatic``), asserted by
the wechselbar ``earl:Assertor``, about an ``earl:TestSubject`` per vendor target, for an ``earl:TestCase`` named
by the requirement's URI, which its conformance class (``earl:TestRequirement``) holds as ``dct:hasPart``. The
``earl:TestResult`` carries the outcome, the reason and findings as ``dct:description`` and each finding's
location as ``earl:pointer`` (Pointer Methods in RDF: JSON pointer and XPath as expression pointers, line and
column as a line-char pointer). A ``cite:TestRun`` holds the run's time, counts and classes (``cite:requirements``).

Outcomes: pass → ``earl:passed``; fail → ``earl:failed``; waived → ``earl:failed`` with the waiver stated
(``wb:waiver``: reason, expiry, ticket, status, and "waived" in the description); error → ``earl:cantTell``;
not verified (the requirement applies, nothing could be tested) → ``earl:cantTell``; skip → ``earl:untested``;
not applicable → ``earl:inapplicable``. The counts follow TEAM Engine: failed = fail, waived and error.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from conformance.core.outcomes import Outcome
from conformance.core.records import Finding, WaiverRecord
from conformance.core.results import Result, ResultsFile
from conformance.reporting.header import columns, vendor_name, vendors
from conformance.reporting.i18n import Labels
from conformance.reporting.model import Report
from conformance.reporting.text import clean

EARL = Namespace("http://www.w3.org/ns/earl#")
CITE = Namespace("http://cite.opengeospatial.org/")
PTR = Namespace("http://www.w3.org/2009/pointers#")
WB = Namespace("urn:wechselbar:vocab:")
ASSERTOR = URIRef("urn:wechselbar:assertor")
PREFIXES = {"earl": EARL, "dct": DCTERMS, "cite": CITE, "ptr": PTR, "wb": WB}

OUTCOMES = {
    Outcome.PASS: EARL.passed,
    Outcome.FAIL: EARL.failed,
    Outcome.WAIVED: EARL.failed,
    Outcome.ERROR: EARL.cantTell,
    Outcome.NOT_VERIFIED: EARL.cantTell,
    Outcome.SKIP: EARL.untested,
    Outcome.NOT_APPLICABLE: EARL.inapplicable,
}
COUNTS = {
    CITE.testsPassed: (Outcome.PASS,),
    CITE.testsFailed: (Outcome.FAIL, Outcome.WAIVED, Outcome.ERROR),
    CITE.testsSkipped: (Outcome.SKIP, Outcome.NOT_APPLICABLE, Outcome.NOT_VERIFIED),
}


def earl_graph(run: ResultsFile, lang: str = "en") -> Graph:
    """The EARL graph of a run: test run, assertor, subjects, classes, test cases and one assertion per result."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    base = f"urn:wechselbar:run:{quote(run.header.run_id, safe='')}:"
    _test_run(graph, run, URIRef(base + "run"))
    _assertor(graph, run)
    t = Labels(lang, run.header.messages)
    names = {str(v["id"]): vendor_name(v).text for v in vendors(run)}
    for index, result in enumerate(run.results, start=1):
        node = URIRef(f"{base}assert-{index}")
        graph.add((node, RDF.type, EARL.Assertion))
        graph.add((node, EARL.mode, EARL.automatic))
        graph.add((node, EARL.assertedBy, ASSERTOR))
        graph.add((node, EARL.subject, _subject(graph, result, base, names)))
        graph.add((node, EARL.test, _test_case(graph, result)))
        graph.add((node, EARL.result, _result(graph, result, URIRef(f"{base}result-{index}"), t)))
    return graph


def render_earl_turtle(report: Report, lang: str = "de") -> str:
    """The run as EARL in Turtle."""
    return earl_graph(report.run, lang).serialize(format="turtle")


def render_earl_jsonld(report: Report, lang: str = "de") -> str:
    """The run as EARL in JSON-LD (compacted with the prefixes as context)."""
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    return earl_graph(report.run, lang).serialize(format="json-ld", context=context, indent=2)


def _text(value: object, lang: str | None = None) -> Literal:
    return Literal(clean(value), lang=lang)


def _test_run(graph: Graph, run: ResultsFile, node: URIRef) -> None:
    graph.add((node, RDF.type, CITE.TestRun))
    graph.add((node, DCTERMS.title, _text("wechselbar")))
    graph.add((node, DCTERMS.identifier, _text(run.header.run_id)))
    graph.add((node, DCTERMS.created, _text(run.header.started)))
    for prop, outcomes in COUNTS.items():
        count = sum(1 for r in run.results if r.outcome in outcomes)
        graph.add((node, prop, Literal(count, datatype=XSD.integer)))
    sequence = BNode()
    graph.add((sequence, RDF.type, RDF.Seq))
    for index, column in enumerate(columns(run), start=1):
        graph.add((sequence, RDF[f"_{index}"], _requirement(graph, column.uri, column.short or column.uri)))
    graph.add((node, CITE.requirements, sequence))


def _requirement(graph: Graph, uri: str, title: str) -> URIRef:
    node = _iri(uri, "urn:wechselbar:class:")
    graph.add((node, RDF.type, EARL.TestRequirement))
    graph.add((node, DCTERMS.title, _text(title)))
    return node


def _assertor(graph: Graph, run: ResultsFile) -> None:
    graph.add((ASSERTOR, RDF.type, EARL.Assertor))
    graph.add((ASSERTOR, RDF.type, EARL.Software))
    graph.add((ASSERTOR, DCTERMS.title, _text("wechselbar", "en")))
    graph.add((ASSERTOR, DCTERMS.hasVersion, _text(run.header.suite_version)))
    description = "Conformance test suite for municipal IT (XÖV, OGC and JSON API standards)."
    graph.add((ASSERTOR, DCTERMS.description, _text(description, "en")))


def _iri(text: str, prefix: str) -> URIRef:
    """The text as an IRI if it is an absolute http(s) or urn IRI without spaces, else one minted under prefix."""
    plain = clean(text)
    if plain.startswith(("http://", "https://", "urn:")) and not any(c in plain for c in ' <>"{}|\\^`'):
        return URIRef(plain)
    return URIRef(prefix + quote(plain, safe=""))


def _subject(graph: Graph, result: Result, base: str, names: dict[str, str]) -> URIRef:
    node = URIRef(f"{base}subject:{quote(result.vendor, safe='')}:{quote(result.target, safe='')}")
    graph.add((node, RDF.type, EARL.TestSubject))
    graph.add((node, DCTERMS.title, _text(names.get(result.vendor, result.vendor))))
    graph.add((node, DCTERMS.identifier, _text(result.vendor)))
    if result.target:
        graph.add((node, DCTERMS.source, _reference(result.target)))
    return node


def _test_case(graph: Graph, result: Result) -> URIRef:
    node = _iri(result.requirement, "urn:wechselbar:requirement:")
    graph.add((node, RDF.type, EARL.TestCase))
    graph.add((node, DCTERMS.title, _text(result.requirement)))
    graph.add((node, DCTERMS.description, _text(result.statement)))
    graph.add((node, WB.obligation, _text(result.obligation.value)))
    graph.add((node, WB.standard, _text(f"{result.standard} {result.standard_version}".strip())))
    requirement = _requirement(graph, result.cls, result.cls)
    graph.add((requirement, DCTERMS.hasPart, node))
    graph.add((node, DCTERMS.isPartOf, requirement))
    return node


def _result(graph: Graph, result: Result, node: URIRef, t: Labels) -> URIRef:
    graph.add((node, RDF.type, EARL.TestResult))
    graph.add((node, EARL.outcome, OUTCOMES[result.outcome]))
    graph.add((node, WB.outcome, _text(result.outcome.value)))
    lines = [t.msg(result.reason)] if result.reason else []
    lines += [t.msg(f.message) for f in result.findings]
    if result.outcome is Outcome.WAIVED:
        lines.insert(0, t("outcome.waived"))
    if lines:
        graph.add((node, DCTERMS.description, _text("\n".join(lines), t.lang)))
    for finding in result.findings:
        pointer = _pointer(graph, finding, t)
        if pointer is not None:
            graph.add((node, EARL.pointer, pointer))
    if result.waiver:
        graph.add((node, WB.waiver, _waiver(graph, result.waiver)))
    return node


def _pointer(graph: Graph, finding: Finding, t: Labels) -> BNode | None:
    where = finding.locator
    node = BNode()
    if where.pointer is not None:
        graph.add((node, RDF.type, PTR.ExpressionPointer))
        graph.add((node, PTR.expression, _text(where.pointer)))
        graph.add((node, DCTERMS.conformsTo, URIRef("https://www.rfc-editor.org/rfc/rfc6901")))
    elif where.xpath:
        graph.add((node, RDF.type, PTR.XPathPointer))
        graph.add((node, PTR.expression, _text(where.xpath)))
    elif where.line is not None:
        graph.add((node, RDF.type, PTR.LineCharPointer))
        graph.add((node, PTR.lineNumber, Literal(where.line, datatype=XSD.positiveInteger)))
        graph.add((node, PTR.charNumber, Literal(where.column or 1, datatype=XSD.positiveInteger)))
    elif where.where:
        graph.add((node, RDF.type, PTR.Pointer))
    else:
        return None
    if where.where:
        graph.add((node, PTR.reference, _reference(where.where)))
    graph.add((node, DCTERMS.description, _text(t.msg(finding.message), t.lang)))
    return node


def _reference(where: str) -> URIRef | Literal:
    """An http(s) URL as an IRI, anything else (a file path, a label) as a literal."""
    reference = _iri(where, "")
    return reference if str(reference).startswith(("http://", "https://")) else _text(where)


def _waiver(graph: Graph, waiver: WaiverRecord) -> BNode:
    node = BNode()
    graph.add((node, RDF.type, WB.Waiver))
    graph.add((node, DCTERMS.description, _text(waiver.reason)))
    graph.add((node, WB.expires, Literal(clean(waiver.expires), datatype=XSD.date)))
    graph.add((node, WB.status, _text(waiver.status.value)))
    if waiver.ticket:
        graph.add((node, WB.ticket, _reference(waiver.ticket)))
    return node
