"""Items of a collection: /req/core/fc-op, fc-response, fc-links, fc-rel-type, fc-timeStamp, fc-numberReturned,
crs84."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

from conformance.core import geojson
from conformance.core.evidence import MissingMember, ValueViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, HTML, STANDARD
from conformance.suites.ogcapi_features.checks import capped, status
from conformance.suites.ogcapi_features.combined import both_filters
from conformance.suites.ogcapi_features.extent import spatial_box
from conformance.suites.ogcapi_features.links import alternate, rel_and_type, relations
from conformance.suites.ogcapi_features.paging import walk
from conformance.suites.ogcapi_features.service import (
    Doc,
    claim,
    collections,
    declared,
    ensure,
    features,
    items,
    judged,
)
from conformance.suites.ogcapi_features.temporal import instant

CLOCK_SLACK = dt.timedelta(seconds=5)
CRS84_RULES = frozenset({"range", "order"})


def _first_pages(target: TargetContext) -> list[tuple[str, Doc]]:
    return [(c["id"], items(target, c["id"])) for c in collections(target)]


def _pages(target: TargetContext) -> list[Doc]:
    return judged((page for entry in collections(target) for page in walk(target, entry["id"]).pages), "items")


@requirement(STANDARD.requirement("/req/core/fc-op"))
def test_items_op(target: TargetContext) -> None:
    claim(target, CORE)
    expect(v for cid, doc in _first_pages(target) for v in status(doc, f"GET items of {cid}"))


@requirement(STANDARD.requirement("/req/core/fc-response"))
def test_items_response(target: TargetContext) -> None:
    """A FeatureCollection with a features array; bbox and datetime together select only features matching both."""
    claim(target, CORE)
    found: list[Violation] = []
    for cid, doc in _first_pages(target):
        problems = list(ensure(doc, f"items of {cid}"))
        found += problems or [*_collection_shape(doc), *both_filters(target, cid)]
    expect(capped(found))


def _collection_shape(doc: Doc) -> Iterator[Violation]:
    if doc.member("type") != "FeatureCollection":
        yield ValueViolation("type is not FeatureCollection", locator=doc.at("/type"), expected="FeatureCollection",
                             actual=doc.member("type"), exchange=doc.exchange)
    if not isinstance(doc.member("features"), list):
        yield MissingMember("no features array", locator=doc.at("/features"), expected="an array",
                            actual=doc.member("features"), exchange=doc.exchange)


@requirement(STANDARD.requirement("/req/core/fc-links"))
def test_items_links(target: TargetContext) -> None:
    claim(target, CORE)
    html = target.claimed(HTML, declared(target))
    found: list[Violation] = []
    for doc in judged((doc for _, doc in _first_pages(target)), "items"):
        found += [*relations(doc, ("self",)), *(alternate(doc, "text/html") if html else [])]
    expect(found)


@requirement(STANDARD.requirement("/req/core/fc-rel-type"))
def test_items_link_parameters(target: TargetContext) -> None:
    claim(target, CORE)
    expect(capped(v for doc in _pages(target) for v in rel_and_type(doc)))


@requirement(STANDARD.requirement("/req/core/fc-timeStamp"))
def test_items_timestamp(target: TargetContext) -> None:
    """timeStamp lies within a few seconds of the response's Date header (the server's own clock)."""
    claim(target, CORE)
    docs = judged((doc for _, doc in _first_pages(target)), "items")
    expect(v for doc in docs if "timeStamp" in doc.body for v in _timestamp(doc))


def _timestamp(doc: Doc) -> Iterator[Violation]:
    value = doc.member("timeStamp")
    moment = instant(value)
    if moment is None or "T" not in str(value).upper():
        yield ValueViolation("timeStamp is not an RFC 3339 date-time", locator=doc.at("/timeStamp"),
                             expected="RFC 3339 date-time", actual=value, exchange=doc.exchange)
        return
    sent = _date_header(doc)
    if sent is not None and not sent - CLOCK_SLACK <= moment <= sent + CLOCK_SLACK:
        yield ValueViolation("timeStamp is not the time the response was generated", locator=doc.at("/timeStamp"),
                             expected=f"within {CLOCK_SLACK.seconds} s of the Date header {sent.isoformat()}",
                             actual=value, exchange=doc.exchange)


def _date_header(doc: Doc) -> dt.datetime | None:
    """The Date header as an aware time; HTTP dates are UTC (RFC 9110 §5.6.7), also where the zone is missing."""
    try:
        sent = parsedate_to_datetime(doc.response.headers.get("Date", ""))
    except (TypeError, ValueError):
        return None
    return sent if sent.tzinfo is not None else sent.replace(tzinfo=dt.UTC)


@requirement(STANDARD.requirement("/req/core/fc-numberReturned"))
def test_items_number_returned(target: TargetContext) -> None:
    claim(target, CORE)
    expect(capped(v for doc in _pages(target) for v in _returned(doc)))


def _returned(doc: Doc) -> Iterator[Violation]:
    value, count = doc.member("numberReturned"), len(features(doc))
    if value is not None and value != count:
        yield ValueViolation(f"numberReturned is {value}, the page has {count} features",
                             locator=doc.at("/numberReturned"), expected=count, actual=value, exchange=doc.exchange)


@requirement(STANDARD.requirement("/req/core/crs84"))
def test_geometries_crs84(target: TargetContext) -> None:
    """Every coordinate of every walked feature is a CRS84 longitude/latitude, in that order (RFC 7946 §3.1.1, §4):
    a latitude slot beyond ±90 with the longitude slot within it, or a position outside the collection's extent
    that lies inside once swapped, is written latitude first."""
    claim(target, CORE)
    _pages(target)
    expect(capped(
        ValueViolation(found.message, expected=found.expected, actual=found.actual, exchange=doc.exchange,
                       locator=doc.at(f"/features/{index}/geometry{found.pointer}"))
        for entry in collections(target) for doc in walk(target, entry["id"]).pages if doc.ok
        for index, feature in enumerate(features(doc))
        for found in geojson.check(feature.get("geometry"), spatial_box(entry), "the collection extent")
        if found.rule.key in CRS84_RULES))
