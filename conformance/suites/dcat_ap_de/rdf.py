"""RDF terms and a graph index for the SHACL engine: triples read with pyoxigraph (Turtle, RDF/XML, JSON-LD,
N-Triples) into dictionaries, so that every lookup the engine makes is a dictionary access.

JSON-LD is read without a document loader: a remote ``@context`` is refused, never fetched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SH = "http://www.w3.org/ns/shacl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TYPE = RDF + "type"
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".nt": ox.RdfFormat.N_TRIPLES,
}
MEDIA_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
}
FORMAT_NAMES = {
    ox.RdfFormat.TURTLE: "Turtle",
    ox.RdfFormat.RDF_XML: "RDF/XML",
    ox.RdfFormat.JSON_LD: "JSON-LD",
    ox.RdfFormat.N_TRIPLES: "N-Triples",
}


class Unreadable(Exception):
    """Bytes that are not RDF in the expected syntax (the parser's first line is the message)."""


class Offline(Unreadable):
    """A JSON-LD document whose ``@context`` would have to be fetched from the network."""


def sniff(data: bytes) -> ox.RdfFormat:
    """The syntax of a document without a telling name or media type, from its first bytes."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return ox.RdfFormat.JSON_LD
    if head.startswith(b"<?xml") or head.startswith(b"<rdf:RDF") or head.startswith(b"<RDF"):
        return ox.RdfFormat.RDF_XML
    return ox.RdfFormat.TURTLE


def parse(data: bytes, syntax: ox.RdfFormat, base: str | None = None) -> list[ox.Quad]:
    """Every triple of one document (blank nodes renamed, so that documents merge without clashes)."""
    try:
        return list(ox.parse(data, syntax, base_iri=base, rename_blank_nodes=True))
    except (SyntaxError, ValueError, OSError) as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if "LoadDocumentCallback" in text or "remote context" in text.lower():
            raise Offline(text) from None
        raise Unreadable(text) from None


def read_file(path: Path) -> list[ox.Quad]:
    """The triples of a local RDF file, its syntax taken from the suffix."""
    return parse(path.read_bytes(), FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE))


class Index:
    """Triples by subject and predicate (objects in order), with the inverse index for ``sh:targetObjectsOf``."""

    def __init__(self) -> None:
        self.out: dict[Term, dict[str, dict[Term, None]]] = defaultdict(lambda: defaultdict(dict))

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add triples (the graph name is ignored: every document merges into one graph)."""
        out = self.out
        for quad in quads:
            if isinstance(quad.subject, ox.Triple) or isinstance(quad.object, ox.Triple):
                continue  # RDF-star quoted triples are outside DCAT-AP
            out[quad.subject][quad.predicate.value][quad.object] = None

    def values(self, subject: Term, predicate: str) -> list[Term]:
        """The objects of one subject and predicate, in order."""
        props = self.out.get(subject)
        found = props.get(predicate) if props else None
        return list(found) if found else []

    def first(self, subject: Term, predicate: str) -> Term | None:
        """The first object of one subject and predicate, or None."""
        props = self.out.get(subject)
        found = props.get(predicate) if props else None
        return next(iter(found)) if found else None

    def subjects_of(self, predicate: str) -> Iterator[Term]:
        """Every subject with the predicate."""
        return (s for s, props in self.out.items() if predicate in props)

    def triples(self) -> Iterator[tuple[Term, str, Term]]:
        """Every triple."""
        for subject, props in self.out.items():
            for predicate, objects in props.items():
                for obj in objects:
                    yield subject, predicate, obj


def rdf_list(index: Index, head: Term) -> list[Term]:
    """The members of an RDF collection."""
    items: list[Term] = []
    while isinstance(head, ox.BlankNode) and len(items) < 10_000:
        first = index.first(head, RDF + "first")
        if first is None:
            break
        items.append(first)
        head = index.first(head, RDF + "rest") or ox.NamedNode(RDF + "nil")
    return items


def show(term: Term | None) -> str:
    """A term as reports show it: an IRI bare, a blank node as ``_:id``, a literal quoted."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return f'"{term.value}"' + (f"@{term.language}" if term.language else "")
