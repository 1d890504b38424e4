"""CRS names and coordinates for the WFS srsName checks: the urn and http forms map to EPSG and OGC CRS (the short
form EPSG:n does not, its axis order in GML being uncertain), geometry coordinates leave gml:boundedBy out, and
PROJ transforms in the axis order of the authority."""

from __future__ import annotations

import pytest
from lxml import etree

from conformance.suites.wfs.crs import crs_key, names, points, tolerance, transformed

GML = "http://www.opengis.net/gml/3.2"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("urn:ogc:def:crs:EPSG::4326", "EPSG:4326"),
        ("urn:ogc:def:crs:EPSG:6.9:25832", "EPSG:25832"),
        ("http://www.opengis.net/def/crs/EPSG/0/3857", "EPSG:3857"),
        ("urn:ogc:def:crs:CRS::84", "OGC:CRS84"),
        ("urn:ogc:def:crs:OGC:1.3:CRS84", "OGC:CRS84"),
        ("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "OGC:CRS84"),
        ("EPSG:4326", ""),
        ("urn:ogc:def:crs:EPSG::4326x", ""),
    ],
)
def test_crs_names_map_to_keys(name: str, key: str) -> None:
    assert crs_key(name) == key


def test_coordinates_leave_the_bounds_out_and_keep_the_order() -> None:
    feature = etree.fromstring(
        f'<a:t xmlns:a="urn:a" xmlns:gml="{GML}"><gml:boundedBy><gml:Envelope srsName="urn:x">'
        "<gml:lowerCorner>0 0</gml:lowerCorner></gml:Envelope></gml:boundedBy><a:g>"
        '<gml:LineString srsName="urn:y"><gml:posList>1 2 3 4</gml:posList></gml:LineString></a:g></a:t>'
    )
    assert points(feature) == [(1.0, 2.0), (3.0, 4.0)]
    assert names(feature) == {"urn:x", "urn:y"}


def test_proj_transforms_in_the_axis_order_of_the_authority() -> None:
    assert transformed([(50.731, 7.091)], "EPSG:4326", "OGC:CRS84") == [(7.091, 50.731)]
    ((easting, northing),) = transformed([(50.731, 7.091)], "EPSG:4326", "EPSG:25832")
    assert 365000 < easting < 366000 and 5621000 < northing < 5622000
    assert tolerance("EPSG:4326") == 1e-5 and tolerance("EPSG:25832") == 1.0
