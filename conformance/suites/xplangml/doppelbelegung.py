"""Konformitätsbedingung 4.5.2.4 (XPlanGML 6.0), Verbot der Doppelbelegung: an attribute of the Maß der baulichen
Nutzung or the Bauweise set on a BP_UeberbaubareGrundstuecksFlaeche must not also be set on a Flächenschlussobjekt
it overlies (the schema's documentation of BP_UeberbaubareGrundstuecksFlaeche states the rule). The objects it
applies to and the attributes it compares are those the XPlanValidator of the XLeitstelle checks for the rule;
objects that only touch or overlap by less than the tolerance are not compared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shapely import STRtree

from conformance.suites.xplangml import gml
from conformance.suites.xplangml.catalogue import TOLERANCE
from conformance.suites.xplangml.messages import m

if TYPE_CHECKING:
    from conformance.suites.xplangml.document import Feature, Grading

RULE = "doppelbelegung"
OVERLAY = "BP_UeberbaubareGrundstuecksFlaeche"
BASES = frozenset(
    {
        "BP_BaugebietsTeilFlaeche",
        "BP_BesondererNutzungszweckFlaeche",
        "BP_SpielSportanlagenFlaeche",
        "BP_GemeinbedarfsFlaeche",
        "BP_GruenFlaeche",
        "BP_VerEntsorgung",
        "SO_Strassenverkehr",
    }
)
ATTRIBUTES = [
    "bauweise",
    "bauweiseText",
    "abweichendeBauweise",
    "vertikaleDifferenzierung",
    "bebauungsArt",
    "bebauungVordereGrenze",
    "bebauungRueckwaertigeGrenze",
    "bebauungSeitlicheGrenze",
    "refGebaeudequerschnitt",
    "geschossMin",
    "geschossMax",
    "FR",
    "MaxZahlWohnungen",
    "MinGRWohneinheit",
    "Fmin",
    "Fmax",
    "Bmin",
    "Bmax",
    "Tmin",
    "Tmax",
    "GFZmin",
    "GFZmax",
    "GFZ",
    "GFZ_Ausn",
    "GFmin",
    "GFmax",
    "GF",
    "GF_Ausn",
    "BMZ",
    "BMZ_Ausn",
    "BM",
    "BM_Ausn",
    "GRZmin",
    "GRZmax",
    "GRZ",
    "GRZ_Ausn",
    "GRmin",
    "GRmax",
    "GR",
    "GR_Ausn",
    "Zmin",
    "Zmax",
    "Zzwingend",
    "Z",
    "Z_Ausn",
    "Z_Staffel",
    "Z_Dach",
    "ZUmin",
    "ZUmax",
    "ZUzwingend",
    "ZU",
    "ZU_Ausn",
    "MZspezial",
    "wohnnutzungEGStrasse",
    "ZWohn",
    "GFAntWohnen",
    "GFWohnen",
    "GFAntGewerbe",
    "GFGewerbe",
    "VF",
]


def judge(features: list[Feature], grading: Grading) -> None:
    """Compare the attributes of every listed object with those of each overlay whose interior it meets."""
    overlays = [f for f in features if f.kind == OVERLAY and polygonal(f)]
    if not overlays:
        return
    tree = STRtree([o.shapes["position"].geometry for o in overlays])
    bases = [f for f in features if f.kind in BASES and polygonal(f)]
    left, right = tree.query([b.shapes["position"].geometry for b in bases], predicate="intersects")
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        base, overlay = bases[i], overlays[j]
        shape = base.shapes["position"]
        core = shape.geometry.buffer(-gml.tolerance(shape.srs, TOLERANCE))
        if overlay.shapes["position"].geometry.relate_pattern(core, "T********"):
            grading.counts[RULE] += 1
            twice(base, overlay, grading)


def polygonal(obj: Feature) -> bool:
    """True for an object whose position is a valid area."""
    shape = obj.shapes.get("position")
    return shape is not None and shape.valid and shape.geometry.geom_type in ("Polygon", "MultiPolygon")


def twice(base: Feature, overlay: Feature, grading: Grading) -> None:
    """A finding per attribute set on both objects."""
    both = [name for name in ATTRIBUTES if base.has(name) and overlay.has(name)]
    for name in both:
        grading.find(RULE, base.place, m("twice", id=base.gml_id, kind=base.kind, name=name, other=overlay.gml_id))
