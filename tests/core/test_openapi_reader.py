"""The shared OpenAPI reader: JSON pointers, $ref chains (cycles, remote, bounded) and documented statuses."""

from __future__ import annotations

from typing import Any

import pytest

from conformance.core.openapi.refs import MAX_HOPS, MISSING, References, at, escape, pointer
from conformance.core.openapi.responses import documented_fields, documented_response, documenting, entry, media_matches

ROOT = "https://api.example/openapi.json"
DOC: dict[str, Any] = {
    "paths": {"/a/{id}": {"get": {"responses": {"200": {"$ref": "#/components/responses/Ok"}}}}},
    "components": {
        "responses": {"Ok": {"$ref": "#/components/responses/Real"}, "Real": {"description": "ok"}},
        "schemas": {"a/b": {"type": "string"}, "~x": {"type": "integer"}, "": {"type": "null"}},
        "loop": {"one": {"$ref": "#/components/loop/two"}, "two": {"$ref": "#/components/loop/one"}},
        "self": {"$ref": "#/components/self"},
    },
    "list": [{"n": 0}, {"n": 1}],
}


def test_pointers_follow_rfc_6901() -> None:
    assert at(DOC, "") is DOC
    assert at(DOC, "/components/schemas/a~1b") == {"type": "string"}
    assert at(DOC, "/components/schemas/~0x") == {"type": "integer"}
    assert at(DOC, "/components/schemas/") == {"type": "null"}
    assert at(DOC, "/list/1/n") == 1
    assert at(DOC, "/paths/~1a~1%7Bid%7D/get") == DOC["paths"]["/a/{id}"]["get"]
    assert at(DOC, "/list/2") is MISSING
    assert at(DOC, "/list/-1") is MISSING
    assert at(DOC, "no-slash") is MISSING
    assert at({"responses": {200: "int key from YAML"}}, "/responses/200") == "int key from YAML"
    assert pointer(("paths", "/a/{id}", "get", 0)) == "/paths/~1a~1{id}/get/0"
    assert escape("~/") == "~0~1"


def test_chains_are_followed_to_their_end_with_the_place_found() -> None:
    refs = References(ROOT, DOC)
    found = refs.follow("/paths/~1a~1{id}/get/responses/200")
    assert found is not None
    assert found.node == {"description": "ok"}
    assert (found.uri, found.pointer) == (ROOT, "/components/responses/Real")
    assert refs.resolve({"type": "string"}) == {"type": "string"}
    assert refs.resolve({"$ref": "#/nowhere"}) is None
    assert refs.resolve({"$ref": ROOT + "#/list/0"}) == {"n": 0}


@pytest.mark.parametrize("ref", ["#/components/loop/one", "#/components/self"])
def test_cycles_are_unresolved_not_endless(ref: str) -> None:
    assert References(ROOT, DOC).resolve({"$ref": ref}) is None


def test_long_chains_are_cut() -> None:
    chain = {f"n{i}": {"$ref": f"#/n{i + 1}"} for i in range(MAX_HOPS + 5)}
    chain[f"n{MAX_HOPS + 5}"] = {"end": True}
    refs = References(ROOT, chain)
    assert refs.resolve({"$ref": "#/n0"}) is None
    assert refs.resolve({"$ref": f"#/n{10}"}) == {"end": True}


def test_remote_references_come_only_from_the_loader() -> None:
    asked: list[str] = []
    held = {"https://schemas.example/common.json": {"defs": {"Link": {"$ref": "#/defs/Real"}, "Real": {"ok": 1}}}}

    def load(uri: str) -> Any:
        asked.append(uri)
        return held.get(uri)

    refs = References(ROOT, DOC, load)
    found = refs.locate({"$ref": "https://schemas.example/common.json#/defs/Link"})
    assert found is not None and found.node == {"ok": 1}
    assert (found.uri, found.pointer) == ("https://schemas.example/common.json", "/defs/Real")
    assert refs.resolve({"$ref": "other.json#/x"}) is None
    assert refs.resolve({"$ref": "http://169.254.169.254/latest#/x"}) is None
    assert asked == [
        "https://schemas.example/common.json",
        "https://api.example/other.json",
        "http://169.254.169.254/latest",
    ]
    assert References(ROOT, DOC).resolve({"$ref": "https://schemas.example/common.json#/defs/Real"}) is None


def test_a_ref_that_is_not_a_string_is_a_plain_node() -> None:
    node = {"$ref": {"$ref": "#/list"}}
    assert References(ROOT, DOC).resolve(node) == node


RESPONSES = {"200": {}, "4XX": {}, "404": {}, "default": {}, "x-extension": {}}


@pytest.mark.parametrize(
    ("status", "field"),
    [(200, "200"), (404, "404"), (400, "4XX"), (499, "4XX"), (201, "default"), (500, "default")],
)
def test_explicit_code_then_range_then_default(status: int, field: str) -> None:
    assert documenting(RESPONSES, status) == field


def test_without_default_a_status_outside_codes_and_ranges_is_undocumented() -> None:
    responses = {"200": {"description": "ok"}, "5XX": {}}
    assert documenting(responses, 200) == "200"
    assert documenting(responses, 503) == "5XX"
    assert documenting(responses, 201) is None
    assert documenting(responses, 404) is None
    assert documenting({}, 200) is None


def test_only_uppercase_whole_ranges_are_ranges() -> None:
    """OpenAPI 3.0.3 §4.7.16.2 / 3.1.0 §4.8.16.2: the uppercase X, and only 1XX to 5XX."""
    assert documenting({"4xx": {}}, 404) is None
    assert documenting({"40X": {}}, 404) is None
    assert documenting({"Default": {}}, 404) is None
    assert documented_fields({"4xx": {}, "40X": {}, "404": {}, "2XX": {}, "default": {}, "x-a": {}}) == [
        "2XX",
        "404",
        "default",
    ]


def test_yaml_integer_fields_document_their_code() -> None:
    found = entry({200: {"description": "ok"}}, 200)
    assert found == ("200", {"description": "ok"})
    assert entry({200: {}}, 201) is None


@pytest.mark.parametrize(
    ("documented", "served", "matches"),
    [
        ("application/geo+json", "application/geo+json; charset=utf-8", True),
        ("Application/JSON", "application/json", True),
        ("text/*", "text/html", True),
        ("*/*", "image/png", True),
        ("application/json", "application/geo+json", False),
        ("text/*", "application/json", False),
        ("application/json", "", False),
        ("application/json", "json", False),
        ("not a type", "application/json", False),
    ],
)
def test_served_media_types_match_content_keys_and_ranges(documented: str, served: str, matches: bool) -> None:
    assert media_matches(documented, served) is matches


def test_the_documented_response_follows_references_to_the_response_object() -> None:
    doc: dict[str, Any] = {
        "paths": {"/x": {"get": {"responses": {"2XX": {"$ref": "#/components/responses/Ok"}, "default": "broken"}}}},
        "components": {"responses": {"Ok": {"content": {"application/json": {}}}}},
    }
    refs = References("", doc)
    found = documented_response(refs, "/paths/~1x/get", 204)
    assert found is not None and found.pointer == "/components/responses/Ok"
    assert documented_response(refs, "/paths/~1x/get", 500) is None
    assert documented_response(refs, "/paths/~1y/get", 200) is None
