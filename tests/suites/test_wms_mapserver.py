"""The WMS suite against a real MapServer 8.0.0 (Debian cgi-mapserver behind lighttpd, tests/targets/mapserver.py).

The same Natural Earth lakes and places as the other targets, served by MapServer's default map (WMS 1.3.0 at
``/cgi-bin/mapserv?``). What the suite finds, each with evidence:

- GetMap as ``image/vnd.jpeg-png``, a format the capabilities advertise, is served as ``image/jpeg``: the
  response is not in the requested format (7.3.3.7, 7.3.4);
- an unknown CRS raises the exception code ``InvalidSRS`` (the WMS 1.1.1 code) instead of ``InvalidCRS`` (6.11);
- GetFeatureInfo on a layer that is not queryable raises ``LayerNotDefined`` instead of ``LayerNotQueryable``.

Everything else holds for the sampled requests: the capabilities are schema-valid (with the SLD and MapServer
extension schemas), the EPSG:4326 bounding boxes are latitude first and the maps in CRS:84 and EPSG:4326 agree,
TRANSPARENT and BGCOLOR work, INIMAGE and BLANK exceptions are pictures, FEATURE_COUNT is kept.
"""

from __future__ import annotations

import pytest

from conformance.suites.wms import STANDARD
from tests.suites.ows_support import FinishedRun, evidence_complete, run_cli, vendors_file
from tests.targets.mapserver import ows_url

ALL = {r.uri.split("/req/", 1)[1] for r in STANDARD.requirements}
FAILS = {"getmap-format", "exception-codes", "featureinfo-exceptions"}


@pytest.fixture(scope="module")
def run(mapserver_url: str, tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    folder = tmp_path_factory.mktemp("wms-mapserver")
    targets = {"mapserver": ows_url(mapserver_url)}
    return run_cli(vendors_file(folder / "vendors.toml", "wms-1.3.0", targets), folder / "out")


def test_every_requirement_has_the_expected_outcome(run: FinishedRun) -> None:
    assert run.outcomes("mapserver") == {n: "fail" if n in FAILS else "pass" for n in ALL}, run.stderr[-2000:]
    for name in FAILS:
        assert evidence_complete(run.records[("mapserver", name)]), name


def test_the_jpeg_png_format_is_served_as_jpeg(run: FinishedRun) -> None:
    record = run.records[("mapserver", "getmap-format")]
    assert {v["text"] for v in record["findings"]} == {"GetMap as image/vnd.jpeg-png was served as image/jpeg"}
    for violation in record["findings"]:
        exchange = record["exchanges"][violation["exchange"]]
        assert "FORMAT=image%2Fvnd.jpeg-png" in exchange["url"]
        assert exchange["response_headers"]["Content-Type"] == "image/jpeg"


def test_an_unknown_crs_raises_the_wms_1_1_1_code(run: FinishedRun) -> None:
    violation = run.records[("mapserver", "exception-codes")]["findings"][0]
    assert violation["text"] == (
        "GetMap with CRS=EPSG:99999: expected the exception InvalidCRS, got ServiceException InvalidSRS"
    )


def test_a_layer_that_is_not_queryable_is_called_undefined(run: FinishedRun) -> None:
    record = run.records[("mapserver", "featureinfo-exceptions")]
    assert [v["text"] for v in record["findings"]] == [
        "GetFeatureInfo with QUERY_LAYERS=lake_outlines, INFO_FORMAT=text/plain: expected the exception "
        "LayerNotQueryable, got ServiceException LayerNotDefined"
    ]


def test_what_was_examined_and_cut(run: FinishedRun) -> None:
    schema = run.records[("mapserver", "capabilities-schema")]
    assert schema["examined"][0]["count"] == 1 and not schema["findings"]
    axis = run.records[("mapserver", "axis-order")]
    assert axis["examined"][0]["count"] >= 2
    notes = [n["text"] for n in run.records[("mapserver", "getmap-format")]["notes"]]
    assert "sampling cut: 3 of 4 named layers asked for" in notes
    assert "sampling cut: 4 of 13 GetMap formats asked for" in notes
