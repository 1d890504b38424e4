"""The WFS suite against a real MapServer 8.0.0 (Debian cgi-mapserver behind lighttpd, tests/targets/mapserver.py).

The same Natural Earth lakes and places as the other targets, served by MapServer's default map (WFS 2.0 at
``/cgi-bin/mapserv?``). What the suite finds, with evidence: an unknown operation raises the exception code
``InvalidParameterValue`` (locator ``request``) instead of ``OperationNotSupported`` (OGC 06-121r3 Table 25), and
the OtherCRS ``urn:ogc:def:crs:CRS::84`` that the capabilities list for both types is refused with
InvalidParameterValue (09-025r2 7.9.2.4.4); in EPSG:3857 and EPSG:25832 the features lie where PROJ puts them.
Everything else holds: the capabilities and both stored query listings are valid against wfs.xsd, the Simple
WFS operations and a binding are declared, GetFeatureById returns the feature itself and ``NotFound`` for an
unknown identifier, the exception reports are valid OWS 1.1, DescribeFeatureType gives application schemas that
compile offline (GML from the packs), every GetFeature and GetPropertyValue response validates against the
schemas it names, COUNT, numberReturned and RESULTTYPE=hits hold, fes:ResourceId, fes:PropertyIsEqualTo and fes:BBOX
filters select what they name, and so do PropertyIsLike, And, Or and Not built from the sample
(Basic WFS), POSTed GetFeature queries and GetFeatureById answer as in KVP and POSTed filters hold (HTTP POST),
and the next links lead through the lakes once (25 in three pages of 10) and the previous link of page 2 gives
page 1 (Response paging). MapServer declares SOAPEncoding FALSE, so the SOAP encoding is not applicable.
"""

from __future__ import annotations

import pytest

from conformance.suites.wfs import STANDARD
from tests.suites.ows_support import FinishedRun, evidence_complete, run_cli, vendors_file
from tests.targets.mapserver import ows_url

ALL = {r.uri.split("/req/", 1)[1] for r in STANDARD.requirements}
FAILS = {"exception-codes", "srs-name"}
UNCLAIMED = {"soap-get-feature", "soap-fault"}  # MapServer declares SOAPEncoding FALSE


@pytest.fixture(scope="module")
def run(mapserver_url: str, tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    folder = tmp_path_factory.mktemp("wfs-mapserver")
    targets = {"mapserver": ows_url(mapserver_url)}
    return run_cli(vendors_file(folder / "vendors.toml", "wfs-2.0", targets), folder / "out")


def test_every_requirement_has_the_expected_outcome(run: FinishedRun) -> None:
    expected = {n: "fail" if n in FAILS else "not_applicable" if n in UNCLAIMED else "pass" for n in ALL}
    assert run.outcomes("mapserver") == expected, run.stderr[-2000:]
    for name in FAILS:
        assert evidence_complete(run.records[("mapserver", name)]), name


def test_an_unknown_operation_is_called_an_invalid_parameter_value(run: FinishedRun) -> None:
    record = run.records[("mapserver", "exception-codes")]
    assert [v["text"] for v in record["findings"]] == [
        "REQUEST=WechselbarNoSuchOperation: expected the exception OperationNotSupported, "
        "got HTTP 400 ExceptionReport InvalidParameterValue"
    ]
    assert record["examined"][0]["count"] == 3


def test_get_feature_by_id_asks_for_a_feature_of_each_type_and_an_unknown_one(run: FinishedRun) -> None:
    record = run.records[("mapserver", "get-feature-by-id")]
    assert record["examined"][0]["count"] == 3  # lakes and places (Basic WFS finds an id), and an unknown id
    assert record["notes"] == []


def test_the_feature_responses_examined(run: FinishedRun) -> None:
    examined = {name: run.records[("mapserver", name)]["examined"][0]["count"] for name in ALL - UNCLAIMED}
    assert examined["describe-feature-type"] == 2  # lakes, places
    assert examined["get-feature-count"] == 4  # COUNT=2 and RESULTTYPE=hits per type
    assert examined["get-property-value"] == 2
    assert examined["filter-resource-id"] == examined["filter-equal"] == examined["filter-bbox"] == 2
    assert examined["post-get-feature"] == examined["post-get-feature-by-id"] == 1  # the first type, POSTed
    assert examined["filter-like"] == 2 and examined["filter-logical"] == 6  # And, Or, Not per type
    assert examined["post-filter"] == 10  # equal, like, And, Or, Not per type
    assert examined["feature-schema"] == 8  # the six above and two GetFeatureById answers


def test_paging_walks_the_lakes_to_the_end_and_states_the_cut_for_the_places(run: FinishedRun) -> None:
    record = run.records[("mapserver", "paging-next")]
    assert record["examined"][0]["count"] == 8  # lakes: 3 pages to the end; places: 5 pages (max_pages)
    assert [n["text"] for n in record["notes"]] == [
        "sampling cut: paging through ms:places stopped after 5 pages (option max_pages)"
    ]
    assert run.records[("mapserver", "paging-previous")]["examined"][0]["count"] == 2


def test_the_listed_crs84_is_refused_and_the_projected_crs_agree_with_proj(run: FinishedRun) -> None:
    record = run.records[("mapserver", "srs-name")]
    assert [v["text"] for v in record["findings"]] == [
        f"GetFeature for ms:{t} with SRSNAME=urn:ogc:def:crs:CRS::84 gave no wfs:FeatureCollection: "
        "HTTP 400 ExceptionReport InvalidParameterValue"
        for t in ("lakes", "places")
    ]
    # 3 OtherCRS per type; compared by gml:id: both features of both types in EPSG:3857, in EPSG:25832 only the
    # places, because MapServer leaves the lakes far outside UTM zone 32 out and starts with lakes.4 and lakes.6
    assert [e["count"] for e in record["examined"]] == [6, 6]
    assert run.records[("mapserver", "srs-name-unlisted")]["examined"][0]["count"] == 2


def test_the_soap_encoding_is_not_applicable_with_the_reason(run: FinishedRun) -> None:
    record = run.records[("mapserver", "soap-get-feature")]
    assert record["outcome"] == "not_applicable" and record["reason"]["text"], record
