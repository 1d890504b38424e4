"""Items of a collection: /req/core/fc-op, fc-response, fc-links, fc-rel-type, fc-timeStamp, fc-numberReturned,
crs84."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

from conformance.core import geojson
from conformance.core.evidence import MissingMember, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.catalogue import CORE, HTML
from conformance.suites.ogcapi_features.combined import both_filters
from conformance.suites.ogcapi_features.extent import spatial_box
from conformance.suites.ogcapi_features.links import alternate, links, rel_and_type, relations
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.paging import walk
from conformance.suites.ogcapi_features.responses import Doc, ensure, features, judged, status
from conformance.suites.ogcapi_features.service import Ctx, claim, claimed, collections
from conformance.suites.ogcapi_features.temporal import instant

CLOCK_SLACK = dt.timedelta(seconds=5)
CRS84_RULES = frozenset({"range", "order"})


def _first_pages(ctx: Ctx) -> list[tuple[str, Doc]]:
    return [(c["id"], ctx.observation.items(c["id"])) for c in collections(ctx)]


def _pages(ctx: Ctx) -> list[Doc]:
    pages = (page for entry in collections(ctx) for page in walk(ctx, entry["id"]).pages)
    return judged(pages, m("phrase.items-pages"))


def items_op(ctx: Ctx) -> Judgement:
    """GET /collections/{collectionId}/items answers 200 for each sampled collection."""
    claim(ctx, CORE)
    firsts = _first_pages(ctx)
    found = [v for cid, doc in firsts for v in status(doc, m("phrase.get-items", collection=cid))]
    return ctx.judge(found, ctx.examined(len(firsts), "features.examined.items"))


def items_response(ctx: Ctx) -> Judgement:
    """A FeatureCollection with a features array; bbox and datetime together select only features matching both."""
    claim(ctx, CORE)
    found: list[Violation] = []
    firsts = _first_pages(ctx)
    for cid, doc in firsts:
        problems = list(ensure(doc, m("phrase.items", collection=cid)))
        found += problems or [*_collection_shape(doc), *both_filters(ctx, cid)]
    return ctx.judge(found, ctx.examined(len(firsts), "features.examined.items"))


def _collection_shape(doc: Doc) -> Iterator[Violation]:
    if doc.member("type") != "FeatureCollection":
        yield ValueViolation(
            m("not-collection"),
            locator=doc.at("/type"),
            expected="FeatureCollection",
            actual=doc.member("type"),
            exchange=doc.exchange,
        )
    if not isinstance(doc.member("features"), list):
        yield MissingMember(
            m("no-features"),
            locator=doc.at("/features"),
            expected=m("phrase.an-array"),
            actual=doc.member("features"),
            exchange=doc.exchange,
        )


def items_links(ctx: Ctx) -> Judgement:
    """A self link and, where HTML is claimed, an alternate HTML link on every first items page."""
    claim(ctx, CORE)
    html = claimed(ctx, HTML)
    found: list[Violation] = []
    pages = judged((doc for _, doc in _first_pages(ctx)), m("phrase.items-pages"))
    for doc in pages:
        found += [*relations(doc, ("self",)), *(alternate(doc, "text/html") if html else [])]
    return ctx.judge(found, ctx.examined(len(pages), "features.examined.pages"))


def items_link_parameters(ctx: Ctx) -> Judgement:
    """Every link of every walked items page has rel and type."""
    claim(ctx, CORE)
    pages = _pages(ctx)
    found = [v for doc in pages for v in rel_and_type(doc)]
    return ctx.judge(found, ctx.examined(sum(len(links(doc)) for doc in pages), "features.examined.links"))


def items_timestamp(ctx: Ctx) -> Judgement:
    """timeStamp lies within a few seconds of the response's Date header (the server's own clock)."""
    claim(ctx, CORE)
    docs = [
        doc for doc in judged((doc for _, doc in _first_pages(ctx)), m("phrase.items-pages")) if "timeStamp" in doc.body
    ]
    found = [v for doc in docs for v in timestamp(doc)]
    return ctx.judge(found, ctx.examined(len(docs), "features.examined.timestamps"))


def timestamp(doc: Doc) -> Iterator[Violation]:
    """The timeStamp of a response is an RFC 3339 date-time close to its Date header."""
    value = doc.member("timeStamp")
    moment = instant(value)
    if moment is None or "T" not in str(value).upper():
        yield ValueViolation(
            m("timestamp-format"),
            locator=doc.at("/timeStamp"),
            expected=m("phrase.rfc3339"),
            actual=value,
            exchange=doc.exchange,
        )
        return
    sent = _date_header(doc)
    if sent is not None and not sent - CLOCK_SLACK <= moment <= sent + CLOCK_SLACK:
        yield ValueViolation(
            m("timestamp-time"),
            locator=doc.at("/timeStamp"),
            expected=m("phrase.near-date", seconds=CLOCK_SLACK.seconds, date=sent.isoformat()),
            actual=value,
            exchange=doc.exchange,
        )


def _date_header(doc: Doc) -> dt.datetime | None:
    """The Date header as an aware time; HTTP dates are UTC (RFC 9110 §5.6.7), also where the zone is missing."""
    try:
        sent = parsedate_to_datetime(doc.response.headers.get("Date", ""))
    except (TypeError, ValueError):
        return None
    return sent if sent.tzinfo is not None else sent.replace(tzinfo=dt.UTC)


def items_number_returned(ctx: Ctx) -> Judgement:
    """numberReturned, where a walked page gives it, is the number of features on that page."""
    claim(ctx, CORE)
    pages = [doc for doc in _pages(ctx) if doc.member("numberReturned") is not None]
    found = [v for doc in pages for v in _returned(doc)]
    return ctx.judge(found, ctx.examined(len(pages), "features.examined.number-returned"))


def _returned(doc: Doc) -> Iterator[Violation]:
    value, count = doc.member("numberReturned"), len(features(doc))
    if value != count:
        yield ValueViolation(
            m("number-returned", value=value, count=count),
            locator=doc.at("/numberReturned"),
            expected=count,
            actual=value,
            exchange=doc.exchange,
        )


def geometries_crs84(ctx: Ctx) -> Judgement:
    """Every coordinate of every walked feature is a CRS84 longitude/latitude, in that order (RFC 7946 §3.1.1, §4):
    a latitude slot beyond ±90 with the longitude slot within it, or a position outside the collection's extent
    that lies inside once swapped, is written latitude first."""
    claim(ctx, CORE)
    _pages(ctx)
    found: list[Violation] = []
    located = 0
    for entry in collections(ctx):
        for doc in (page for page in walk(ctx, entry["id"]).pages if page.ok):
            for index, feature in enumerate(features(doc)):
                located += feature.get("geometry") is not None
                found += _crs84(doc, index, feature, entry)
    return ctx.judge(found, ctx.examined(located, "features.examined.located-features"))


def _crs84(doc: Doc, index: int, feature: dict[str, object], entry: dict[str, object]) -> Iterator[Violation]:
    within = m("phrase.collection-extent")
    for found in geojson.check(feature.get("geometry"), spatial_box(entry), within):
        if found.rule.key in CRS84_RULES:
            yield ValueViolation(
                found.msg,
                expected=found.expected,
                actual=found.actual,
                exchange=doc.exchange,
                locator=doc.at(f"/features/{index}/geometry{found.pointer}"),
            )
