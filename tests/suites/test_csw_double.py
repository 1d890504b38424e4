"""The CSW suite against its TEST DOUBLE (conformance/demo/csw_server.py): clean passes, each defect is caught.

One double serves a conformant tenant and one tenant per defect; the suite runs once over all of them through
the ``conformance run`` CLI. For every defect the exact set of failing requirements is asserted, and every other
requirement passes.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.demo.csw_server import DEFECTS, CswTestServer
from conformance.suites.csw import STANDARD, SUITE
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
    "operation-missing": {"core-operations"},
    "describe-no-record": {"describe-record"},
    "hits-with-records": {"get-records-hits"},
    "returned-wrong": {"get-records-results"},
    "paging-overlap": {"get-records-paging"},
    "paging-stuck": {"get-records-paging"},
    "summary-lacks": {"element-sets"},
    "full-invalid": {"get-records-results", "get-record-by-id"},
    "cql-ignored": {"constraint-cql"},
    "filter-ignored": {"constraint-filter"},
    "post-filter-ignored": {"post-get-records"},
    "by-id-other": {"get-record-by-id", "get-record-by-id-unknown"},
    "by-id-unknown-empty": {"get-record-by-id-unknown"},
    "iso-profiles-without-gmd": {"iso-profiles"},
    "exception-invalid": {"exception-report"},
    "unknown-operation-code": {"exception-codes"},
    "iso-not-offered": {"iso-capabilities"},
    "iso-by-id-dc": {"iso-get-record-by-id"},
    "iso-records-invalid": {"iso-get-records"},
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FinishedRun]:
    server = CswTestServer(one_tenant_per_defect(DEFECTS)).start()
    try:
        yield run_double(server, "csw-2.0.2", tmp_path_factory.mktemp("csw-double"))
    finally:
        server.stop()


def test_every_defect_is_listed_and_every_check_has_one() -> None:
    assert_every_check_can_fail(CAUGHT, DEFECTS, ALL)


def test_the_clean_double_passes_everything(run: FinishedRun) -> None:
    assert run.outcomes("clean") == dict.fromkeys(ALL, "pass"), run.stderr[-2000:]


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_fails_exactly_its_requirement(run: FinishedRun, defect: str) -> None:
    assert_exactly(run, defect, CAUGHT[defect], ALL, set())
    for name in CAUGHT[defect]:
        record = run.records[(defect, name)]
        assert record["reason"] and evidence_complete(record), record


def test_every_verdict_says_what_it_examined(run: FinishedRun) -> None:
    for name in ALL:
        record = run.records[("clean", name)]
        assert record["examined"] and record["examined"][0]["count"] > 0, (name, record["examined"])
    counts = {name: run.records[("clean", name)]["examined"][0]["count"] for name in ALL}
    assert counts["get-records-paging"] == 3  # twelve records, five a page
    assert counts["get-record-by-id"] == 3 and counts["iso-get-record-by-id"] == 3
    assert counts["element-sets"] == 5 and counts["constraint-filter"] == 2


def test_sampling_cuts_are_stated(run: FinishedRun) -> None:
    notes = [n["text"] for n in run.records[("clean", "get-record-by-id")]["notes"]]
    assert notes == ["sampling cut: GetRecordById asked for 3 of 12 records met (option max_records)"]


def test_findings_name_what_came(run: FinishedRun) -> None:
    texts = [v["text"] for v in run.records[("paging-overlap", "get-records-paging")]["findings"]]
    assert texts[0] == "GetRecords from startPosition=1 returned 5 of 12 records: nextRecord is 5, expected 6"
    assert "the record urn:example:musterstadt:4 came again on the page from startPosition=5" in texts
    stuck = run.records[("paging-stuck", "get-records-paging")]["findings"]
    assert [v["text"] for v in stuck] == [
        "following nextRecord stopped before the end: the page from startPosition=6 gives nextRecord 6"
    ]
    violation = run.records[("summary-lacks", "element-sets")]["findings"][0]
    assert violation["text"] == (
        "record urn:example:musterstadt:0: the brief view has elements the summary view lacks: dc:type"
    )
    violation = run.records[("by-id-unknown-empty", "get-record-by-id-unknown")]["findings"][0]
    assert violation["text"] == (
        "GetRecordById with the unknown Id=wechselbar-no-such-record did not fail with an exception report: "
        "a GetRecordById response with the records: none"
    )
    violation = run.records[("iso-profiles-without-gmd", "iso-profiles")]["findings"][0]
    assert violation["text"] == (
        "the IsoProfiles constraint does not list http://www.isotc211.org/2005/gmd "
        "(IsoProfiles: http://www.adv.de/extendedISO)"
    )
    violation = run.records[("cql-ignored", "constraint-cql")]["findings"][0]
    assert violation["text"].startswith("GetRecords with the CQL constraint dc:title LIKE '%Bebauungspläne%' returned")


def test_every_message_is_a_code_of_the_suite_catalogue(run: FinishedRun) -> None:
    records = list(run.records.values())
    codes = {v["code"] for r in records for v in r["findings"]}
    codes |= {e["message"]["code"] for r in records for e in r["examined"]}
    assert "legacy" not in codes and len(codes) > 10
    assert codes <= set(SUITE.messages.templates), codes - set(SUITE.messages.templates)


def test_the_double_refuses_unknown_defects() -> None:
    with pytest.raises(ValueError, match="unknown defects: no-such"):
        CswTestServer({"x": frozenset({"no-such"})})
