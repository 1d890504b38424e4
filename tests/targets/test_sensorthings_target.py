"""Smoke test of the django-ogc-sensorthings target: it starts, answers SensorThings 1.1 and holds the seed."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from tests.targets.sensorthings import SEED, things

ENTITY_SETS = {
    "Things",
    "Locations",
    "HistoricalLocations",
    "Datastreams",
    "Sensors",
    "ObservedProperties",
    "Observations",
    "FeaturesOfInterest",
}
SENSING = "http://www.opengis.net/spec/iot_sensing/1.1/req/"


def _json(url: str) -> tuple[str, Any]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers.get("Content-Type", ""), json.loads(response.read())


def test_sensorthings_serves_the_seeded_entities(sensorthings_url: str) -> None:
    """One test, so that one worker starts the server: root document, counts and an expand."""
    _root(sensorthings_url)
    _counts(sensorthings_url)
    _expand(sensorthings_url)


def _root(sensorthings_url: str) -> None:
    content_type, root = _json(sensorthings_url)
    assert content_type.startswith("application/json")
    assert {entry["name"] for entry in root["value"]} == ENTITY_SETS
    assert all(entry["url"] == sensorthings_url + entry["name"] for entry in root["value"])
    assert {SENSING + "datamodel", SENSING + "create-update-delete"} <= set(root["serverSettings"]["conformance"])


def _counts(sensorthings_url: str) -> None:
    for entity_set, expected in SEED.items():
        _, page = _json(f"{sensorthings_url}{entity_set}?$count=true&$top=1")
        assert page["@iot.count"] == expected, entity_set


def _expand(sensorthings_url: str) -> None:
    _, page = _json(sensorthings_url + "Things?$expand=Datastreams&$orderby=name")
    expected = {thing["name"]: len(thing["Datastreams"]) for thing in things()}
    assert [(t["name"], len(t["Datastreams"])) for t in page["value"]] == sorted(expected.items())
