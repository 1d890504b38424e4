"""The bbox parameter: /req/core/fc-bbox-definition and /req/core/fc-bbox-response.

The response check is sound on envelopes: a returned feature whose envelope lies wholly outside the box
cannot intersect it (fail); a sampled feature whose envelope lies wholly inside a box must be returned
(fail if the answer is complete and lacks it). Features without geometry match any bbox (requirement C).
The antimeridian probe is ``170,-90,-170,90``: first value larger than the third, so it covers the
longitudes 170..180 and -180..-170 only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import MissingMember, SchemaViolation, ValueViolation, Violation, expect
from conformance.suites.ogcapi_features import CORE, STANDARD, geometry
from conformance.suites.ogcapi_features.checks import capped, status
from conformance.suites.ogcapi_features.openapi import Definition, definition
from conformance.suites.ogcapi_features.paging import next_link
from conformance.suites.ogcapi_features.params import declared_parameter, limit_bounds, shape
from conformance.suites.ogcapi_features.service import Doc, claim, collections, feature_key, features, items, label
from conformance.target import TargetContext, requirement

ANTIMERIDIAN: geometry.Box = (170.0, -90.0, -170.0, 90.0)
SAMPLES = 2
PAGE = 100


@requirement(STANDARD.requirement("/req/core/fc-bbox-definition"))
def test_bbox_definition(target: TargetContext) -> None:
    """The API definition declares bbox as an array of numbers; a world bbox is accepted."""
    claim(target, CORE)
    api = definition(target)
    found: list[Violation] = []
    for entry in collections(target):
        found += status(items(target, entry["id"], {"bbox": "-180,-90,180,90"}), f"bbox on {entry['id']}")
        if api is not None:
            found += _declared(api, entry["id"])
    if api is None:
        target.note("no readable API definition: the declaration of bbox was not checked")
    expect(found)


def _declared(api: Definition, collection: str) -> Iterator[Violation]:
    param = yield from declared_parameter(api, collection, "bbox")
    if param is None:
        return
    yield from shape(api, param, "array")
    item_type = (param.schema.get("items") or {}).get("type")
    if item_type != "number":
        yield SchemaViolation("bbox items are not numbers", locator=api.doc.at(param.pointer), expected="number",
                              actual=item_type, exchange=api.doc.exchange)


@requirement(STANDARD.requirement("/req/core/fc-bbox-response"))
def test_bbox_response(target: TargetContext) -> None:
    """Boxes around sampled features return them and nothing outside; the antimeridian box is honoured."""
    claim(target, CORE)
    found: list[Violation] = []
    for entry in collections(target):
        size = min(PAGE, limit_bounds(definition(target), entry["id"])[1] or PAGE)
        for box, wanted in _probes(items(target, entry["id"])):
            doc = items(target, entry["id"], {"bbox": geometry.text(box), "limit": size})
            problems = list(status(doc, f"bbox={geometry.text(box)} on {entry['id']}"))
            found += problems or [*_outside(doc, box), *_missing(doc, wanted)]
    expect(capped(found))


def _probes(first: Doc) -> list[tuple[geometry.Box, dict[str, Any] | None]]:
    probes: list[tuple[geometry.Box, dict[str, Any] | None]] = [(ANTIMERIDIAN, None)]
    for feature in features(first):
        env = geometry.envelope(feature.get("geometry"))
        if env is not None and env[2] - env[0] < 180 and len(probes) <= SAMPLES:
            probes.append((geometry.grow(env, 0.01), feature))
    return probes


def _outside(doc: Doc, box: geometry.Box) -> Iterator[Violation]:
    for index, feature in enumerate(features(doc)):
        env = geometry.envelope(feature.get("geometry"))
        if env is not None and geometry.misses(env, box):
            yield ValueViolation(f"feature {label(feature)} lies outside bbox={geometry.text(box)}",
                                 locator=doc.at(f"/features/{index}/geometry"), expected=f"intersects "
                                 f"{geometry.text(box)}", actual=f"envelope {geometry.text(env)}",
                                 exchange=doc.exchange)


def _missing(doc: Doc, wanted: dict[str, Any] | None) -> Iterator[Violation]:
    if wanted is None or next_link(doc) is not None:
        return
    if feature_key(wanted) not in {feature_key(f) for f in features(doc)}:
        yield MissingMember(f"feature {label(wanted)} lies inside the bbox but was not returned",
                            locator=doc.at("/features"), expected=wanted.get("id"),
                            actual=[f.get("id") for f in features(doc)][:20], exchange=doc.exchange)
