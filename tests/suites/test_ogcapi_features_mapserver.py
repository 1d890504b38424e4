"""The OGC API Features suite against a real MapServer 8.0.0 (Debian cgi-mapserver behind lighttpd), via the CLI.

Same data as the pygeoapi target, so the two vendors can be compared. MapServer's real deviations, each a fail
with evidence:

- items and features come as application/json when application/geo+json is asked for (its self links and its
  OpenAPI document say application/geo+json);
- a bbox crossing the antimeridian (170,-90,-170,90), valid in Features 1.0, is answered with 400;
- limit=0 and limit=-1 are answered with 200 (its own OpenAPI says minimum 1), and so are malformed datetimes;
- undeclared query parameters are answered with 200 (MapServer declares no free-form parameter);
- its HTML pages lack <a> elements for links of the JSON resources (items: self, alternate and next);
- a bbox of six numbers (with heights, which the bbox definition requires to be supported) is answered with 400,
  and a bbox latitude of 160 (invalid) is accepted;
- no response carries an entity-tag (/rec/core/etag, a recommendation).

No collection has time, so /req/core/fc-time-response is not applicable; no items response carries a
timeStamp, so /req/core/fc-timeStamp has nothing to judge and is not applicable (it passed before the suite
contract, having examined nothing); no security scheme is declared and nothing is access-controlled, so
/req/oas30/security is not applicable either.
"""

from __future__ import annotations

import pytest

from tests.suites.ows_support import FinishedRun
from tests.suites.test_ogcapi_features_support import ALL, evidence_complete, run_cli, untranslated, vendors_file

FAILS = {
    "req/geojson/definition",
    "req/oas30/completeness",
    "req/core/fc-bbox-response",
    "req/core/query-param-unknown",
    "req/core/query-param-invalid",
    "req/html/content",
    "req/core/fc-bbox-definition",
    "rec/core/etag",
}
NOT_APPLICABLE = {"req/core/fc-time-response", "req/core/fc-timeStamp", "req/oas30/security"}


@pytest.fixture(scope="module")
def run(mapserver_url: str, tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    folder = tmp_path_factory.mktemp("features-mapserver")
    vendors = vendors_file(folder / "vendors.toml", {"mapserver": mapserver_url})
    return run_cli(vendors, folder / "out")


def _expected(short: str) -> str:
    return "fail" if short in FAILS else "not_applicable" if short in NOT_APPLICABLE else "pass"


def test_every_requirement_has_the_expected_outcome(run: FinishedRun) -> None:
    assert run.outcomes("mapserver") == {s: _expected(s) for s in ALL}, run.stderr[-2000:]
    for short in FAILS:
        assert evidence_complete(run.records[("mapserver", short)]), short


def test_antimeridian_bbox_is_rejected(run: FinishedRun) -> None:
    found = run.records[("mapserver", "req/core/fc-bbox-response")]["findings"]
    assert {(v["kind"], v["actual"]["data"]) for v in found} == {("status", 400)}
    assert all("bbox=170%2C-90%2C-170%2C90" in v["locator"]["where"] for v in found)


def test_limit_below_minimum_and_latitude_160_are_accepted(run: FinishedRun) -> None:
    messages = {v["text"] for v in run.records[("mapserver", "req/core/query-param-invalid")]["findings"]}
    assert {
        "invalid value limit=0 was answered with 200",
        "invalid value limit=-1 was answered with 200",
        "invalid value bbox=0,0,10,160 was answered with 200",
    } <= messages


def test_six_number_bbox_is_rejected(run: FinishedRun) -> None:
    found = run.records[("mapserver", "req/core/fc-bbox-definition")]["findings"]
    assert {(v["kind"], v["actual"]["data"]) for v in found} == {("status", 400)}
    assert all(v["text"].startswith("bbox=-180,-90,-10000,180,90,10000 on ") for v in found)
    record = run.records[("mapserver", "req/core/fc-bbox-definition")]
    assert "Bad value for bbox" in record["exchanges"][found[0]["exchange"]]["body_excerpt"]


def test_unknown_parameter_without_free_form_declaration(run: FinishedRun) -> None:
    record = run.records[("mapserver", "req/core/query-param-unknown")]
    assert {v["expected"]["data"] for v in record["findings"]} == {"400"}
    assert not record["notes"]


def test_every_finding_reads_in_german_in_german_reports(run: FinishedRun) -> None:
    assert any(r["findings"] for r in run.records.values())
    assert untranslated(run.records.values()) == []


def test_no_timestamp_is_not_applicable_not_a_pass(run: FinishedRun) -> None:
    record = run.records[("mapserver", "req/core/fc-timeStamp")]
    assert record["reason"]["text"] == "nothing examined: looked for items responses with a timeStamp"
