"""Collections and a single collection: /req/core/fc-md-*, /req/core/sfc-md-*."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import MissingMember, Skipped, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.catalogue import CORE, GEOJSON, HTML
from conformance.suites.ogcapi_features.extent import compared, extent_violations
from conformance.suites.ogcapi_features.links import alternate, has_links, links, rel_and_type, relations, with_rel
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.paging import walk
from conformance.suites.ogcapi_features.responses import GEOJSON as GEOJSON_TYPE
from conformance.suites.ogcapi_features.responses import Doc, ensure, require, status
from conformance.suites.ogcapi_features.schemas import core, validate
from conformance.suites.ogcapi_features.service import Ctx, claim, claimed, collections

SAME = {"id": None, "title": None, "description": None, "extent": None, "itemType": "feature"}


def _document(ctx: Ctx) -> Doc:
    return require(ctx.observation.collections(), "/collections")


def collections_op(ctx: Ctx) -> Judgement:
    """GET /collections answers 200."""
    claim(ctx, CORE)
    found = status(ctx.observation.collections(), "GET /collections")
    return ctx.judge(found, ctx.examined(1, "features.examined.collections-document"))


def collections_success(ctx: Ctx) -> Judgement:
    """The collections document validates against collections.yaml."""
    claim(ctx, CORE)
    doc = ctx.observation.collections()
    found = list(ensure(doc, m("phrase.collections"))) or list(validate(core("collections"), doc))
    return ctx.judge(found, ctx.examined(1, "features.examined.collections-document"))


def collections_links(ctx: Ctx) -> Judgement:
    """A self link, links with rel and type, and an alternate HTML link where HTML is claimed."""
    claim(ctx, CORE)
    doc = _document(ctx)
    found = [*has_links(doc), *relations(doc, ("self",)), *rel_and_type(doc)]
    if claimed(ctx, HTML):
        found += alternate(doc, "text/html")
    return ctx.judge(found, ctx.examined(1, "features.examined.collections-document"))


def _entries(doc: Doc) -> list[tuple[str, dict[str, Any]]]:
    found = doc.member("collections", [])
    return [
        (f"/collections/{i}", c) for i, c in enumerate(found if isinstance(found, list) else []) if isinstance(c, dict)
    ]


def collections_items(ctx: Ctx) -> Judgement:
    """Every entry of collections is a collection object with a unique id and, if given, a string itemType."""
    claim(ctx, CORE)
    doc = _document(ctx)
    entries = _entries(doc)
    found: list[Violation] = []
    if not entries:
        found.append(
            MissingMember(
                m("no-collection"),
                locator=doc.at("/collections"),
                expected=m("phrase.one-per-collection"),
                actual=doc.member("collections"),
                exchange=doc.exchange,
            )
        )
    seen: set[str] = set()
    for pointer, entry in entries:
        found += validate(core("collection"), doc, pointer, entry)
        found += _unique(doc, pointer, entry, seen)
    return ctx.judge(found, ctx.examined(len(entries), "features.examined.entries"))


def _unique(doc: Doc, pointer: str, entry: dict[str, Any], seen: set[str]) -> Iterator[Violation]:
    ident = entry.get("id")
    if isinstance(ident, str) and ident in seen:
        yield ValueViolation(
            m("id-twice", id=repr(ident)),
            locator=doc.at(f"{pointer}/id"),
            expected=m("phrase.unique-ids"),
            actual=ident,
            exchange=doc.exchange,
        )
    seen.add(str(ident))


def collections_items_links(ctx: Ctx) -> Judgement:
    """Every entry links its items in each claimed encoding; every link has rel and type."""
    claim(ctx, CORE)
    doc = _document(ctx)
    types = {GEOJSON_TYPE} if claimed(ctx, GEOJSON) else set()
    if claimed(ctx, HTML):
        types.add("text/html")
    found: list[Violation] = []
    entries = _entries(doc)
    for pointer, _ in entries:
        found += [*relations(doc, ("items",), pointer), *rel_and_type(doc, pointer)]
        found += _item_types(doc, pointer, types)
    return ctx.judge(found, ctx.examined(len(entries), "features.examined.entries"))


def _item_types(doc: Doc, pointer: str, types: set[str]) -> Iterator[Violation]:
    offered = {link.type for link in with_rel(links(doc, pointer), "items")}
    for media in sorted(types - offered):
        yield MissingMember(
            m("no-items-link", type=media),
            locator=doc.at(f"{pointer}/links"),
            expected=f"rel=items, type={media}",
            actual=sorted(offered),
            exchange=doc.exchange,
        )


def collections_extent(ctx: Ctx) -> Judgement:
    """Sampled features lie inside the spatial extent; their time stamps inside the temporal extent."""
    claim(ctx, CORE)
    doc = _document(ctx)
    sample = collections(ctx)
    if not any(walk(ctx, entry["id"]).pages for entry in sample):
        raise Skipped(m("skip.extent-no-items"))
    found: list[Violation] = []
    judged = 0
    for pointer, entry in _entries(doc):
        if entry in sample:
            found += extent_violations(ctx, doc, pointer, entry)
            judged += compared(ctx, entry)
    return ctx.judge(found, ctx.examined(judged, "features.examined.extent-features"))


def collection_op(ctx: Ctx) -> Judgement:
    """GET /collections/{collectionId} answers 200 for each sampled collection."""
    claim(ctx, CORE)
    sample = collections(ctx)
    found = [
        v
        for entry in sample
        for v in status(ctx.observation.collection(entry["id"]), f"GET /collections/{entry['id']}")
    ]
    return ctx.judge(found, ctx.examined(len(sample), "features.examined.collections"))


def collection_success(ctx: Ctx) -> Judgement:
    """Each collection validates and agrees with its entry in /collections."""
    claim(ctx, CORE)
    sample = collections(ctx)
    found: list[Violation] = []
    for entry in sample:
        doc = ctx.observation.collection(entry["id"])
        problems = list(ensure(doc, m("phrase.collection", id=entry["id"])))
        found += problems or [*validate(core("collection"), doc), *_same(doc, entry)]
    return ctx.judge(found, ctx.examined(len(sample), "features.examined.collections"))


def _same(doc: Doc, entry: dict[str, Any]) -> Iterator[Violation]:
    for name, default in SAME.items():
        if doc.member(name, default) != entry.get(name, default):
            yield ValueViolation(
                m("differs", name=name),
                locator=doc.at(f"/{name}"),
                expected=entry.get(name),
                actual=doc.member(name),
                exchange=doc.exchange,
            )
