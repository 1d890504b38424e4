"""The Part 2, Part 3 and CQL2 suite against the Features test double: conformant passes, each defect is caught.

One double serves a conformant tenant and one tenant per Part 2/3 defect; the suite runs once over all of them
through the ``conformance run`` CLI (three targets per tenant: ogcapi-features-2, ogcapi-features-3, cql2), and
the tests read its results file. For every defect the exact set of failing requirements is asserted.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.demo.features_server import QUERY_DEFECTS, FeaturesTestServer
from tests.suites.ogcapi_query_support import ALL, Results, german, run, vendors_file
from tests.suites.ows_support import assert_every_check_can_fail

FILTERED = {  # a filter that is not applied: every evaluating check sees features that do not satisfy it
    "basic-cql2/binary-comparison-predicate",
    "advanced-comparison-operators/like-predicate",
    "advanced-comparison-operators/between-predicate",
    "advanced-comparison-operators/in-predicate",
    "basic-spatial-functions/spatial-predicate",
    "cql2-text/filter-lang",
    "cql2-json/basic-cql2",
    "filter/response",
    "filter/filter-crs-param",
    "features-filter/response",
}
CAUGHT: dict[str, set[str]] = {
    "crs-not-uri": {"crs/crs-uri"},
    # an empty list cannot contain the storageCrs either
    "no-crs-list": {"crs/fc-md-crs-list", "crs/fc-md-storageCrs-valid-value"},
    "no-storage-crs": {"crs/fc-md-storageCrs"},
    "storage-crs-unlisted": {"crs/fc-md-storageCrs-valid-value"},
    "crs-unlisted-accepted": {"crs/fc-crs-valid-value"},
    "axis-order-ignored": {"crs/fc-crs-action"},
    "reprojection-wrong": {"crs/fc-crs-action"},
    "bbox-crs-unlisted-accepted": {"crs/fc-bbox-crs-valid-value"},
    # metres read as degrees are out of range (400), and an unlisted bbox-crs is ignored as well
    "bbox-crs-ignored": {"crs/fc-bbox-crs-action", "crs/fc-bbox-crs-valid-value"},
    "no-content-crs": {"crs/ogc-crs-header"},
    "content-crs-wrong": {"crs/ogc-crs-header-value"},
    "no-queryables": {"queryables/get-queryables-op"},
    "queryables-no-link": {"queryables/get-queryables-op"},
    "queryables-invalid": {"queryables/get-queryables-response"},
    "queryable-params-ignored": {"queryables-query-parameters/parameters"},
    "filter-ignored": FILTERED,
    "cql2-text-lang-rejected": {"filter/filter-lang-param", "cql2-text/filter-lang"},
    "cql2-json-unsupported": {"filter/filter-lang-param", "cql2-json/basic-cql2"},
    # filter-crs is probed with S_INTERSECTS
    "spatial-unsupported": {"basic-spatial-functions/spatial-predicate", "filter/filter-crs-param"},
    "in-unsupported": {"advanced-comparison-operators/in-predicate"},
    # every check that sends an equality (the filter-lang, encoding and bbox-combined ones too) gets the 400
    "equality-unsupported": {
        "filter/filter-param",
        "filter/filter-lang-param",
        "features-filter/response",
        "basic-cql2/binary-comparison-predicate",
        "cql2-text/filter-lang",
        "cql2-json/basic-cql2",
    },
    "between-exclusive": {"advanced-comparison-operators/between-predicate"},
    # >= probes are sent by the comparison, the JSON encoding and the filter response checks
    "comparison-strict": {"basic-cql2/binary-comparison-predicate", "cql2-json/basic-cql2", "filter/response"},
    "unknown-property-accepted": {"features-filter/response"},
    "malformed-filter-accepted": {"features-filter/response"},
    "filter-crs-ignored": {"filter/filter-crs-param"},
    "filter-bbox-or": {"features-filter/response"},
}
CAP = "max_collections = 2"  # haltestellen (points) and stadtteile (polygons, one without geometry)
UNEXAMINED = {  # what a missing part leaves without anything to judge: not applicable, never passed
    "no-crs-list": {"crs/fc-crs-action", "crs/fc-bbox-crs-action", "filter/filter-crs-param"},
    "no-storage-crs": {"crs/fc-md-storageCrs-valid-value"},
    "no-content-crs": {"crs/ogc-crs-header-value"},
}
SKIPPED = {  # filters are built from the queryables: without them the filter checks cannot run
    "no-queryables": {
        "queryables/get-queryables-response",
        "queryables-query-parameters/parameters",
        "filter/filter-param",
        "filter/response",
        "features-filter/response",
        "basic-cql2/binary-comparison-predicate",
        "cql2-json/basic-cql2",
    },
}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Results]:
    folder = tmp_path_factory.mktemp("query-double")
    server = FeaturesTestServer({"ok": frozenset(), **{d: frozenset({d}) for d in CAUGHT}}).start()
    try:
        vendors = vendors_file(folder / "vendors.toml", {n: server.url(n) for n in server.views}, options=CAP)
        yield run(vendors, folder / "out")
    finally:
        server.stop()


def test_every_defect_has_an_expectation() -> None:
    assert set(CAUGHT) == set(QUERY_DEFECTS)


def test_every_check_can_fail() -> None:
    assert_every_check_can_fail(CAUGHT, QUERY_DEFECTS, set().union(*ALL.values()))


def test_conformant_double_passes_all_three_standards(results: Results) -> None:
    expected = {(s, r): "pass" for s, names in ALL.items() for r in names}
    assert results.outcomes("ok") == expected, results.stderr[-2000:]
    assert all(e["count"] > 0 for (v, _, _), r in results.records.items() if v == "ok" for e in r["examined"])


@pytest.mark.parametrize("defect", sorted(CAUGHT))
def test_defect_is_caught_under_its_requirements(results: Results, defect: str) -> None:
    assert results.failing(defect) == CAUGHT[defect]
    for (vendor, _, short), record in results.records.items():
        if vendor == defect and record["outcome"] == "fail":
            assert all(isinstance(v.get("exchange"), int) and v["locator"]["where"] for v in record["findings"]), short


@pytest.mark.parametrize("defect", sorted(UNEXAMINED))
def test_nothing_to_judge_is_not_applicable(results: Results, defect: str) -> None:
    outcomes = {r: o for (_, r), o in results.outcomes(defect).items()}
    for short in UNEXAMINED[defect]:
        assert outcomes[short] == "not_applicable", short


def test_no_queryables_skips_the_filter_checks(results: Results) -> None:
    outcomes = {r: o for (_, r), o in results.outcomes("no-queryables").items()}
    for short in SKIPPED["no-queryables"] - {"queryables/get-queryables-response"}:
        assert outcomes[short] == "skip", short
    record = results.records[("no-queryables", "cql2", "basic-cql2/binary-comparison-predicate")]
    assert record["reason"]["code"] == "query.skip.no-queryables"
    assert outcomes["queryables/get-queryables-response"] == "not_applicable"


def test_every_finding_reads_in_german(results: Results) -> None:
    findings = [v for r in results.records.values() for v in r["findings"]]
    assert findings
    assert all(german(v) not in (None, v["text"]) for v in findings if v["code"] != "features.schema")


def test_reprojection_finding_names_the_position_expected_by_proj(results: Results) -> None:
    record = results.records[("axis-order-ignored", "ogcapi-features-2", "crs/fc-crs-action")]
    finding = record["findings"][0]
    assert "EPSG/0/4326" in finding["text"]
    expected, actual = finding["expected"]["data"], finding["actual"]["data"]
    assert expected == [pytest.approx(a, abs=1e-5) for a in actual[::-1]]


def test_undeclared_classes_are_not_applicable(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A target that claims none of the classes (vendors file) gets not applicable for every check."""
    folder = tmp_path_factory.mktemp("query-unclaimed")
    server = FeaturesTestServer({"bare": frozenset()}).start()
    try:
        claims = dict.fromkeys(ALL, "claims = []")
        found = run(vendors_file(folder / "vendors.toml", {"bare": server.url("bare")}, claims), folder / "out")
    finally:
        server.stop()
    assert set(found.outcomes("bare").values()) == {"not_applicable"}
