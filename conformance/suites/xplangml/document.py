"""One XPlanGML document graded: gml:ids, references, geometries and the Geltungsbereich of plans and Bereiche.

Findings are kept per rule (the first ``KEEP``, the rest counted) and every rule counts what it judged, so a
rule whose kind of thing does not occur examined nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, cast

from lxml import etree
from shapely.prepared import prep

from conformance.core.messages import Message
from conformance.suites.xplangml import doppelbelegung, flaechenschluss, gml
from conformance.suites.xplangml.catalogue import BY_KEY, TOLERANCE
from conformance.suites.xplangml.messages import m
from conformance.xml.report import Finding

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
KEEP = 50
PLAN = re.compile(r"[A-Z]{2}_Plan")
BEREICH = re.compile(r"[A-Z]{2}_Bereich")
PLAN_AREA, BEREICH_AREA, POSITION = "raeumlicherGeltungsbereich", "geltungsbereich", "position"


@dataclass
class Feature:
    """A feature member: its element, gml:id, local name, its geometries, its first local reference (the
    target's gml:id) and its first simple value by property name."""

    element: etree._Element
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

    def find(self, rule: str, element: etree._Element, message: Message) -> None:
        """Keep a finding of a rule, or count it once ``KEEP`` are kept."""
        if sum(1 for f in self.kept if f.rule == rule) >= KEEP:
            self.more[rule] += 1
            return
        location = element.getroottree().getpath(element)
        line = cast("int | None", element.sourceline)
        self.kept.append(Finding.worded(rule, "error", location, message, line=line))

    def note(self, rule: str, message: Message) -> None:
        """Information on a rule that is not a finding (a geometry not read, an area not comparable)."""
        self.notes.append(Finding.worded(rule, "information", "/", message))


def grade(root: etree._Element, grading: Grading, standard: str) -> None:
    """Grade a parsed XPlanGML document of a version (schema-independent rules)."""
    ids = identifiers(root, grading)
    references(root, ids, grading)
    srs = default_srs(root)
    features = [feature(el, srs, grading) for el in root.iterfind(f"{gml.G}featureMember/*")]
    features += [feature(el, srs, grading) for el in root.iterfind(f"{gml.G}featureMembers/*")]
    inside(features, grading)
    flaechenschluss.judge(features, grading)
    if "doppelbelegung" in BY_KEY and standard in BY_KEY["doppelbelegung"].versions:
        doppelbelegung.judge(features, grading)


def identifiers(root: etree._Element, grading: Grading) -> set[str]:
    """Every gml:id; one used twice is a finding."""
    seen: set[str] = set()
    for el in root.iter(etree.Element):
        value = el.get(gml.GML_ID)
        if value is None:
            continue
        grading.counts["gml-id"] += 1
        if value in seen:
            grading.find("gml-id", el, m("id-twice", id=value))
        seen.add(value)
    return seen


def references(root: etree._Element, ids: set[str], grading: Grading) -> None:
    """Every xlink:href to a fragment must name a gml:id of the document."""
    for el in root.iter(etree.Element):
        value = el.get(XLINK_HREF)
        if value is None or not value.startswith("#"):
            continue
        grading.counts["xlink"] += 1
        if value[1:] not in ids:
            grading.find("xlink", el, m("unresolved", href=value, element=etree.QName(el).localname))


def default_srs(root: etree._Element) -> str:
    """The CRS of the document's own envelope, used for geometries that name none."""
    envelope = root.find(f"{gml.G}boundedBy/{gml.G}Envelope")
    return envelope.get("srsName", "") if envelope is not None else ""


def feature(el: etree._Element, srs: str, grading: Grading) -> Feature:
    """A feature member with its geometries, each judged for validity."""
    found = Feature(el, el.get(gml.GML_ID, ""), etree.QName(el).localname)
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
            continue
        if not str(geometry.tag).startswith(gml.G) or prop.tag == f"{gml.G}boundedBy":
            continue
        shape = judged(geometry, found, srs, grading)
        if shape is not None:
            found.shapes[name] = shape
    return found


def judged(geometry: etree._Element, owner: Feature, srs: str, grading: Grading) -> gml.Shape | None:
    """The shape of one geometry, a finding if it is invalid, a note if it cannot be read."""
    try:
        shape = gml.read(geometry, srs)
    except gml.Unsupported as exc:
        grading.note("geometry", m("note.unsupported", id=owner.gml_id, kind=str(exc)))
        return None
    grading.counts["geometry"] += 1
    for reason in shape.problems:
        grading.find("geometry", geometry, m("invalid", id=shape.gml_id or owner.gml_id, reason=reason))
    return shape


def inside(features: list[Feature], grading: Grading) -> None:
    """Every plan object with a valid position lies inside the Geltungsbereich of its Bereich and plan."""
    by_id = {f.gml_id: f for f in features}
    plans = plans_of(features)
    grown: dict[str, Any] = {}
    for obj in features:
        shape = obj.shapes.get(POSITION)
        if shape is None or not shape.valid or PLAN.fullmatch(obj.kind) or BEREICH.fullmatch(obj.kind):
            continue
        areas = areas_of(obj, by_id, plans)
        if areas:
            grading.counts["geltungsbereich"] += 1
        for owner, area in areas:
            if owner.gml_id not in grown:
                grown[owner.gml_id] = prep(area.geometry.buffer(gml.tolerance(area.srs, TOLERANCE)))
            within(obj, shape, owner, area, grown[owner.gml_id], grading)


def areas_of(obj: Feature, by_id: dict[str, Feature], plans: list[Feature]) -> list[tuple[Feature, gml.Shape]]:
    """The Geltungsbereich of the object's Bereich (if it has one) and of that Bereich's plan (or the only plan)."""
    found = []
    bereich = by_id.get(obj.href("gehoertZuBereich"))
    if bereich is not None and BEREICH_AREA in bereich.shapes:
        found.append((bereich, bereich.shapes[BEREICH_AREA]))
    plan = by_id.get(bereich.href("gehoertZuPlan")) if bereich is not None else None
    if plan is None and len(plans) == 1:
        plan = plans[0]
    if plan is not None and PLAN_AREA in plan.shapes:
        found.append((plan, plan.shapes[PLAN_AREA]))
    return [(owner, area) for owner, area in found if area.valid]


def plans_of(features: list[Feature]) -> list[Feature]:
    """The plans with a Geltungsbereich."""
    return [f for f in features if PLAN.fullmatch(f.kind) and PLAN_AREA in f.shapes]


def area_of(obj: Feature, by_id: dict[str, Feature], plans: list[Feature]) -> tuple[Feature, gml.Shape] | None:
    """The area an object's Flächenschluss must fill: its Bereich's Geltungsbereich, else its plan's."""
    found = areas_of(obj, by_id, plans)
    return found[0] if found else None


def within(obj: Feature, shape: gml.Shape, owner: Feature, area: gml.Shape, grown: Any, grading: Grading) -> None:
    """A finding if the object reaches beyond the area grown by the tolerance (a prepared geometry)."""
    if gml.epsg(shape.srs) != gml.epsg(area.srs):
        grading.note("geltungsbereich", m("note.other-crs", id=obj.gml_id, srs=shape.srs, area=area.srs))
        return
    if grown.covers(shape.geometry):
        return
    outside = shape.geometry.difference(grown.context)
    message = m("outside", id=obj.gml_id, kind=obj.kind, owner=owner.gml_id, point=gml.first_point(outside))
    grading.find("geltungsbereich", obj.element, message)
