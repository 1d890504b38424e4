"""Konformitätsbedingung 2.2.1.1, the Flächenschlussbedingung: the Flächenschlussobjekte of a Bereich (those with
``flaechenschluss`` true on Ebene 0) do not overlap each other and together cover its Geltungsbereich (the
Bereich's, else the plan's) without gaps. Overlaps and gaps thinner than the tolerance (1 cm) are not counted.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from numpy import take
from shapely import STRtree, relate_pattern
from shapely.ops import unary_union

from conformance.suites.xplangml import gml
from conformance.suites.xplangml.catalogue import TOLERANCE
from conformance.suites.xplangml.geltungsbereich import area_of, plans_of
from conformance.suites.xplangml.messages import m

if TYPE_CHECKING:
    from conformance.suites.xplangml.document import Feature, Grading

RULE = "flaechenschluss"


def judge(features: list[Feature], grading: Grading) -> None:
    """Group the Flächenschlussobjekte by the area they must fill; judge overlaps and gaps in each group."""
    by_id, plans = {f.gml_id: f for f in features}, plans_of(features)
    groups: dict[str, list[Feature]] = defaultdict(list)
    owners: dict[str, tuple[Feature, gml.Shape]] = {}
    for obj in filter(closing, features):
        found = area_of(obj, by_id, plans)
        if found is not None:
            owners[found[0].gml_id] = found
            groups[found[0].gml_id].append(obj)
    for key, members in groups.items():
        grading.counts[RULE] += len(members)
        overlaps(members, owners[key][1].srs, grading)
        gaps(members, *owners[key], grading)


def closing(obj: Feature) -> bool:
    """True for an object that belongs to the Flächenschluss: flaechenschluss true, Ebene 0, a valid area."""
    shape = obj.shapes.get("position")
    polygonal = shape is not None and shape.valid and shape.geometry.geom_type in ("Polygon", "MultiPolygon")
    return polygonal and obj.values.get("flaechenschluss") == "true" and obj.values.get("ebene", "0") == "0"


def overlaps(members: list[Feature], srs: str, grading: Grading) -> None:
    """A finding per pair of Flächenschlussobjekte whose interiors meet by more than the tolerance."""
    shapes = [o.shapes["position"].geometry for o in members]
    tree, tolerance = STRtree(shapes), gml.tolerance(srs, TOLERANCE)
    left, right = tree.query(shapes, predicate="intersects")
    ahead = left < right
    left, right = left[ahead], right[ahead]
    meet = relate_pattern(take(shapes, left), take(shapes, right), "T********")
    for i, j in zip(left[meet].tolist(), right[meet].tolist(), strict=True):
        common: Any = shapes[i].intersection(shapes[j]).buffer(-tolerance / 2)
        if not common.is_empty:
            first, other = members[i], members[j]
            message = m("overlap", id=first.gml_id, other=other.gml_id, point=gml.first_point(common))
            grading.find(RULE, first.place, message)


def gaps(members: list[Feature], owner: Feature, area: gml.Shape, grading: Grading) -> None:
    """A finding if the Flächenschlussobjekte leave part of the Geltungsbereich uncovered."""
    covered = unary_union([o.shapes["position"].geometry for o in members])
    missing: Any = area.geometry.difference(covered).buffer(-gml.tolerance(area.srs, TOLERANCE) / 2)
    if not missing.is_empty:
        grading.find(RULE, owner.place, m("gap", owner=owner.gml_id, point=gml.first_point(missing)))
