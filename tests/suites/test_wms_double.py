"""The WMS suite against its TEST DOUBLE (conformance/demo/wms_server.py): clean passes, each defect is caught.

One double serves a conformant tenant and one tenant per defect; the suite runs once over all of them through
the ``conformance run`` CLI. For every defect the exact set of failing requirements is asserted, and every other
requirement passes, except where the defect takes away what a check needs (named below, with the reason).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.demo.wms_server import DEFECTS, WmsTestServer
from conformance.suites.wms import STANDARD, SUITE
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
    "version-not-negotiated": {"version-negotiation"},
    "case-sensitive-names": {"request-parameters"},
    "capabilities-invalid": {"capabilities-schema"},
    "capabilities-media-type": {"capability-metadata"},
    "url-not-prefix": {"capability-metadata"},
    "update-sequence-ignored": {"update-sequence"},
    "layer-without-crs": {"layer-crs"},
    "geo-missing": {"layer-geographic-bbox"},
    "bbox-lon-lat": {"layer-bounding-boxes"},
    "style-redefined": {"layer-inheritance"},
    "legend-missing": {"linked-resources"},
    "map-size-ignored": {"getmap-format"},
    "map-media-type": {"getmap-format"},
    "crs-3857-broken": {"getmap-crs"},
    "advertised-style-rejected": {"getmap-styles"},
    "styles-commas-rejected": {"getmap-styles"},
    "transparent-ignored": {"getmap-transparent"},
    "opaque-default": {"getmap-transparent"},
    "bgcolor-ignored": {"getmap-bgcolor"},
    "invalid-bbox-accepted": {"getmap-bbox"},
    "empty-map-watermark": {"getmap-bbox"},
    "axis-order-swapped": {"axis-order"},
    "invalid-crs-code": {"exception-codes"},
    "exception-invalid": {"exception-report"},
    "exception-media-type": {"exception-report"},
    "inimage-ignored": {"exception-formats"},
    "info-html-as-plain": {"featureinfo-formats"},
    "invalid-point-ignored": {"featureinfo-point"},
    "feature-count-ignored": {"feature-count"},
    "not-queryable-answered": {"featureinfo-exceptions"},
}
# The point asked about by GetFeatureInfo is the densest drawn pixel of the layer's transparent map: without
# transparency the suite falls back to the centre, and a mark on every map draws the eye to the corner; there,
# only one feature answers, so FEATURE_COUNT cannot show (nothing examined, never a pass).
UNJUDGED = {"transparent-ignored": {"feature-count"}, "empty-map-watermark": {"feature-count"}}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FinishedRun]:
    server = WmsTestServer(one_tenant_per_defect(DEFECTS)).start()
    try:
        yield run_double(server, "wms-1.3.0", tmp_path_factory.mktemp("wms-double"))
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
        assert record["reason"] and (evidence_complete(record) or name.startswith(("layer-", "capabilit"))), record


def test_every_verdict_says_what_it_examined(run: FinishedRun) -> None:
    for name in ALL:
        record = run.records[("clean", name)]
        assert record["examined"] and record["examined"][0]["count"] > 0, (name, record["examined"])
        assert record["revision"] >= 1


def test_sampling_cuts_are_stated(run: FinishedRun) -> None:
    notes = [n["text"] for n in run.records[("clean", "getmap-format")]["notes"]]
    assert "sampling cut: 3 of 5 named layers asked for" in notes, notes


def test_axis_order_finding_shows_both_requests(run: FinishedRun) -> None:
    record = run.records[("axis-order-swapped", "axis-order")]
    violation = record["findings"][0]
    assert "CRS:84 and in EPSG:4326" in violation["text"]
    assert "CRS=CRS%3A84" in violation["expected"]["data"]
    assert "CRS=EPSG%3A4326" in record["exchanges"][violation["exchange"]]["url"]


def test_exception_code_finding_names_what_came(run: FinishedRun) -> None:
    violation = run.records[("invalid-crs-code", "exception-codes")]["findings"][0]
    assert violation["text"] == (
        "GetMap with CRS=EPSG:99999: expected the exception InvalidCRS, got ServiceException InvalidSRS"
    )


def test_every_message_is_a_code_of_the_suite_catalogue(run: FinishedRun) -> None:
    records = list(run.records.values())
    codes = {v["code"] for r in records for v in r["findings"]}
    codes |= {e["message"]["code"] for r in records for e in r["examined"]}
    assert "legacy" not in codes and len(codes) > 20
    assert codes <= set(SUITE.messages.templates), codes - set(SUITE.messages.templates)


def test_the_double_refuses_unknown_defects() -> None:
    with pytest.raises(ValueError, match="unknown defects: no-such"):
        WmsTestServer({"x": frozenset({"no-such"})})


def test_the_reports_name_the_failed_requirement_and_the_finding(run: FinishedRun) -> None:
    summary = (run.out / "summary.md").read_text(encoding="utf-8")
    assert (
        "- **axis-order-swapped 1** – Failed or without verdict:\n  - wms-1.3.0 – failed: SHALL /req/axis-order"
        in summary
    )
    matrix = Path(run.out / "matrix.html").read_text(encoding="utf-8")
    assert "wms-1.3.0" in matrix and "the same area in CRS:84 and in EPSG:4326 (latitude first)" in matrix
