"""GML 3.2 geometries of XPlanGML read into shapely: each supported type, axis order by CRS, the third ordinate
dropped, and what makes a geometry invalid (ring not closed, self-intersection, patches overlapping or apart)."""

from __future__ import annotations

import pytest
from lxml import etree

from conformance.suites.xplangml import gml

NS = 'xmlns:gml="http://www.opengis.net/gml/3.2"'
SQUARE = "0 0 10 0 10 10 0 10 0 0"


def read(text: str, srs: str = "EPSG:25832") -> gml.Shape:
    return gml.read(etree.fromstring(f"<r {NS}>{text}</r>")[0], srs)


def polygon(coords: str = SQUARE, tag: str = "Polygon") -> str:
    ring = f"<gml:LinearRing><gml:posList>{coords}</gml:posList></gml:LinearRing>"
    return f'<gml:{tag} gml:id="p"><gml:exterior>{ring}</gml:exterior></gml:{tag}>'


def surface(*patches: str) -> str:
    body = "".join(polygon(p, "PolygonPatch") for p in patches)
    return f'<gml:Surface gml:id="s"><gml:patches>{body}</gml:patches></gml:Surface>'


def test_a_polygon_is_read_east_first_in_a_projected_crs() -> None:
    shape = read(polygon("500000 5700000 500010 5700000 500010 5700010 500000 5700000"))
    assert shape.valid and shape.gml_id == "p" and shape.geometry.bounds == (500000, 5700000, 500010, 5700010)


@pytest.mark.parametrize(
    ("srs", "swapped"),
    [
        ("urn:ogc:def:crs:EPSG::4326", True),
        ("http://www.opengis.net/def/crs/EPSG/0/4258", True),
        ("EPSG:25833", False),
        ("urn:ogc:def:crs:EPSG::25832", False),
    ],
)
def test_geographic_epsg_crss_are_read_latitude_first(srs: str, swapped: bool) -> None:
    shape = read('<gml:Point gml:id="x"><gml:pos>50.7 7.1</gml:pos></gml:Point>', srs)
    assert (shape.geometry.x, shape.geometry.y) == ((7.1, 50.7) if swapped else (50.7, 7.1))


def test_a_third_ordinate_is_dropped() -> None:
    shape = read(
        polygon("0 0 5 10 0 5 10 10 5 0 10 5 0 0 5").replace("<gml:posList>", '<gml:posList srsDimension="3">')
    )
    assert shape.valid and shape.geometry.area == 100


def test_an_unclosed_ring_and_a_self_intersection_are_reasons() -> None:
    assert read(polygon("0 0 10 0 10 10 0 10 0 1")).problems == ("ring not closed: (0 0) != (0 1)",)
    bowtie = read(polygon("0 0 10 10 10 0 0 10 0 0"))
    assert not bowtie.valid and bowtie.problems[0].startswith("Self-intersection")


def test_a_ring_of_three_points_is_a_reason() -> None:
    assert read(polygon("0 0 10 0 0 0")).problems == ("ring with 3 points (at least 4 needed)",)


def test_surface_patches_must_touch_and_not_overlap() -> None:
    assert read(surface(SQUARE, "10 0 20 0 20 10 10 10 10 0")).valid
    apart = read(surface(SQUARE, "20 0 30 0 30 10 20 10 20 0"))
    assert apart.problems == ("patches are not connected",)
    overlapping = read(surface(SQUARE, "5 0 15 0 15 10 5 10 5 0"))
    assert overlapping.problems == ("patches overlap",)


def test_multi_geometries_curves_and_rings_of_curves() -> None:
    multi = read(
        f'<gml:MultiSurface gml:id="m"><gml:surfaceMember>{polygon()}</gml:surfaceMember>'
        f"<gml:surfaceMember>{polygon('20 0 30 0 30 10 20 10 20 0')}</gml:surfaceMember></gml:MultiSurface>"
    )
    assert multi.valid and multi.geometry.geom_type == "MultiPolygon" and multi.geometry.area == 200
    curve = read(
        '<gml:Curve gml:id="c"><gml:segments><gml:LineStringSegment><gml:posList>0 0 5 0</gml:posList>'
        "</gml:LineStringSegment><gml:LineStringSegment><gml:posList>5 0 5 5</gml:posList>"
        "</gml:LineStringSegment></gml:segments></gml:Curve>"
    )
    assert list(curve.geometry.coords) == [(0, 0), (5, 0), (5, 5)]
    ring = (
        '<gml:Polygon gml:id="r"><gml:exterior><gml:Ring><gml:curveMember><gml:LineString><gml:posList>'
        "0 0 10 0 10 10</gml:posList></gml:LineString></gml:curveMember><gml:curveMember><gml:LineString>"
        "<gml:posList>10 10 0 10 0 0</gml:posList></gml:LineString></gml:curveMember></gml:Ring></gml:exterior>"
        "</gml:Polygon>"
    )
    assert read(ring).geometry.area == 100
    points = read(
        '<gml:MultiPoint gml:id="mp"><gml:pointMember><gml:Point gml:id="a"><gml:pos>1 2</gml:pos></gml:Point>'
        "</gml:pointMember></gml:MultiPoint>"
    )
    assert points.geometry.geom_type == "MultiPoint"


def test_an_arc_is_not_read() -> None:
    arc = (
        '<gml:Curve gml:id="a"><gml:segments><gml:Arc><gml:posList>0 0 1 1 2 0</gml:posList></gml:Arc>'
        "</gml:segments></gml:Curve>"
    )
    with pytest.raises(gml.Unsupported, match="Arc"):
        read(arc)
