"""The record GeoJSON structure (recordGeoJSON.yaml of 20-004r1) and a record's links, judged member by member.

Besides the GeoJSON Feature schema (geojson-schema pack, loaded through the pack cache as by the Features suite),
a record needs a non-empty string id, ``time`` (an object or null), ``properties`` with the string members
``type`` and ``title``, and a ``links`` array.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import LinkViolation, MissingMember, ValueViolation, Violation
from conformance.core.messages import Message, Param
from conformance.suites.ogcapi_features.responses import Doc
from conformance.suites.ogcapi_features.schemas import geojson, validate
from conformance.suites.ogcapi_records.messages import r

Record = dict[str, Any]


def missing(doc: Doc, pointer: str, what: Message, name: str) -> MissingMember:
    return MissingMember(
        r("member-missing", what=what, name=name), locator=doc.at(pointer), expected=name, exchange=doc.exchange
    )


def wrong(
    doc: Doc, pointer: str, what: Message, name: str, actual: Any, expected: Param, width: int = 80
) -> ValueViolation:
    shown = repr(actual)[:width]
    return ValueViolation(
        r("member-wrong", what=what, name=name, actual=shown, expected=expected),
        locator=doc.at(pointer),
        expected=expected,
        actual=shown,
        exchange=doc.exchange,
    )


def structure(doc: Doc, record: Record, pointer: str = "") -> Iterator[Violation]:
    """Every way the record misses the record structure."""
    what = r("phrase.record", id=str(record.get("id")))
    yield from validate(geojson("Feature"), doc, pointer, record)
    for name in ("id", "type", "time", "geometry", "properties", "links"):
        if name not in record:
            yield missing(doc, pointer, what, name)
    if "id" in record and (not isinstance(record["id"], str) or not record["id"]):
        yield wrong(doc, f"{pointer}/id", what, "id", record["id"], r("phrase.string"))
    if "time" in record and record["time"] is not None and not isinstance(record["time"], dict):
        yield wrong(doc, f"{pointer}/time", what, "time", record["time"], r("phrase.object-or-null"))
    if "links" in record and not isinstance(record["links"], list):
        yield wrong(doc, f"{pointer}/links", what, "links", record["links"], "array")
    yield from _properties(doc, record, pointer, what)


def _properties(doc: Doc, record: Record, pointer: str, what: Message) -> Iterator[Violation]:
    props = record.get("properties")
    if not isinstance(props, dict):
        return
    for name in ("type", "title"):
        if name not in props:
            yield missing(doc, f"{pointer}/properties", what, f"properties.{name}")
        elif not isinstance(props[name], str) or not props[name]:
            yield wrong(
                doc, f"{pointer}/properties/{name}", what, f"properties.{name}", props[name], r("phrase.string")
            )


def link_list(record: Record) -> list[dict[str, Any]]:
    """The link objects of a record."""
    found = record.get("links")
    return [link for link in found if isinstance(link, dict)] if isinstance(found, list) else []


def collection_link(doc: Doc, record: Record, pointer: str = "") -> Iterator[Violation]:
    """Exactly one link with rel=collection (the record is a member of the catalog it was read from)."""
    count = sum(1 for link in link_list(record) if link.get("rel") == "collection")
    if count != 1:
        yield LinkViolation(
            r("collection-links", what=r("phrase.record", id=str(record.get("id"))), count=count),
            locator=doc.at(f"{pointer}/links"),
            expected=1,
            actual=count,
            exchange=doc.exchange,
        )


def rels(doc: Doc, record: Record) -> Iterator[Violation]:
    """Every link has a rel; every alternate link has a type."""
    what = r("phrase.record", id=str(record.get("id")))
    for index, link in enumerate(link_list(record)):
        if not link.get("rel"):
            yield LinkViolation(
                r("link-without-rel", what=what), locator=doc.at(f"/links/{index}"), exchange=doc.exchange
            )
        elif link.get("rel") == "alternate" and not link.get("type"):
            yield LinkViolation(
                r("alternate-untyped", what=what), locator=doc.at(f"/links/{index}"), exchange=doc.exchange
            )
