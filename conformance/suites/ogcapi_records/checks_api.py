"""The Records API and the catalogs: /req/records-api/* and /req/record-collection/mandatory-properties-collection."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.links import relations
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.responses import GEOJSON, Doc, ensure
from conformance.suites.ogcapi_records.messages import r
from conformance.suites.ogcapi_records.record import collection_link, missing, rels, structure, wrong
from conformance.suites.ogcapi_records.service import Ctx, catalogs, record_id, records

CATALOG_MEMBERS = ("id", "title", "links", "itemType", "type")


def features_api(ctx: Ctx) -> Judgement:
    """The Features Core resources: a landing page linking /conformance and /collections, both answering JSON."""
    svc = ctx.observation
    found: list[Violation] = list(relations(svc.landing, ("conformance", "data")))
    found += ensure(svc.conformance(), m("phrase.conformance-declaration"))
    if svc.conformance().ok and not isinstance(svc.conformance().member("conformsTo"), list):
        found.append(missing(svc.conformance(), "", m("phrase.conformance-declaration"), "conformsTo"))
    found += ensure(svc.collections(), "/collections")
    return ctx.judge(found, ctx.examined(3, "records.examined.documents"))


def collection_properties(ctx: Ctx) -> Judgement:
    """Each catalog, read at /collections/{id}, has id, title, links, itemType and type Catalog."""
    found: list[Violation] = []
    sample = catalogs(ctx)
    for entry in sample:
        doc = ctx.observation.collection(entry["id"])
        found += ensure(doc, r("phrase.catalog", id=entry["id"]))
        if doc.ok:
            found += _catalog(doc, doc.body)
    return ctx.judge(found, ctx.examined(len(sample), "records.examined.catalogs"))


def _catalog(doc: Doc, body: dict[str, Any]) -> list[Violation]:
    what = r("phrase.catalog", id=str(body.get("id")))
    found: list[Violation] = [missing(doc, "", what, name) for name in CATALOG_MEMBERS if name not in body]
    if "type" in body and body["type"] != "Catalog":
        found.append(wrong(doc, "/type", what, "type", body["type"], "Catalog"))
    return found


def records_op(ctx: Ctx) -> Judgement:
    """GET /collections/{id}/items answers 200 with a JSON object for every catalog."""
    sample = catalogs(ctx)
    found = [v for c in sample for v in ensure(ctx.observation.items(c["id"]), r("phrase.items", id=c["id"]))]
    return ctx.judge(found, ctx.examined(len(sample), "records.examined.catalogs"))


def _single(ctx: Ctx, catalog: str, record: str) -> Doc:
    return ctx.observation.once(f"{ctx.observation.items_url(catalog)}/{quote(record, safe='')}", None, GEOJSON)


def record_op(ctx: Ctx) -> Judgement:
    """GET /collections/{id}/items/{recordId} answers 200 with a JSON object for each sampled record."""
    sample = records(ctx)
    found = [
        v for c, rec in sample for v in ensure(_single(ctx, c, record_id(rec)), r("phrase.record", id=record_id(rec)))
    ]
    return ctx.judge(found, ctx.examined(len(sample), "records.examined.records"))


def record_response(ctx: Ctx) -> Judgement:
    """A single record has the record structure, links self and collection, rel on every link, typed alternates."""
    found: list[Violation] = []
    judged = 0
    for catalog, rec in records(ctx):
        doc = _single(ctx, catalog, record_id(rec))
        if not doc.ok or not isinstance(doc.body, dict):
            continue
        judged += 1
        found += [
            *structure(doc, doc.body),
            *rels(doc, doc.body),
            *relations(doc, ("self",)),
            *collection_link(doc, doc.body),
        ]
    return ctx.judge(found, ctx.examined(judged, "records.examined.records"))
