"""Query Entities and discovery of the NGSI-LD broker double (clauses 4.9, 4.10, 5.7.2, 5.7.5-5.7.10, 6.3.10,
6.3.13): real HTTP requests, answers compared with the generated entities evaluated in plain Python.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

pytest.importorskip("pyld", reason="pyld is a dependency of wechselbar; reinstall with pip install -e .")

from conformance.demo.ngsild import data
from tests.demo.ngsild_client import Client, problem

NS = "https://musterstadt.example/ngsi-ld/"
CENTRE_POINT = "[7.1,50.73]"
SOUTH_WEST = "[[[7.06,50.71],[7.10,50.71],[7.10,50.73],[7.06,50.73],[7.06,50.71]]]"


def test_query_by_type_id_pattern_and_attrs(client: Client) -> None:
    assert client.count(type="District") == 8
    assert client.count(type="District,AirQualityObserved") == 20
    assert client.ids(id="urn:ngsi-ld:District:01,urn:ngsi-ld:District:02") == [
        "urn:ngsi-ld:District:01",
        "urn:ngsi-ld:District:02",
    ]
    assert client.count(idPattern="^urn:ngsi-ld:AirQualityObserved:S0[1-5]$") == 5
    assert client.count(attrs="no2") == 12
    entity = client.get("/entities", params={"type": "AirQualityObserved", "attrs": "no2", "limit": 1}).json()[0]
    assert set(entity) == {"id", "type", "no2"}
    assert problem(client.get("/entities"), "BadRequestData", 400)


def _values(entity: dict[str, Any], name: str, member: str = "value") -> list[Any]:
    found = entity.get(name, [])
    return [i.get(member, i.get("object")) for i in (found if isinstance(found, list) else [found])]


def _any(entity: dict[str, Any], name: str, test: Callable[[Any], bool]) -> bool:
    return any(test(v) for v in _values(entity, name))


QUERIES: list[tuple[str, Callable[[dict[str, Any]], bool]]] = [
    ("availableSpotNumber>100", lambda e: _any(e, "availableSpotNumber", lambda v: v > 100)),
    (
        "availableSpotNumber>100;totalSpotNumber<300",
        lambda e: _any(e, "availableSpotNumber", lambda v: v > 100) and _any(e, "totalSpotNumber", lambda v: v < 300),
    ),
    (
        "availableSpotNumber>100|totalSpotNumber<300",
        lambda e: _any(e, "availableSpotNumber", lambda v: v > 100) or _any(e, "totalSpotNumber", lambda v: v < 300),
    ),
    (
        "(no2<20|no2>80);temperature>0",
        lambda e: _any(e, "no2", lambda v: v < 20 or v > 80) and _any(e, "temperature", lambda v: v > 0),
    ),
    ('name~="Rathaus"', lambda e: _any(e, "name", lambda v: "Rathaus" in v)),
    ('name!~="Rathaus"', lambda e: _any(e, "name", lambda v: "Rathaus" not in v)),
    ('refDistrict=="urn:ngsi-ld:District:01"', lambda e: _any(e, "refDistrict", lambda v: v.endswith(":01"))),
    ('address[postalCode]=="53111"', lambda e: _any(e, "address", lambda v: v["postalCode"] == "53111")),
    ('category=="underground"', lambda e: _any(e, "category", lambda v: "underground" in v)),
    ("pm10>50", lambda e: _any(e, "pm10", lambda v: v > 50)),
    (
        "availableSpotNumber.observedAt>=2026-03-01T08:10:00Z",
        lambda e: any(s >= "2026-03-01T08:10:00Z" for s in _values(e, "availableSpotNumber", "observedAt")),
    ),
    ("no2==10..40", lambda e: _any(e, "no2", lambda v: 10 <= v <= 40)),
    ("no2==64,37", lambda e: _any(e, "no2", lambda v: v in (64, 37))),
    ("totalSpotNumber!=80", lambda e: _any(e, "totalSpotNumber", lambda v: v != 80)),
    ("entrance", lambda e: "entrance" in e),
]


@pytest.mark.parametrize(("q", "predicate"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_language(client: Client, q: str, predicate: Callable[[dict[str, Any]], bool]) -> None:
    expected = sorted(e["id"] for e in data.entities() if predicate(e))
    assert expected, "the generated data must give the query something to find"
    assert sorted(client.ids(q=q, type="OffStreetParking,AirQualityObserved,District", limit=100)) == expected


@pytest.mark.parametrize("q", ["no2>", "no2>>3", "(no2>1", "no2==Bob", 'name~="("'])
def test_malformed_q_is_bad_request_data(client: Client, q: str) -> None:
    assert problem(client.get("/entities", params={"q": q}), "BadRequestData", 400)


def _metres(a: list[float], b: list[float]) -> float:
    """Haversine distance, written independently of the double's geometry code."""
    lon1, lat1, lon2, lat2 = (math.radians(x) for x in (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(h))


def _parks(test: Callable[[list[float], list[float]], bool]) -> list[str]:
    return sorted(
        e["id"]
        for e in data.entities()
        if e["type"] == "OffStreetParking"
        and test(e["location"]["value"]["coordinates"], e["entrance"]["value"]["coordinates"])
    )


def test_geo_queries(client: Client) -> None:
    near = {"georel": "near;maxDistance==1500", "geometry": "Point", "coordinates": CENTRE_POINT}
    close = _parks(lambda p, _: _metres(p, [7.1, 50.73]) <= 1500)
    assert 0 < len(close) < 24 and sorted(client.ids(type="OffStreetParking", limit=100, **near)) == close
    far = {**near, "georel": "near;minDistance==1500"}
    assert sorted(client.ids(type="OffStreetParking", limit=100, **far)) == _parks(
        lambda p, _: _metres(p, [7.1, 50.73]) >= 1500
    )
    within = {"georel": "within", "geometry": "Polygon", "coordinates": SOUTH_WEST}
    inside = _parks(lambda p, _: 7.06 < p[0] < 7.10 and 50.71 < p[1] < 50.73)
    assert len(inside) > 0 and sorted(client.ids(type="OffStreetParking", limit=100, **within)) == inside
    entrances = _parks(lambda _, e: 7.06 < e[0] < 7.10 and 50.71 < e[1] < 50.73)
    assert sorted(client.ids(type="OffStreetParking", limit=100, geoproperty="entrance", **within)) == entrances
    point = {"geometry": "Point", "coordinates": "[7.065,50.715]"}
    assert client.ids(type="District", georel="intersects", **point) == ["urn:ngsi-ld:District:01"]
    assert client.count(type="District", georel="contains", **point) == 1
    assert client.count(type="District", georel="disjoint", **point) == 7
    assert problem(client.get("/entities", params={**near, "georel": "near;far==3"}), "BadRequestData", 400)
    assert problem(client.get("/entities", params={**near, "coordinates": "[7.1"}), "BadRequestData", 400)


def test_near_distances_are_metres() -> None:
    from conformance.demo.ngsild.geo import metres  # noqa: PLC0415

    one_km = metres({"type": "Point", "coordinates": [7.1, 50.73]}, {"type": "Point", "coordinates": [7.1, 50.739]})
    assert 990 < one_km < 1010


def test_paging_with_limit_offset_count_and_links(client: Client) -> None:
    pages = [
        client.get("/entities", params={"type": "OffStreetParking", "limit": 10, "offset": o}) for o in (0, 10, 20)
    ]
    ids = [e["id"] for page in pages for e in page.json()]
    assert len(ids) == 24 and len(set(ids)) == 24
    assert 'rel="next"' in pages[0].headers["Link"] and 'rel="prev"' in pages[1].headers["Link"]
    counted = client.get("/entities", params={"type": "District", "limit": 3, "count": "true"})
    assert counted.headers["NGSILD-Results-Count"] == "8" and len(counted.json()) == 3
    assert "NGSILD-Results-Count" not in client.get("/entities", params={"type": "District"}).headers
    for bad in ({"limit": 0}, {"limit": -1}, {"limit": 5000}, {"offset": "x"}, {"count": "yes"}):
        assert problem(client.get("/entities", params={"type": "District", **bad}), "BadRequestData", 400)


def test_types_and_attributes(fresh: Client) -> None:
    assert fresh.get("/types").json()["typeList"] == ["AirQualityObserved", "District", "OffStreetParking"]
    assert fresh.get("/types", context=None).json()["typeList"][0] == NS + "AirQualityObserved"
    detail = fresh.get("/types", params={"details": "true"}).json()
    assert {d["typeName"] for d in detail} == {"AirQualityObserved", "District", "OffStreetParking"}
    info = fresh.get("/types/District").json()
    assert info["entityCount"] == 8 and {a["attributeName"] for a in info["attributeDetails"]} == {"name", "location"}
    assert problem(fresh.get("/types/Nothing"), "ResourceNotFound", 404)
    names = fresh.get("/attributes").json()["attributeList"]
    assert {"refDistrict", "no2", "location", "entrance"} <= set(names)
    attribute = fresh.get("/attributes/pm10").json()
    assert attribute["attributeCount"] == 24 and attribute["typeNames"] == ["AirQualityObserved"]
