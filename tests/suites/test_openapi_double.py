"""The OpenAPI suite against a purpose-built TEST DOUBLE API: clean, and with one defect switched on per vendor.

The double is not a real product. It serves a small item API and its OpenAPI 3.0 description under
/<variant>/; each variant breaks exactly one promise of its description, so the tests prove that every check
passes on conformant behaviour and fails, with evidence, on each kind of deviation.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conformance.core.results import read_run
from conformance.suites.openapi import SUITE
from tests.suites.ows_support import assert_every_check_can_fail

LINK = "https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/ogcapi-features-1.yaml#/components/schemas/link"
ITEMS = [{"id": 1, "name": "one"}, {"id": 2, "name": "two"}, {"id": 3, "name": "three"}]
VARIANTS = (
    "clean",
    "v31",
    "yaml",
    "secured",
    "status",
    "media",
    "schema",
    "notjson",
    "lenient",
    "edges",
    "crash",
    "invalid",
    "broken",
    "foreign",
    "missing",
    "swagger",
)


def description(variant: str) -> dict[str, Any]:
    """The OpenAPI 3.0.3 description of the double, with the variant's defect in the document if it has one."""
    error = {"$ref": "#/components/responses/Error"}
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Test double", "version": "1.0"},
        "servers": [{"url": f"/{variant}"}],
        "paths": {
            "/items": {
                "get": {
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                        {"name": "f", "in": "query", "schema": {"type": "string", "enum": ["json"]}},
                    ],
                    "responses": {"200": _json("#/components/schemas/ItemList"), "400": error},
                }
            },
            "/items/{id}": {
                "get": {
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
                    ],
                    "responses": {"200": _json("#/components/schemas/Item"), "400": error, "404": error},
                }
            },
            "/status": {
                "get": {
                    "responses": {
                        "200": {"description": "up", "content": {"text/plain": {"schema": {"type": "string"}}}},
                        "500": {"description": "down", "content": {"text/plain": {"schema": {"type": "string"}}}},
                    }
                }
            },
        },
        "components": {
            "schemas": {
                "Item": {
                    "type": "object",
                    "required": ["id", "name"],
                    "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                },
                "ItemList": {
                    "type": "object",
                    "required": ["items", "links"],
                    "properties": {
                        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                        "links": {"type": "array", "items": {"$ref": LINK}},
                    },
                },
            },
            "responses": {
                "Error": {
                    "description": "error",
                    "content": {"application/json": {"schema": {"$ref": "schemas.json#/Error"}}},
                }
            },
        },
    }
    return _broken(doc, variant)


def _json(ref: str) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": {"$ref": ref}}}}


def _broken(doc: dict[str, Any], variant: str) -> dict[str, Any]:
    schemas = doc["components"]["schemas"]
    if variant == "invalid":
        del doc["info"]
    elif variant == "broken":
        schemas["Item"]["properties"]["name"] = {"$ref": "#/components/schemas/Name"}
    elif variant == "foreign":
        schemas["ItemList"]["properties"]["meta"] = {"$ref": "https://example.org/schemas/meta.json"}
    elif variant == "secured":
        doc["components"]["securitySchemes"] = {"key": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
        doc["security"] = [{"key": []}]
    elif variant == "v31":
        doc["openapi"] = "3.1.0"
        schemas["Item"]["properties"]["name"] = {"type": ["string", "null"]}
    elif variant == "swagger":
        doc["openapi"] = "2.0"
    return doc


SCHEMAS = {"Error": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}}


class Double(BaseHTTPRequestHandler):
    """GET /<variant>/openapi.json|yaml, /<variant>/schemas.json, /<variant>/items[/{id}], /<variant>/status."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        variant, _, rest = parts.path.strip("/").partition("/")
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        if variant not in VARIANTS:
            self.send(404, {"code": "NotFound"})
        elif variant == "secured" and self.headers.get("X-API-Key") != "k-4711":
            self.send(401, {"code": "Unauthorized"})
        elif rest in ("openapi.json", "openapi.yaml"):
            self.describe(variant, rest)
        elif rest == "schemas.json":
            self.send(200, SCHEMAS)
        elif rest == "status":
            self.send(500 if variant == "crash" else 200, "down" if variant == "crash" else "up", "text/plain")
        elif rest == "items":
            self.items(variant, query)
        elif rest.startswith("items/"):
            self.item(variant, rest.split("/", 1)[1])
        else:
            self.send(404, {"code": "NotFound"})

    def describe(self, variant: str, name: str) -> None:
        if variant == "missing":
            self.send(404, {"code": "NotFound"})
        elif name.endswith(".yaml"):
            self.send(200, yaml.safe_dump(description(variant)), "application/yaml")
        else:
            self.send(200, description(variant), "application/vnd.oai.openapi+json;version=3.0")

    def items(self, variant: str, query: dict[str, str]) -> None:
        limit = query.get("limit", "10")
        in_range = variant == "edges" or (limit.isdigit() and 1 <= int(limit) <= 100)  # edges: type checked only
        valid = limit.isdigit() and in_range and query.get("f", "json") == "json"
        if not valid and variant != "lenient":
            self.send(400, {"code": "InvalidParameterValue"})
            return
        items = copy.deepcopy(ITEMS[: int(limit)] if limit.isdigit() else ITEMS)
        if variant == "schema":
            for item in items:
                item["name"] = len(item["name"])
        body = {"items": items, "links": [{"href": f"/{variant}/items", "rel": "self"}]}
        if variant == "notjson":
            self.send(200, "{items: [", "application/json")
        else:
            self.send(200, body, "text/plain" if variant == "media" else "application/json")

    def item(self, variant: str, ident: str) -> None:
        if not ident.isdigit() or int(ident) < 1:
            self.send(400, {"code": "InvalidParameterValue"})
        elif int(ident) > len(ITEMS):
            self.send(410 if variant == "status" else 404, {"code": "NotFound"})
        else:
            self.send(200, ITEMS[int(ident) - 1])

    def send(self, status: int, body: Any, media_type: str = "application/json") -> None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def serve() -> Iterator[str]:
    """Run the double on a free loopback port; stop it on exit."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Double)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def double() -> Iterator[str]:
    with serve() as url:
        yield url


def vendors(base: str, folder: Path) -> str:
    """One vendor per variant, plus one reading the description from a file."""
    (folder / "openapi.yaml").write_text(yaml.safe_dump(description("clean")), encoding="utf-8")
    (folder / "schemas.json").write_text(json.dumps(SCHEMAS), encoding="utf-8")
    entries = [
        _vendor(v, f'url = "{base}/{v}/openapi.{"yaml" if v == "yaml" else "json"}"')
        for v in VARIANTS
        if v != "secured"
    ]
    entries.append(
        _vendor(
            "file",
            f'paths = ["openapi.yaml"]\noptions = {{ base_url = "{base}/clean" }}',
            'http = { allowed_hosts = ["127.0.0.1"] }',
        )
    )
    entries.append(
        _vendor(
            "secured-vendor",
            f'url = "{base}/secured/openapi.json"',
            'auth = { type = "api-key", header = "X-API-Key", value = "${WB_DOUBLE_KEY}" }',
        )
    )
    entries.append(
        _vendor("sampled", f'url = "{base}/clean/openapi.json"\noptions = {{ max_operations = 1, max_requests = 4 }}')
    )
    return "\n".join(entries)


def _vendor(ident: str, target: str, settings: str = "") -> str:
    return (
        f'[[vendors]]\nid = "{ident}"\nname = "Double {ident}"\nversion = "1.0"\n{settings}\n'
        f'[[vendors.targets]]\nstandard = "openapi-3"\n{target}\n'
    )


@pytest.fixture(scope="module")
def results(double: str, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Any]]:
    folder = tmp_path_factory.mktemp("openapi-double")
    path = folder / "vendors.toml"
    path.write_text(vendors(double, folder), encoding="utf-8")
    return run_suite(path, folder / "results.jsonl")


def run_real(folder: Path, vendor: str, version: str, url: str, options: str = "") -> Results:
    """The suite against one real server's description: a vendors file written into ``folder``, then run."""
    vendors = folder / "vendors.toml"
    vendors.write_text(
        f'[[vendors]]\nid = "{vendor}"\nname = "{vendor}"\nversion = "{version}"\n'
        f'[[vendors.targets]]\nstandard = "openapi-3"\nurl = "{url}"\n{options}\n',
        encoding="utf-8",
    )
    return run_suite(vendors, folder / "results.jsonl")


def run_suite(vendors_file: Path, results_file: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Run the suite through the plugin in a child pytest; results by (vendor, requirement short name)."""
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--pyargs",
            "conformance.suites.openapi",
            "--conformance-vendors",
            str(vendors_file),
            "--conformance-results",
            str(results_file),
        ],
        cwd=results_file.parent,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "WB_DOUBLE_KEY": "k-4711"},
    )
    assert results_file.exists(), child.stdout[-3000:] + child.stderr[-3000:]
    run = read_run(results_file)
    assert run.complete
    return {(r.vendor, r.requirement.split("/req/", 1)[1]): r.to_json() for r in run.results}


ALL = (
    "description/parse",
    "description/version",
    "description/valid",
    "description/refs",
    "description/self-contained",
    "status-codes/documented",
    "content-types/documented",
    "response-schemas/valid",
    "negative-data/rejected",
    "server-errors/none",
)
FAILS = {
    "clean": set(),
    "v31": set(),
    "yaml": set(),
    "secured-vendor": set(),
    "file": set(),
    "sampled": set(),
    "status": {"status-codes/documented"},
    "media": {"content-types/documented"},
    "schema": {"response-schemas/valid"},
    "notjson": {"response-schemas/valid"},
    "lenient": {"negative-data/rejected"},
    "edges": {"negative-data/rejected"},
    "crash": {"server-errors/none"},
    "invalid": {"description/valid"},
    "broken": {"description/refs"},
    "foreign": {"description/self-contained"},
    "missing": {"description/parse"},
    "swagger": {"description/version"},
}


# Nothing is unjudged on the double: even the sampled vendor's four requests (boundary cases of GET /items, sent
# first) include invalid ones. A run without invalid requests is in test_openapi_nothing.
UNJUDGED: dict[str, set[str]] = {}


def test_every_check_can_fail() -> None:
    """The defect tenants fail every requirement of the suite's catalogue (not only the names listed here)."""
    catalogue = {r.uri.split("/req/", 1)[1] for r in SUITE.standards[0].requirements}
    assert_every_check_can_fail(FAILS, FAILS, catalogue)
    assert set(ALL) == catalogue


@pytest.mark.parametrize("vendor", sorted(FAILS))
def test_each_defect_fails_exactly_its_requirement(results: dict[tuple[str, str], dict[str, Any]], vendor: str) -> None:
    outcomes = {name: results[(vendor, name)]["outcome"] for name in ALL}
    assert {n for n, o in outcomes.items() if o == "fail"} == FAILS[vendor], outcomes
    skipped = {n for n, o in outcomes.items() if o == "skip"}
    if vendor == "missing":
        assert skipped == set(ALL) - {"description/parse"}
    elif vendor == "swagger":
        assert skipped == set(ALL) - {"description/parse", "description/version"}
    else:
        unjudged = UNJUDGED.get(vendor, set())
        assert {n for n, o in outcomes.items() if o == "not_applicable"} == unjudged, outcomes
        assert {n for n, o in outcomes.items() if o == "pass"} == set(ALL) - FAILS[vendor] - unjudged, outcomes


def test_every_verdict_says_what_it_examined(results: Results) -> None:
    clean = {name: results[("clean", name)] for name in ALL}
    assert all(r["examined"] and r["examined"][0]["count"] > 0 for r in clean.values()), clean
    assert all(r["revision"] >= 1 for r in clean.values())
    sampled = results[("sampled", "negative-data/rejected")]
    assert sampled["outcome"] == "pass" and sampled["examined"][0]["count"] == 4


Results = dict[tuple[str, str], dict[str, Any]]


def _violation(results: Results, vendor: str, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    record = results[(vendor, name)]
    violation = record["findings"][0]
    return violation, record["exchanges"][violation["exchange"]] if "exchange" in violation else {}


def test_schema_finding_names_request_status_media_type_and_pointer(results) -> None:  # type: ignore[no-untyped-def]
    violation, exchange = _violation(results, "schema", "response-schemas/valid")
    assert violation["kind"] == "schema"
    assert violation["locator"]["pointer"] == "/items/0/name"
    assert violation["expected"]["data"].startswith("type: string (schema #/paths/~1items/get/responses/200/")
    assert exchange["url"].endswith("/schema/items") or "/schema/items?" in exchange["url"]
    assert exchange["status"] == 200 and exchange["response_headers"]["Content-Type"] == "application/json"


def test_status_media_type_and_rejection_findings(results) -> None:  # type: ignore[no-untyped-def]
    status, exchange = _violation(results, "status", "status-codes/documented")
    assert status["actual"]["data"] == 410 and "404" in status["expected"]["data"] and exchange["status"] == 410
    assert status["locator"]["pointer"] == "/paths/~1items~1{id}/get/responses"
    media, _ = _violation(results, "media", "content-types/documented")
    assert media["actual"]["data"] == "text/plain" and media["expected"]["data"] == ["application/json"]
    lenient, exchange = _violation(results, "lenient", "negative-data/rejected")
    assert lenient["actual"]["data"] == 200 and lenient["expected"]["data"] == ["4xx"]
    assert "/lenient/items?" in exchange["url"]
    crash, exchange = _violation(results, "crash", "server-errors/none")
    assert crash["actual"]["data"] == 500 and exchange["url"].endswith("/crash/status")


def test_reference_findings_point_into_the_description(results) -> None:  # type: ignore[no-untyped-def]
    foreign, _ = _violation(results, "foreign", "description/self-contained")
    assert foreign["locator"]["pointer"] == "/components/schemas/ItemList/properties/meta"
    assert "https://example.org/schemas/meta.json" in foreign["text"]
    broken, _ = _violation(results, "broken", "description/refs")
    assert broken["locator"]["pointer"] == "/components/schemas/Item/properties/name"
    parse, exchange = _violation(results, "missing", "description/parse")
    assert parse["actual"]["data"] == 404 and exchange["status"] == 404


def test_notes_tell_what_was_exercised_and_cut(results) -> None:  # type: ignore[no-untyped-def]
    assert any(
        re.fullmatch(r"\d\d+ requests to 3 GET operations", n["text"])
        for n in results[("clean", "server-errors/none")]["notes"]
    )
    notes = [n["text"] for n in results[("sampled", "server-errors/none")]["notes"]]
    assert "sampling cut: exercised 1 of 3 GET operations" in notes
    assert any(n.startswith("sampling cut: sent 4 of ") for n in notes), notes


def test_the_vendor_key_is_sent_and_never_recorded(results: Results) -> None:
    assert all(results[("secured-vendor", name)]["outcome"] == "pass" for name in ALL)
    assert "k-4711" not in json.dumps([r for (v, _), r in results.items() if v == "secured-vendor"])


def test_every_message_is_a_code_of_the_suite_catalogue(results: Results) -> None:
    records = list(results.values())
    codes = {v["code"] for r in records for v in r["findings"]}
    codes |= {e["message"]["code"] for r in records for e in r["examined"]}
    assert "legacy" not in codes and len(codes) > 10
    assert codes <= set(SUITE.messages.templates), codes - set(SUITE.messages.templates)


def test_boundary_cases_find_a_range_the_server_does_not_check(results: Results) -> None:
    """The edges variant checks that limit is a number, not its range: limit=0 and limit=101 are answered with
    200. The boundary cases, sent first, find both every time."""
    found = results[("edges", "negative-data/rejected")]["findings"]
    messages = {v["text"] for v in found if v["code"] == "openapi.boundary-accepted"}
    assert messages >= {
        "GET /items: limit=0 (below the minimum 1) was answered with HTTP 200, not a 4xx",
        "GET /items: limit=101 (above the maximum 100) was answered with HTTP 200, not a 4xx",
    }
    zero = next(v for v in found if "limit=0 " in v["text"])
    assert zero["expected"]["data"] == ["4xx"] and zero["actual"]["data"] == 200
    assert zero["locator"]["where"].endswith("limit=0")
