"""The NGSI-LD reference broker double follows ETSI GS CIM 009 V1.6.1: real HTTP requests against it.

Creation, retrieval, representations, @context handling, errors, updates and batch operations (queries
are in test_ngsild_queries.py). Tests that write use their own entity ids on the shared writing tenant, so
they stay independent of each other and of the generated data the read tests rely on.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pyld", reason="pyld is a dependency of wechselbar; reinstall with pip install -e .")

import requests

from conformance.demo.ngsild.contexts import ContextStore
from conformance.demo.ngsild.server import NgsiLdTestServer
from conformance.demo.ngsild.spec import CORE_URL, NgsiError
from tests.demo.ngsild_client import Client, link, parking, problem

NS = "https://musterstadt.example/ngsi-ld/"


def test_create_answers_201_with_a_location_that_retrieves_the_entity(writer: Client) -> None:
    created = writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:create-1"))
    assert created.status_code == 201 and created.text == ""
    location = created.headers["Location"]
    assert location.endswith("/ngsi-ld/v1/entities/urn:ngsi-ld:OffStreetParking:create-1")
    fetched = writer.session.get(
        writer.api.split("/ngsi-ld/")[0].rsplit("/", 1)[0] + location, headers={"Link": link(writer.context or "")}
    )
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
    assert sorted(i["datasetId"] for i in entity["pm10"]) == [
        "urn:ngsi-ld:Dataset:sensorA",
        "urn:ngsi-ld:Dataset:sensorB",
    ]
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
        NS + "OffStreetParking"
    )
    assert problem(writer.post("/entities", body, media="application/ld+json"), "BadRequestData", 400)
    no_context = parking("urn:ngsi-ld:OffStreetParking:ld-2")
    assert problem(
        writer.post("/entities", no_context, context=None, media="application/ld+json"), "BadRequestData", 400
    )
    assert problem(writer.post("/entities", body, context=None), "BadRequestData", 400)


def test_unavailable_context_and_the_network_is_never_asked(client: Client) -> None:
    response = client.get("/entities", params={"type": "Thing"}, context="https://example.org/unknown.jsonld")
    assert problem(response, "LdContextNotAvailable", 503)
    with pytest.raises(NgsiError) as failure:
        ContextStore().expand({"@context": "https://example.org/ctx.jsonld", "id": "urn:a", "type": "T"})
    assert failure.value.kind == "LdContextNotAvailable"


def test_update_attributes(writer: Client) -> None:
    seeded = "/entities/urn:ngsi-ld:District:07"
    before = writer.get(seeded, params={"options": "sysAttrs"}).json()
    assert writer.patch(seeded + "/attrs", {"name": {"type": "Property", "value": "Neu"}}).status_code == 204
    after = writer.get(seeded, params={"options": "sysAttrs"}).json()
    assert after["name"]["value"] == "Neu" and after["createdAt"] == before["createdAt"]
    assert after["modifiedAt"] != before["modifiedAt"]
    path = "/entities/urn:ngsi-ld:OffStreetParking:upd"
    writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:upd"))
    partly = writer.patch(
        path + "/attrs", {"name": {"type": "Property", "value": "B"}, "colour": {"type": "Property", "value": "red"}}
    )
    assert partly.status_code == 207
    assert partly.json() == {
        "updated": ["name"],
        "notUpdated": [{"attributeName": "colour", "reason": "the entity has no such attribute (with this datasetId)"}],
    }
    assert "colour" not in writer.get(path).json() and writer.get(path).json()["name"]["value"] == "B"
    assert problem(
        writer.patch("/entities/urn:ngsi-ld:Nothing:x/attrs", {"name": {"type": "Property", "value": 1}}),
        "ResourceNotFound",
        404,
    )


def test_append_attributes_with_and_without_overwrite(writer: Client) -> None:
    path = "/entities/urn:ngsi-ld:OffStreetParking:app"
    writer.post("/entities", parking("urn:ngsi-ld:OffStreetParking:app"))
    assert writer.post(path + "/attrs", {"colour": {"type": "Property", "value": "red"}}).status_code == 204
    kept = writer.post(
        path + "/attrs", {"colour": {"type": "Property", "value": "blue"}}, params={"options": "noOverwrite"}
    )
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
    writer.post(
        "/entities",
        {
            "id": "urn:ngsi-ld:AirQualityObserved:del",
            "type": "AirQualityObserved",
            "pm10": pm10,
            "no2": {"type": "Property", "value": 5},
        },
    )
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
    slim = {
        "id": "urn:ngsi-ld:OffStreetParking:ups",
        "type": "OffStreetParking",
        "name": {"type": "Property", "value": "X"},
    }
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


def test_operations_outside_the_double_are_operation_not_supported(client: Client) -> None:
    assert problem(client.get("/subscriptions"), "OperationNotSupported", 422)
    assert problem(client.call("PUT", "/entities/urn:ngsi-ld:District:01", {}), "OperationNotSupported", 422)
    assert problem(client.get("/nothing"), "ResourceNotFound", 404)


def test_hosted_context_is_served_as_json_ld(server: NgsiLdTestServer) -> None:
    response = requests.get(server.context_url, timeout=10)
    assert response.headers["Content-Type"] == "application/ld+json"
    assert response.json()["@context"]["no2"] == "ms:no2"
