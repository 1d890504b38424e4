"""Collections and a single collection: /req/core/fc-md-*, /req/core/sfc-md-*."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conformance.core.evidence import MissingMember, ValueViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, HTML, STANDARD
from conformance.suites.ogcapi_features.checks import capped, status
from conformance.suites.ogcapi_features.extent import extent_violations
from conformance.suites.ogcapi_features.links import alternate, has_links, links, rel_and_type, relations, with_rel
from conformance.suites.ogcapi_features.paging import walk
from conformance.suites.ogcapi_features.schemas import core, validate
from conformance.suites.ogcapi_features.service import (
    GEOJSON,
    Doc,
    claim,
    collection_doc,
    collections,
    collections_doc,
    declared,
    ensure,
    require,
)

SAME = {"id": None, "title": None, "description": None, "extent": None, "itemType": "feature"}


@requirement(STANDARD.requirement("/req/core/fc-md-op"))
def test_collections_op(target: TargetContext) -> None:
    claim(target, CORE)
    expect(status(collections_doc(target), "GET /collections"))


@requirement(STANDARD.requirement("/req/core/fc-md-success"))
def test_collections_success(target: TargetContext) -> None:
    claim(target, CORE)
    doc = collections_doc(target)
    expect(ensure(doc, "collections"))
    expect(capped(validate(core("collections"), doc)))


@requirement(STANDARD.requirement("/req/core/fc-md-links"))
def test_collections_links(target: TargetContext) -> None:
    claim(target, CORE)
    doc = require(collections_doc(target), "/collections")
    found = [*has_links(doc), *relations(doc, ("self",)), *rel_and_type(doc)]
    if target.claimed(HTML, declared(target)):
        found += alternate(doc, "text/html")
    expect(found)


def _entries(doc: Doc) -> list[tuple[str, dict[str, Any]]]:
    found = doc.member("collections", [])
    return [(f"/collections/{i}", c) for i, c in enumerate(found if isinstance(found, list) else [])
            if isinstance(c, dict)]


@requirement(STANDARD.requirement("/req/core/fc-md-items"))
def test_collections_items(target: TargetContext) -> None:
    """Every entry of collections is a collection object with a unique id and, if given, a string itemType."""
    claim(target, CORE)
    doc = require(collections_doc(target), "/collections")
    entries = _entries(doc)
    found: list[Violation] = []
    if not entries:
        found.append(MissingMember("collections lists no collection", locator=doc.at("/collections"),
                                   expected="one entry per collection", actual=doc.member("collections"),
                                   exchange=doc.exchange))
    seen: set[str] = set()
    for pointer, entry in entries:
        found += validate(core("collection"), doc, pointer, entry)
        found += _unique(doc, pointer, entry, seen)
    expect(capped(found))


def _unique(doc: Doc, pointer: str, entry: dict[str, Any], seen: set[str]) -> Iterator[Violation]:
    ident = entry.get("id")
    if isinstance(ident, str) and ident in seen:
        yield ValueViolation(f"collection id {ident!r} is listed twice", locator=doc.at(f"{pointer}/id"),
                             expected="unique ids", actual=ident, exchange=doc.exchange)
    seen.add(str(ident))


@requirement(STANDARD.requirement("/req/core/fc-md-items-links"))
def test_collections_items_links(target: TargetContext) -> None:
    claim(target, CORE)
    doc = require(collections_doc(target), "/collections")
    types = {GEOJSON} if target.claimed(STANDARD.cls("geojson").uri, declared(target)) else set()
    if target.claimed(HTML, declared(target)):
        types.add("text/html")
    found: list[Violation] = []
    for pointer, _ in _entries(doc):
        found += [*relations(doc, ("items",), pointer), *rel_and_type(doc, pointer)]
        found += _item_types(doc, pointer, types)
    expect(capped(found))


def _item_types(doc: Doc, pointer: str, types: set[str]) -> Iterator[Violation]:
    offered = {link.type for link in with_rel(links(doc, pointer), "items")}
    for media in sorted(types - offered):
        yield MissingMember(f"no items link of type {media}", locator=doc.at(f"{pointer}/links"),
                            expected=f"rel=items, type={media}", actual=sorted(offered), exchange=doc.exchange)


@requirement(STANDARD.requirement("/req/core/fc-md-extent"))
def test_collections_extent(target: TargetContext) -> None:
    """Sampled features lie inside the spatial extent; their time stamps inside the temporal extent."""
    claim(target, CORE)
    doc = require(collections_doc(target), "/collections")
    if not any(walk(target, entry["id"]).pages for entry in collections(target)):
        pytest.skip("no collection answered its items request with 200: no feature to compare with the extent")
    found: list[Violation] = []
    for pointer, entry in _entries(doc):
        if entry in collections(target):
            found += extent_violations(target, doc, pointer, entry)
    expect(capped(found))


@requirement(STANDARD.requirement("/req/core/sfc-md-op"))
def test_collection_op(target: TargetContext) -> None:
    claim(target, CORE)
    expect(v for entry in collections(target)
           for v in status(collection_doc(target, entry["id"]), f"GET /collections/{entry['id']}"))


@requirement(STANDARD.requirement("/req/core/sfc-md-success"))
def test_collection_success(target: TargetContext) -> None:
    claim(target, CORE)
    found: list[Violation] = []
    for entry in collections(target):
        doc = collection_doc(target, entry["id"])
        problems = list(ensure(doc, f"collection {entry['id']}"))
        found += problems or [*validate(core("collection"), doc), *_same(doc, entry)]
    expect(capped(found))


def _same(doc: Doc, entry: dict[str, Any]) -> Iterator[Violation]:
    for name, default in SAME.items():
        if doc.member(name, default) != entry.get(name, default):
            yield ValueViolation(f"{name} differs from the entry in /collections", locator=doc.at(f"/{name}"),
                                 expected=entry.get(name), actual=doc.member(name), exchange=doc.exchange)
