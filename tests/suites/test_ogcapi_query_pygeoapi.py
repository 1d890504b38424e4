"""The Part 2, Part 3 and CQL2 suite against pygeoapi 0.21.0 serving places from PostgreSQL/PostGIS.

Two vendors on the one server: ``declared`` is judged by what pygeoapi's /conformance declares (Part 2 crs,
Part 3 queryables and queryables-query-parameters; no filter and no CQL2 class), ``claimed`` by a vendors file
that claims Part 3's filter classes and Basic CQL2, basic spatial functions and cql2-text (as a vendor's tender
statement would), so that the filter deviations show as fails with their requests.
"""

from __future__ import annotations

import pytest

from tests.suites.ogcapi_query_support import Results, run, vendors_file

CLAIMS = {
    "ogcapi-features-3": 'claims = ["queryables", "queryables-query-parameters", "filter", "features-filter"]',
    "cql2": 'claims = ["basic-cql2", "advanced-comparison-operators", "basic-spatial-functions", "cql2-text"]',
}


@pytest.fixture(scope="module")
def results(pygeoapi_postgis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Results:
    folder = tmp_path_factory.mktemp("query-pygeoapi")
    declared = vendors_file(folder / "declared.toml", {"declared": pygeoapi_postgis_url}, options="max_collections = 2")
    claimed = vendors_file(folder / "claimed.toml", {"claimed": pygeoapi_postgis_url}, CLAIMS, "max_collections = 2")
    text = declared.read_text(encoding="utf-8") + "\n" + claimed.read_text(encoding="utf-8")
    (folder / "vendors.toml").write_text(text, encoding="utf-8")
    return run(folder / "vendors.toml", folder / "out")


def texts(results: Results, vendor: str, standard: str, short: str) -> list[str]:
    return [v["text"] for v in results.records[(vendor, standard, short)]["findings"]]


def test_part_2_passes_including_latitude_first_epsg_4326(results: Results) -> None:
    outcomes = {r: o for (s, r), o in results.outcomes("declared").items() if s == "ogcapi-features-2"}
    assert outcomes and set(outcomes.values()) == {"pass"}, results.stderr[-2000:]
    record = results.records[("declared", "ogcapi-features-2", "crs/fc-crs-action")]
    assert record["examined"][0]["count"] >= 4


def test_filter_classes_pygeoapi_does_not_declare_are_not_applicable(results: Results) -> None:
    for (standard, short), outcome in results.outcomes("declared").items():
        if short.startswith(("filter/", "features-filter/")) or standard == "cql2":
            assert outcome == "not_applicable", short
    assert results.outcome("declared", "ogcapi-features-3", "queryables/get-queryables-op") == "pass"
    assert results.outcome("declared", "ogcapi-features-3", "queryables-query-parameters/parameters") == "pass"


def test_queryables_name_json_schema_over_http_not_https(results: Results) -> None:
    assert results.outcome("declared", "ogcapi-features-3", "queryables/get-queryables-response") == "fail"
    found = texts(results, "declared", "ogcapi-features-3", "queryables/get-queryables-response")
    assert "$schema is http://json-schema.org/draft/2019-09/schema, not JSON Schema 2019-09 or 2020-12" in found


def test_cql2_text_as_filter_lang_is_rejected(results: Results) -> None:
    record = results.records[("claimed", "ogcapi-features-3", "filter/filter-lang-param")]
    assert record["outcome"] == "fail"
    urls = [record["exchanges"][v["exchange"]]["url"] for v in record["findings"]]
    assert urls and all("filter-lang=cql2-text" in u for u in urls)
    assert all(v["actual"]["data"] == 400 for v in record["findings"])
    assert results.outcome("claimed", "cql2", "cql2-text/filter-lang") == "fail"


def test_s_intersects_is_rejected_on_postgis_places(results: Results) -> None:
    found = texts(results, "claimed", "cql2", "basic-spatial-functions/spatial-predicate")
    assert any(t.startswith("items of places with cql2-text filter S_INTERSECTS(") and "got 400" in t for t in found)


def test_unknown_property_is_answered_with_an_empty_page(results: Results) -> None:
    found = texts(results, "claimed", "ogcapi-features-3", "features-filter/response")
    unknown = "with a filter on an unknown property (wechselbar_unknown_7f3a = 1): expected HTTP 400, got 200"
    assert f"items of places {unknown}" in found


def test_filter_on_the_geojson_provider_is_ignored(results: Results) -> None:
    record = results.records[("claimed", "ogcapi-features-3", "filter/response")]
    assert record["outcome"] == "fail"
    wrong = [v for v in record["findings"] if v["code"] == "query.filter-not-satisfied"]
    assert wrong and all("/collections/lakes/items" in v["locator"]["where"] for v in wrong)
    assert results.outcome("claimed", "ogcapi-features-3", "filter/filter-param") == "pass"
