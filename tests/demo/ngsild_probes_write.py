"""Probes of the NGSI-LD broker double that write (each with entity ids of its own): True when kept."""

from __future__ import annotations

from typing import Any

from tests.demo.ngsild_client import Client, member, parking

NS = "https://musterstadt.example/ngsi-ld/"


def _create(client: Client, entity_id: str, **kwargs: Any) -> int:
    return client.post("/entities", parking(entity_id), **kwargs).status_code


def create_201(client: Client) -> bool:
    return _create(client, "urn:ngsi-ld:OffStreetParking:probe-201") == 201


def create_location(client: Client) -> bool:
    response = client.post("/entities", parking("urn:ngsi-ld:OffStreetParking:probe-loc"))
    return response.headers.get("Location", "").endswith("/entities/urn:ngsi-ld:OffStreetParking:probe-loc")


def create_duplicate(client: Client) -> bool:
    _create(client, "urn:ngsi-ld:OffStreetParking:probe-dup")
    return _create(client, "urn:ngsi-ld:OffStreetParking:probe-dup") == 409


def create_non_uri(client: Client) -> bool:
    return _create(client, "probe without uri") == 400


def content_type_415(client: Client) -> bool:
    return _create(client, "urn:ngsi-ld:OffStreetParking:probe-415", media="text/plain") == 415


def link_expansion(client: Client) -> bool:
    _create(client, "urn:ngsi-ld:OffStreetParking:probe-link")
    body = client.get("/entities/urn:ngsi-ld:OffStreetParking:probe-link", context=None).json()
    return bool(body["type"] == NS + "OffStreetParking")


def body_expansion(client: Client) -> bool:
    document = {**parking("urn:ngsi-ld:OffStreetParking:probe-body"), "@context": client.context}
    client.post("/entities", document, context=None, media="application/ld+json")
    body = client.get("/entities/urn:ngsi-ld:OffStreetParking:probe-body", context=None).json()
    return bool(body["type"] == NS + "OffStreetParking")


def mixed_context(client: Client) -> bool:
    document = {**parking("urn:ngsi-ld:OffStreetParking:probe-mixed"), "@context": client.context}
    return client.post("/entities", document, media="application/ld+json").status_code == 400


def ld_without_context(client: Client) -> bool:
    document = parking("urn:ngsi-ld:OffStreetParking:probe-ldnone")
    return client.post("/entities", document, context=None, media="application/ld+json").status_code == 400


def update_only_existing(client: Client) -> bool:
    _create(client, "urn:ngsi-ld:OffStreetParking:probe-upd")
    fragment = {"colour": {"type": "Property", "value": "red"}}
    return client.patch("/entities/urn:ngsi-ld:OffStreetParking:probe-upd/attrs", fragment).status_code == 207


def no_overwrite(client: Client) -> bool:
    _create(client, "urn:ngsi-ld:OffStreetParking:probe-now")
    client.post(
        "/entities/urn:ngsi-ld:OffStreetParking:probe-now/attrs",
        {"name": {"type": "Property", "value": "X"}},
        params={"options": "noOverwrite"},
    )
    body = client.get("/entities/urn:ngsi-ld:OffStreetParking:probe-now").json()
    return bool(member(body, "name")["value"] == "Probe")


def partial_update(client: Client) -> bool:
    _create(client, "urn:ngsi-ld:OffStreetParking:probe-part")
    path = "/entities/urn:ngsi-ld:OffStreetParking:probe-part"
    client.patch(path + "/attrs/totalSpotNumber", {"value": 70})
    return bool(
        member(client.get(path).json(), "totalSpotNumber") == {"type": "Property", "value": 70, "unitCode": "C62"}
    )


def delete_missing_attribute(client: Client) -> bool:
    return client.delete("/entities/urn:ngsi-ld:OffStreetParking:P04/attrs/colour").status_code == 404


def delete_entity(client: Client) -> bool:
    _create(client, "urn:ngsi-ld:OffStreetParking:probe-del")
    deleted = client.delete("/entities/urn:ngsi-ld:OffStreetParking:probe-del").status_code
    return deleted == 204 and client.ids(id="urn:ngsi-ld:OffStreetParking:probe-del") == []


def modified_at(client: Client) -> bool:
    path = "/entities/urn:ngsi-ld:District:08"
    before = client.get(path, params={"options": "sysAttrs"}).json()["modifiedAt"]
    client.patch(path + "/attrs", {"name": {"type": "Property", "value": "Neustadt"}})
    return bool(client.get(path, params={"options": "sysAttrs"}).json()["modifiedAt"] != before)


def batch_multi_status(client: Client) -> bool:
    batch = [parking("urn:ngsi-ld:OffStreetParking:probe-b1"), {"id": "urn:ngsi-ld:OffStreetParking:probe-b2"}]
    response = client.post("/entityOperations/create", batch)
    return response.status_code == 207 and response.json()["success"] == ["urn:ngsi-ld:OffStreetParking:probe-b1"]


def batch_created(client: Client) -> bool:
    response = client.post("/entityOperations/create", [parking("urn:ngsi-ld:OffStreetParking:probe-b3")])
    return response.status_code == 201 and response.json() == ["urn:ngsi-ld:OffStreetParking:probe-b3"]
