"""The SensorThings 1.1 data model as the checks need it: entity sets, mandatory properties and relations.

Property kinds: ``text`` (a string), ``object`` (a JSON object), ``any`` (present, any JSON value), ``instant`` (an
ISO 8601 time instant), ``time`` (an instant or an interval), ``interval`` (an ISO 8601 interval ``start/end``),
``uom`` (a unit of measurement object with name, symbol and definition), ``geojson`` (GeoJSON where the entity's
encodingType is GeoJSON), ``area`` (a GeoJSON geometry). A ``?`` after the kind: the property may be absent or null.
"""

from __future__ import annotations

from dataclasses import dataclass

GEOJSON_TYPES = frozenset({"application/geo+json", "application/vnd.geo+json"})


@dataclass(frozen=True)
class Relation:
    """A navigation property: its name, the entity type it leads to, whether it is one entity, and its inverse."""

    name: str
    target: str
    single: bool
    inverse: str


@dataclass(frozen=True)
class EntityType:
    """One entity type: its requirement slug, its entity set, its mandatory properties and its relations."""

    name: str
    slug: str
    entity_set: str
    properties: dict[str, str]
    relations: tuple[Relation, ...]


TYPES = {
    t.name: t
    for t in (
        EntityType(
            "Thing",
            "thing",
            "Things",
            {"name": "text", "description": "text", "properties": "object?"},
            (
                Relation("Locations", "Location", False, "Things"),
                Relation("Datastreams", "Datastream", False, "Thing"),
                Relation("HistoricalLocations", "HistoricalLocation", False, "Thing"),
            ),
        ),
        EntityType(
            "Location",
            "location",
            "Locations",
            {"name": "text", "description": "text", "encodingType": "text", "location": "geojson"},
            (
                Relation("Things", "Thing", False, "Locations"),
                Relation("HistoricalLocations", "HistoricalLocation", False, "Locations"),
            ),
        ),
        EntityType(
            "HistoricalLocation",
            "historical-location",
            "HistoricalLocations",
            {"time": "instant"},
            (
                Relation("Thing", "Thing", True, "HistoricalLocations"),
                Relation("Locations", "Location", False, "HistoricalLocations"),
            ),
        ),
        EntityType(
            "Datastream",
            "datastream",
            "Datastreams",
            {
                "name": "text",
                "description": "text",
                "unitOfMeasurement": "uom",
                "observationType": "text",
                "observedArea": "area?",
                "phenomenonTime": "interval?",
                "resultTime": "interval?",
            },
            (
                Relation("Thing", "Thing", True, "Datastreams"),
                Relation("Sensor", "Sensor", True, "Datastreams"),
                Relation("ObservedProperty", "ObservedProperty", True, "Datastreams"),
                Relation("Observations", "Observation", False, "Datastream"),
            ),
        ),
        EntityType(
            "Sensor",
            "sensor",
            "Sensors",
            {"name": "text", "description": "text", "encodingType": "text", "metadata": "any"},
            (Relation("Datastreams", "Datastream", False, "Sensor"),),
        ),
        EntityType(
            "ObservedProperty",
            "observed-property",
            "ObservedProperties",
            {"name": "text", "definition": "text", "description": "text"},
            (Relation("Datastreams", "Datastream", False, "ObservedProperty"),),
        ),
        EntityType(
            "Observation",
            "observation",
            "Observations",
            {
                "phenomenonTime": "time",
                "result": "any",
                "resultTime": "instant?",
                "validTime": "interval?",
                "parameters": "object?",
            },
            (
                Relation("Datastream", "Datastream", True, "Observations"),
                Relation("FeatureOfInterest", "FeatureOfInterest", True, "Observations"),
            ),
        ),
        EntityType(
            "FeatureOfInterest",
            "feature-of-interest",
            "FeaturesOfInterest",
            {"name": "text", "description": "text", "encodingType": "text", "feature": "geojson"},
            (Relation("Observations", "Observation", False, "FeatureOfInterest"),),
        ),
    )
}
BY_SET = {t.entity_set: t for t in TYPES.values()}
MULTI_DATASTREAM = EntityType(
    "MultiDatastream",
    "multi-datastream",
    "MultiDatastreams",
    {
        "name": "text",
        "description": "text",
        "unitOfMeasurements": "uoms",
        "observationType": "text",
        "multiObservationDataTypes": "texts",
        "observedArea": "area?",
        "phenomenonTime": "interval?",
        "resultTime": "interval?",
    },
    (
        Relation("Thing", "Thing", True, "MultiDatastreams"),
        Relation("Sensor", "Sensor", True, "MultiDatastreams"),
        Relation("ObservedProperties", "ObservedProperty", False, "MultiDatastreams"),
        Relation("Observations", "Observation", False, "MultiDatastream"),
    ),
)
INVERSE_SINGLE = {"MultiDatastreams": False, "MultiDatastream": True}  # the extension's links on core entities
