"""TEST DOUBLE data: the entities of a fictional SensorThings service of "Musterstadt" (two stations, nine values,
and one MultiDatastream with two Observations of two values each).

Plain dictionaries: each entity has its properties and, under ``_links``, the ids of its related entities by
navigation property. Ids are integers.
"""

from __future__ import annotations

from typing import Any, cast

Entity = dict[str, Any]
GEOJSON = "application/geo+json"


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [lon, lat]}


def _area(lon: float, lat: float) -> dict[str, Any]:
    ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def _things() -> list[Entity]:
    return [
        {
            "@iot.id": 1,
            "name": "Wetterstation Rathaus",
            "description": "Dach des Rathauses",
            "properties": {"betreiber": "Stadtwerke"},
            "_links": {"Locations": [1], "Datastreams": [1, 3], "HistoricalLocations": [1]},
        },
        {
            "@iot.id": 2,
            "name": "Pegel Mühlbach",
            "description": "Brücke Mühlstraße",
            "properties": {},
            "_links": {"Locations": [2], "Datastreams": [2], "HistoricalLocations": [2]},
        },
    ]


def _places() -> list[list[Entity]]:
    locations = [
        {
            "@iot.id": i,
            "name": name,
            "description": f"Standort {name}",
            "encodingType": GEOJSON,
            "location": _point(lon, lat),
            "_links": {"Things": [i], "HistoricalLocations": [i]},
        }
        for i, name, lon, lat in ((1, "Rathaus", 8.4037, 49.0094), (2, "Mühlstraße", 8.4211, 49.0152))
    ]
    history = [
        {"@iot.id": i, "time": f"2026-01-0{i}T08:00:00Z", "_links": {"Thing": [i], "Locations": [i]}} for i in (1, 2)
    ]
    return [locations, history]


def _streams() -> list[list[Entity]]:
    uom = {
        "temp": {"name": "Grad Celsius", "symbol": "°C", "definition": "http://qudt.org/vocab/unit/DEG_C"},
        "level": {"name": "Zentimeter", "symbol": "cm", "definition": "http://qudt.org/vocab/unit/CentiM"},
    }
    plan = ((1, 1, 1, 1, "temp"), (2, 2, 2, 2, "level"), (3, 1, 1, 2, "level"))
    streams = [
        {
            "@iot.id": i,
            "name": f"Reihe {i}",
            "description": f"Messreihe {i}",
            "unitOfMeasurement": uom[kind],
            "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
            "observedArea": _area(8.40 + i / 100, 49.0),
            "phenomenonTime": "2026-03-01T10:00:00Z/2026-03-09T10:00:00Z",
            "resultTime": "2026-03-01T10:00:00Z/2026-03-09T10:00:00Z",
            "_links": {
                "Thing": [thing],
                "Sensor": [sensor],
                "ObservedProperty": [prop],
                "Observations": [o for o in range(1, 10) if (o - 1) % 3 + 1 == i],
            },
        }
        for i, thing, sensor, prop, kind in plan
    ]
    sensors = [
        {
            "@iot.id": i,
            "name": f"Sensor {i}",
            "description": f"Messgerät {i}",
            "encodingType": "application/pdf",
            "metadata": f"https://musterstadt.example/sensor-{i}.pdf",
            "_links": {"Datastreams": [s["@iot.id"] for s in streams if cast(Entity, s["_links"])["Sensor"] == [i]]},
        }
        for i in (1, 2)
    ]
    props = [
        {
            "@iot.id": i,
            "name": name,
            "definition": f"https://musterstadt.example/def/{i}",
            "description": name,
            "_links": {
                "Datastreams": [s["@iot.id"] for s in streams if cast(Entity, s["_links"])["ObservedProperty"] == [i]]
            },
        }
        for i, name in ((1, "Lufttemperatur"), (2, "Wasserstand"))
    ]
    return [streams, sensors, props]


def _observations() -> list[list[Entity]]:
    observations = [
        {
            "@iot.id": o,
            "phenomenonTime": f"2026-03-0{o}T10:00:00Z",
            "resultTime": f"2026-03-0{o}T10:00:05Z",
            "result": 10.5 + o,
            "_links": {"Datastream": [(o - 1) % 3 + 1], "FeatureOfInterest": [(o - 1) % 2 + 1]},
        }
        for o in range(1, 10)
    ]
    features = [
        {
            "@iot.id": i,
            "name": name,
            "description": f"Messort {name}",
            "encodingType": GEOJSON,
            "feature": _point(lon, lat),
            "_links": {
                "Observations": [
                    o["@iot.id"] for o in observations if cast(Entity, o["_links"])["FeatureOfInterest"] == [i]
                ]
            },
        }
        for i, name, lon, lat in ((1, "Rathausdach", 8.4037, 49.0094), (2, "Mühlbach", 8.4211, 49.0152))
    ]
    return [observations, features]


def _multi(data: dict[str, list[Entity]]) -> list[Entity]:
    """One MultiDatastream of Thing 1 (temperature and water level of Sensor 1) with two Observations, linked
    into the other entities."""
    units = [
        {"name": "Grad Celsius", "symbol": "°C", "definition": "http://qudt.org/vocab/unit/DEG_C"},
        {"name": "Zentimeter", "symbol": "cm", "definition": "http://qudt.org/vocab/unit/CentiM"},
    ]
    measurement = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"
    results = {10: [11.0, 40], 11: [11.5, 42]}
    data["Observations"] += [
        {
            "@iot.id": o,
            "phenomenonTime": f"2026-03-{o}T10:00:00Z",
            "resultTime": f"2026-03-{o}T10:00:05Z",
            "result": result,
            "_links": {"MultiDatastream": [1], "FeatureOfInterest": [1]},
        }
        for o, result in results.items()
    ]
    data["FeaturesOfInterest"][0]["_links"]["Observations"] += list(results)
    for entity_set, ids in (("Things", [1]), ("Sensors", [1]), ("ObservedProperties", [1, 2])):
        for entity in (e for e in data[entity_set] if e["@iot.id"] in ids):
            entity["_links"]["MultiDatastreams"] = [1]
    return [
        {
            "@iot.id": 1,
            "name": "Klima und Pegel",
            "description": "Temperatur und Wasserstand in einem Strom",
            "unitOfMeasurements": units,
            "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation",
            "multiObservationDataTypes": [measurement, measurement],
            "_links": {"Thing": [1], "Sensor": [1], "ObservedProperties": [1, 2], "Observations": list(results)},
        }
    ]


def entities() -> dict[str, list[Entity]]:
    """Entity set name → its entities (fresh copies on every call)."""
    data = _core()
    data["MultiDatastreams"] = _multi(data)
    return data


def _core() -> dict[str, list[Entity]]:
    locations, history = _places()
    streams, sensors, props = _streams()
    observations, features = _observations()
    return {
        "Things": _things(),
        "Locations": locations,
        "HistoricalLocations": history,
        "Datastreams": streams,
        "Sensors": sensors,
        "ObservedProperties": props,
        "Observations": observations,
        "FeaturesOfInterest": features,
    }
