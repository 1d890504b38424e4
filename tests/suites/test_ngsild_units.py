"""Units of the NGSI-LD suite without a broker: the offline JSON-LD loader, sampling helpers, geo distances."""

from __future__ import annotations

import pytest
import requests

from conformance.suites.ngsild.checks_geo import metres, point
from conformance.suites.ngsild.contexts import CORE_URL, ContextRefused, Contexts
from conformance.suites.ngsild.sampling import attributes, usable_name

USER = "http://broker.example/ctx.jsonld"
DOCUMENT = {"@context": {"ex": "https://example.org/ns/", "speed": "ex:speed", "Car": "ex:Car"}}


def test_loader_serves_the_core_context_from_the_pack() -> None:
    contexts = Contexts()
    assert contexts.iri("Property", []) == "https://uri.etsi.org/ngsi-ld/Property"
    assert contexts.effective(None) == [CORE_URL]


def test_loader_refuses_every_other_url_instead_of_fetching_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network was used")

    monkeypatch.setattr(requests.Session, "request", no_network)
    monkeypatch.setattr(requests, "get", no_network)
    asked: list[str] = []
    contexts = Contexts()
    held = contexts.load
    monkeypatch.setattr(contexts, "load", lambda url, options=None: asked.append(url) or held(url, options))
    with pytest.raises(ContextRefused):
        contexts.expand({"id": "urn:x", "type": "Car"}, ["https://example.org/remote-context.jsonld"])
    assert asked == ["https://example.org/remote-context.jsonld"]


def test_a_user_context_named_by_the_vendors_file_gives_short_names() -> None:
    contexts = Contexts((USER, DOCUMENT))
    assert contexts.iri("speed") == "https://example.org/ns/speed"
    assert contexts.term("https://example.org/ns/Car") == "Car"
    assert contexts.iri("speed", []) != "https://example.org/ns/speed"


def test_a_user_context_that_names_a_remote_context_is_refused() -> None:
    contexts = Contexts((USER, {"@context": ["https://example.org/other.jsonld"]}))
    with pytest.raises(ContextRefused):
        contexts.iri("type")


def test_attributes_keep_only_ngsi_ld_attribute_objects() -> None:
    entity = {
        "id": "urn:ngsi-ld:Car:1",
        "type": "Car",
        "speed": {"type": "Property", "value": 3},
        "odd": {"value": 3},
        "pm10": [{"type": "Property", "value": 1, "datasetId": "urn:a"}, {"type": "Property", "value": 2}],
        "createdAt": "2026-01-01T00:00:00Z",
    }
    assert set(attributes(entity)) == {"speed", "pm10"}
    assert len(attributes(entity)["pm10"]) == 2


@pytest.mark.parametrize(
    ("name", "usable"),
    [("speed", True), ("https://example.org/ns/speed", False), ("a.b", False), ("x;y", False), ("", False)],
)
def test_only_short_names_stand_in_q_and_attrs(name: str, usable: bool) -> None:
    assert usable_name(name) is usable


def test_points_and_distances() -> None:
    entity = {"location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [7.1, 50.7]}}}
    assert point(entity) == (7.1, 50.7)
    assert point({"location": {"type": "GeoProperty", "value": {"type": "Polygon", "coordinates": []}}}) is None
    assert 1100 < metres((7.1, 50.7), (7.1, 50.71)) < 1120
