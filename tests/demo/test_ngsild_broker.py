"""The NGSI-LD reference broker double follows ETSI GS CIM 009 V1.6.1: real HTTP requests against it.

One module-scoped server; tests that write use their own entity ids (or a fresh tenant), so they stay
independent of each other and of the generated data the read tests rely on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("pyld", reason="pyld is a dependency of wechselbar; reinstall with pip install -e .")

import requests

from conformance.demo.ngsild import data
from conformance.demo.ngsild.contexts import ContextStore
from conformance.demo.ngsild.server import NgsiLdTestServer
from conformance.demo.ngsild.spec import CORE_URL, NgsiError
from tests.demo.ngsild_client import Client, link, parking, problem

NS = "https://musterstadt.example/ngsi-ld/"
CENTRE_POINT = "[7.1,50.73]"
SOUTH_WEST = "[[[7.06,50.71],[7.10,50.71],[7.10,50.73],[7.06,50.73],[7.06,50.71]]]"


@pytest.fixture(scope="module")
def server() -> Iterator[NgsiLdTestServer]:
    broker = NgsiLdTestServer({"ok": frozenset(), "rw": frozenset()}).start()
    yield broker
    broker.stop()


@pytest.fixture
def client(server: NgsiLdTestServer) -> Iterator[Client]:
    with requests.Session() as session:
        yield Client(session, server.url("ok"), server.context_url)


@pytest.fixture
def writer(server: NgsiLdTestServer) -> Iterator[Client]:
    """The tenant the writing tests share (each with its own entity ids); ``client``'s tenant stays as generated."""
    with requests.Session() as session:
        yield Client(session, server.url("rw"), server.context_url)


@pytest.fixture
def fresh(server: NgsiLdTestServer, request: pytest.FixtureRequest) -> Iterator[Client]:
    """A tenant of its own with the generated data (for tests that count or discover)."""
    with requests.Session() as session:
        yield Client(session, server.add_tenant(request.node.name[:40]), server.context_url)


def test_create_answers_201_with_a_location_that_retrieves_the_entity(writer: Client) -> None:
    created = writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:create-1"))
    assert created.status_code == 201 and created.text == ""
    location = created.headers["Location"]
    assert location.endswith("/ngsi-ld/v1/entities/urn:ngsi-ld:OffStreetParking:create-1")
    fetched = writer.session.get(writer.api.split("/ngsi-ld/")[0].rsplit("/", 1)[0] + location,
                                 headers={"Link": link(writer.context or "")})
    assert fetched.status_code == 200 and fetched.json()["id"] == "urn:ngsi-ld:OffStreetParking:create-1"


def test_create_rejects_duplicates_invalid_ids_and_bodies(writer: Client) -> None:
    writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:dup"))
    assert problem(writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:dup")), "AlreadyExists", 409)
    assert problem(writer.post("/entities", parking("not a uri")), "BadRequestData", 400)
    assert problem(writer.post("/entities", {"id": "urn:ngsi-ld:X:1"}), "BadRequestData", 400)
    assert problem(writer.post("/entities", raw=b"{not json"), "InvalidRequest", 400)
    without_value = {"id": "urn:ngsi-ld:X:2", "type": "X", "speed": {"type": "Property"}}
    assert problem(writer.post("/entities", without_value), "BadRequestData", 400)
    assert problem(writer.post("/entities", parking("urn:ngsi-ld:X:3"), media="text/plain"), "InvalidRequest", 415)


def test_retrieve_gives_the_normalized_representation_with_its_members(client: Client) -> None:
    entity = client.get("/entities/urn:ngsi-ld:AirQualityObserved:S01").json()
    assert entity["type"] == "AirQualityObserved"
    assert entity["no2"]["type"] == "Property" and entity["no2"]["unitCode"] == "GQ" and "observedAt" in entity["no2"]
    assert entity["refDistrict"] == {"type": "Relationship", "object": "urn:ngsi-ld:District:01"}
    assert entity["location"]["type"] == "GeoProperty" and entity["location"]["value"]["type"] == "Point"
    assert sorted(i["datasetId"] for i in entity["pm10"]) == ["urn:ngsi-ld:Dataset:sensorA",
                                                              "urn:ngsi-ld:Dataset:sensorB"]
    assert "createdAt" not in entity and "modifiedAt" not in entity["no2"]


def test_retrieve_options_and_attrs(client: Client) -> None:
    path = "/entities/urn:ngsi-ld:OffStreetParking:P01"
    simple = client.get(path, params={"options": "keyValues"}).json()
    assert simple["refDistrict"] == "urn:ngsi-ld:District:01" and isinstance(simple["totalSpotNumber"], int)
    assert simple["location"]["type"] == "Point"
    system = client.get(path, params={"options": "sysAttrs"}).json()
    assert re.match(r"\d{4}-\d\d-\d\dT", system["createdAt"]) and "modifiedAt" in system["name"]
    projected = client.get(path, params={"attrs": "name,location"}).json()
    assert set(projected) == {"id", "type", "name", "location"}
    assert problem(client.get(path, params={"attrs": "no2"}), "ResourceNotFound", 404)
    assert problem(client.get(path, params={"options": "nonsense"}), "BadRequestData", 400)


def test_unknown_and_invalid_entity_ids(client: Client) -> None:
    assert problem(client.get("/entities/urn:ngsi-ld:Nothing:here"), "ResourceNotFound", 404)
    assert problem(client.get("/entities/no-uri"), "BadRequestData", 400)
    assert problem(client.delete("/entities/urn:ngsi-ld:Nothing:here"), "ResourceNotFound", 404)


def test_accept_chooses_json_with_link_or_json_ld_with_context(client: Client) -> None:
    path = "/entities/urn:ngsi-ld:District:01"
    plain = client.get(path)
    assert plain.headers["Content-Type"] == "application/json" and "@context" not in plain.json()
    assert link(client.context or "") in plain.headers["Link"]
    linked = client.get(path, headers={"Accept": "application/ld+json"})
    assert linked.headers["Content-Type"] == "application/ld+json"
    assert linked.json()["@context"] == client.context
    core = client.get(path, context=None)
    assert link(CORE_URL) in core.headers["Link"] and core.json()["type"] == NS + "District"
    assert problem(client.get(path, headers={"Accept": "text/html"}), "InvalidRequest", 406)


def test_context_from_the_body_with_json_ld(writer: Client) -> None:
    body = {**parking("urn:ngsi-ld:OffStreetParking:ld-1"), "@context": writer.context}
    assert writer.post("/entities", body, context=None, media="application/ld+json").status_code == 201
    assert writer.get("/entities/urn:ngsi-ld:OffStreetParking:ld-1", context=None).json()["type"] == (
        NS + "OffStreetParking")
    assert problem(writer.post("/entities", body, media="application/ld+json"), "BadRequestData", 400)
    no_context = parking("urn:ngsi-ld:OffStreetParking:ld-2")
    assert problem(writer.post("/entities", no_context, context=None, media="application/ld+json"),
                   "BadRequestData", 400)
    assert problem(writer.post("/entities", body, context=None), "BadRequestData", 400)


def test_unavailable_context_and_the_network_is_never_asked(client: Client) -> None:
    response = client.get("/entities", params={"type": "Thing"}, context="https://example.org/unknown.jsonld")
    assert problem(response, "LdContextNotAvailable", 503)
    with pytest.raises(NgsiError) as failure:
        ContextStore().expand({"@context": "https://example.org/ctx.jsonld", "id": "urn:a", "type": "T"})
    assert failure.value.kind == "LdContextNotAvailable"


def test_query_by_type_id_pattern_and_attrs(client: Client) -> None:
    assert client.count(type="District") == 8
    assert client.count(type="District,AirQualityObserved") == 20
    assert client.ids(id="urn:ngsi-ld:District:01,urn:ngsi-ld:District:02") == [
        "urn:ngsi-ld:District:01", "urn:ngsi-ld:District:02"]
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
    ("availableSpotNumber>100;totalSpotNumber<300",
     lambda e: _any(e, "availableSpotNumber", lambda v: v > 100) and _any(e, "totalSpotNumber", lambda v: v < 300)),
    ("availableSpotNumber>100|totalSpotNumber<300",
     lambda e: _any(e, "availableSpotNumber", lambda v: v > 100) or _any(e, "totalSpotNumber", lambda v: v < 300)),
    ("(no2<20|no2>80);temperature>0",
     lambda e: _any(e, "no2", lambda v: v < 20 or v > 80) and _any(e, "temperature", lambda v: v > 0)),
    ('name~="Rathaus"', lambda e: _any(e, "name", lambda v: "Rathaus" in v)),
    ('name!~="Rathaus"', lambda e: _any(e, "name", lambda v: "Rathaus" not in v)),
    ('refDistrict=="urn:ngsi-ld:District:01"', lambda e: _any(e, "refDistrict", lambda v: v.endswith(":01"))),
    ('address[postalCode]=="53111"', lambda e: _any(e, "address", lambda v: v["postalCode"] == "53111")),
    ('category=="underground"', lambda e: _any(e, "category", lambda v: "underground" in v)),
    ("pm10>50", lambda e: _any(e, "pm10", lambda v: v > 50)),
    ("availableSpotNumber.observedAt>=2026-03-01T08:10:00Z",
     lambda e: any(s >= "2026-03-01T08:10:00Z" for s in _values(e, "availableSpotNumber", "observedAt"))),
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
    return sorted(e["id"] for e in data.entities() if e["type"] == "OffStreetParking"
                  and test(e["location"]["value"]["coordinates"], e["entrance"]["value"]["coordinates"]))


def test_geo_queries(client: Client) -> None:
    near = {"georel": "near;maxDistance==1500", "geometry": "Point", "coordinates": CENTRE_POINT}
    close = _parks(lambda p, _: _metres(p, [7.1, 50.73]) <= 1500)
    assert 0 < len(close) < 24 and sorted(client.ids(type="OffStreetParking", limit=100, **near)) == close
    far = {**near, "georel": "near;minDistance==1500"}
    assert sorted(client.ids(type="OffStreetParking", limit=100, **far)) == _parks(
        lambda p, _: _metres(p, [7.1, 50.73]) >= 1500)
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
    pages = [client.get("/entities", params={"type": "OffStreetParking", "limit": 10, "offset": o})
             for o in (0, 10, 20)]
    ids = [e["id"] for page in pages for e in page.json()]
    assert len(ids) == 24 and len(set(ids)) == 24
    assert 'rel="next"' in pages[0].headers["Link"] and 'rel="prev"' in pages[1].headers["Link"]
    counted = client.get("/entities", params={"type": "District", "limit": 3, "count": "true"})
    assert counted.headers["NGSILD-Results-Count"] == "8" and len(counted.json()) == 3
    assert "NGSILD-Results-Count" not in client.get("/entities", params={"type": "District"}).headers
    for bad in ({"limit": 0}, {"limit": -1}, {"limit": 5000}, {"offset": "x"}, {"count": "yes"}):
        assert problem(client.get("/entities", params={"type": "District", **bad}), "BadRequestData", 400)


def test_update_attributes(writer: Client) -> None:
    seeded = "/entities/urn:ngsi-ld:District:07"
    before = writer.get(seeded, params={"options": "sysAttrs"}).json()
    assert writer.patch(seeded + "/attrs", {"name": {"type": "Property", "value": "Neu"}}).status_code == 204
    after = writer.get(seeded, params={"options": "sysAttrs"}).json()
    assert after["name"]["value"] == "Neu" and after["createdAt"] == before["createdAt"]
    assert after["modifiedAt"] != before["modifiedAt"]
    path = "/entities/urn:ngsi-ld:OffStreetParking:upd"
    writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:upd"))
    partly = writer.patch(path + "/attrs", {"name": {"type": "Property", "value": "B"},
                                            "colour": {"type": "Property", "value": "red"}})
    assert partly.status_code == 207
    assert partly.json() == {"updated": ["name"], "notUpdated": [
        {"attributeName": "colour", "reason": "the entity has no such attribute (with this datasetId)"}]}
    assert "colour" not in writer.get(path).json() and writer.get(path).json()["name"]["value"] == "B"
    assert problem(writer.patch("/entities/urn:ngsi-ld:Nothing:x/attrs", {"name": {"type": "Property", "value": 1}}),
                   "ResourceNotFound", 404)


def test_append_attributes_with_and_without_overwrite(writer: Client) -> None:
    path = "/entities/urn:ngsi-ld:OffStreetParking:app"
    writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:app"))
    assert writer.post(path + "/attrs", {"colour": {"type": "Property", "value": "red"}}).status_code == 204
    kept = writer.post(path + "/attrs", {"colour": {"type": "Property", "value": "blue"}},
                       params={"options": "noOverwrite"})
    assert kept.status_code == 207 and kept.json()["notUpdated"][0]["attributeName"] == "colour"
    assert writer.get(path).json()["colour"]["value"] == "red"
    assert writer.post(path + "/attrs", {"colour": {"type": "Property", "value": "blue"}}).status_code == 204
    assert writer.get(path).json()["colour"]["value"] == "blue"


def test_partial_attribute_update_keeps_the_other_members(writer: Client) -> None:
    path = "/entities/urn:ngsi-ld:OffStreetParking:part"
    writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:part"))
    assert writer.patch(path + "/attrs/totalSpotNumber", {"value": 70}).status_code == 204
    assert writer.get(path).json()["totalSpotNumber"] == {"type": "Property", "value": 70, "unitCode": "C62"}
    assert problem(writer.patch(path + "/attrs/colour", {"value": 1}), "ResourceNotFound", 404)


def test_delete_attribute_instances_and_entities(writer: Client) -> None:
    path = "/entities/urn:ngsi-ld:AirQualityObserved:del"
    pm10 = [{"type": "Property", "value": v, "datasetId": f"urn:ngsi-ld:Dataset:{v}"} for v in (1, 2)]
    writer.post("/entities", {"id": "urn:ngsi-ld:AirQualityObserved:del", "type": "AirQualityObserved",
                              "pm10": pm10, "no2": {"type": "Property", "value": 5}})
    assert writer.delete(path + "/attrs/pm10", params={"datasetId": "urn:ngsi-ld:Dataset:1"}).status_code == 204
    assert writer.get(path).json()["pm10"]["value"] == 2
    assert writer.delete(path + "/attrs/no2").status_code == 204 and "no2" not in writer.get(path).json()
    assert problem(writer.delete(path + "/attrs/no2"), "ResourceNotFound", 404)
    assert writer.delete(path).status_code == 204
    assert problem(writer.get(path), "ResourceNotFound", 404)


def test_batch_create_and_upsert(writer: Client) -> None:
    new = [parking(f"urn:ngsi-ld:OffStreetParking:b{n}") for n in range(3)]
    created = writer.post("/entityOperations/create", new)
    assert created.status_code == 201 and sorted(created.json()) == [e["id"] for e in new]
    again = writer.post("/entityOperations/create", [*new[:1], parking("urn:ngsi-ld:OffStreetParking:b3")])
    assert again.status_code == 207 and again.json()["success"] == ["urn:ngsi-ld:OffStreetParking:b3"]
    error = again.json()["errors"][0]
    assert error["entityId"] == new[0]["id"] and error["error"]["type"].endswith("/AlreadyExists")
    assert writer.post("/entityOperations/upsert", new[:2]).status_code == 204
    mixed = writer.post("/entityOperations/upsert", [new[0], parking("urn:ngsi-ld:OffStreetParking:b4")])
    assert mixed.status_code == 201 and mixed.json() == ["urn:ngsi-ld:OffStreetParking:b4"]


def test_batch_upsert_replaces_or_updates(writer: Client) -> None:
    writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:ups", colour={"type": "Property", "value": 1}))
    slim = {"id": "urn:ngsi-ld:OffStreetParking:ups", "type": "OffStreetParking",
            "name": {"type": "Property", "value": "X"}}
    assert writer.post("/entityOperations/upsert", [slim], params={"options": "update"}).status_code == 204
    assert "colour" in writer.get("/entities/urn:ngsi-ld:OffStreetParking:ups").json()
    assert writer.post("/entityOperations/upsert", [slim]).status_code == 204
    assert set(writer.get("/entities/urn:ngsi-ld:OffStreetParking:ups").json()) == {"id", "type", "name"}


def test_batch_update_and_delete(writer: Client) -> None:
    ids = [f"urn:ngsi-ld:OffStreetParking:bu{n}" for n in range(2)]
    writer.post("/entityOperations/create", [parking(i) for i in ids])
    change = [{"id": i, "type": "OffStreetParking", "name": {"type": "Property", "value": "B"}} for i in ids]
    assert writer.post("/entityOperations/update", change).status_code == 204
    missing = {"id": "urn:ngsi-ld:OffStreetParking:none", "type": "OffStreetParking"}
    partial = writer.post("/entityOperations/update", [*change, missing])
    assert partial.status_code == 207 and partial.json()["errors"][0]["error"]["type"].endswith("/ResourceNotFound")
    assert writer.post("/entityOperations/delete", ids).status_code == 204
    gone = writer.post("/entityOperations/delete", [*ids[:1]])
    assert gone.status_code == 207 and gone.json()["success"] == []
    assert problem(writer.post("/entityOperations/delete", {"id": 1}), "BadRequestData", 400)


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


def test_operations_outside_the_double_are_operation_not_supported(client: Client) -> None:
    assert problem(client.get("/subscriptions"), "OperationNotSupported", 422)
    assert problem(client.call("PUT", "/entities/urn:ngsi-ld:District:01", {}), "OperationNotSupported", 422)
    assert problem(client.get("/nothing"), "ResourceNotFound", 404)


def test_hosted_context_is_served_as_json_ld(server: NgsiLdTestServer) -> None:
    response = requests.get(server.context_url, timeout=10)
    assert response.headers["Content-Type"] == "application/ld+json"
    assert response.json()["@context"]["no2"] == "ms:no2"
