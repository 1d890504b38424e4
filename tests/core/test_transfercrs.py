"""A CRS change between two geographic CRSs (a datum shift of about 100 m) is told apart from changed values."""

from __future__ import annotations

from typing import Any

import pytest
from pyproj import Transformer

from conformance.core.transferdiff import CHANGED, Change, compare

WGS84 = [[8.4037, 49.0094], [8.4211, 49.0152], [13.4050, 52.5200]]
DHDN = "urn:ogc:def:crs:EPSG::4314"


def _line(positions: list[list[float]], crs: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {"type": "LineString", "coordinates": positions}
    return found | ({"crs": {"type": "name", "properties": {"name": crs}}} if crs else {})


def _in(crs: str, decimals: int = 12) -> list[list[float]]:
    transform = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform
    return [[round(v, decimals) for v in transform(*p)] for p in WGS84]


@pytest.mark.parametrize("crs", [DHDN, "EPSG:4230", "http://www.opengis.net/def/crs/EPSG/0/4314"])
def test_positions_moved_by_a_datum_shift_into_the_declared_crs_are_a_crs_change(crs: str) -> None:
    assert compare("geometry", _line(WGS84), _line(_in(crs), crs)) == Change(CHANGED, "crs", f"OGC:CRS84 → {crs}")


def test_a_datum_shift_rounded_to_six_decimals_is_still_explained() -> None:
    assert compare("geometry", _line(WGS84), _line(_in(DHDN, 6), DHDN)).kind == "crs"


def test_the_same_positions_declared_in_another_crs_are_a_crs_change() -> None:
    assert compare("location", _line(WGS84), _line(WGS84, DHDN)) == Change(CHANGED, "crs", f"OGC:CRS84 → {DHDN}")


def test_a_crs_declared_beside_the_values_explains_them_too() -> None:
    declared = ("http://www.opengis.net/def/crs/OGC/1.3/CRS84", DHDN)
    found = compare("geometry", _line(WGS84), _line(_in(DHDN)), declared)
    assert found == Change(CHANGED, "crs", f"{declared[0]} → {DHDN}")


def test_a_crs_member_of_the_value_goes_before_the_crs_declared_beside_it() -> None:
    found = compare("geometry", _line(WGS84), _line(_in("EPSG:4230"), "EPSG:4230"), ("", DHDN))
    assert found == Change(CHANGED, "crs", "OGC:CRS84 → EPSG:4230")


def test_a_shift_the_declared_crs_does_not_explain_is_a_changed_value() -> None:
    shifted = [[x + 0.001, y + 0.001] for x, y in WGS84]
    assert compare("geometry", _line(WGS84), _line(shifted, DHDN)) == Change(CHANGED, "value")


def test_a_datum_shift_without_a_declared_crs_stays_a_changed_value() -> None:
    assert compare("geometry", _line(WGS84), _line(_in(DHDN))) == Change(CHANGED, "value")


def test_an_unknown_crs_name_is_not_taken_as_a_crs_change() -> None:
    assert compare("geometry", _line(WGS84), _line(_in(DHDN), "EPSG:999999")) == Change(CHANGED, "value")


def test_crs84_and_epsg_4326_are_one_system_so_a_swap_stays_an_axis_order_change() -> None:
    swapped = [[y, x] for x, y in WGS84]
    after = _line(swapped, "urn:ogc:def:crs:EPSG::4326")
    assert compare("geometry", _line(WGS84), after) == Change(CHANGED, "axis-order")
