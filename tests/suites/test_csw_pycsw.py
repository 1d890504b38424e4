"""The CSW suite against a real pycsw 2.6.2 (tests/targets/pycsw.py: SQLite repository, ISO profile on), loaded
with the five Dublin Core and five ISO 19139 records of tests/targets/csw_records.py.

What the suite finds, with evidence:
- the CQL constraint ``dc:title LIKE '%Lorem%'`` (07-006r1 6.2.2 writes the keyword LIKE) is refused with
  InvalidParameterValue "Invalid Filter syntax": pycsw's CQL parser knows only the lower-case ``like``;
- an unknown operation raises InvalidParameterValue (locator ``request``) instead of OperationNotSupported;
- the Dublin Core records pycsw turns into ISO 19139 are not schema-valid: ``gmd:MD_DataIdentification/@id`` carries
  the record identifier, which is no xs:ID, and the gmd:CI_Citation lacks its mandatory gmd:date.
- GetRecordById for an unknown identifier answers an empty GetRecordByIdResponse with HTTP 200, where 07-006r1
  10.9.4.2 says the operation should fail with an exception (SOLL);
- the capabilities advertise no IsoProfiles constraint (07-045 7.5: catalogues MAY): not applicable, with the reason.
Everything else holds: the capabilities, DescribeRecord, GetRecords and GetRecordById responses are valid against
CSW-discovery.xsd, hits and results, nextRecord through the ten records (two pages of five), the element sets
nest, the OGC Filter in KVP and POSTed selects what it names, and the exception reports are valid OWS 1.0.0. The
ISO records loaded as such use gmx:Anchor (and srv), for which the pack holds no schema: they are noted as not
verified, never failed.
"""

from __future__ import annotations

import pytest

from conformance.suites.csw import STANDARD
from tests.suites.ows_support import FinishedRun, evidence_complete, run_cli, vendors_file

ALL = {r.uri.split("/req/", 1)[1] for r in STANDARD.requirements}
FAILS = {
    "constraint-cql",
    "exception-codes",
    "iso-get-record-by-id",
    "iso-get-records",
    "get-record-by-id-unknown",
}
NOT_APPLICABLE = {"iso-profiles"}
GMX = "http://www.isotc211.org/2005/gmx"


@pytest.fixture(scope="module")
def run(pycsw_url: str, tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    folder = tmp_path_factory.mktemp("csw-pycsw")
    return run_cli(vendors_file(folder / "vendors.toml", "csw-2.0.2", {"pycsw": pycsw_url}), folder / "out")


def test_every_requirement_has_the_expected_outcome(run: FinishedRun) -> None:
    assert run.outcomes("pycsw") == {
        n: "fail" if n in FAILS else "not_applicable" if n in NOT_APPLICABLE else "pass" for n in ALL
    }, run.stderr[-2000:]
    for name in FAILS:
        assert evidence_complete(run.records[("pycsw", name)]), name


def test_the_upper_case_cql_keyword_is_refused(run: FinishedRun) -> None:
    record = run.records[("pycsw", "constraint-cql")]
    assert [v["text"] for v in record["findings"]] == [
        "GetRecords with the CQL constraint dc:title LIKE '%Lorem%' gave no GetRecords response: "
        "HTTP 200 ExceptionReport InvalidParameterValue"
    ]


def test_an_unknown_operation_is_called_an_invalid_parameter_value(run: FinishedRun) -> None:
    record = run.records[("pycsw", "exception-codes")]
    assert [v["text"] for v in record["findings"]] == [
        "REQUEST=WechselbarNoSuchOperation: expected the exception OperationNotSupported, "
        "got HTTP 200 ExceptionReport InvalidParameterValue"
    ]
    assert run.records[("pycsw", "exception-report")]["examined"][0]["count"] == 3


def test_iso_records_made_from_dublin_core_are_invalid_and_native_ones_not_verified(run: FinishedRun) -> None:
    record = run.records[("pycsw", "iso-get-record-by-id")]
    texts = [v["text"] for v in record["findings"]]
    assert texts and all(t.startswith("the ISO record urn:example:wechselbar:") for t in texts), texts
    assert any("is not a valid value of the atomic type 'xs:ID'" in t for t in texts)
    assert any("CI_Citation': Missing child element(s)" in t for t in texts)
    notes = [n["text"] for n in record["notes"]]
    assert any("is not verified against the ISO 19139 schema" in n and GMX in n for n in notes), notes
    assert run.records[("pycsw", "iso-get-records")]["examined"][0]["count"] == 5


def test_paging_and_sampling(run: FinishedRun) -> None:
    examined = {name: run.records[("pycsw", name)]["examined"][0]["count"] for name in ALL - NOT_APPLICABLE}
    assert examined["get-records-paging"] == 2  # ten records, five a page
    assert examined["get-record-by-id"] == 3 and examined["element-sets"] == 5
    notes = [n["text"] for n in run.records[("pycsw", "get-record-by-id")]["notes"]]
    assert notes == ["sampling cut: GetRecordById asked for 3 of 10 records met (option max_records)"]


def test_an_unknown_id_gives_an_empty_response_and_no_iso_profiles_are_advertised(run: FinishedRun) -> None:
    record = run.records[("pycsw", "get-record-by-id-unknown")]
    assert [v["text"] for v in record["findings"]] == [
        "GetRecordById with the unknown Id=wechselbar-no-such-record did not fail with an exception report: "
        "a GetRecordById response with the records: none"
    ]
    record = run.records[("pycsw", "iso-profiles")]
    assert record["findings"] == []
    assert "advertise no IsoProfiles constraint" in str(record)
