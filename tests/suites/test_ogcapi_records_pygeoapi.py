"""The OGC API – Records suite against a real pygeoapi 0.21.0 serving a TinyDB catalogue of three records.

Every requirement's outcome is asserted. The fails are pygeoapi's real deviations, each with its evidence:

- the catalog lacks the member ``type`` (fixed to "Catalog" by the Record Collection properties table);
- records in items responses have empty ``links``: none links to its catalog (rel=collection), although the
  same record fetched alone does;
- Sorting is declared, but the catalog links no sortables and ``/collections/records/sortables`` answers 404;
- JSON is declared, but items pages and single records come as ``application/json``, not
  ``application/geo+json``, and the catalog asked for as ``application/ogc-catalog+json`` comes as
  ``application/json``;
- the sortables answer 404, so get-sortables-success fails with get-sortables-op.
Not applicable too: the Records OpenAPI 3.0 class, which pygeoapi does not declare for Records (it declares the
OpenAPI 3.0 classes of Common and Features only). The HTML class holds: the catalog and record pages answer
text/html with an ``<a>`` for every JSON link.

Not applicable: ``q``. The search word (from a record's title) finds nothing, not even that record, so there is
no returned record to judge; a note says that the record the query was built from is missing.
Not applicable either: the structure of the record's ``time`` object (time-instant, time-interval, time-zone,
time-instant-interval), because pygeoapi serves every record with ``time`` null.
The vendors file names the time property (``recordUpdated``, pygeoapi's time_field) because the records'
``time`` member is null and three properties hold date-times; paging runs with limit 1 through four pages
(the third links to an empty fourth).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from conformance.suites.ogcapi_records import STANDARD
from tests.suites.ows_support import FinishedRun, evidence_complete, run_cli, vendors_file

ALL = {r.uri.split("/req/", 1)[1] for r in STANDARD.requirements}
FAILS = {
    "record-collection/mandatory-properties-collection",
    "record-core/links",
    "sorting/get-sortables-op",
    "sorting/get-sortables-success",
    "json/record-response",
    "json/collection-response",
}
TIME = {"record-core/time-instant", "record-core/time-interval", "record-core/time-zone"}
NOT_APPLICABLE = {
    "record-core-query-parameters/q-response",
    "record-core/time-instant-interval",
    "oas30/oas-common",
    *TIME,
}
OPTIONS = 'options = { page_limit = 1, temporal_properties = { records = "recordUpdated" } }\n'


@pytest.fixture(scope="module")
def run(pygeoapi_records_url: str, tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    folder = tmp_path_factory.mktemp("records-pygeoapi")
    vendors = vendors_file(folder / "vendors.toml", "ogcapi-records-1", {"pygeoapi": pygeoapi_records_url}, OPTIONS)
    return run_cli(vendors, folder / "out")


def _record(run: FinishedRun, name: str) -> dict[str, Any]:
    return run.records[("pygeoapi", name)]


def _expected(name: str) -> str:
    return "fail" if name in FAILS else "not_applicable" if name in NOT_APPLICABLE else "pass"


def test_every_requirement_has_the_expected_outcome(run: FinishedRun) -> None:
    assert run.outcomes("pygeoapi") == {name: _expected(name) for name in ALL}, run.stderr[-2000:]
    assert run.code == 1


def test_every_fail_carries_evidence(run: FinishedRun) -> None:
    assert all(evidence_complete(_record(run, name)) for name in FAILS)


def test_the_catalog_lacks_its_type(run: FinishedRun) -> None:
    found = _record(run, "record-collection/mandatory-properties-collection")["findings"]
    assert [v["text"] for v in found] == ["catalog records lacks the member type"]


def test_records_in_items_do_not_link_their_catalog(run: FinishedRun) -> None:
    found = _record(run, "record-core/links")["findings"]
    assert len(found) == 3
    assert all(v["text"].endswith("has 0 links with rel=collection, expected exactly one") for v in found)
    assert _record(run, "records-api/record-response")["outcome"] == "pass"


def test_q_finds_nothing_and_says_what_it_looked_for(run: FinishedRun) -> None:
    record = _record(run, "record-core-query-parameters/q-response")
    assert record["reason"]["text"] == ("nothing examined: looked for records returned to q=Natural on records")
    assert any("is not in the result set" in note["text"] for note in record["notes"])


def test_paging_walked_every_page(run: FinishedRun) -> None:
    assert _record(run, "record-core-query-parameters/limit")["outcome"] == "pass"
    examined = _record(run, "record-core-query-parameters/limit")["examined"]
    assert [(e["count"], e["message"]["code"]) for e in examined] == [(4, "records.examined.pages")]


def test_time_is_null_and_datetime_is_asked_with_instants_and_open_intervals(run: FinishedRun) -> None:
    for name in (*TIME, "record-core/time-instant-interval"):
        assert _record(run, name)["reason"]["text"].startswith("nothing examined"), name
    record = _record(run, "record-core-query-parameters/datetime")
    assert record["outcome"] == "pass" and record["examined"][0]["count"] > 0
    looked = str(record["examined"][0])
    assert re.search(r"datetime=[0-9T:-]+Z/\.\.", looked), looked
    assert "datetime=../1900-12-31T23:59:59Z" in looked, looked


def test_sortables_are_missing_and_records_are_not_geojson(run: FinishedRun) -> None:
    found = [v["text"] for v in _record(run, "sorting/get-sortables-op")["findings"]]
    assert found == [
        "catalog records has no link with rel=http://www.opengis.net/def/rel/ogc/1.0/sortables to its sortables",
        "the sortables of catalog records: expected HTTP 200, got 404",
    ]
    found = [v["text"] for v in _record(run, "json/record-response")["findings"]]
    assert len(found) == 2 and all(
        t.endswith("Content-Type is application/json, expected application/geo+json") for t in found
    )
    assert _record(run, "html/content")["examined"][0]["count"] == 2


def test_sortables_answer_404_and_the_catalog_is_not_served_as_ogc_catalog_json(run: FinishedRun) -> None:
    found = [v["text"] for v in _record(run, "sorting/get-sortables-success")["findings"]]
    assert found == ["the sortables of catalog records: expected HTTP 200, got 404"]
    found = [v["text"] for v in _record(run, "json/collection-response")["findings"]]
    assert found == ["catalog records: Content-Type is application/json, expected application/ogc-catalog+json"]


def test_the_records_openapi_class_is_not_declared(run: FinishedRun) -> None:
    reason = _record(run, "oas30/oas-common")["reason"]["text"]
    assert "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/oas30" in reason, reason
