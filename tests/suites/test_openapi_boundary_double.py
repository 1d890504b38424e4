"""Boundary cases of the OpenAPI suite against a TEST DOUBLE whose items take a bbox, a boolean and an enum.

The double documents ``bbox`` (4 to 6 numbers, form style, not exploded), ``sortdesc`` (a boolean) and ``f``
(enum ``json``) on GET /<variant>/items. ``strict`` keeps every promise; ``bbox6`` fails with HTTP 500 on the six
numbers its description allows; ``loose`` answers ``sortdesc=zzz`` and an empty ``f`` with 200. The boundary
cases, sent before the random ones, find each defect on every run and nothing on the strict variant.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.suites import test_openapi_double as openapi_double
from tests.suites.test_openapi_double import ALL, Results, run_suite

VARIANTS = ("strict", "bbox6", "loose")
ERROR = {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
LIST = {"type": "object", "required": ["items"], "properties": {"items": {"type": "array"}}}
COMPONENTS = {
    "schemas": {"Error": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}}
}
SIX = "bbox=0%2C1%2C2%2C3%2C4%2C5"


def description(variant: str) -> dict[str, Any]:
    """OpenAPI 3.0.3: GET /items with limit, f, bbox and sortdesc."""
    bbox = {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}}
    params = [
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
        {"name": "f", "in": "query", "schema": {"type": "string", "enum": ["json"]}},
        {"name": "bbox", "in": "query", "style": "form", "explode": False, "schema": bbox},
        {"name": "sortdesc", "in": "query", "schema": {"type": "boolean"}},
    ]
    ok = {"description": "ok", "content": {"application/json": {"schema": LIST}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Boundary double", "version": "1.0"},
        "servers": [{"url": f"/{variant}"}],
        "paths": {"/items": {"get": {"parameters": params, "responses": {"200": ok, "400": ERROR, "500": ERROR}}}},
        "components": COMPONENTS,
    }


def status(variant: str, query: dict[str, str]) -> int:
    """The status the variant answers an items request with."""
    limit, box = query.get("limit", "10"), _numbers(query.get("bbox"))
    checked = variant != "loose"
    valid = (
        limit.isdigit()
        and 1 <= int(limit) <= 100
        and box is not None
        and (query.get("f", "json") == "json" or (not checked and query["f"] == ""))
        and (query.get("sortdesc", "true") in ("true", "false") or not checked)
    )
    if not valid:
        return 400
    return 500 if variant == "bbox6" and len(box) == 6 else 200


def _numbers(value: str | None) -> list[float] | None:
    """The bbox numbers, [] without a bbox, None if not 4 to 6 finite numbers."""
    if value is None:
        return []
    try:
        numbers = [float(n) for n in value.split(",")]
    except ValueError:
        return None
    return numbers if 4 <= len(numbers) <= 6 and all(abs(n) != float("inf") for n in numbers) else None


class Double(openapi_double.Double):
    """GET /<variant>/openapi.json and /<variant>/items."""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        variant, _, rest = parts.path.strip("/").partition("/")
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        if variant in VARIANTS and rest == "openapi.json":
            self.send(200, description(variant))
        elif variant in VARIANTS and rest == "items":
            code = status(variant, query)
            self.send(code, {"items": [{"id": 1}]} if code == 200 else {"code": str(code)})
        else:
            self.send(404, {"code": "NotFound"})


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Results]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Double)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        folder: Path = tmp_path_factory.mktemp("openapi-boundary-double")
        vendors = folder / "vendors.toml"
        vendors.write_text("\n".join(_vendor(v, base) for v in VARIANTS), encoding="utf-8")
        yield run_suite(vendors, folder / "results.jsonl")
    finally:
        server.shutdown()
        server.server_close()


def _vendor(variant: str, base: str) -> str:
    return (
        f'[[vendors]]\nid = "{variant}"\nname = "Double {variant}"\nversion = "1.0"\n'
        f'[[vendors.targets]]\nstandard = "openapi-3"\nurl = "{base}/{variant}/openapi.json"\n'
        "options = { positive_cases = 2, negative_cases = 2 }\n"
    )


FAILS = {"strict": set(), "bbox6": {"server-errors/none"}, "loose": {"negative-data/rejected"}}


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_defect_fails_exactly_its_requirement(results: Results, variant: str) -> None:
    outcomes = {name: results[(variant, name)]["outcome"] for name in ALL}
    assert outcomes == {name: "fail" if name in FAILS[variant] else "pass" for name in ALL}, outcomes


def test_the_strict_double_judged_invalid_requests(results: Results) -> None:
    record = results[("strict", "negative-data/rejected")]
    assert record["examined"][0]["count"] >= 8  # limit ×3, f, bbox ×3, sortdesc, then the random ones


def test_six_numbers_the_description_allows_are_a_server_error(results: Results) -> None:
    found = results[("bbox6", "server-errors/none")]
    [violation] = found["findings"]  # the boundary case first, random cases with six numbers merged into it
    assert violation["text"].startswith("GET /items: HTTP 500 for a valid request")
    exchange = found["exchanges"][violation["exchange"]]
    assert exchange["url"].endswith(f"/items?{SIX}") and exchange["status"] == 500


def test_a_wrong_boolean_and_an_empty_enum_value_are_accepted(results: Results) -> None:
    found = results[("loose", "negative-data/rejected")]["findings"]
    messages = {v["text"] for v in found if v["code"] == "openapi.boundary-accepted"}
    assert messages == {
        "GET /items: sortdesc=zzz (not of type boolean) was answered with HTTP 200, not a 4xx",
        "GET /items: f= (empty, not one of json) was answered with HTTP 200, not a 4xx",
    }
    assert all(v["expected"]["data"] == ["4xx"] and v["actual"]["data"] == 200 for v in found)
