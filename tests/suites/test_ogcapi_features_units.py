"""Units of the OGC API Features suite: catalogue, bbox geometry, time values and the OpenAPI reading."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from conformance.core.outcomes import Obligation
from conformance.harness.registry import standards
from conformance.suites.ogcapi_features import STANDARD, geometry, temporal
from conformance.suites.ogcapi_features.http11 import tls_note
from conformance.suites.ogcapi_features.openapi import Definition, Parameter
from conformance.suites.ogcapi_features.schemas import PUBLISHED

lon = st.floats(-180, 180, allow_nan=False)
lat = st.floats(-90, 90, allow_nan=False)


def test_catalogue_uses_official_uris_and_obligations() -> None:
    assert standards()["ogcapi-features-1"] is STANDARD
    assert {c.short for c in STANDARD.classes} == {"core", "geojson", "oas30", "html"}
    uris = [r.uri for r in STANDARD.requirements]
    assert len(uris) == len(set(uris))
    for item in STANDARD.requirements:
        kind = item.uri.removeprefix("http://www.opengis.net/spec/ogcapi-features-1/1.0/").split("/")[0]
        assert item.obligation is (Obligation.SOLL if kind == "rec" else Obligation.MUSS), item.uri
        assert item.cls in {c.uri for c in STANDARD.classes}
        assert item.spec_url.startswith("https://docs.ogc.org/is/17-069r4/17-069r4.html#")
    assert STANDARD.requirement("/req/core/query-param-unknown").statement.startswith("The server SHALL respond")


def test_antimeridian_box_covers_both_edges_only() -> None:
    box = (170.0, -10.0, -170.0, 10.0)
    assert geometry.inside((175.0, 0.0, 178.0, 1.0), box)
    assert geometry.inside((-179.0, 0.0, -175.0, 1.0), box)
    assert geometry.misses((31.6, -2.7, 34.1, 0.3), box)
    assert not geometry.misses((160.0, 0.0, 171.0, 1.0), box)


@given(lon, lat, lon, lat, lon, lat, lon, lat)
def test_inside_and_misses_exclude_each_other(
    a: float, b: float, c: float, d: float, w: float, s: float, e: float, n: float
) -> None:
    env = (min(a, c), min(b, d), max(a, c), max(b, d))
    box = (w, min(s, n), e, max(s, n))
    assert not (geometry.inside(env, box) and geometry.misses(env, box))


@given(st.lists(st.tuples(lon, lat), min_size=1, max_size=20))
def test_grown_envelope_is_sent_exactly(points: list[tuple[float, float]]) -> None:
    env = geometry.envelope({"type": "MultiPoint", "coordinates": [list(p) for p in points]})
    assert env is not None
    box = geometry.grow(env, 0.01)
    assert tuple(float(v) for v in geometry.text(box).split(",")) == box
    assert geometry.inside(env, box)


def test_positions_of_nested_and_empty_geometries() -> None:
    collection = {
        "type": "GeometryCollection",
        "geometries": [
            {"type": "Point", "coordinates": [1, 2]},
            {"type": "LineString", "coordinates": [[3, 4], [5, 6, 7]]},
        ],
    }
    assert list(geometry.positions(collection)) == [(1.0, 2.0), (3.0, 4.0), (5.0, 6.0)]
    assert geometry.envelope(None) is None


def test_time_values() -> None:
    assert temporal.instant("2026-03-01T12:00:00Z") == dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    assert temporal.instant("2026-13-45T25:61:00Z") is None
    assert temporal.instant("next tuesday") is None
    day = temporal.feature_time({"properties": {"d": "2026-03-01"}}, "d")
    assert day is not None and temporal.intersects(day, (dt.datetime(2026, 3, 1, 18, tzinfo=dt.UTC),) * 2)
    assert temporal.candidates([{"properties": {"a": "2026-01-01T00:00:00Z", "b": "x", "c": None}}]) == ["a"]
    assert temporal.extent({"extent": {"temporal": {"interval": [["2026-01-01T00:00:00Z", None]]}}}) == (
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        None,
    )


def _definition(raw: dict[str, Any]) -> Definition:
    return Definition(doc=None, raw=raw)  # type: ignore[arg-type]


def test_free_form_parameters() -> None:
    def param(raw: dict[str, Any]) -> Parameter:
        return Parameter("/p", {"name": "x", "in": "query", **raw})

    assert param({"schema": {"type": "object"}, "style": "form"}).free_form
    assert param({"schema": {"type": "object", "additionalProperties": True}}).free_form
    assert not param({"schema": {"type": "object"}, "explode": False}).free_form
    assert not param({"schema": {"type": "string"}}).free_form


def test_parameters_resolve_locally_and_from_the_published_building_blocks() -> None:
    api = _definition(
        {
            "paths": {
                "/collections/{collectionId}/items": {
                    "parameters": [{"$ref": "#/components/parameters/limit"}],
                    "get": {
                        "parameters": [
                            {"$ref": f"{PUBLISHED}/ogcapi-features-1.yaml#/components/parameters/datetime"},
                            {"$ref": "https://example.org/unknown.yaml"},
                        ]
                    },
                }
            },
            "components": {"parameters": {"limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}}},
        }
    )
    found = api.parameters("/collections/lakes/items")
    assert [p.name for p in found] == ["limit", "datetime", ""]
    assert found[1].schema == {"type": "string"} and found[2].raw is None
    assert api.operation("/collections/lakes/items/1") is None


def test_the_https_part_of_req_core_http_is_stated_for_each_kind_of_target() -> None:
    def target(url: str, verify: bool = True) -> Any:
        return SimpleNamespace(base_url=url, vendor=SimpleNamespace(http=SimpleNamespace(verify_tls=verify)))

    assert "does not apply" in tls_note(target("http://geo.example")).text
    assert tls_note(target("https://geo.example")).text == (
        "every request went over TLS with a certificate verified for the host (RFC 2818)"
    )
    assert "switched off" in tls_note(target("https://geo.example", verify=False)).text
