"""The OpenAPI suite against pygeoapi 0.21.0 serving places from PostGIS (and lakes and a Records catalogue).

What the boundary cases find there, each with its request: the maxItems boundary of bbox (six numbers, which
the description allows) makes the items of lakes and places fail with HTTP 500, as on the file provider; the
PostGIS places collection fails with 500 for random valid items requests too. The description itself is
invalid OpenAPI 3.0 here (a tag named twice).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.suites.test_openapi_double import Results, run_real

SIX = "bbox=0%2C1%2C2%2C3%2C4%2C5"


@pytest.fixture(scope="module")
def results(pygeoapi_postgis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Results:
    return run_real(
        tmp_path_factory.mktemp("openapi-postgis"), "pygeoapi", "0.21.0", f"{pygeoapi_postgis_url}/openapi?f=json"
    )


def record(results: Results, name: str) -> dict[str, Any]:
    return results[("pygeoapi", name)]


def test_six_number_bbox_and_postgis_places_are_server_errors(results: Results) -> None:
    found = record(results, "server-errors/none")
    assert found["outcome"] == "fail"
    urls = {v["text"].split(":")[0]: found["exchanges"][v["exchange"]]["url"] for v in found["findings"]}
    assert {"GET /collections/lakes/items", "GET /collections/places/items"} <= set(urls)
    assert urls["GET /collections/lakes/items"].endswith(f"/items?{SIX}")
    assert all(v["actual"]["data"] >= 500 for v in found["findings"])


def test_boundary_values_are_accepted_as_on_the_file_provider(results: Results) -> None:
    found = record(results, "negative-data/rejected")
    assert found["outcome"] == "fail"
    messages = {v["text"] for v in found["findings"]}
    assert "GET /: f= (empty, not one of json, html, jsonld) was answered with HTTP 200, not a 4xx" in messages
    assert record(results, "description/valid")["findings"][0]["text"].endswith("Duplicate tag name 'records'")
