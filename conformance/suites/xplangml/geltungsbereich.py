"""Konformitätsbedingung 2.2.3.1: every plan object with a valid position lies inside the Geltungsbereich of its
Bereich and of that Bereich's plan (or of the only plan), grown by the tolerance (1 cm). Also the lookup of the
area an object belongs to, which the Flächenschluss shares.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from shapely.prepared import prep

from conformance.suites.xplangml import gml
from conformance.suites.xplangml.catalogue import TOLERANCE
from conformance.suites.xplangml.messages import m

if TYPE_CHECKING:
    from conformance.suites.xplangml.document import Feature, Grading

RULE = "geltungsbereich"
PLAN = re.compile(r"[A-Z]{2}_Plan")
BEREICH = re.compile(r"[A-Z]{2}_Bereich")
PLAN_AREA, BEREICH_AREA, POSITION = "raeumlicherGeltungsbereich", "geltungsbereich", "position"


def judge(features: list[Feature], grading: Grading) -> None:
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
            grading.counts[RULE] += 1
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
        grading.note(RULE, m("note.other-crs", id=obj.gml_id, srs=shape.srs, area=area.srs))
        return
    if grown.covers(shape.geometry):
        return
    outside = shape.geometry.difference(grown.context)
    message = m("outside", id=obj.gml_id, kind=obj.kind, owner=owner.gml_id, point=gml.first_point(outside))
    grading.find(RULE, obj.place, message)
