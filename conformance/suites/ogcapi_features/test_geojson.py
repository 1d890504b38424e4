"""The GeoJSON encoding: /req/geojson/definition and /req/geojson/content.

Feature content (items, single features) is asked for with ``Accept: application/geo+json`` and must be
served as application/geo+json; every other resource is asked for as application/json. A feature response
served as application/json is a fail of /req/geojson/definition, whatever its self link claims.
Structure is validated against the GeoJSON JSON Schemas (geojson-schema pack); the links of items and
features must be a foreign member ``links``. What the schemas cannot express is judged by the shared RFC 7946
checks (``conformance.core.geojson``): linear rings that close, and a ``bbox`` that encloses its geometry.
"""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core import geojson as rfc_core
from conformance.core.evidence import MediaTypeViolation, MissingMember, ValueViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import GEOJSON as GEOJSON_CLASS
from conformance.suites.ogcapi_features import STANDARD
from conformance.suites.ogcapi_features.checks import capped
from conformance.suites.ogcapi_features.links import self_types
from conformance.suites.ogcapi_features.schemas import core, geojson, validate
from conformance.suites.ogcapi_features.service import (
    GEOJSON,
    JSON,
    Doc,
    claim,
    collections,
    collections_doc,
    conformance,
    items,
    judged,
    landing,
    sampled,
    single,
)

BEYOND_SCHEMA = frozenset({"ring-closed", "bbox"})


def _feature_docs(target: TargetContext) -> list[tuple[str, Doc]]:
    pages = [("FeatureCollection", items(target, c["id"])) for c in collections(target)]
    return pages + [("Feature", single(target, cid, fid)) for cid, fid in sampled(target)]


def _other_docs(target: TargetContext) -> list[tuple[str, Doc]]:
    return [("landingPage", landing(target)), ("confClasses", conformance(target)),
            ("collections", collections_doc(target))]


@requirement(STANDARD.requirement("/req/geojson/definition"))
def test_geojson_media_types(target: TargetContext) -> None:
    claim(target, GEOJSON_CLASS)
    found: list[Violation] = []
    for _, doc in _feature_docs(target):
        found += _served_as(doc, GEOJSON)
    for _, doc in _other_docs(target):
        found += _served_as(doc, JSON)
    expect(found)


def _served_as(doc: Doc, wanted: str) -> Iterator[Violation]:
    served = doc.response.media_type
    if doc.status != 200 or served == wanted:
        return
    claims = [t for t in self_types(doc) if t != served]
    extra = f"; its self link claims {', '.join(claims)}" if claims else ""
    yield MediaTypeViolation(f"asked for {wanted}, served as {served or 'no Content-Type'}{extra}",
                             locator=doc.at(), expected=wanted, actual=doc.response.headers.get("Content-Type"),
                             exchange=doc.exchange)


@requirement(STANDARD.requirement("/req/geojson/content"))
def test_geojson_content(target: TargetContext) -> None:
    """Items validate as FeatureCollection, features as Feature, both with links; JSON resources per Core schema."""
    claim(target, GEOJSON_CLASS)
    found: list[Violation] = []
    docs = _feature_docs(target)
    judged((doc for _, doc in docs), "items or features")
    for schema, doc in docs:
        if doc.ok:
            found += [*validate(geojson(schema), doc), *_links_member(doc), *rfc7946(doc)]
    for schema, doc in _other_docs(target):
        if doc.ok:
            found += validate(core(schema), doc)
    expect(capped(found))


def rfc7946(doc: Doc) -> Iterator[Violation]:
    """RFC 7946 MUST findings beyond the schemas: rings that do not close, a bbox that misses its geometry."""
    for found in rfc_core.check(doc.body):
        if found.rule.key in BEYOND_SCHEMA:
            yield ValueViolation(found.message, locator=doc.at(found.pointer), expected=found.expected,
                                 actual=found.actual, exchange=doc.exchange)


def _links_member(doc: Doc) -> Iterator[Violation]:
    if not isinstance(doc.member("links"), list):
        yield MissingMember("the links are not given as the foreign member links", locator=doc.at("/links"),
                            expected="an array of links", actual=doc.member("links"), exchange=doc.exchange)
