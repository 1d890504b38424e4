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
from conformance.core.evidence import MediaTypeViolation, MissingMember, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.catalogue import GEOJSON as GEOJSON_CLASS
from conformance.suites.ogcapi_features.links import self_types
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.responses import GEOJSON, JSON, Doc, judged
from conformance.suites.ogcapi_features.schemas import core, geojson, validate
from conformance.suites.ogcapi_features.service import Ctx, claim, collections, sampled

BEYOND_SCHEMA = frozenset({"ring-closed", "bbox"})


def _feature_docs(ctx: Ctx) -> list[tuple[str, Doc]]:
    svc = ctx.observation
    pages = [("FeatureCollection", svc.items(c["id"])) for c in collections(ctx)]
    return pages + [("Feature", svc.single(cid, fid)) for cid, fid in sampled(ctx)]


def _other_docs(ctx: Ctx) -> list[tuple[str, Doc]]:
    svc = ctx.observation
    return [("landingPage", svc.landing), ("confClasses", svc.conformance()), ("collections", svc.collections())]


def media_types(ctx: Ctx) -> Judgement:
    """Feature content comes as application/geo+json, every other resource as application/json."""
    claim(ctx, GEOJSON_CLASS)
    wanted = [(doc, GEOJSON) for _, doc in _feature_docs(ctx)] + [(doc, JSON) for _, doc in _other_docs(ctx)]
    found = [v for doc, media in wanted for v in _served_as(doc, media)]
    answered = sum(doc.status == 200 for doc, _ in wanted)
    return ctx.judge(found, ctx.examined(answered, "features.examined.media-types"))


def _served_as(doc: Doc, wanted: str) -> Iterator[Violation]:
    served = doc.response.media_type
    if doc.status != 200 or served == wanted:
        return
    claims = [t for t in self_types(doc) if t != served]
    shown = served or m("phrase.no-content-type")
    message = (
        m("served-as-claimed", wanted=wanted, served=shown, claimed=", ".join(claims))
        if claims
        else m("served-as", wanted=wanted, served=shown)
    )
    yield MediaTypeViolation(
        message,
        locator=doc.at(),
        expected=wanted,
        actual=doc.response.headers.get("Content-Type"),
        exchange=doc.exchange,
    )


def content(ctx: Ctx) -> Judgement:
    """Items validate as FeatureCollection, features as Feature, both with links; JSON resources per Core schema."""
    claim(ctx, GEOJSON_CLASS)
    found: list[Violation] = []
    docs = _feature_docs(ctx)
    judged((doc for _, doc in docs), m("phrase.items-or-features"))
    validated = 0
    for schema, doc in docs:
        if doc.ok:
            validated += 1
            found += [*validate(geojson(schema), doc), *_links_member(doc), *rfc7946(doc)]
    for schema, doc in _other_docs(ctx):
        if doc.ok:
            validated += 1
            found += validate(core(schema), doc)
    return ctx.judge(found, ctx.examined(validated, "features.examined.validated"))


def rfc7946(doc: Doc) -> Iterator[Violation]:
    """RFC 7946 MUST findings beyond the schemas: rings that do not close, a bbox that misses its geometry."""
    for found in rfc_core.check(doc.body):
        if found.rule.key in BEYOND_SCHEMA:
            yield ValueViolation(
                found.message,
                locator=doc.at(found.pointer),
                expected=found.expected,
                actual=found.actual,
                exchange=doc.exchange,
            )


def _links_member(doc: Doc) -> Iterator[Violation]:
    if not isinstance(doc.member("links"), list):
        yield MissingMember(
            m("no-links-member"),
            locator=doc.at("/links"),
            expected=m("phrase.links-array"),
            actual=doc.member("links"),
            exchange=doc.exchange,
        )
