"""The DCAT-AP.de 3.0 shapes compiled for the engine: the SEMIC DCAT-AP 3.0.0 shapes with the German overlay
(messages, deactivations, additions, controlled vocabularies, deprecations) from the packs, as the recipe of the
packs' README prescribes (``dcat-ap-de-imports.ttl`` left out: it names remote graphs).

Every named shape that is reached from a target, is not deactivated and carries a constraint (itself or in its
unnamed property shapes) is one requirement; its obligation is the strongest severity among those constraints.
A constraint component or target the engine does not implement (``sh:or``, ``sh:node``, a closed shape,
``sh:targetNode``, ``sh:targetObjectsOf``, …) is refused when the shapes are compiled, never ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from conformance.core.packs import default_store
from conformance.suites.dcat_ap_de.rdf import SH, SKOS, Index, Term, rdf_list, read_file

BASE_PACK, DE_PACK = "dcat-ap-3.0-shacl", "dcat-ap-de-shacl"
BASE_FILE = "releases/3.0.0/shacl/dcat-ap-SHACL.ttl"
DE_SHAPES = "validator/resources/v3.0/shapes/"
DE_FILES = (
    "dcat-ap-SHACL-DE.ttl",
    "dcat-ap-spec-german-additions.ttl",
    "dcat-ap-de-controlledvocabularies.ttl",
    "dcat-ap-de-deprecated.ttl",
)
VALUE_COMPONENTS = ("nodeKind", "class", "datatype", "pattern", "hasValue", "not", "in")
COUNT_COMPONENTS = ("minCount", "maxCount")
IGNORED = frozenset(
    {"path", "property", "severity", "message", "name", "description", "deactivated", "targetClass", "flags"}
    | {"targetSubjectsOf", "order", "group", "closed"}
)
TARGETS = ("targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode")  # the last two are refused
SEVERITIES = {SH + "Violation": 3, SH + "Warning": 2, SH + "Info": 1}


class UnsupportedShape(Exception):
    """A shape uses a SHACL feature the engine does not implement."""


@dataclass(frozen=True)
class Constraint:
    """One constraint component of a shape with its parameter."""

    kind: str
    value: object


@dataclass
class Shape:
    """A node or property shape: its path (alternative predicates), constraints and property shapes; ``iri`` is
    empty for an unnamed shape (only named ones are requirements), ``empty`` says whether a constraint can fail
    without values (``sh:minCount``, ``sh:hasValue``)."""

    node: Term
    path: tuple[str, ...] | None
    severity: str
    message: str
    constraints: tuple[Constraint, ...]
    properties: list[Shape] = field(default_factory=list)
    targets: tuple[tuple[str, str], ...] = ()
    source: str = ""
    iri: str = field(init=False)
    named: bool = field(init=False)
    empty: bool = field(init=False)

    def __post_init__(self) -> None:
        self.iri = self.node.value if isinstance(self.node, ox.NamedNode) else ""
        self.named = bool(self.iri)
        self.empty = any(c.kind in ("minCount", "hasValue") for c in self.constraints)


@cache
def shapes_index() -> tuple[Index, dict[Term, str]]:
    """The shapes graph of the packs and, for each subject, the file that first described it."""
    store, index, origin = default_store(), Index(), dict[Term, str]()
    sources = [(BASE_PACK, BASE_FILE)] + [(DE_PACK, DE_SHAPES + name) for name in DE_FILES]
    for pack, path in sources:
        quads = read_file(store.path(pack, path))
        for quad in quads:
            if not isinstance(quad.subject, ox.Triple):
                origin.setdefault(quad.subject, path.rsplit("/", 1)[-1])
        index.add(quads)
    return index, origin


class Compiler:
    """Turns the shapes graph into :class:`Shape` trees, one per targeted node shape."""

    def __init__(self, index: Index, origin: dict[Term, str]) -> None:
        self.index, self.origin = index, origin
        self.made: dict[Term, Shape] = {}

    def roots(self) -> list[Shape]:
        """Every active shape with a target."""
        targeted = {s for kind in TARGETS for s in self.index.subjects_of(SH + kind)}
        return [self.shape(s) for s in sorted(targeted, key=str) if not self.deactivated(s)]

    def deactivated(self, node: Term) -> bool:
        return any(v.value == "true" for v in self.index.values(node, SH + "deactivated"))

    def shape(self, node: Term) -> Shape:
        if node in self.made:
            return self.made[node]
        ix = self.index
        unknown = [p for p in (ix.out.get(node) or {}) if p.startswith(SH) and p[len(SH) :] not in self.known()]
        unknown += [SH + "closed"] * any(v.value != "false" for v in ix.values(node, SH + "closed"))
        if unknown:
            raise UnsupportedShape(f"{node}: unsupported SHACL feature(s) {sorted(unknown)}")
        severity = ix.first(node, SH + "severity")
        made = Shape(
            node,
            self.path(node),
            severity.value if severity is not None else SH + "Violation",
            message(ix, node),
            self.constraints(node),
            targets=self.targets(node),
            source=self.origin.get(node, ""),
        )
        self.made[node] = made
        children = [c for c in ix.values(node, SH + "property") if not self.deactivated(c)]
        made.properties = [self.shape(c) for c in children]
        return made

    @staticmethod
    def known() -> frozenset[str]:
        return IGNORED | set(VALUE_COMPONENTS) | set(COUNT_COMPONENTS)

    def path(self, node: Term) -> tuple[str, ...] | None:
        path = self.index.first(node, SH + "path")
        if path is None:
            return None
        if isinstance(path, ox.NamedNode):
            return (path.value,)
        alternatives = self.index.first(path, SH + "alternativePath")
        members = rdf_list(self.index, alternatives) if alternatives is not None else []
        if not members or not all(isinstance(m, ox.NamedNode) for m in members):
            raise UnsupportedShape(f"{node}: only predicate and alternative paths are supported")
        return tuple(m.value for m in members)

    def constraints(self, node: Term) -> tuple[Constraint, ...]:
        found = []
        for kind in (*COUNT_COMPONENTS, *VALUE_COMPONENTS):
            for value in self.index.values(node, SH + kind):
                found.append(Constraint(kind, self.parameter(node, kind, value)))
        return tuple(found)

    def parameter(self, node: Term, kind: str, value: Term) -> object:
        if kind in COUNT_COMPONENTS:
            return int(value.value)
        if kind == "not":
            return self.shape(value)
        if kind == "in":
            return tuple(rdf_list(self.index, value))
        if kind == "pattern":
            flags = self.index.first(node, SH + "flags")
            return (value.value, flags.value if flags is not None else "")
        return value if kind == "hasValue" else value.value

    def targets(self, node: Term) -> tuple[tuple[str, str], ...]:
        return tuple(
            (kind, value.value)
            for kind in ("targetClass", "targetSubjectsOf")
            for value in self.index.values(node, SH + kind)
        )


def message(index: Index, node: Term) -> str:
    """The shape's message (the German overlay writes them in German)."""
    found = index.values(node, SH + "message")
    german = [m for m in found if isinstance(m, ox.Literal) and m.language == "de"]
    return (german or found or [ox.Literal("")])[0].value


@cache
def compiled() -> tuple[Shape, ...]:
    """The targeted shapes of DCAT-AP.de 3.0, compiled once per process."""
    return tuple(Compiler(*shapes_index()).roots())


def schemes(shape: Shape) -> tuple[str, ...]:
    """The vocabularies a shape's unnamed property shapes require (``skos:inScheme`` with ``sh:hasValue``)."""
    found: list[str] = []
    for child in shape.properties:
        if child.named:
            continue
        if child.path == (SKOS + "inScheme",):
            found += [c.value.value for c in child.constraints if c.kind == "hasValue" and isinstance(c.value, Term)]
        found += schemes(child)
    return tuple(dict.fromkeys(found))
