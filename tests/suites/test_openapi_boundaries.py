"""Boundary cases of the OpenAPI suite, and its deference to OGC API – Features, on hand-made descriptions."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from conformance.core.vendors import Target
from conformance.suites.openapi.boundaries import Boundary, boundaries, parameters
from conformance.suites.openapi.deference import claimed, lifted
from conformance.suites.openapi.messages import MESSAGES

LIMIT = {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
BBOX = {
    "name": "bbox",
    "in": "query",
    "style": "form",
    "explode": False,
    "schema": {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
}
DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/collections": {
            "get": {
                "parameters": [{"$ref": "#/components/parameters/limit"}],
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/collections/{collectionId}/items": {
            "parameters": [{"name": "collectionId", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {
                "parameters": [
                    {"$ref": "#/components/parameters/limit"},
                    BBOX,
                    {"name": "f", "in": "query", "schema": {"type": "string", "enum": ["json"]}},
                    {"name": "sortdesc", "in": "query", "schema": {"type": "boolean"}},
                    {"name": "X-Key", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {"200": {"description": "ok"}},
            },
        },
        "/items/{id}": {
            "get": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
                ],
                "responses": {"200": {"description": "ok"}},
            }
        },
    },
    "components": {"parameters": {"limit": LIMIT}},
}
ITEMS = "/paths/~1collections~1{collectionId}~1items/get"


def cases(pointer: str) -> dict[tuple[str, str], list[Boundary]]:
    found: dict[tuple[str, str], list[Boundary]] = {}
    for param in parameters(DOCUMENT, pointer):
        found[(param["name"], param["in"])] = list(boundaries(DOCUMENT, param))
    return found


def sent(found: list[Boundary]) -> list[tuple[Any, bool, str]]:
    return [(b.shown, b.negative, b.bound.text) for b in found]


def test_parameters_of_the_path_item_and_the_operation_with_references_resolved() -> None:
    assert list(cases(ITEMS)) == [
        ("collectionId", "path"),
        ("limit", "query"),
        ("bbox", "query"),
        ("f", "query"),
        ("sortdesc", "query"),
    ]


def test_below_minimum_above_maximum_and_wrong_type() -> None:
    assert sent(cases(ITEMS)[("limit", "query")]) == [
        ("0", True, "below the minimum 1"),
        ("101", True, "above the maximum 100"),
        ("zzz", True, "not of type integer"),
    ]
    assert sent(cases("/paths/~1items~1{id}/get")[("id", "path")]) == [
        ("0", True, "below the minimum 1"),
        ("zzz", True, "not of type integer"),
    ]


def test_max_items_is_valid_one_more_and_one_less_are_not() -> None:
    found = cases(ITEMS)[("bbox", "query")]
    assert sent(found) == [
        ("0,1,2,3,4,5", False, "maxItems 6 items"),
        ("0,1,2,3,4,5,6", True, "one item more than maxItems 6"),
        ("0,1,2", True, "one item less than minItems 4"),
        ("zzz", True, "not of type array"),
    ]
    assert found[0].value == "0,1,2,3,4,5"  # form, not exploded: one comma-separated value


def test_an_exploded_array_is_sent_as_repeated_values() -> None:
    exploded = {**BBOX, "explode": True}
    assert next(boundaries(DOCUMENT, exploded)).value == ["0", "1", "2", "3", "4", "5"]


def test_empty_value_against_an_enum_and_a_boolean_of_the_wrong_type() -> None:
    found = cases(ITEMS)
    assert sent(found[("f", "query")]) == [("", True, "empty, not one of json")]
    assert sent(found[("sortdesc", "query")]) == [("zzz", True, "not of type boolean")]
    assert found[("collectionId", "path")] == []


def test_exclusive_bounds_of_both_versions() -> None:
    old = {"name": "n", "in": "query", "schema": {"type": "number", "minimum": 0, "exclusiveMinimum": True}}
    new = {"name": "n", "in": "query", "schema": {"type": "number", "exclusiveMaximum": 10}}
    assert sent(list(boundaries(DOCUMENT, old)))[0] == ("0", True, "below the minimum 0")
    assert sent(list(boundaries(DOCUMENT, new)))[0] == ("10", True, "above the maximum 10")


def test_every_bound_reads_in_german() -> None:
    for found in [*cases(ITEMS).values(), *cases("/paths/~1items~1{id}/get").values()]:
        for boundary in found:
            assert MESSAGES.render(boundary.bound, "de") != boundary.bound.text


def vendor_target(*targets: Target) -> Any:
    return SimpleNamespace(vendor=SimpleNamespace(targets=targets))


def test_a_features_target_of_the_same_api_lifts_the_maximum_of_limit_on_items_only() -> None:
    base = "http://geo.example/api/v1"
    features = Target("ogcapi-features-1", urls=("http://geo.example/api/v1/",))
    other = Target("ogcapi-features-1", urls=("http://other.example",))
    assert claimed(vendor_target(Target("openapi-3", urls=(base,))), base) == []
    assert claimed(vendor_target(other), base) == []
    [deference] = claimed(vendor_target(features), base)
    document, notes = lifted(DOCUMENT, [deference])
    items = next(p for p in parameters(document, ITEMS) if p["name"] == "limit")
    assert items["schema"] == {"type": "integer", "minimum": 1}
    assert [b.bound.text for b in boundaries(document, items)] == ["below the minimum 1", "not of type integer"]
    collections = parameters(document, "/paths/~1collections/get")[0]
    assert collections["schema"]["maximum"] == 100 and DOCUMENT["components"]["parameters"]["limit"] is LIMIT
    assert LIMIT["schema"]["maximum"] == 100
    assert [n.text for n in notes] == [
        "a limit above its documented maximum was not sent as invalid data to 1 items operations: OGC API – Features "
        "– Part 1 (17-069r4 /req/core/fc-limit-response-1) requires it to be answered, and the vendors file lists "
        "that standard for this API"
    ]
