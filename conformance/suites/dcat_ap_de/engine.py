"""A SHACL Core engine for the constraint components the DCAT-AP.de shapes use (counts, node kind, class,
datatype, pattern, hasValue, in, not; predicate and alternative paths), over a dictionary index of the data.

``sh:class`` and the targets see the RDFS entailments pyshacl's ``inference='rdfs'`` adds for them: types from
``rdfs:subClassOf`` (data and ontologies), ``rdfs:domain`` and ``rdfs:range``. The tests compare its results
shape by shape with pyshacl on the same shapes and data; ``bench/bench_dcat.py`` compares the time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast

import pyoxigraph as ox

from conformance.suites.dcat_ap_de.rdf import RDFS, SH, TYPE, Index, Term
from conformance.suites.dcat_ap_de.shapes import Constraint, Shape
from conformance.suites.dcat_ap_de.wellformed import well_formed

NODE_KINDS = {
    SH + "IRI": (ox.NamedNode,),
    SH + "BlankNode": (ox.BlankNode,),
    SH + "Literal": (ox.Literal,),
    SH + "BlankNodeOrIRI": (ox.BlankNode, ox.NamedNode),
    SH + "BlankNodeOrLiteral": (ox.BlankNode, ox.Literal),
    SH + "IRIOrLiteral": (ox.NamedNode, ox.Literal),
}
FLAGS: dict[str, int] = {"i": re.IGNORECASE, "s": re.DOTALL, "m": re.MULTILINE, "x": re.VERBOSE}


@dataclass(frozen=True)
class Result:
    """One failed constraint, reported against the named shape (requirement) that holds it: the requirement's
    focus node, its path, the value node at that level, the component and the failing shape's severity."""

    requirement: str
    focus: Term
    path: tuple[str, ...] | None
    value: Term | None
    constraint: Constraint
    severity: str
    message: str
    count: int = 0


@dataclass
class Outcome:
    """Every result, and per requirement the focus nodes and value nodes it judged."""

    results: list[Result] = field(default_factory=list)
    focus: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    values: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass(frozen=True)
class Owner:
    """The requirement a constraint reports to: its named shape, focus node and the value node at its level."""

    shape: Shape
    focus: Term
    value: Term | None

    def at(self, value: Term) -> Owner:
        """The context one level down: the value node of the requirement's path, once it has one."""
        if self.value is not None or self.shape.path is None:
            return self
        return Owner(self.shape, self.focus, value)

    def result(self, shape: Shape, constraint: Constraint, value: Term | None, count: int) -> Result:
        """A failed constraint of ``shape`` (this shape or one below it) as a result of the requirement."""
        shown = self.value if self.value is not None else value
        owner = self.shape
        message = shape.message or owner.message
        return Result(owner.iri, self.focus, owner.path, shown, constraint, shape.severity, message, count)


class Typing:
    """Types of the data's nodes with the RDFS entailments for classes, domains and ranges."""

    def __init__(self, data: Index, ontology: Index) -> None:
        self.supers = closure(data, ontology)
        self.domain = {p: {c.value for c in objs} for p, objs in property_map(ontology, "domain").items()}
        self.range = {p: {c.value for c in objs} for p, objs in property_map(ontology, "range").items()}
        self.types: dict[Term, set[str]] = defaultdict(set)
        for subject, predicate, obj in data.triples():
            if predicate == TYPE and isinstance(obj, ox.NamedNode):
                self.types[subject] |= self.supers.get(obj.value, {obj.value})
            for cls in self.domain.get(predicate, ()):
                self.types[subject] |= self.supers.get(cls, {cls})
            if not isinstance(obj, ox.Literal):
                for cls in self.range.get(predicate, ()):
                    self.types[obj] |= self.supers.get(cls, {cls})
        self.instances: dict[str, list[Term]] = defaultdict(list)
        for node, classes in self.types.items():
            for cls in classes:
                self.instances[cls].append(node)


def property_map(index: Index, kind: str) -> dict[str, dict[Term, None]]:
    """``rdfs:domain`` or ``rdfs:range`` of each property."""
    return {
        s.value: objs
        for s, props in index.out.items()
        if (objs := props.get(RDFS + kind)) and isinstance(s, ox.NamedNode)
    }


def closure(*indexes: Index) -> dict[str, set[str]]:
    """Each class with all its superclasses (itself included)."""
    direct: dict[str, set[str]] = defaultdict(set)
    for index in indexes:
        for subject, props in index.out.items():
            for parent in props.get(RDFS + "subClassOf", ()):
                if isinstance(subject, ox.NamedNode) and isinstance(parent, ox.NamedNode):
                    direct[subject.value].add(parent.value)
    found: dict[str, set[str]] = {}
    for cls in direct:
        seen, todo = {cls}, [cls]
        while todo:
            for sup in direct.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        found[cls] = seen
    return found


class Engine:
    """Validates data against compiled shapes."""

    def __init__(self, data: Index, typing: Typing) -> None:
        self.data, self.typing = data, typing

    def run(self, roots: tuple[Shape, ...]) -> Outcome:
        """Every result of every targeted shape."""
        outcome = Outcome()
        for root in roots:
            for focus in self.focus_nodes(root):
                self.node(root, focus, outcome, Owner(root, focus, None))
        return outcome

    def focus_nodes(self, shape: Shape) -> list[Term]:
        """The target nodes of a shape (instances by RDFS entailment; subjects of a predicate)."""
        found: dict[Term, None] = {}
        for kind, iri in shape.targets:
            nodes = self.typing.instances.get(iri, []) if kind == "targetClass" else self.data.subjects_of(iri)
            found.update(dict.fromkeys(nodes))
        return list(found)

    def node(self, shape: Shape, focus: Term, outcome: Outcome, owner: Owner) -> None:
        """Validate one focus node against one shape; ``owner`` is the enclosing requirement's context."""
        values = [focus] if shape.path is None else self.values(focus, shape.path)
        if shape.named:
            outcome.focus[shape.iri] += 1
            outcome.values[shape.iri] += len(values)
        if not values and not shape.empty:
            return
        if shape.named:
            owner = Owner(shape, focus, None)
        for constraint in shape.constraints:
            for value, count in self.failures(constraint, shape.path is None, values):
                outcome.results.append(owner.result(shape, constraint, value, count))
        for child in shape.properties:
            for value in values:
                if child.empty or child.path is None or self.present(value, child.path):
                    self.node(child, value, outcome, owner if child.named else owner.at(value))
                elif child.named:  # no value and no constraint that fails without one: counted, nothing to judge
                    outcome.focus[child.iri] += 1

    def present(self, focus: Term, path: tuple[str, ...]) -> bool:
        """Whether a node has any value for a path."""
        props = self.data.out.get(focus)
        return props is not None and any(p in props for p in path)

    def values(self, focus: Term, path: tuple[str, ...]) -> list[Term]:
        """The value nodes of a predicate or alternative path."""
        props = self.data.out.get(focus)
        if not props:
            return []
        if len(path) == 1:
            found = props.get(path[0])
            return list(found) if found else []
        return list(dict.fromkeys(v for p in path for v in props.get(p, ())))

    def failures(self, constraint: Constraint, is_node: bool, values: list[Term]) -> Iterator[tuple[Term | None, int]]:
        """The failing value nodes of one constraint (None for a count)."""
        kind, param = constraint.kind, constraint.value
        if (kind == "minCount" and len(values) < cast(int, param)) or (
            kind == "maxCount" and len(values) > cast(int, param)
        ):
            yield None, len(values)
        elif kind == "hasValue" and param not in values:
            yield (values[0] if is_node and values else None), len(values)
        elif kind not in ("minCount", "maxCount", "hasValue"):
            for value in values:
                if not self.holds(kind, param, value):
                    yield value, 1

    def holds(self, kind: str, param: object, value: Term) -> bool:
        """Whether one value node satisfies one value constraint."""
        if kind == "nodeKind":
            return isinstance(value, NODE_KINDS[str(param)])
        if kind == "class":
            return not isinstance(value, ox.Literal) and str(param) in self.typing.types.get(value, ())
        if kind == "datatype":
            return isinstance(value, ox.Literal) and value.datatype.value == param and well_formed(value)
        if kind == "pattern":
            pattern, flags = cast(tuple[str, str], param)
            bits = 0
            for flag in flags:
                bits |= FLAGS.get(flag, 0)
            return not isinstance(value, ox.BlankNode) and re.search(pattern, value.value, bits) is not None
        if kind == "in":
            return value in param  # type: ignore[operator]
        if kind == "not":
            probe = Outcome()
            self.node(param, value, probe, Owner(param, value, None))  # type: ignore[arg-type]
            return bool(probe.results)
        raise AssertionError(kind)
