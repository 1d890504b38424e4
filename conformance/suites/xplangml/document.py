"""One XPlanGML document graded record by record: gml:ids, references, geometries, then the rules that compare
objects (Geltungsbereich, Flächenschluss, Doppelbelegung) once the document has ended.

A record is a child of the root (gml:boundedBy, each gml:featureMember; a gml:featureMembers holding every
feature is one record). Of a record only what the rules need is kept: its gml:ids, the references not yet
resolved, and per feature its shapes, first local references and simple values with the XPath and line it came
from; the element itself may be discarded, so a streamed document is graded in memory that grows with its
objects' geometries, not with its XML. Findings are kept per rule (the first ``KEEP``, the rest counted) and every
rule counts what it judged, so a rule whose kind of thing does not occur examined nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from lxml import etree

from conformance.core.messages import Message
from conformance.suites.xplangml import doppelbelegung, flaechenschluss, geltungsbereich, gml
from conformance.suites.xplangml.catalogue import BY_KEY
from conformance.suites.xplangml.messages import m
from conformance.xml.report import Finding

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
KEEP = 50
MEMBERS = (f"{gml.G}featureMember", f"{gml.G}featureMembers")
RECORDS = (f"{gml.G}boundedBy", *MEMBERS)


class Place(NamedTuple):
    """Where a finding points: the XPath of an element and its line."""

    xpath: str
    line: int | None


@dataclass
class Feature:
    """A feature member: where it is, its gml:id, local name, its geometries, its first local reference (the
    target's gml:id) and its first simple value by property name."""

    place: Place
    gml_id: str
    kind: str
    shapes: dict[str, gml.Shape] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)

    def has(self, prop: str) -> bool:
        """True if the feature sets the property."""
        return prop in self.names

    def href(self, prop: str) -> str:
        """The local target of a reference property (without '#'), or ''."""
        return self.refs.get(prop, "")


@dataclass
class Grading:
    """The findings kept and the counts of what each rule judged in one document."""

    kept: list[Finding] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    more: Counter[str] = field(default_factory=Counter)
    notes: list[Finding] = field(default_factory=list)

    def find(self, rule: str, place: Place, message: Message) -> None:
        """Keep a finding of a rule, or count it once ``KEEP`` are kept."""
        if sum(1 for f in self.kept if f.rule == rule) >= KEEP:
            self.more[rule] += 1
            return
        self.kept.append(Finding.worded(rule, "error", place.xpath, message, line=place.line))

    def note(self, rule: str, message: Message) -> None:
        """Information on a rule that is not a finding (a geometry not read, an area not comparable)."""
        self.notes.append(Finding.worded(rule, "information", "/", message))


class Reader:
    """Grades the records of one document of a version as they come (``conformance.xml.stream.RecordVisitor``);
    its findings stay in ``grading``."""

    def __init__(self, standard: str) -> None:
        self.standard, self.grading = standard, Grading()
        self.ids: set[str] = set()
        self.pending: list[tuple[str, Place, str]] = []
        self.features: list[Feature] = []
        self.srs, self.begun = "", False
        self.at, self.record_element = "", cast(Any, None)  # the record being read and its XPath
        self.groups: dict[tuple[Any, str], dict[Any, int]] = {}  # its elements' numbers among same-named siblings

    def record(self, element: Any, xpath: str) -> Iterable[Finding]:
        """Read one child of the root: its ids, references and features."""
        self.begin(element.getparent())
        self.at, self.record_element, self.groups = xpath, element, {}
        for el in element.iter(etree.Element):
            self.identify(el)
        if element.tag == f"{gml.G}boundedBy":
            self.srs = next((e.get("srsName", "") for e in element.iterfind(f"{gml.G}Envelope")), self.srs)
        elif element.tag in MEMBERS:
            for child in element.iterchildren(etree.Element):
                self.features.append(self.feature(child))
        return ()

    def finish(self, root: Any) -> Iterable[Finding]:
        """The references left unresolved, then the rules that compare objects."""
        self.begin(root)
        for target, place, name in self.pending:
            if target not in self.ids:
                self.grading.find("xlink", place, m("unresolved", href=f"#{target}", element=name))
        geltungsbereich.judge(self.features, self.grading)
        flaechenschluss.judge(self.features, self.grading)
        if self.standard in BY_KEY["doppelbelegung"].versions:
            doppelbelegung.judge(self.features, self.grading)
        return ()

    def begin(self, root: Any) -> None:
        """The root's own gml:id, once, before any other."""
        if not self.begun and root is not None:
            self.begun = True
            self.at, self.record_element, self.groups = "", None, {}
            self.identify(root)

    def identify(self, el: Any) -> None:
        """A gml:id (one used twice is a finding) and a reference to a fragment (resolved at the end if need be)."""
        value = el.get(gml.GML_ID)
        if value is not None:
            self.grading.counts["gml-id"] += 1
            if value in self.ids:
                self.grading.find("gml-id", self.place(el), m("id-twice", id=value))
            self.ids.add(value)
        href = el.get(XLINK_HREF)
        if href is not None and href.startswith("#"):
            self.grading.counts["xlink"] += 1
            if href[1:] not in self.ids:
                self.pending.append((href[1:], self.place(el), _local(el)))

    def place(self, el: Any) -> Place:
        """Where an element of the record being read is: the record's XPath and the steps below it."""
        steps, node = [], el
        while node is not None and node is not self.record_element:
            steps.append(self.step(node))
            node = node.getparent()
        return Place(self.at + "".join(reversed(steps)), el.sourceline)

    def step(self, el: Any) -> str:
        """An element's name, numbered if its parent has more of that name (each group numbered once)."""
        parent = el.getparent()
        if parent is None:
            return "/" + _name(el)
        group = self.groups.get((parent, el.tag))
        if group is None:
            group = self.groups[parent, el.tag] = {c: i for i, c in enumerate(parent.iterchildren(el.tag), 1)}
        return f"/{_name(el)}[{group[el]}]" if len(group) > 1 else f"/{_name(el)}"

    def feature(self, el: Any) -> Feature:
        """A feature member with its geometries, each judged for validity."""
        found = Feature(self.place(el), el.get(gml.GML_ID, ""), _local(el))
        for prop in el.iterchildren(etree.Element):
            name = str(prop.tag).rpartition("}")[2]
            found.names.add(name)
            target = prop.get(XLINK_HREF, "")
            if target.startswith("#"):
                found.refs.setdefault(name, target[1:])
                continue
            geometry = next(prop.iterchildren(etree.Element), None)
            if geometry is None:
                found.values.setdefault(name, (prop.text or "").strip())
            elif str(geometry.tag).startswith(gml.G) and prop.tag != f"{gml.G}boundedBy":
                shape = self.judged(geometry, found)
                if shape is not None:
                    found.shapes[name] = shape
        return found

    def judged(self, geometry: Any, owner: Feature) -> gml.Shape | None:
        """The shape of one geometry, a finding if it is invalid, a note if it cannot be read."""
        try:
            shape = gml.read(geometry, self.srs)
        except gml.Unsupported as exc:
            self.grading.note("geometry", m("note.unsupported", id=owner.gml_id, kind=str(exc)))
            return None
        self.grading.counts["geometry"] += 1
        for reason in shape.problems:
            self.grading.find(
                "geometry", self.place(geometry), m("invalid", id=shape.gml_id or owner.gml_id, reason=reason)
            )
        return shape


def grade(root: Any, standard: str) -> Grading:
    """Grade a document held in memory (the same reader as for a streamed one)."""
    from conformance.xml.stream import tree_records  # noqa: PLC0415 (the streaming module is needed here only)

    reader = Reader(standard)
    for record, xpath in tree_records(root):
        reader.record(record, xpath)
    reader.finish(root)
    return reader.grading


def _local(el: Any) -> str:
    return str(etree.QName(el).localname)


def _name(el: Any) -> str:
    return f"{el.prefix}:{_local(el)}" if el.prefix else _local(el)
