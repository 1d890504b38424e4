"""Offline bundling of OpenAPI descriptions, the reference sources, and deterministic case generation."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from conformance.core.openapi.refs import at as resolve
from conformance.suites.openapi.api import Api
from conformance.suites.openapi.bundle import MARK, STORE, bundle
from conformance.suites.openapi.cases import load_schema, negative, operations, plan, positive
from conformance.suites.openapi.document import Description, DescriptionUnavailable, parse
from conformance.suites.openapi.sources import Foreign, Sources
from conformance.suites.openapi.validity import spec_errors

FEATURES = "https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/ogcapi-features-1.yaml"
PROCESSES = "https://schemas.opengis.net/ogcapi/processes/part1/1.0/openapi/responses/NotFound.yaml"
SORTBY = "https://raw.githubusercontent.com/opengeospatial/ogcapi-records/master/core/openapi/parameters/sortby.yaml"


def document() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "http://127.0.0.1:9"}],
        "paths": {
            "/": {
                "get": {
                    "responses": {
                        "200": {"$ref": f"{FEATURES}#/components/responses/LandingPage"},
                        "404": {"$ref": PROCESSES},
                    }
                }
            },
            "/items": {
                "get": {
                    "parameters": [{"$ref": SORTBY}, {"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/geo+json": {
                                    "schema": {"$ref": f"{FEATURES}#/components/schemas/featureCollectionGeoJSON"}
                                }
                            },
                        },
                        "400": {"$ref": "#/components/responses/Missing"},
                    },
                }
            },
        },
    }


def bundled(raw: dict[str, Any], folder: Path | None = None) -> Api:
    description = Description(raw, "http://127.0.0.1:9/openapi", folder=folder)
    return Api(description, bundle(description, Sources(None, folder)))


def test_mirrored_references_are_copied_in_and_rewritten() -> None:
    found = bundled(document())
    landing = found.document["paths"]["/"]["get"]["responses"]["200"]
    key = landing["$ref"].rsplit("/", 1)[1]
    assert landing["$ref"].startswith(f"#/{STORE}/") and found.bundle.origins[key].endswith("/LandingPage")
    inner = found.document[STORE][key]["content"]["application/json"]["schema"]["$ref"]
    assert resolve(found.document, inner[1:])["required"] == ["links"]


def test_recursive_external_schemas_terminate() -> None:
    found = bundled(document())
    names = " ".join(found.document[STORE])
    assert "geometrycollectionGeoJSON" in names and "geometryGeoJSON" in names


def test_unresolvable_references_become_findings_and_placeholders() -> None:
    found = bundled(document())
    by_ref = {f.ref: f for f in found.bundle.findings}
    assert by_ref[PROCESSES].foreign and by_ref[PROCESSES].pointer == "/paths/~1/get/responses/404"
    assert by_ref[SORTBY].foreign and by_ref[SORTBY].pointer == "/paths/~1items/get/parameters/0"
    missing = by_ref["http://127.0.0.1:9/openapi#/components/responses/Missing"]
    assert not missing.foreign and missing.reason.text == "no such location in the description"
    responses = found.document["paths"]["/"]["get"]["responses"]
    assert responses["404"][MARK] == PROCESSES and "description" in responses["404"]
    assert [p["name"] for p in found.document["paths"]["/items"]["get"]["parameters"]] == ["limit"]


def test_bundle_is_a_valid_document_and_nothing_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(host: str, *args: object, **kwargs: object) -> object:
        raise AssertionError(f"network lookup of {host}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    found = bundled(document())
    assert list(spec_errors(found)) == []
    schema = load_schema(found.document)
    ops = operations(schema, [])
    assert [op.label for op in ops] == ["GET /", "GET /items"]
    assert all(plan(op, case, "http://127.0.0.1:9", False).url for op in ops for case in positive(op, 2, {}))


def test_sources_read_only_mirrors_own_host_and_the_description_folder(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("type: string\n", encoding="utf-8")
    sources = Sources(None, tmp_path)
    assert sources.read((tmp_path / "a.yaml").as_uri()) == {"type": "string"}
    with pytest.raises(Foreign, match="outside the description's folder"):
        sources.read((tmp_path.parent / "x.yaml").as_uri())
    with pytest.raises(Foreign, match=r"example\.org"):
        sources.read("https://example.org/schema.json")
    with pytest.raises(Foreign, match="not in the mirrored pack"):
        sources.read("https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/nope.yaml")


def test_generation_is_deterministic() -> None:
    found = bundled(document())

    def urls() -> list[str]:
        ops = operations(load_schema(found.document), [])
        return [plan(op, c, "http://127.0.0.1:9", True).url for op in ops for c in negative(op, 5)]

    first = urls()
    assert first and first == urls()


def test_yaml_alias_bombs_and_non_objects_are_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    with pytest.raises(DescriptionUnavailable, match="expands to more than"):
        parse(bomb.encode(), "bomb.yaml", False)
    with pytest.raises(DescriptionUnavailable, match="not an object"):
        parse(b"[1, 2]", "list.json", True)
