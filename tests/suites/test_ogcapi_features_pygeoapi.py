"""The OGC API Features suite against a real pygeoapi 0.21.0 (from PyPI) through the ``conformance run`` CLI.

Every requirement's outcome is asserted. The fails are pygeoapi's real deviations, each with its evidence:

- items and features come as application/json when application/geo+json is asked for (the self links
  claim geo+json), which its own OpenAPI document does not declare either;
- a bbox crossing the antimeridian (170,-90,-170,90) selects the complementary longitudes;
- undeclared query parameters are ignored (its free-form vendorSpecificParameters is not counted as declaring
  them; see the suite's checks_params module), and malformed datetime values are accepted on collections
  without time;
- the items operations of lakes and places do not declare the datetime parameter;
- on the collection with time (building sites, time_field beginn) datetime windows outside the temporal
  extent are answered with 400 instead of an empty selection, and windows inside it are ignored;
- the HTML landing page lacks <a> elements for some links of the JSON landing page;
- a bbox of six numbers (with heights, which the bbox definition requires to be supported) makes every items
  request fail with 500, and a bbox latitude of 160 (invalid, the standard's own example) is accepted;
- no response carries an entity-tag (/rec/core/etag, a recommendation).

Passes worth noting: HEAD answers like GET; every documented Features operation is implemented; the error answers
to an invalid limit and an unknown feature are documented, with bodies that match the published exception schema.
No security scheme is declared and nothing is access-controlled, so /req/oas30/security is not applicable.

Not a fail: datetime on lakes and places (no temporal geometry) selects everything. Requirement C of
/req/core/fc-time-response says features without a temporal geometry match every datetime value.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.suites.test_ogcapi_features_support import (
    ALL,
    FinishedRun,
    evidence_complete,
    run_cli,
    untranslated,
    vendors_file,
)

FAILS = {
    "req/geojson/definition",
    "req/oas30/completeness",
    "req/core/fc-bbox-response",
    "req/core/query-param-unknown",
    "req/core/query-param-invalid",
    "req/core/fc-time-definition",
    "req/core/fc-time-response",
    "req/html/content",
    "req/core/fc-bbox-definition",
    "rec/core/etag",
}
NOT_APPLICABLE = {"req/oas30/security"}
SIX = "-180,-90,-10000,180,90,10000"


@pytest.fixture(scope="module")
def run(pygeoapi_url: str, tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    folder = tmp_path_factory.mktemp("features-pygeoapi")
    vendors = vendors_file(folder / "vendors.toml", {"pygeoapi": pygeoapi_url})
    return run_cli(vendors, folder / "out")


def _record(run: FinishedRun, short: str) -> dict[str, Any]:
    return run.records[("pygeoapi", short)]


def _messages(run: FinishedRun, short: str) -> list[str]:
    return [v["text"] for v in _record(run, short)["findings"]]


def _exchange(run: FinishedRun, short: str, index: int = 0) -> dict[str, Any]:
    record = _record(run, short)
    return record["exchanges"][record["findings"][index]["exchange"]]  # type: ignore[no-any-return]


def _expected(short: str) -> str:
    return "fail" if short in FAILS else "not_applicable" if short in NOT_APPLICABLE else "pass"


def test_every_requirement_has_the_expected_outcome(run: FinishedRun) -> None:
    assert run.outcomes("pygeoapi") == {s: _expected(s) for s in ALL}, run.stderr[-2000:]
    assert run.code == 1


def test_every_fail_carries_evidence(run: FinishedRun) -> None:
    for short in FAILS:
        assert evidence_complete(_record(run, short)), short


def test_items_served_as_json_not_geojson(run: FinishedRun) -> None:
    exchange = _exchange(run, "req/geojson/definition")
    assert exchange["request_headers"]["Accept"] == "application/geo+json"
    assert exchange["response_headers"]["Content-Type"].startswith("application/json")
    assert any("its self link claims application/geo+json" in m for m in _messages(run, "req/geojson/definition"))


def test_antimeridian_bbox_returns_the_other_side_of_the_world(run: FinishedRun) -> None:
    found = _record(run, "req/core/fc-bbox-response")["findings"]
    assert any("Lake Victoria" in v["text"] and "170%2C-90%2C-170%2C90" in v["locator"]["where"] for v in found)


def test_unknown_parameter_accepted_despite_free_form_argument(run: FinishedRun) -> None:
    record = _record(run, "req/core/query-param-unknown")
    assert all(v["actual"]["data"] == 200 for v in record["findings"])
    assert "vendorSpecificParameters" in record["findings"][0]["expected"]["message"]["text"]
    assert any("free-form" in note["text"] for note in record["notes"])


def test_malformed_datetime_and_latitude_160_accepted(run: FinishedRun) -> None:
    assert set(_messages(run, "req/core/query-param-invalid")) == {
        "invalid value datetime=not-a-date was answered with 200",
        "invalid value datetime=2026-13-45T25:61:00Z was answered with 200",
        "invalid value bbox=0,0,10,160 was answered with 200",
    }


def test_six_number_bbox_is_a_server_error(run: FinishedRun) -> None:
    found = _record(run, "req/core/fc-bbox-definition")["findings"]
    assert {(v["kind"], v["actual"]["data"]) for v in found} == {("status", 500)}
    assert {v["text"].split(" on ")[1].split(":")[0] for v in found} == {"lakes", "places", "baustellen"}
    assert all(v["text"].startswith(f"bbox={SIX}") for v in found)
    assert _exchange(run, "req/core/fc-bbox-definition")["response_headers"]["Content-Type"].startswith("text/html")
    assert any("six numbers is not accepted" in n["text"] for n in _record(run, "req/core/fc-bbox-response")["notes"])


def test_no_entity_tags_so_no_conditional_requests(run: FinishedRun) -> None:
    assert len(_messages(run, "rec/core/etag")) == 6
    assert all(m.endswith("the 200 response carries no ETag") for m in _messages(run, "rec/core/etag"))
    assert [n["text"] for n in _record(run, "req/core/http")["notes"]] == [
        "no response carried an entity-tag (ETag): conditional requests were not exercised",
        "the API is served over plain HTTP: the HTTPS part of the requirement does not apply",
    ]


def test_no_security_declared_or_enforced(run: FinishedRun) -> None:
    assert "declares no security scheme" in _record(run, "req/oas30/security")["reason"]["text"]


def test_datetime_on_collection_with_time(run: FinishedRun) -> None:
    found = _record(run, "req/core/fc-time-response")["findings"]
    assert {v["actual"]["data"] for v in found if v["kind"] == "status"} == {400}
    assert any(v["kind"] == "value" and "does not intersect datetime=" in v["text"] for v in found)
    assert all("/baustellen/" in v["locator"]["where"] for v in found)


def test_datetime_not_declared_for_collections_without_time(run: FinishedRun) -> None:
    assert set(_messages(run, "req/core/fc-time-definition")) == {
        f"GET /collections/{c}/items does not declare the query parameter datetime" for c in ("lakes", "places")
    }


def test_reports_are_written(run: FinishedRun) -> None:
    for name in ("results.jsonl", "matrix.html", "junit.xml"):
        assert (run.out / name).is_file(), name


def test_every_finding_reads_in_german_in_german_reports(run: FinishedRun) -> None:
    assert any(r["findings"] for r in run.records.values())
    assert untranslated(run.records.values()) == []
