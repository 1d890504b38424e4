"""The OpenAPI suite against a real MapServer 8.0.0 and its own /api description (Debian cgi-mapserver).

A second real implementation beside pygeoapi. What the suite finds in MapServer's promises, each with evidence:

- items and single features come as application/json, while the description documents only
  application/geo+json and text/html for them (the same deviation the Features suite reports);
- an items request with limit=0 or a negative limit is answered with 200, although the description gives limit a
  minimum of 1 (again what the Features suite reports under /req/core/query-param-invalid), and so is a limit
  above the documented maximum of 10000 (against the description alone: the vendors file lists no OGC API
  Features target for this API, which would make that the answer 17-069r4 requires);
- the default error response refers to a schema on raw.githubusercontent.com, which is reported, not fetched.

Everything else it documents holds for the sampled calls: the document is valid OpenAPI 3.0, every status and
every JSON body matches its description, and no call ends in a server error.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.suites.test_openapi_double import ALL, Results, run_real

FAILS = {"description/self-contained", "content-types/documented", "negative-data/rejected"}
EXCEPTION = (
    "https://raw.githubusercontent.com/opengeospatial/ogcapi-processes/master/core/openapi/schemas/exception.yaml"
)


@pytest.fixture(scope="module")
def results(mapserver_url: str, tmp_path_factory: pytest.TempPathFactory) -> Results:
    return run_real(tmp_path_factory.mktemp("openapi-mapserver"), "mapserver", "8.0.0", f"{mapserver_url}/api?f=json")


def record(results: Results, name: str) -> dict[str, Any]:
    return results[("mapserver", name)]


def test_every_requirement_has_the_expected_outcome(results: Results) -> None:
    assert {name: record(results, name)["outcome"] for name in ALL} == {
        name: "fail" if name in FAILS else "pass" for name in ALL
    }


def test_features_are_served_as_json_but_documented_as_geojson(results: Results) -> None:
    found = record(results, "content-types/documented")
    operations = {v["text"].split(":")[0] for v in found["findings"]}
    assert operations == {f"GET /collections/{c}/items{f}" for c in ("lakes", "places") for f in ("", "/{featureId}")}
    for violation in found["findings"]:
        assert violation["expected"]["data"] == ["application/geo+json", "text/html"]
        assert violation["actual"]["data"] == "application/json"
        sent = found["exchanges"][violation["exchange"]]
        assert sent["status"] == 200 and sent["response_headers"]["Content-Type"].startswith("application/json")


def test_a_limit_out_of_its_range_is_answered_with_200(results: Results) -> None:
    found = record(results, "negative-data/rejected")
    messages = {v["text"] for v in found["findings"]}
    bounds = (("0", "below the minimum 1"), ("10001", "above the maximum 10000"))
    assert {
        f"GET /collections/{c}/items: limit={n} ({b}) was answered with HTTP 200, not a 4xx"
        for c in ("lakes", "places")
        for n, b in bounds
    } <= messages
    for violation in found["findings"]:
        assert "limit=" in violation["locator"]["where"] and (
            "minimum" in violation["text"] or "maximum" in violation["text"]
        )
        assert violation["actual"]["data"] == 200 and violation["expected"]["data"] == ["4xx"]


def test_the_remote_error_schema_is_reported_not_fetched(results: Results) -> None:
    found = record(results, "description/self-contained")
    assert [v["text"].split()[1] for v in found["findings"]] == [EXCEPTION]
    pointer = "/components/responses/default/content/application~1json/schema"
    assert found["findings"][0]["locator"]["pointer"] == pointer
