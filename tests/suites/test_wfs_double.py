"""The WFS suite against its TEST DOUBLE (conformance/demo/wfs_server.py): clean passes, each defect is caught.

One double serves a conformant tenant and one tenant per defect; the suite runs once over all of them through
the ``conformance run`` CLI. For every defect the exact set of failing requirements is asserted, and every other
requirement passes.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.demo.wfs_server import DEFECTS, WfsTestServer
from conformance.suites.wfs import STANDARD, SUITE
from tests.suites.ows_support import (
    FinishedRun,
    assert_every_check_can_fail,
    assert_exactly,
    evidence_complete,
    one_tenant_per_defect,
    run_double,
)

ALL = {r.uri.split("/req/", 1)[1] for r in STANDARD.requirements}
CAUGHT: dict[str, set[str]] = {
    "capabilities-invalid": {"capabilities-schema"},
    "operation-missing": {"simple-operations"},
    "no-binding": {"simple-operations"},
    "by-id-not-listed": {"stored-query-listing"},
    "by-id-collection": {"get-feature-by-id"},
    "not-found-ignored": {"get-feature-by-id"},
    "exception-invalid": {"exception-report"},
    "unknown-operation-code": {"exception-codes"},
    "dft-typenames-refused": {"describe-feature-type"},
    "feature-invalid": {"feature-schema"},
    "no-get-property-value": {"basic-operations"},
    "number-returned-matched": {"get-feature-count"},
    "hits-with-features": {"get-feature-count"},
    "values-ignore-count": {"get-property-value"},
    "resource-id-ignored": {"filter-resource-id"},
    "equal-ignored": {"filter-equal", "filter-logical", "post-filter"},  # the And, Or and Not build on equality
    "bbox-ignored": {"filter-bbox", "filter-logical", "post-filter"},  # the And holds a BBOX
    "like-literal": {"filter-like", "post-filter"},  # the POSTed filters include the PropertyIsLike
    "not-ignored": {"filter-logical", "post-filter"},
    "post-filter-ignored": {"post-filter"},
    "srs-name-ignored": {"srs-name"},
    "srs-axis-swapped": {"srs-name"},
    "srs-unlisted-accepted": {"srs-name-unlisted"},
    "soap-bare": {"soap-get-feature", "soap-fault"},
    "soap-fault-bare": {"soap-fault"},
    "post-ignores-count": {"post-get-feature", "soap-get-feature"},  # the SOAP body is the same XML request
    "post-by-id-collection": {"post-get-feature-by-id"},
    "paging-overlap": {"paging-next"},
    "no-next": {"paging-next"},
    "previous-wrong": {"paging-previous"},
    "soap-1.1": set(),  # a variant, not a defect: SOAP 1.1 answers pass as SOAP 1.2 answers do
}
# Without next links there is no second page whose previous link could be followed (nothing examined); a server
# that declares no XMLEncoding (SOAPEncoding) does not claim the HTTP POST (SOAP encoding) class.
UNJUDGED = {
    "no-next": {"paging-previous"},
    "no-binding": {"post-get-feature", "post-get-feature-by-id", "post-filter", "soap-get-feature", "soap-fault"},
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FinishedRun]:
    server = WfsTestServer(one_tenant_per_defect(DEFECTS)).start()
    try:
        yield run_double(server, "wfs-2.0", tmp_path_factory.mktemp("wfs-double"))
    finally:
        server.stop()


def test_every_defect_is_listed_and_every_check_has_one() -> None:
    assert_every_check_can_fail(CAUGHT, DEFECTS, ALL)


def test_the_clean_double_passes_everything(run: FinishedRun) -> None:
    assert run.outcomes("clean") == dict.fromkeys(ALL, "pass"), run.stderr[-2000:]


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_fails_exactly_its_requirement(run: FinishedRun, defect: str) -> None:
    assert_exactly(run, defect, CAUGHT[defect], ALL, UNJUDGED.get(defect, set()))
    for name in CAUGHT[defect]:
        record = run.records[(defect, name)]
        assert record["reason"] and evidence_complete(record), record


def test_every_verdict_says_what_it_examined(run: FinishedRun) -> None:
    for name in ALL:
        record = run.records[("clean", name)]
        assert record["examined"] and record["examined"][0]["count"] > 0, (name, record["examined"])
    assert run.records[("clean", "get-feature-by-id")]["examined"][0]["count"] == 2
    counts = {n: run.records[("clean", n)]["examined"][0]["count"] for n in ("filter-like", "filter-logical")}
    assert counts == {"filter-like": 1, "filter-logical": 3}  # And, Or, Not of the first two trees
    assert run.records[("clean", "post-filter")]["examined"][0]["count"] == 5  # equal, like, And, Or, Not
    assert [e["count"] for e in run.records[("clean", "srs-name")]["examined"]] == [2, 4]  # 2 CRS, 2 trees each


def test_a_soap_1_1_service_is_asked_again_in_soap_1_1_and_passes(run: FinishedRun) -> None:
    for name in ("soap-get-feature", "soap-fault"):
        record = run.records[("soap-1.1", name)]
        assert record["outcome"] == "pass" and record["examined"][0]["count"] == 1, record


def test_features_in_another_crs_are_compared_where_proj_puts_them(run: FinishedRun) -> None:
    records = [run.records[(d, "srs-name")]["findings"] for d in ("srs-name-ignored", "srs-axis-swapped")]
    assert {v["code"] for v in records[0]} == {"wfs.srs-name-other", "wfs.srs-coordinates"}
    assert {v["code"] for v in records[1]} == {"wfs.srs-coordinates"} and len(records[1]) == 4
    assert records[1][0]["text"] == (
        "GetFeature for app:baum with SRSNAME=http://www.opengis.net/def/crs/EPSG/0/25832 gives the feature "
        "baum.1 elsewhere than its coordinates in urn:ogc:def:crs:EPSG::4326 transformed by PROJ (tolerance 1.0)"
    )


def test_a_literal_like_misses_the_feature_its_pattern_was_made_from(run: FinishedRun) -> None:
    texts = [v["text"] for v in run.records[("like-literal", "filter-like")]["findings"]]
    assert texts == [
        "GetFeature (KVP) for app:baum with the filter app:art LIKE '#ic*' does not return the feature "
        "baum.1, for which the filter holds"
    ]
    texts = [v["text"] for v in run.records[("not-ignored", "filter-logical")]["findings"]]
    assert (
        "GetFeature (KVP) for app:baum with the filter NOT (app:art = 'Eiche') returns the feature baum.1, "
        "for which the filter does not hold" in texts
    )


def test_findings_name_what_came(run: FinishedRun) -> None:
    violation = run.records[("unknown-operation-code", "exception-codes")]["findings"][0]
    assert violation["text"] == (
        "REQUEST=WechselbarNoSuchOperation: expected the exception OperationNotSupported, "
        "got HTTP 400 ExceptionReport InvalidParameterValue"
    )
    violation = run.records[("by-id-collection", "get-feature-by-id")]["findings"][0]
    assert violation["text"] == "GetFeatureById with ID=baum.1 gave HTTP 200 FeatureCollection, not the feature itself"


def test_every_message_is_a_code_of_the_suite_catalogue(run: FinishedRun) -> None:
    records = list(run.records.values())
    codes = {v["code"] for r in records for v in r["findings"]}
    codes |= {e["message"]["code"] for r in records for e in r["examined"]}
    assert "legacy" not in codes and len(codes) > 8
    assert codes <= set(SUITE.messages.templates), codes - set(SUITE.messages.templates)


def test_the_double_refuses_unknown_defects() -> None:
    with pytest.raises(ValueError, match="unknown defects: no-such"):
        WfsTestServer({"x": frozenset({"no-such"})})
