"""The OpenAPI suite against a real pygeoapi 0.21.0 and its own /openapi: what its description promises and breaks.

Each assertion names a deviation the suite really finds, with its evidence (request, status, media type,
pointer); nothing is tuned to make the server look better or worse.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.suites.test_openapi_double import Results, run_real

PROCESSES = "https://schemas.opengis.net/ogcapi/processes/part1/1.0/openapi/"
SORTBY = "https://raw.githubusercontent.com/opengeospatial/ogcapi-records/master/core/openapi/parameters/sortby.yaml"


@pytest.fixture(scope="module")
def results(pygeoapi_url: str, tmp_path_factory: pytest.TempPathFactory) -> Results:
    return run_real(
        tmp_path_factory.mktemp("openapi-pygeoapi"),
        "pygeoapi",
        "0.21.0",
        f"{pygeoapi_url}/openapi?f=json",
        'options = { path_parameters = { featureId = "5" } }',
    )


def record(results: Results, name: str) -> dict[str, Any]:
    return results[("pygeoapi", name)]


def exchange(found: dict[str, Any], violation: dict[str, Any]) -> dict[str, Any]:
    return found["exchanges"][violation["exchange"]]  # type: ignore[no-any-return]


def test_description_is_a_valid_openapi_30_document(results: Results) -> None:
    for name in ("description/parse", "description/version", "description/valid", "description/refs"):
        assert record(results, name)["outcome"] == "pass", record(results, name)


def test_remote_references_are_reported_not_fetched(results: Results) -> None:
    found = record(results, "description/self-contained")
    assert found["outcome"] == "fail"
    refs = {v["text"].split()[1]: v for v in found["findings"]}
    assert SORTBY in refs
    assert re.fullmatch(r"/paths/~1collections~1\w+~1items/get/parameters/\d+", refs[SORTBY]["locator"]["pointer"])
    assert any(ref.startswith(PROCESSES) for ref in refs)
    assert not any(ref.startswith("https://schemas.opengis.net/ogcapi/features/part1/") for ref in refs)


def test_items_are_served_as_json_but_documented_as_geojson(results: Results) -> None:
    found = record(results, "content-types/documented")
    assert found["outcome"] == "fail"
    items = [v for v in found["findings"] if v["text"].startswith("GET /collections/lakes/items: HTTP 200")]
    assert items, found["findings"]
    assert items[0]["actual"]["data"].startswith("application/json")
    assert items[0]["expected"]["data"] == ["application/geo+json", "text/html"]
    assert items[0]["locator"]["pointer"] == "/paths/~1collections~1lakes~1items/get/responses"
    assert exchange(found, items[0])["status"] == 200


def test_conformance_is_documented_with_the_landing_page_schema(results: Results) -> None:
    found = record(results, "response-schemas/valid")
    assert found["outcome"] == "fail"
    conformance = [v for v in found["findings"] if v["text"].startswith("GET /conformance HTTP 200")]
    assert conformance and "'links' is a required property" in conformance[0]["text"]
    assert "/components/responses/LandingPage" in conformance[0]["expected"]["data"]
    sent = exchange(found, conformance[0])
    assert "/conformance" in sent["url"] and sent["response_headers"]["Content-Type"].startswith("application/json")


def test_parameters_outside_their_enums_or_of_the_wrong_type_are_accepted(results: Results) -> None:
    """The boundary cases, sent first, find the same every time: an empty f against its enum, a boolean
    skipGeometry of zzz, and a limit above the maximum of its items operations (no Features target is listed
    for this API, so the description alone decides)."""
    found = record(results, "negative-data/rejected")
    assert found["outcome"] == "fail"
    assert all(v["actual"]["data"] == 200 and v["expected"]["data"] == ["4xx"] for v in found["findings"])
    messages = {v["text"] for v in found["findings"]}
    assert "GET /: f= (empty, not one of json, html, jsonld) was answered with HTTP 200, not a 4xx" in messages
    assert (
        "GET /collections/lakes/items: skipGeometry=zzz (not of type boolean) was answered with HTTP 200, not a 4xx"
    ) in messages
    assert any(
        re.fullmatch(
            r"GET /collections/\w+/items: limit=\d+ \(above the maximum \d+\) was answered with "
            r"HTTP 200, not a 4xx",
            m,
        )
        for m in messages
    )


def test_six_number_bbox_is_a_server_error(results: Results) -> None:
    """bbox documents maxItems: 6; its maxItems boundary case (0,1,2,3,4,5) makes every items request fail with
    HTTP 500, the deviation the Features suite reports under /req/core/fc-bbox-definition."""
    assert record(results, "status-codes/documented")["outcome"] == "pass"
    found = record(results, "server-errors/none")
    assert found["outcome"] == "fail"
    assert {v["text"] for v in found["findings"]} == {
        f"GET /collections/{c}/items: HTTP 500 for a valid request" for c in ("lakes", "places", "baustellen")
    }
    assert all(exchange(found, v)["url"].endswith("/items?bbox=0%2C1%2C2%2C3%2C4%2C5") for v in found["findings"])
    assert any(re.fullmatch(r"\d{3} requests to \d+ GET operations", n["text"]) for n in found["notes"])
