"""The FES 2.0 predicates the WFS suite sends and evaluates itself: PropertyIsLike patterns with the suite's
wildCard, singleChar and escapeChar, And, Or, Not and BBOX on GML features, and the XML they write."""

from __future__ import annotations

from lxml import etree

from conformance.suites.wfs.extent import Box
from conformance.suites.wfs.predicates import Equal, Like, Logical, Within, like_pattern, like_regex, value_of

GML = "http://www.opengis.net/gml/3.2"


def feature(name: str, pos: str = "50.7 7.1") -> etree._Element:
    return etree.fromstring(
        f'<a:t xmlns:a="urn:a" xmlns:gml="{GML}"><a:name>{name}</a:name>'
        f'<a:g><gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>{pos}</gml:pos></gml:Point></a:g></a:t>'
    )


def test_a_pattern_matches_its_value_and_escapes_the_special_characters() -> None:
    assert like_pattern("Lake Baikal") == "#ake B*"
    assert like_pattern("a*b#c!d.e") == "#!*b!#c*"
    assert like_regex(like_pattern("a*b#c!d.e")).fullmatch("x*b#c!anything")
    assert not like_regex(like_pattern("a*b#c!d.e")).fullmatch("xyb#c!")
    assert like_regex("#ake *").fullmatch("Lake Baikal") and not like_regex("#ake *").fullmatch("Baikal")


def test_like_holds_for_matching_values_only_and_not_without_the_property() -> None:
    like = Like("a:name", "#ake *")
    assert like.holds(feature("Lake Baikal")) and not like.holds(feature("Baikal"))
    assert not Like("a:other", "*").holds(feature("x"))
    assert 'wildCard="*" singleChar="#" escapeChar="!"' in like.xml()


def test_the_logical_operators_combine_their_operands() -> None:
    a, b = Equal("a:name", "A"), Equal("a:name", "B")
    assert Logical("Or", (a, b)).holds(feature("B")) and not Logical("Or", (a, b)).holds(feature("C"))
    assert not Logical("And", (a, b)).holds(feature("A"))
    assert Logical("Not", (a,)).holds(feature("B")) and not Logical("Not", (a,)).holds(feature("A"))
    assert Logical("Not", (a,)).xml() == (
        "<fes:Not><fes:PropertyIsEqualTo><fes:ValueReference>a:name</fes:ValueReference>"
        "<fes:Literal>A</fes:Literal></fes:PropertyIsEqualTo></fes:Not>"
    )
    assert Logical("Or", (a, b)).text() == "(a:name = 'A') OR (a:name = 'B')"


def test_a_bbox_holds_for_geometries_that_reach_into_it() -> None:
    box = Within(Box("urn:ogc:def:crs:EPSG::4326", (50.0, 7.0), (51.0, 8.0)))
    assert box.holds(feature("x")) and not box.holds(feature("x", "7.1 50.7"))
    assert value_of(feature("Q"), "a:name") == "Q" and value_of(feature("Q"), "name") == "Q"
