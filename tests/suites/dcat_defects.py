"""Negative controls for every DCAT-AP.de requirement (tests only): a valid catalogue that holds an instance of every
class the shapes target and a value for nearly every property they constrain, and for each requirement the same
catalogue with one mutation of one focus node, chosen by the kind of the requirement's constraint (sh:minCount
removes the property, sh:maxCount adds one value too many, sh:nodeKind, sh:class, sh:datatype, sh:pattern and
sh:hasValue put a value of the wrong kind, class, datatype, form or vocabulary in place, sh:not a value that
conforms to the negated shape). Each catalogue lives under its own base IRI, so many merge into one graph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import cast

import pyoxigraph as ox

from conformance.suites.dcat_ap_de.build import subtree
from conformance.suites.dcat_ap_de.catalogue import Row, rows
from conformance.suites.dcat_ap_de.rdf import SKOS, Term
from conformance.suites.dcat_ap_de.shapes import Constraint, Shape, compiled
from conformance.suites.dcat_ap_de.vocabularies import vocabularies
from conformance.suites.dcat_ap_de.wellformed import XSD

EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
VALID = f"""@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix adms: <http://www.w3.org/ns/adms#> . @prefix dcatap: <http://data.europa.eu/r5r/> .
@prefix dcatde: <http://dcat-ap.de/def/dcatde/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix spdx: <http://spdx.org/rdf/terms#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix locn: <http://www.w3.org/ns/locn#> .
@prefix odrl: <http://www.w3.org/ns/odrl/2/> . @prefix time: <http://www.w3.org/2006/time#> .
@prefix geodcat: <http://data.europa.eu/930/> . @prefix gsp: <http://www.opengis.net/ont/geosparql#> .
@prefix ex: <{{base}}> .
ex:catalog a dcat:Catalog ; dct:title "Offene Daten Musterstadt"@de ; dct:description "Offene Daten"@de ;
  dct:publisher ex:org ; dct:creator ex:org ; dct:language <{EU}language/DEU> ; dcat:dataset ex:ds, ex:older ;
  dcat:service ex:service ; dcat:record ex:record ; dcat:catalog ex:portal ; dct:hasPart ex:portal ;
  dct:isPartOf ex:portal ; dcat:themeTaxonomy <{EU}data-theme> ; dct:issued "2020-01-01"^^xsd:date ;
  dcatap:applicableLegislation <http://data.europa.eu/eli/reg_impl/2023/138/oj> ;
  dct:modified "2024-01-01"^^xsd:date ; dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> ;
  dct:rights ex:rights ; dct:spatial ex:location ; dct:temporal ex:period ; foaf:homepage ex:home .
ex:portal a dcat:Catalog ; dct:title "Portal"@de ; dct:description "Alle Kataloge"@de ; dct:publisher ex:org .
ex:ds a dcat:Dataset, dcat:Resource ; dct:title "Haushalt"@de ; dct:description "Haushaltsplan"@de ;
  dcat:contactPoint ex:contact ; dcat:theme <{EU}data-theme/GOVE> ; dct:language <{EU}language/DEU> ;
  dct:accrualPeriodicity <{EU}frequency/ANNUAL> ; dct:accessRights <{EU}access-right/PUBLIC> ;
  dct:publisher ex:org ; dcat:distribution ex:dist ; adms:identifier ex:identifier ; adms:sample ex:dist ;
  adms:versionNotes "Erste Fassung"@de ; dcat:hasVersion ex:older ; dcat:inSeries ex:series ;
  dcat:keyword "Haushalt"@de ; dcat:landingPage ex:landing ; dcat:qualifiedRelation ex:relation ;
  dcat:spatialResolutionInMeters "10.0"^^xsd:decimal ; dcat:temporalResolution "P1D"^^xsd:duration ;
  dcat:version "1.0" ; dcatap:applicableLegislation <http://data.europa.eu/eli/reg_impl/2023/138/oj> ;
  dcatde:contributorID <http://dcat-ap.de/def/contributors/auswaertigesAmt> ; dct:conformsTo ex:standard ;
  dct:contributor ex:org ; dct:creator ex:org ; dct:identifier "haushalt" ; dct:isReferencedBy ex:article ;
  dct:issued "2020-01-01"^^xsd:date ; dct:modified "2024-01-01"^^xsd:date ; dct:provenance ex:provenance ;
  dct:references ex:article ; dct:relation ex:article ; dct:source ex:older ; dct:spatial ex:location ;
  dct:temporal ex:period ; foaf:page ex:article ; geodcat:custodian ex:org ; geodcat:originator ex:org ;
  prov:qualifiedAttribution ex:attribution ; prov:wasGeneratedBy ex:activity .
ex:older a dcat:Dataset, dcat:Resource ; dct:title "Haushalt 2019"@de ; dct:description "Vorjahr"@de ;
  dct:publisher ex:org .
ex:dist a dcat:Distribution ; dcat:accessURL ex:files ; dct:format <{EU}file-type/CSV> ;
  dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> ; adms:status <{EU}distribution-status/COMPLETED> ;
  dcat:accessService ex:service ; dcat:byteSize "1024"^^xsd:nonNegativeInteger ;
  dcat:compressFormat <{IANA}application/gzip> ; dcat:downloadURL ex:download ;
  dcat:mediaType <{IANA}text/csv> ; dcat:packageFormat <{IANA}application/zip> ;
  dcat:spatialResolutionInMeters "10.0"^^xsd:decimal ; dcat:temporalResolution "P1D"^^xsd:duration ;
  dcatap:applicableLegislation <http://data.europa.eu/eli/reg_impl/2023/138/oj> ;
  dcatde:licenseAttributionByText "Stadt Musterstadt"@de ; dct:conformsTo ex:standard ;
  dct:description "Tabelle"@de ; dct:issued "2020-01-01"^^xsd:date ; dct:language <{EU}language/DEU> ;
  dct:modified "2024-01-01"^^xsd:date ; dct:rights ex:rights ; dct:title "CSV"@de ; foaf:page ex:article ;
  odrl:hasPolicy ex:policy ; spdx:checksum ex:checksum .
ex:service a dcat:DataService ; dct:title "Schnittstelle"@de ; dcat:endpointURL ex:api ; dct:publisher ex:org ;
  dcat:contactPoint ex:contact ; dcat:endpointDescription ex:openapi ; dcat:keyword "API"@de ;
  dcat:landingPage ex:landing ; dcat:servesDataset ex:ds ; dcat:theme <{EU}data-theme/GOVE> ;
  dcatap:applicableLegislation <http://data.europa.eu/eli/reg_impl/2023/138/oj> ;
  dct:accessRights <{EU}access-right/PUBLIC> ; dct:conformsTo ex:standard ; dct:description "API"@de ;
  dct:format <{EU}file-type/JSON> ; dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> ; foaf:page ex:article .
ex:series a dcat:DatasetSeries ; dct:title "Haushalte"@de ; dct:description "Alle Jahre"@de ;
  dcat:contactPoint ex:contact ; dcatap:applicableLegislation <http://data.europa.eu/eli/reg_impl/2023/138/oj> ;
  dct:accrualPeriodicity <{EU}frequency/ANNUAL> ; dct:issued "2020-01-01"^^xsd:date ;
  dct:modified "2024-01-01"^^xsd:date ; dct:publisher ex:org ; dct:spatial ex:location ; dct:temporal ex:period .
ex:record a dcat:CatalogRecord ; foaf:primaryTopic ex:ds ; dct:modified "2024-01-01"^^xsd:date ;
  adms:status ex:created ; dct:conformsTo ex:standard ; dct:description "Eintrag"@de ;
  dct:issued "2020-01-01"^^xsd:date ; dct:language <{EU}language/DEU> ; dct:source ex:harvested ;
  dct:title "Eintrag"@de .
ex:harvested a dcat:CatalogRecord ; foaf:primaryTopic ex:older ; dct:modified "2023-01-01"^^xsd:date .
ex:contact a vcard:Organization ; vcard:fn "Open-Data-Team"@de ; vcard:hasEmail <mailto:od@example.org> ;
  vcard:hasURL ex:contact-page ; vcard:hasTelephone <tel:+49-30-1234> .
ex:org a foaf:Organization ; foaf:name "Stadt Musterstadt"@de ;
  dct:type <http://purl.org/adms/publishertype/LocalAuthority> .
ex:period a dct:PeriodOfTime ; dcat:startDate "2020-01-01"^^xsd:date ; dcat:endDate "2020-12-31"^^xsd:date ;
  time:hasBeginning ex:begin ; time:hasEnd ex:end .
ex:begin a time:Instant . ex:end a time:Instant .
ex:checksum a spdx:Checksum ; spdx:algorithm spdx:checksumAlgorithm_sha1 ;
  spdx:checksumValue "0123456789abcdef0123456789abcdef01234567"^^xsd:hexBinary .
spdx:checksumAlgorithm_sha1 a spdx:ChecksumAlgorithm .
ex:location a dct:Location ; dcat:bbox "POLYGON((13 52,14 52,14 53,13 53,13 52))"^^gsp:wktLiteral ;
  dcat:centroid "POINT(13.5 52.5)"^^gsp:wktLiteral ; locn:geometry ex:geometry .
ex:identifier a adms:Identifier ; skos:notation "DS-1" .
ex:relation a dcat:Relationship ; dct:relation ex:older ; dcat:hadRole ex:role . ex:role a dcat:Role .
ex:attribution a prov:Attribution ; prov:agent ex:org ; dcat:hadRole ex:role .
ex:licence a dct:LicenseDocument ; dct:type <http://purl.org/adms/licencetype/Attribution> .
"""
FOCUS = {  # target class → the node of the valid catalogue a mutation changes
    "dcat:Catalog": "catalog",
    "dcat:Dataset": "ds",
    "dcat:Distribution": "dist",
    "dcat:DataService": "service",
    "dcat:DatasetSeries": "series",
    "dcat:CatalogRecord": "record",
    "dcterms:PeriodOfTime": "period",
    "spdx:Checksum": "checksum",
    "vcard:Kind": "contact",
    "dcterms:Location": "location",
    "foaf:Agent": "org",
    "dcat:Relationship": "relation",
    "prov:Attribution": "attribution",
    "adms:Identifier": "identifier",
    "dcterms:LicenseDocument": "licence",
}
SUBJECTS = {"adms:status": "record", "spdx:algorithm": "checksum"}  # a shape on the subjects of a property
FIRST_OF = {"availability": "STABLE", "deprecated": "veraltet"}
OTHER = {  # a second valid lexical form per datatype, for one value too many
    "date": "2021-06-30",
    "decimal": "20.0",
    "nonNegativeInteger": "2048",
    "duration": "P2D",
    "hexBinary": "fedcba9876543210fedcba9876543210fedcba98",
}
Node = ox.NamedNode | ox.BlankNode
Triple = tuple[Node, ox.NamedNode, Term]


@dataclass(frozen=True)
class Defect:
    """One requirement's negative control: the catalogue under ``base`` with ``focus`` broken on ``path``."""

    requirement: str
    kind: str
    base: str
    focus: ox.NamedNode
    path: tuple[str, ...]
    triples: tuple[Triple, ...]


def valid(base: str) -> list[Triple]:
    """The valid catalogue under a base IRI."""
    return [as_triple(q) for q in ox.parse(VALID.format(base=base), ox.RdfFormat.TURTLE)]


def as_triple(quad: ox.Quad) -> Triple:
    """A parsed quad as a triple (the data has no quoted triples)."""
    return cast(Triple, (quad.subject, quad.predicate, quad.object))


@cache
def shapes_by_iri() -> dict[str, Shape]:
    """Every named shape reached from a target, by IRI."""
    found: dict[str, Shape] = {}

    def walk(shape: Shape) -> None:
        if shape.named and shape.iri not in found:
            found[shape.iri] = shape
        for child in shape.properties:
            walk(child)

    for root in compiled():
        walk(root)
    return found


def constraint_of(row: Row) -> tuple[Shape, Constraint]:
    """The requirement's constraint and the shape that holds it (the named shape or one of its unnamed parts)."""
    [(part, constraint)] = [(p, c) for p in subtree(shapes_by_iri()[row.uri]) for c in p.constraints]
    return part, constraint


def defects(prefix: str = "https://defect-{}.example/") -> Iterator[Defect]:
    """One negative control per requirement, each under its own base IRI."""
    for number, row in enumerate(rows()):
        yield defect(row, prefix.format(number))


def defect(row: Row, base: str) -> Defect:
    """The negative control of one requirement."""
    shape = shapes_by_iri()[row.uri]
    part, constraint = constraint_of(row)
    path = shape.path or part.path or ()
    [target] = row.targets
    name = SUBJECTS.get(target.removeprefix("subjectsOf "), "ds") if target.startswith("subjectsOf ") else FOCUS[target]
    focus = ox.NamedNode(base + name)
    triples = valid(base)
    kept = [t for t in triples if not (t[0] == focus and t[1].value in path)]
    present = [t[2] for t in triples if t[0] == focus and t[1].value == path[0]]
    changed = MUTATIONS[constraint.kind](Mutation(row, part, constraint, base, focus, path, present, triples))
    return Defect(row.uri, constraint.kind, base, focus, path, tuple(kept + changed))


@dataclass(frozen=True)
class Mutation:
    """What a mutation needs: the requirement, its constraint, the focus node, the path and its present values."""

    row: Row
    part: Shape
    constraint: Constraint
    base: str
    focus: ox.NamedNode
    path: tuple[str, ...]
    present: list[Term]
    triples: list[Triple]

    def put(self, *values: Term) -> list[Triple]:
        """The focus node's triples for the path (its first predicate) with these values instead."""
        assert len(self.path) == 1 or self.constraint.kind == "minCount", self.row.uri
        return [(self.focus, ox.NamedNode(self.path[0]), v) for v in values]

    def sample(self) -> Term:
        """A valid value of the path: the one the catalogue has, or (for a property it leaves out) a value of the
        vocabulary's namespace that the packs lack, which is *not checked*, or a plain literal."""
        if self.present:
            return self.present[0]
        tail = self.path[0].rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        if tail == "availability":
            return ox.NamedNode(f"{EU}planned-availability/{FIRST_OF[tail]}")
        return ox.Literal(FIRST_OF["deprecated"])

    def copy(self, value: Term, tag: str) -> tuple[Term, list[Triple]]:
        """Another value like ``value``: an IRI or blank node with the same description, a literal of the same
        datatype with another lexical form."""
        if isinstance(value, ox.Literal):
            if value.language:
                return ox.Literal(f"{value.value} ({tag})", language=value.language), []
            lexical = OTHER.get(value.datatype.value.removeprefix(XSD), f"{value.value} ({tag})")
            return ox.Literal(lexical, datatype=value.datatype), []
        twin: Node = ox.BlankNode() if tag == "blank" else ox.NamedNode(f"{value.value}-{tag}")
        described: list[Triple] = [(twin, p, o) for s, p, o in (*self.triples, *vocabulary_triples()) if s == value]
        return twin, described


@cache
def vocabulary_triples() -> tuple[Triple, ...]:
    """The offline vocabularies' triples (a copied concept keeps its scheme)."""
    return tuple(as_triple(q) for q in vocabularies().triples)


def too_few(m: Mutation) -> list[Triple]:
    """sh:minCount: the property removed."""
    return []


def too_many(m: Mutation) -> list[Triple]:
    """sh:maxCount: one value more than allowed, each a valid value."""
    first = m.sample()
    values, described = [first], []
    for number in range(int(str(m.constraint.value))):
        twin, more = m.copy(first, f"copy{number}")
        values.append(twin)
        described += more
    return m.put(*values[: int(str(m.constraint.value)) + 1]) + described


def wrong_kind(m: Mutation) -> list[Triple]:
    """sh:nodeKind: a literal for a node, an IRI for a literal, a blank node (described alike) for an IRI."""
    kind = str(m.constraint.value).rsplit("#", 1)[-1]
    if kind == "Literal":
        return m.put(ox.NamedNode(m.base + "not-a-literal"))
    if kind == "IRI":
        twin, described = m.copy(m.sample(), "blank")
        return m.put(twin) + described
    assert kind == "BlankNodeOrIRI", kind
    return m.put(ox.Literal("kein Knoten"))


def wrong_class(m: Mutation) -> list[Triple]:
    """sh:class: a node without any type."""
    return m.put(ox.NamedNode(m.base + "untyped"))


def wrong_datatype(m: Mutation) -> list[Triple]:
    """sh:datatype: a plain string."""
    return m.put(ox.Literal("falsch"))


def wrong_pattern(m: Mutation) -> list[Triple]:
    """sh:pattern: an IRI outside the pattern."""
    return m.put(ox.NamedNode("https://media.example/csv"))


def outside_vocabulary(m: Mutation) -> list[Triple]:
    """sh:hasValue on ``skos:inScheme`` below the property: a value that is no concept of the scheme."""
    assert m.part.path == (SKOS + "inScheme",), m.row.uri
    return m.put(ox.NamedNode(m.base + "not-in-scheme"))


def negated(m: Mutation) -> list[Triple]:
    """sh:not: a value that conforms to the negated shape (a pattern: an IRI containing it)."""
    inner = m.constraint.value
    assert isinstance(inner, Shape)
    [parameter] = [c.value for c in inner.constraints if c.kind == "pattern"]
    pattern = cast(tuple[str, str], parameter)[0]
    assert re.fullmatch(r"\w+", pattern), pattern
    return m.put(ox.NamedNode(f"http://{pattern}.example/deprecated"))


MUTATIONS = {
    "minCount": too_few,
    "maxCount": too_many,
    "nodeKind": wrong_kind,
    "class": wrong_class,
    "datatype": wrong_datatype,
    "pattern": wrong_pattern,
    "hasValue": outside_vocabulary,
    "not": negated,
}


def unchecked_values(prefix: str = "https://offline-{}.example/") -> Iterator[Defect]:
    """For each vocabulary requirement, the valid catalogue with a value of the vocabulary's namespace that the
    offline copy lacks: never a violation, only *not checked*."""
    for number, row in enumerate(r for r in rows() if r.schemes):
        base = prefix.format(number)
        shape = shapes_by_iri()[row.uri]
        path = shape.path or ()
        focus = ox.NamedNode(base + FOCUS[row.targets[0]])
        kept = [t for t in valid(base) if not (t[0] == focus and t[1].value in path)]
        value = ox.NamedNode(row.schemes[0].rstrip("/") + "/NOT-IN-THE-OFFLINE-COPY")
        yield Defect(row.uri, "unchecked", base, focus, path, (*kept, (focus, ox.NamedNode(path[0]), value)))
