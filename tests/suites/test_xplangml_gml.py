"""GML 3.2 geometries of XPlanGML read into shapely: each supported type, axis order by CRS, the third ordinate
dropped, and what makes a geometry invalid (ring not closed, self-intersection, patches overlapping or apart)."""

from __future__ import annotations

import itertools
import math

import pytest
from lxml import etree

from conformance.suites.xplangml import arcs, gml

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


def curve(*segments: str, gid: str = "c") -> str:
    return f'<gml:Curve gml:id="{gid}"><gml:segments>{"".join(segments)}</gml:segments></gml:Curve>'


def segment(tag: str, coords: str) -> str:
    return f"<gml:{tag}><gml:posList>{coords}</gml:posList></gml:{tag}>"


def ring_of(*segments: str) -> str:
    ring = f"<gml:Ring><gml:curveMember>{curve(*segments)}</gml:curveMember></gml:Ring>"
    return f'<gml:Polygon gml:id="p"><gml:exterior>{ring}</gml:exterior></gml:Polygon>'


def by_centre(tag: str, centre: str, radius: float, start: str = "", end: str = "") -> str:
    angles = f'<gml:startAngle uom="deg">{start}</gml:startAngle>' if start else ""
    angles += f'<gml:endAngle uom="deg">{end}</gml:endAngle>' if end else ""
    return f'<gml:{tag}><gml:pos>{centre}</gml:pos><gml:radius uom="m">{radius}</gml:radius>{angles}</gml:{tag}>'


def deviation(shape: gml.Shape, centre: tuple[float, float], radius: float) -> float:
    coords = list(shape.geometry.exterior.coords)
    mids = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in itertools.pairwise(coords)]
    return max(abs(radius - math.dist(centre, m)) for m in mids)


def test_a_half_disc_of_an_arc_and_a_line_is_read_within_the_chord_tolerance() -> None:
    shape = read(ring_of(segment("Arc", "10 0 0 10 -10 0"), segment("LineStringSegment", "-10 0 10 0")))
    assert shape.valid and shape.geometry.bounds == (-10, 0, 10, 10)
    assert math.pi * 50 - 0.05 < shape.geometry.area < math.pi * 50
    assert (10, 0) in shape.geometry.exterior.coords and (-10, 0) in shape.geometry.exterior.coords
    clockwise = read(ring_of(segment("Arc", "10 0 0 -10 -10 0"), segment("LineStringSegment", "-10 0 10 0")))
    assert clockwise.valid and clockwise.geometry.bounds == (-10, -10, 10, 0)


def test_a_self_intersecting_ring_with_an_arc_segment_is_a_reason() -> None:
    crossing = ring_of(segment("Arc", "10 0 0 10 -10 0"), segment("LineStringSegment", "-10 0 0 20 10 0"))
    shape = read(crossing)
    assert not shape.valid and shape.problems[0].startswith("Self-intersection")


def test_circles_by_three_points_and_by_centre_deviate_at_most_the_chord_tolerance() -> None:
    circle = read(ring_of(segment("Circle", "500100 5700000 500000 5700100 499900 5700000")))
    assert circle.valid and deviation(circle, (500000, 5700000), 100) <= arcs.CHORD
    centred = read(ring_of(by_centre("CircleByCenterPoint", "500000 5700000", 100)))
    assert centred.valid and deviation(centred, (500000, 5700000), 100) <= arcs.CHORD
    assert abs(centred.geometry.area - math.pi * 100**2) < 1


def test_an_arc_by_centre_point_runs_counter_clockwise_from_start_to_end_angle() -> None:
    quarter = read(curve(by_centre("ArcByCenterPoint", "0 0", 10, "0", "90")))
    first, last = quarter.geometry.coords[0], quarter.geometry.coords[-1]
    assert first == (10, 0) and math.isclose(last[0], 0, abs_tol=1e-9) and math.isclose(last[1], 10)
    assert math.isclose(quarter.geometry.length, math.pi * 5, rel_tol=1e-4)


def test_an_arc_string_joins_its_arcs_and_collinear_control_points_make_a_straight_line() -> None:
    wave = read(curve(segment("ArcString", "0 0 5 5 10 0 15 -5 20 0")))
    assert wave.valid and wave.geometry.bounds == pytest.approx((0, -5, 20, 5), abs=arcs.CHORD)
    assert (10, 0) in wave.geometry.coords
    straight = read(curve(segment("Arc", "0 0 5 0 10 0")))
    assert list(straight.geometry.coords) == [(0, 0), (5, 0), (10, 0)]


def test_degenerate_arcs_are_reasons() -> None:
    assert read(curve(segment("ArcString", "0 0 5 5 10 0 15 -5"))).problems == ("ArcString with 4 control points",)
    flat = read(ring_of(segment("Circle", "0 0 5 0 10 0")))
    assert flat.problems[0].startswith("Circle: points (0 0), (5 0), (10 0) are collinear")
    assert read(curve(by_centre("ArcByCenterPoint", "0 0", 0, "0", "90"))).problems == (
        "ArcByCenterPoint: radius 0.0 is not positive",
    )


def test_other_curve_segments_are_not_read() -> None:
    with pytest.raises(gml.Unsupported, match="CubicSpline"):
        read(curve(segment("CubicSpline", "0 0 1 1 2 0")))


def test_arcs_needing_more_points_than_the_limit_are_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arcs, "MAX_POINTS", 50)
    many = " ".join(f"{x} {x % 2}" for x in range(0, 41))
    with pytest.raises(gml.Unsupported, match="more than 50 points"):
        read(curve(segment("ArcString", many)))
    with pytest.raises(gml.Unsupported, match="more than 50 points"):
        read(curve(*[segment("Arc", f"{x} 0 {x + 1} 1 {x + 2} 0") for x in range(0, 40, 2)]))
