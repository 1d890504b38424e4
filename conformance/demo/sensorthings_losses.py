"""TEST DOUBLE: the known ways in which a tenant of the SensorThings double changes an entity it is asked to create.

Each name in LOSSES is one loss, switched on like a defect (``--tenant b:times-to-utc``); the round trip must
report each as what it is. They change only entities created through POST, never the tenant's own data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from conformance.demo.features_losses import cut, each, to_dhdn, utc

GEOJSON = ("location", "feature")
TIMES = ("phenomenonTime", "resultTime", "validTime")
OTHER_DATUM = "EPSG:4314"  # DHDN, the German datum before ETRS89: about 100 m off WGS 84 in Germany
LOSSES = {
    "drops-property": "the alphabetically first member of a created entity's properties is not stored",
    "truncates-coordinates": "GeoJSON coordinates of Locations and FeaturesOfInterest are cut to three decimals",
    "times-to-utc": "phenomenonTime, resultTime and validTime with an offset are stored in UTC",
    "results-as-text": 'numeric results are stored as text (11.5 becomes "11.5")',
    "reprojects": f"GeoJSON positions are stored in {OTHER_DATUM} (DHDN), declared by a crs member",
}
Change = Callable[[str, dict[str, Any]], None]


def _drop_first_property(_: str, entity: dict[str, Any]) -> None:
    properties = entity.get("properties")
    if isinstance(properties, dict) and properties:
        properties.pop(sorted(properties)[0])


def _positions(change: Callable[[list[Any]], list[Any]], crs: str = "") -> Change:
    def apply(_: str, entity: dict[str, Any]) -> None:
        for name in GEOJSON:
            geometry = entity.get(name)
            if isinstance(geometry, dict) and "coordinates" in geometry:
                geometry["coordinates"] = each(geometry["coordinates"], change)
                if crs:
                    geometry["crs"] = {"type": "name", "properties": {"name": crs}}

    return apply


def _times(_: str, entity: dict[str, Any]) -> None:
    for name in TIMES:
        if isinstance(entity.get(name), str):
            entity[name] = "/".join(str(utc(part)) for part in entity[name].split("/"))


def _results_as_text(entity_set: str, entity: dict[str, Any]) -> None:
    result = entity.get("result")
    if entity_set == "Observations" and isinstance(result, (int, float)) and not isinstance(result, bool):
        entity["result"] = str(result)


CHANGES: dict[str, Change] = {
    "drops-property": _drop_first_property,
    "truncates-coordinates": _positions(cut),
    "times-to-utc": _times,
    "results-as-text": _results_as_text,
    "reprojects": _positions(to_dhdn, OTHER_DATUM),
}


def apply(losses: frozenset[str], entity_set: str, entity: dict[str, Any]) -> None:
    """Change a newly created entity in place by each of the tenant's losses."""
    for name in sorted(losses & CHANGES.keys()):
        CHANGES[name](entity_set, entity)
