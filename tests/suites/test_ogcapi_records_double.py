"""The OGC API – Records suite against its defect double (conformance.demo.records_server), in one CLI run.

A clean tenant passes every requirement; each defect fails exactly the requirements listed here, and together
the defects fail every requirement, so every check can fail. Paging uses page_limit=3, so the seven records
of the double take three pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.core.messages import placeholders
from conformance.demo.records_server import DEFECTS, RecordsServer
from conformance.suites.ogcapi_records import STANDARD, SUITE
from tests.suites.ows_support import FinishedRun, evidence_complete, one_tenant_per_defect, run_cli, vendors_file

ALL = {r.uri.split("/req/", 1)[1] for r in STANDARD.requirements}
API, CORE, PARAMS = "records-api", "record-core", "record-core-query-parameters"
FAILS = {
    "no-conformance-link": {f"{API}/features-api"},
    "items-500": {
        f"{API}/records-op",
        f"{PARAMS}/datetime",
        f"{PARAMS}/limit",
        f"{PARAMS}/type-response",
        "sorting/sortby-response",
    },
    "no-single-record": {f"{API}/record-op", "html/definition"},
    "record-without-self": {f"{API}/record-response"},
    "catalog-without-type": {"record-collection/mandatory-properties-collection"},
    "record-without-title": {f"{CORE}/mandatory-properties-record", f"{API}/record-response"},
    "no-collection-link": {f"{CORE}/links", f"{API}/record-response"},
    "bbox-ignored": {f"{PARAMS}/bbox"},
    "datetime-ignored": {f"{PARAMS}/datetime"},
    "q-ignored": {f"{PARAMS}/q-response"},
    "type-ignored": {f"{PARAMS}/type-response"},
    "paging-duplicates": {f"{PARAMS}/limit"},
    "sortby-ignored": {"sorting/sortby-response"},
    "time-not-rfc3339": {f"{CORE}/time-instant"},
    "time-interval-mixed": {f"{CORE}/time-interval"},
    "time-not-utc": {f"{CORE}/time-zone"},
    "time-outside-interval": {f"{CORE}/time-instant-interval"},
    "sortables-missing": {"sorting/get-sortables-op", "sorting/get-sortables-success"},
    "sortables-malformed": {"sorting/get-sortables-success"},
    "catalog-as-json": {"json/collection-response"},
    "records-as-json": {"json/record-response"},
    "no-html": {"html/definition"},
    "html-without-links": {"html/content"},
    "api-without-records": {"oas30/oas-common"},
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FinishedRun]:
    folder: Path = tmp_path_factory.mktemp("records-double")
    server = RecordsServer(one_tenant_per_defect(DEFECTS)).start()
    try:
        targets = {name: server.url(name) for name in server.views}
        vendors = vendors_file(folder / "vendors.toml", "ogcapi-records-1", targets, "options = { page_limit = 3 }\n")
        yield run_cli(vendors, folder / "out")
    finally:
        server.stop()


def test_the_clean_tenant_passes_everything(run: FinishedRun) -> None:
    assert run.outcomes("clean") == dict.fromkeys(ALL, "pass"), run.stderr[-2000:]
    assert run.code == 1


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_fails_exactly_its_requirements(run: FinishedRun, defect: str) -> None:
    assert run.failing(defect) == FAILS[defect]
    assert all(evidence_complete(run.records[(defect, name)]) for name in FAILS[defect])


def test_every_check_can_fail() -> None:
    assert set(FAILS) == set(DEFECTS)
    assert set().union(*FAILS.values()) == ALL


def test_a_500_leaves_the_record_checks_unjudged_with_what_was_looked_for(run: FinishedRun) -> None:
    outcomes = run.outcomes("items-500")
    assert outcomes[f"{CORE}/mandatory-properties-record"] == "not_applicable"
    assert outcomes[f"{API}/record-op"] == "skip"
    reason = run.records[("items-500", f"{PARAMS}/q-response")]["reason"]["text"]
    assert reason.startswith("nothing examined: looked for records returned to")


def test_findings_name_the_record_and_the_query(run: FinishedRun) -> None:
    bbox = run.records[("bbox-ignored", f"{PARAMS}/bbox")]["findings"]
    assert any("'haushalt' has no geometry" in v["text"] for v in bbox)
    assert any("does not intersect the box" in v["text"] for v in bbox)
    q = run.records[("q-ignored", f"{PARAMS}/q-response")]["findings"]
    assert all(v["text"].startswith("q=Stadtbäume: record ") for v in q)
    duplicates = run.records[("paging-duplicates", f"{PARAMS}/limit")]["findings"]
    assert any("comes twice while paging through katalog" in v["text"] for v in duplicates)
    sort = run.records[("sortby-ignored", "sorting/sortby-response")]["findings"]
    assert any(v["text"].startswith("sortby=title: record ") for v in sort)


def test_time_findings_and_datetime_probes(run: FinishedRun) -> None:
    zone = run.records[("time-not-utc", f"{CORE}/time-zone")]["findings"]
    assert [v["text"] for v in zone] == ["record parken: time: timestamp 2025-06-15T10:30:00+02:00 is not in UTC (Z)"]
    outside = run.records[("time-outside-interval", f"{CORE}/time-instant-interval")]["findings"]
    assert [v["text"] for v in outside] == [
        "record wahlbezirke: time: 2023-05-05 lies outside the interval 2024-01-01/2024-12-31"
    ]
    counts = {
        n: run.records[("clean", f"{CORE}/{n}")]["examined"][0]["count"]
        for n in ("time-instant", "time-interval", "time-zone", "time-instant-interval")
    }
    assert counts == {"time-instant": 6, "time-interval": 2, "time-zone": 1, "time-instant-interval": 2}
    looked = str(run.records[("clean", f"{PARAMS}/datetime")]["examined"][0])
    for value in (
        "datetime=2025-03-01T00:00:00Z",
        "datetime=2025-02-28T00:00:00Z/..",
        "datetime=../1900-12-31T23:59:59Z",
    ):
        assert value in looked, looked


def test_class_findings_name_what_is_missing(run: FinishedRun) -> None:
    texts = [v["text"] for v in run.records[("sortables-missing", "sorting/get-sortables-op")]["findings"]]
    assert texts[0].startswith("catalog katalog has no link with rel=http://www.opengis.net/def/rel/ogc/1.0/sortables")
    texts = [v["text"] for v in run.records[("html-without-links", "html/content")]["findings"]]
    assert "catalog katalog: no <a> for the self link " in texts[0], texts
    assert any(t.startswith("record stadtbaeume: no <a> for the collection link ") for t in texts), texts
    assert run.records[("no-html", "html/content")]["outcome"] == "skip"


def test_malformed_sortables_fail_each_part(run: FinishedRun) -> None:
    texts = [v["text"] for v in run.records[("sortables-malformed", "sorting/get-sortables-success")]["findings"]]
    prefix = "the sortables of catalog katalog: "
    assert texts[0].startswith(prefix + "$schema is 'http://json-schema.org/draft-04/schema#', expected "), texts
    assert texts[1].startswith(prefix + "$id is 'http://127.0.0.1:"), texts
    assert texts[1].endswith("/collections/katalog/sortables?f=json', expected " + texts[1].split("expected ")[1])
    assert texts[1].split("expected ")[1].endswith("/collections/katalog/sortables"), texts
    assert texts[2] == prefix + "additionalProperties is True, expected false", texts
    assert texts[3:5] == [
        "sortable title of catalog katalog lacks the member type",
        "sortable geometry of catalog katalog is a spatial property but has the member type",
    ], texts
    assert texts[5].startswith("sortable geometry of catalog katalog: format is 'geometry-Polygon', expected "), texts
    assert len(texts) == 6, texts


def test_a_catalog_served_as_plain_json_fails_the_catalog_media_type(run: FinishedRun) -> None:
    texts = [v["text"] for v in run.records[("catalog-as-json", "json/collection-response")]["findings"]]
    assert texts == ["catalog katalog: Content-Type is application/json, expected application/ogc-catalog+json"]
    assert run.records[("clean", "json/collection-response")]["examined"][0]["count"] == 1


def test_the_definition_must_document_the_records_paths(run: FinishedRun) -> None:
    texts = [v["text"] for v in run.records[("api-without-records", "oas30/oas-common")]["findings"]]
    assert len(texts) == 2 and "/collections/katalog/items" in texts[0], texts
    assert run.records[("clean", "oas30/oas-common")]["examined"][0]["count"] == 2


def test_every_message_of_the_suite_is_worded_in_german_too() -> None:
    own = [t for code, t in SUITE.messages.templates.items() if code.startswith("records.")]
    assert len(own) > 20
    assert all(t.en and t.de and t.en != t.de for t in own)
    assert all(placeholders(t.en) == placeholders(t.de) for t in own)
