"""TEST DOUBLE DATA: generated NGSI-LD entities of a fictional "Musterstadt" and their user ``@context``.

Deterministic: 8 districts (Polygon locations), 24 car parks (Point location and entrance, spot numbers with
observedAt and unitCode, a category list, an address, a Relationship to their district) and 12 air quality
stations (NO2 and temperature with unitCode, PM10 from two sensors as two datasetIds). Enough for paging,
q, geo-queries on two GeoProperties, multi-attributes and type/attribute discovery.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from functools import cache
from typing import Any

from conformance.demo.ngsild.contexts import ContextStore, with_core

NS = "https://musterstadt.example/ngsi-ld/"
TERMS = (
    "OffStreetParking",
    "AirQualityObserved",
    "District",
    "name",
    "totalSpotNumber",
    "availableSpotNumber",
    "category",
    "address",
    "refDistrict",
    "entrance",
    "no2",
    "pm10",
    "temperature",
)
CONTEXT: dict[str, Any] = {"@context": {"ms": NS, **{term: f"ms:{term}" for term in TERMS}}}
CENTRE = (7.10, 50.73)
CELL = 0.02
DISTRICTS = ("Altstadt", "Nordstadt", "Südstadt", "Weststadt", "Oststadt", "Rheinaue", "Hangviertel", "Gartenstadt")
PLACES = ("Rathaus", "Marktplatz", "Hauptbahnhof", "Stadtpark", "Schulzentrum", "Klinikum", "Rheinufer", "Museum")
EPOCH = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
SENSORS = ("urn:ngsi-ld:Dataset:sensorA", "urn:ngsi-ld:Dataset:sensorB")


def _stamp(minutes: int) -> str:
    return (EPOCH + dt.timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")


def _cell(index: int) -> tuple[float, float]:
    """South-west corner of district ``index`` in a 4 x 2 grid around the centre."""
    return CENTRE[0] + (index % 4 - 2) * CELL, CENTRE[1] + (index // 4 - 1) * CELL


def _square(west: float, south: float) -> list[list[list[float]]]:
    corners = [(west, south), (west + CELL, south), (west + CELL, south + CELL), (west, south + CELL), (west, south)]
    return [[[round(x, 6), round(y, 6)] for x, y in corners]]


def _district(index: int) -> dict[str, Any]:
    return {
        "id": f"urn:ngsi-ld:District:{index + 1:02d}",
        "type": "District",
        "name": {"type": "Property", "value": DISTRICTS[index]},
        "location": {"type": "GeoProperty", "value": {"type": "Polygon", "coordinates": _square(*_cell(index))}},
    }


def _point(rng: random.Random, district: int) -> list[float]:
    west, south = _cell(district)
    return [round(west + rng.uniform(0.1, 0.9) * CELL, 6), round(south + rng.uniform(0.1, 0.9) * CELL, 6)]


def _car_park(rng: random.Random, index: int) -> dict[str, Any]:
    district, total = index % len(DISTRICTS), rng.choice((80, 120, 250, 400, 600))
    where = _point(rng, district)
    return {
        "id": f"urn:ngsi-ld:OffStreetParking:P{index + 1:02d}",
        "type": "OffStreetParking",
        "name": {"type": "Property", "value": f"Parkhaus {PLACES[index % len(PLACES)]} {index // 8 + 1}"},
        "totalSpotNumber": {"type": "Property", "value": total},
        "availableSpotNumber": {
            "type": "Property",
            "value": rng.randint(0, total),
            "unitCode": "C62",
            "observedAt": _stamp(index),
        },
        "category": {"type": "Property", "value": ["public", rng.choice(("underground", "multiStorey"))]},
        "address": {
            "type": "Property",
            "value": {"streetAddress": f"Parkstraße {index + 1}", "postalCode": f"53{111 + district}"},
        },
        "refDistrict": {"type": "Relationship", "object": f"urn:ngsi-ld:District:{district + 1:02d}"},
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": where}},
        "entrance": {
            "type": "GeoProperty",
            "value": {"type": "Point", "coordinates": [round(where[0] + 0.001, 6), where[1]]},
        },
    }


def _station(rng: random.Random, index: int) -> dict[str, Any]:
    district = (index * 3) % len(DISTRICTS)
    observed = _stamp(60 + index)
    pm10 = [
        {
            "type": "Property",
            "value": round(rng.uniform(5, 60), 1),
            "unitCode": "GQ",
            "observedAt": observed,
            "datasetId": sensor,
        }
        for sensor in SENSORS
    ]
    return {
        "id": f"urn:ngsi-ld:AirQualityObserved:S{index + 1:02d}",
        "type": "AirQualityObserved",
        "no2": {"type": "Property", "value": rng.randint(8, 90), "unitCode": "GQ", "observedAt": observed},
        "temperature": {
            "type": "Property",
            "value": round(rng.uniform(-5, 30), 1),
            "unitCode": "CEL",
            "observedAt": observed,
        },
        "pm10": pm10,
        "refDistrict": {"type": "Relationship", "object": f"urn:ngsi-ld:District:{district + 1:02d}"},
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": _point(rng, district)}},
    }


def entities() -> list[dict[str, Any]]:
    """The generated entities in the normalized representation (without @context)."""
    rng = random.Random(12)  # noqa: S311 (generated test data, not cryptography)
    return (
        [_district(i) for i in range(len(DISTRICTS))]
        + [_car_park(rng, i) for i in range(24)]
        + [_station(rng, i) for i in range(12)]
    )


@cache
def _expanded() -> tuple[tuple[dict[str, Any], str], ...]:
    store = ContextStore()
    context = with_core(CONTEXT["@context"])
    return tuple((store.expand({"@context": context, **e})[0], _stamp(-60 + n)) for n, e in enumerate(entities()))


def expanded() -> list[tuple[dict[str, Any], str]]:
    """The generated entities, expanded, each with its creation instant (computed once, copied per call)."""
    return copy.deepcopy(list(_expanded()))
