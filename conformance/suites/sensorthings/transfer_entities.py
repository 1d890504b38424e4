"""What the SensorThings round trip writes and compares of each entity (OGC 18-088, clause 8.2, the entity types).

Each entity type has its properties (``FIELDS``) and the relations the round trip carries over (``LINKS``: the
navigation property, the entity set it leads to, and whether it is a list). Properties that hold an object
(``properties``, ``parameters``, ``unitOfMeasurement``) are compared member by member (``properties.owner``); a
Location's or FeatureOfInterest's GeoJSON is compared as its geometry (a GeoJSON Feature by its ``geometry``). A
relation is compared by the id in A of the entity it leads to, so a relation kept in B reads the same although B
gave every entity an id of its own. The Datastream's ``observedArea``, ``phenomenonTime`` and ``resultTime`` are
left out: the service derives them from the Observations it holds, and only a sample of them is moved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FIELDS: dict[str, tuple[str, ...]] = {
    "Things": ("name", "description", "properties"),
    "Locations": ("name", "description", "encodingType", "location", "properties"),
    "Sensors": ("name", "description", "encodingType", "metadata", "properties"),
    "ObservedProperties": ("name", "definition", "description", "properties"),
    "Datastreams": ("name", "description", "unitOfMeasurement", "observationType", "properties"),
    "FeaturesOfInterest": ("name", "description", "encodingType", "feature", "properties"),
    "Observations": ("phenomenonTime", "resultTime", "result", "resultQuality", "validTime", "parameters"),
}
LINKS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "Things": (("Locations", "Locations", True),),
    "Datastreams": (
        ("Thing", "Things", False),
        ("Sensor", "Sensors", False),
        ("ObservedProperty", "ObservedProperties", False),
    ),
    "Observations": (("Datastream", "Datastreams", False), ("FeatureOfInterest", "FeaturesOfInterest", False)),
}
OBJECTS = frozenset({"properties", "parameters", "unitOfMeasurement"})
GEOJSON = frozenset({"location", "feature"})


def key(ident: Any) -> str:
    """An @iot.id as the round trip keeps it (ids of A and B are told apart by the entity set and side)."""
    return str(ident)


def body(entity_set: str, entity: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of an entity of A as B is asked to create them (no ids, no links, nothing null)."""
    return {name: entity[name] for name in FIELDS[entity_set] if entity.get(name) is not None}


def attributes(entity_set: str, entity: Mapping[str, Any], related: Mapping[str, Any]) -> dict[str, Any]:
    """An entity's attributes as the round trip compares them; ``related`` holds each relation's id(s) in A."""
    found: dict[str, Any] = {"id": entity.get("@iot.id")}
    for name in FIELDS[entity_set]:
        value = entity.get(name)
        if name in OBJECTS and isinstance(value, Mapping):
            found |= {f"{name}.{member}": inner for member, inner in value.items()}
        elif name in GEOJSON and isinstance(value, Mapping) and value.get("type") == "Feature":
            found[name] = value.get("geometry")
        elif name not in OBJECTS or value is not None:
            found[name] = value
    return found | dict(related)
