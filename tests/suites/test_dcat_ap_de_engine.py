"""The DCAT-AP.de engine against pyshacl on the same shapes and data (the recipe of the packs' README), the
generated catalogue against the packs, and the offline reading of JSON-LD."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Namespace

from conformance.core.packs import default_store
from conformance.demo.dcat_catalogue import DEFECTS, catalogue
from conformance.suites.dcat_ap_de import build, shapes
from conformance.suites.dcat_ap_de import vocabularies as vocab
from conformance.suites.dcat_ap_de.catalogue import rows
from conformance.suites.dcat_ap_de.rdf import Index, Offline, parse
from conformance.suites.dcat_ap_de.validate import validate
from tests.suites.dcat_defects import defects

SH = Namespace("http://www.w3.org/ns/shacl#")


def _combined() -> str:
    texts = [catalogue(2)] + [catalogue(2, (d,), base=f"https://{d}.example/") for d in DEFECTS]
    return "\n".join(texts)


def _pyshacl(turtle: str) -> set[str]:
    return {shape for shape, _ in _pyshacl_results(turtle)}


def _pyshacl_results(turtle: str) -> set[tuple[str, str]]:
    """pyshacl's results as (named shape, focus node)."""
    pyshacl = pytest.importorskip("pyshacl")
    store = default_store()
    shacl = Graph()
    for pack, path in [(shapes.BASE_PACK, shapes.BASE_FILE)] + [
        (shapes.DE_PACK, shapes.DE_SHAPES + name) for name in shapes.DE_FILES
    ]:
        shacl.parse(store.path(pack, path))
    ontology = Graph()
    for pack, path in vocab.ONTOLOGY_FILES:
        ontology.parse(store.path(pack, path))
    data = Graph()
    data.parse(data=turtle, format="turtle")
    for pack, path in vocab.VOCABULARY_FILES:
        data.parse(store.path(pack, path), format="xml")
    _, report, _ = pyshacl.validate(data, shacl_graph=shacl, ont_graph=ontology, inference="rdfs")

    def named(node: object) -> str:
        while isinstance(node, BNode):
            node = next(iter(shacl.subjects(SH.property, node)), None) or next(iter(shacl.subjects(SH["not"], node)))
        return str(node)

    return {
        (named(report.value(result, SH.sourceShape)), _shown(report.value(result, SH.focusNode)))
        for result in report.subjects(SH.sourceShape, None)
    }


def _shown(node: object) -> str:
    return "_:blank" if isinstance(node, BNode | ox.BlankNode) else str(getattr(node, "value", node))


def test_the_engine_reports_the_same_shapes_as_pyshacl_on_every_negative_control() -> None:
    turtle = _combined()
    _, outcome = validate(parse(turtle.encode(), ox.RdfFormat.TURTLE))
    ours = {r.requirement for r in outcome.results}
    assert len(ours) >= len(DEFECTS) - 1
    assert ours == _pyshacl(turtle)


def test_the_engine_reports_the_same_shapes_as_pyshacl_on_every_requirements_negative_control() -> None:
    made = list(defects())
    quads = [ox.Quad(s, p, o) for d in made for s, p, o in d.triples]
    _, outcome = validate(quads)
    bases = [d.base for d in made]

    def where(focus: str) -> str:
        return next((b for b in bases if focus.startswith(b)), focus)

    nested = {row.uri for row in rows() if row.schemes}  # pyshacl's focus there is the property's value node
    ours = {(r.requirement, where(_shown(r.value if r.requirement in nested else r.focus))) for r in outcome.results}
    theirs = {
        (shape, where(focus))
        for shape, focus in _pyshacl_results((ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES) or b"").decode())
    }
    assert {(d.requirement, d.base) for d in made} <= ours
    assert ours == theirs, (sorted(ours - theirs)[:20], sorted(theirs - ours)[:20])


def test_the_catalogue_data_is_generated_from_the_packs() -> None:
    stored = json.loads(build.TARGET.read_text(encoding="utf-8"))
    assert stored == build.rows()


@pytest.mark.parametrize(
    "feature",
    [
        "sh:targetClass <urn:C> ; sh:or ()",
        "sh:targetClass <urn:C> ; sh:closed true",
        "sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:node <urn:S> ]",
        "sh:targetNode <urn:n> ; sh:property [ sh:path <urn:p> ; sh:minCount 1 ]",
        "sh:targetObjectsOf <urn:p> ; sh:property [ sh:path <urn:p> ; sh:minCount 1 ]",
    ],
)
def test_every_shape_feature_the_packs_use_is_compiled_others_are_refused(feature: str) -> None:
    assert len(shapes.Compiler(*shapes.shapes_index()).roots()) > 50
    index = Index()
    index.add(parse(f"@prefix sh: <{SH}> .\n<urn:s> {feature} .".encode(), ox.RdfFormat.TURTLE))
    with pytest.raises(shapes.UnsupportedShape, match="unsupported SHACL feature"):
        shapes.Compiler(index, {}).roots()


def test_a_remote_jsonld_context_is_refused_not_fetched() -> None:
    with pytest.raises(Offline):
        parse(
            b'{"@context": "https://example.org/ctx.jsonld", "@id": "https://x.example/a", "t": 1}',
            ox.RdfFormat.JSON_LD,
        )


@pytest.mark.parametrize(("lexical", "ok"), [("2024-01-31T10:00:00Z", True), ("2024-01-31", False), ("gestern", False)])
def test_datatype_checks_refuse_ill_formed_date_times(lexical: str, ok: bool) -> None:
    from conformance.suites.dcat_ap_de.wellformed import XSD, well_formed  # noqa: PLC0415

    assert well_formed(ox.Literal(lexical, datatype=ox.NamedNode(XSD + "dateTime"))) is ok
