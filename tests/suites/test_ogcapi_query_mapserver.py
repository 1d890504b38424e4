"""The Part 2, Part 3 and CQL2 suite against a real MapServer 8.0.0 (same data as the pygeoapi targets).

MapServer's OGC API declares Features Part 1 only, so for the vendor judged by its declaration every check of
the three standards is not applicable. A vendor whose vendors file claims Part 2 and Part 3 (as a tender
statement might) fails with evidence: no collection lists its CRSs or storageCrs, crs and bbox-crs naming an
unlisted CRS are answered with 200 instead of 400, no items answer carries Content-Crs, and /queryables answers
400; the filter checks, which build their filters from the queryables, are skipped.
"""

from __future__ import annotations

import pytest

from tests.suites.ogcapi_query_support import ALL, Results, run, vendors_file

CLAIMS = {
    "ogcapi-features-2": 'claims = ["crs"]',
    "ogcapi-features-3": 'claims = ["queryables", "queryables-query-parameters", "filter", "features-filter"]',
    "cql2": 'claims = ["basic-cql2"]',
}
FAILS = {
    "crs/fc-md-crs-list",
    "crs/fc-md-storageCrs",
    "crs/fc-crs-valid-value",
    "crs/fc-bbox-crs-valid-value",
    "crs/ogc-crs-header",
    "queryables/get-queryables-op",
}
SKIPS = {
    "queryables-query-parameters/parameters",
    "filter/filter-param",
    "filter/filter-lang-param",
    "filter/filter-crs-param",
    "filter/response",
    "features-filter/response",
    "basic-cql2/binary-comparison-predicate",
}


@pytest.fixture(scope="module")
def results(mapserver_url: str, tmp_path_factory: pytest.TempPathFactory) -> Results:
    folder = tmp_path_factory.mktemp("query-mapserver")
    declared = vendors_file(folder / "declared.toml", {"declared": mapserver_url}, options="max_collections = 2")
    claimed = vendors_file(folder / "claimed.toml", {"claimed": mapserver_url}, CLAIMS, "max_collections = 2")
    text = declared.read_text(encoding="utf-8") + "\n" + claimed.read_text(encoding="utf-8")
    (folder / "vendors.toml").write_text(text, encoding="utf-8")
    return run(folder / "vendors.toml", folder / "out")


def test_nothing_applies_to_what_mapserver_declares(results: Results) -> None:
    outcomes = results.outcomes("declared")
    assert len(outcomes) == sum(len(names) for names in ALL.values()), results.stderr[-2000:]
    assert set(outcomes.values()) == {"not_applicable"}
    reasons = {r["reason"]["text"] for (v, _, _), r in results.records.items() if v == "declared"}
    assert all(text.endswith("not claimed (the implementation's declaration)") for text in reasons)


def test_claimed_part_2_and_3_fail_with_evidence(results: Results) -> None:
    outcomes = {r: o for (_, r), o in results.outcomes("claimed").items()}
    assert {r for r, o in outcomes.items() if o == "fail"} == FAILS
    assert {r for r, o in outcomes.items() if o == "skip"} == SKIPS
    for (vendor, _, short), record in results.records.items():
        if vendor == "claimed" and record["outcome"] == "fail":
            assert all(isinstance(v.get("exchange"), int) for v in record["findings"]), short


def test_unlisted_crs_is_ignored_not_rejected(results: Results) -> None:
    record = results.records[("claimed", "ogcapi-features-2", "crs/fc-crs-valid-value")]
    assert {v["actual"]["data"] for v in record["findings"]} == {200}
    urls = [record["exchanges"][v["exchange"]]["url"] for v in record["findings"]]
    assert all("crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F3035" in u for u in urls)
