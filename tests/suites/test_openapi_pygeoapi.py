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
    return run_real(tmp_path_factory.mktemp("openapi-pygeoapi"), "pygeoapi", "0.21.0", f"{pygeoapi_url}/openapi?f=json",
                    'options = { path_parameters = { featureId = "5" } }')


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
    refs = {v["message"].split()[1]: v for v in found["violations"]}
    assert SORTBY in refs
    assert re.fullmatch(r"/paths/~1collections~1\w+~1items/get/parameters/\d+", refs[SORTBY]["locator"]["pointer"])
    assert any(ref.startswith(PROCESSES) for ref in refs)
    assert not any(ref.startswith("https://schemas.opengis.net/ogcapi/features/part1/") for ref in refs)


def test_items_are_served_as_json_but_documented_as_geojson(results: Results) -> None:
    found = record(results, "content-types/documented")
    assert found["outcome"] == "fail"
    items = [v for v in found["violations"] if v["message"].startswith("GET /collections/lakes/items: HTTP 200")]
    assert items, found["violations"]
    assert items[0]["actual"].startswith("application/json")
    assert items[0]["expected"] == ["application/geo+json", "text/html"]
    assert items[0]["locator"]["pointer"] == "/paths/~1collections~1lakes~1items/get/responses"
    assert exchange(found, items[0])["status"] == 200


def test_conformance_is_documented_with_the_landing_page_schema(results: Results) -> None:
    found = record(results, "response-schemas/valid")
    assert found["outcome"] == "fail"
    conformance = [v for v in found["violations"] if v["message"].startswith("GET /conformance HTTP 200")]
    assert conformance and "'links' is a required property" in conformance[0]["message"]
    assert "/components/responses/LandingPage" in conformance[0]["expected"]
    sent = exchange(found, conformance[0])
    assert "/conformance" in sent["url"] and sent["response_headers"]["Content-Type"].startswith("application/json")


def test_parameters_outside_their_enums_are_accepted(results: Results) -> None:
    found = record(results, "negative-data/rejected")
    assert found["outcome"] == "fail"
    assert all(v["actual"] == 200 and v["expected"] == ["4xx"] for v in found["violations"])
    assert any("`f`" in v["message"] and "enum" in v["message"] for v in found["violations"])



def test_status_codes_documented_and_no_server_errors(results: Results) -> None:
    # With this configuration every collection declares its CRS; a collection without one makes f=jsonld fail
    # with HTTP 500 in pygeoapi 0.21.0, which server-errors/none would report.
    assert record(results, "status-codes/documented")["outcome"] == "pass"
    found = record(results, "server-errors/none")
    assert found["outcome"] == "pass"
    assert any(re.fullmatch(r"\d{3} requests to \d+ GET operations", n) for n in found["notes"])
