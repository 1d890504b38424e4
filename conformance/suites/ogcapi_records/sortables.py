"""The sortables document of a catalog judged against /req/sorting/get-sortables-success B–F (OGC 20-004r1).

Part B lists the allowed ``$schema`` values twice (draft-07 or 2019-09, then 2019-09 or 2020-12); read literally
only 2019-09 would satisfy both, so any of the three is accepted. A property is spatial when its ``format`` starts
with ``geometry`` or its ``$ref`` points at a GeoJSON geometry schema; every other property is a plain sortable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from conformance.core.evidence import ValueViolation, Violation
from conformance.core.messages import Message
from conformance.suites.ogcapi_features.responses import Doc
from conformance.suites.ogcapi_records.messages import r
from conformance.suites.ogcapi_records.record import missing, wrong

DIALECTS = (
    "http://json-schema.org/draft-07/schema#",
    "https://json-schema.org/draft/2019-09/schema",
    "https://json-schema.org/draft/2020-12/schema",
)
GEOMETRIES = tuple(
    f"geometry-{kind}"
    for kind in (
        "any",
        "point",
        "multipoint",
        "linestring",
        "multilinestring",
        "polygon",
        "multipolygon",
        "geometrycollection",
    )
)


def judge(doc: Doc, catalog: str) -> Iterator[Violation]:
    """Every way the sortables document of ``catalog`` misses parts B–F."""
    body: dict[str, Any] = doc.body
    yield from _top(doc, r("phrase.sortables", id=catalog), body)
    found = body.get("properties", {})
    if not isinstance(found, dict):
        yield wrong(doc, "/properties", r("phrase.sortables", id=catalog), "properties", found, "object")
        return
    for name, schema in found.items():
        if isinstance(schema, dict):
            yield from _property(doc, catalog, name, schema)


def _top(doc: Doc, what: Message, body: dict[str, Any]) -> Iterator[Violation]:
    """Part B ($schema, $id, type) and part F (additionalProperties)."""
    if body.get("$schema") not in DIALECTS:
        yield wrong(doc, "/$schema", what, "$schema", body.get("$schema"), " | ".join(DIALECTS))
    own = urlunsplit(urlsplit(doc.url)._replace(query="", fragment=""))
    if body.get("$id") != own:
        yield wrong(doc, "/$id", what, "$id", body.get("$id"), own, width=400)
    if body.get("type") != "object":
        yield wrong(doc, "/type", what, "type", body.get("type"), "object")
    if "additionalProperties" in body and body["additionalProperties"] is not False:
        yield wrong(doc, "/additionalProperties", what, "additionalProperties", body["additionalProperties"], "false")


def _property(doc: Doc, catalog: str, name: str, schema: dict[str, Any]) -> Iterator[Violation]:
    """Part C for a plain sortable, parts D and E for a spatial one."""
    pointer = "/properties/" + name.replace("~", "~0").replace("/", "~1")
    what = r("phrase.sortable", name=name, id=catalog)
    if not _spatial(schema):
        if "type" not in schema:
            yield missing(doc, pointer, what, "type")
        return
    for member in ("type", "$ref"):
        if member in schema:
            yield _typed(doc, pointer, what, member)
    if schema.get("format") not in GEOMETRIES:
        yield wrong(doc, f"{pointer}/format", what, "format", schema.get("format"), " | ".join(GEOMETRIES))


def _spatial(schema: dict[str, Any]) -> bool:
    shape = schema.get("format")
    ref = schema.get("$ref")
    return (isinstance(shape, str) and shape.lower().startswith("geometry")) or (
        isinstance(ref, str) and "geojson.org/schema/" in ref
    )


def _typed(doc: Doc, pointer: str, what: Message, member: str) -> ValueViolation:
    return ValueViolation(
        r("spatial-typed", what=what, name=member),
        locator=doc.at(f"{pointer}/{member}"),
        expected=r("phrase.no-member", name=member),
        actual=member,
        exchange=doc.exchange,
    )
