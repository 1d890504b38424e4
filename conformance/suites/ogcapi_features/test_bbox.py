"""The bbox parameter: /req/core/fc-bbox-definition and /req/core/fc-bbox-response.

The bbox has four numbers or six (CRS84h: the third and sixth are the minimum and maximum ellipsoidal height);
both forms must be accepted and declared. The response check is sound on envelopes: a returned feature whose
envelope lies wholly outside the box cannot intersect it (fail); a sampled feature whose envelope lies wholly
inside a box must be returned (fail if the answer is complete and lacks it). Features without a spatial geometry
match every bbox: those found by walking the whole collection must be in every complete answer. The six-number
probe spans the heights -10 km..+10 km, which contains every 2D geometry read at height 0. The antimeridian
probe is ``170,-90,-170,90``: first value larger than the third, so it covers the longitudes 170..180 and
-180..-170 only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import MissingMember, SchemaViolation, ValueViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, STANDARD, geometry
from conformance.suites.ogcapi_features.checks import capped, status
from conformance.suites.ogcapi_features.openapi import Definition, definition
from conformance.suites.ogcapi_features.paging import next_link, walk
from conformance.suites.ogcapi_features.params import bbox_sizes, declared_parameter, limit_bounds, shape
from conformance.suites.ogcapi_features.service import Doc, claim, collections, feature_key, features, items, label

ANTIMERIDIAN: geometry.Box = (170.0, -90.0, -170.0, 90.0)
WORLD: geometry.Box = (-180.0, -90.0, 180.0, 90.0)
HEIGHTS = (-10000.0, 10000.0)
SAMPLES = 2
PAGE = 100


def _world(target: TargetContext, collection: str, heights: tuple[float, float] | None = None) -> Doc:
    value = geometry.text(WORLD, heights)
    return target.remember(f"oaf:bbox-world:{collection}:{value}", lambda: items(target, collection, {"bbox": value}))


@requirement(STANDARD.requirement("/req/core/fc-bbox-definition"))
def test_bbox_definition(target: TargetContext) -> None:
    """The API definition declares bbox as an array of 4 or 6 numbers; world boxes of both sizes are accepted."""
    claim(target, CORE)
    api = definition(target)
    found: list[Violation] = []
    for entry in collections(target):
        for heights in (None, HEIGHTS):
            value = geometry.text(WORLD, heights)
            found += status(_world(target, entry["id"], heights), f"bbox={value} on {entry['id']}")
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
    for size in sorted({4, 6} - bbox_sizes(param.schema)):
        yield SchemaViolation(f"the declared bbox schema does not admit {size} numbers",
                              locator=api.doc.at(f"{param.pointer}/schema"), expected="4 or 6 items",
                              actual={k: param.schema.get(k) for k in ("minItems", "maxItems", "oneOf")},
                              exchange=api.doc.exchange)



@requirement(STANDARD.requirement("/req/core/fc-bbox-response"))
def test_bbox_response(target: TargetContext) -> None:
    """Boxes around sampled features return them and nothing outside; the antimeridian box is honoured."""
    claim(target, CORE)
    found: list[Violation] = []
    for entry in collections(target):
        size = min(PAGE, limit_bounds(definition(target), entry["id"])[1] or PAGE)
        unlocated = _unlocated(target, entry["id"])
        for box, heights, wanted in _with_heights(target, entry["id"], _probes(items(target, entry["id"]))):
            value = geometry.text(box, heights)
            doc = items(target, entry["id"], {"bbox": value, "limit": size})
            problems = list(status(doc, f"bbox={value} on {entry['id']}"))
            found += problems or [*_outside(doc, box, value), *_missing(doc, wanted, "lies inside the bbox"),
                                  *(v for f in unlocated for v in _missing(doc, f, "has no geometry"))]
    expect(capped(found))


Probe = tuple[geometry.Box, dict[str, Any] | None]
Heights = tuple[float, float] | None


def _with_heights(target: TargetContext, collection: str, probes: list[Probe]
                  ) -> list[tuple[geometry.Box, Heights, dict[str, Any] | None]]:
    """The probes with four numbers, and the first sample again with six (if six numbers are accepted)."""
    out: list[tuple[geometry.Box, Heights, dict[str, Any] | None]] = [(box, None, want) for box, want in probes]
    samples = [(box, wanted) for box, wanted in probes if wanted is not None]
    if samples and _world(target, collection, HEIGHTS).status == 200:
        out.append((samples[0][0], HEIGHTS, samples[0][1]))
    elif samples:
        target.note(f"bbox with six numbers is not accepted on {collection} (see fc-bbox-definition): answers to "
                    "it were not judged")
    return out


def _unlocated(target: TargetContext, collection: str) -> list[dict[str, Any]]:
    """The features without a spatial geometry, if the whole collection could be walked."""
    found = walk(target, collection)
    if not found.complete:
        target.note(f"the items of {collection} could not be walked to the end: whether a bbox selects its features "
                    "without geometry was not checked")
        return []
    return [f for page in found.pages for f in features(page) if f.get("geometry") is None]


def _probes(first: Doc) -> list[Probe]:
    probes: list[Probe] = [(ANTIMERIDIAN, None)]
    for feature in features(first):
        env = geometry.envelope(feature.get("geometry"))
        if env is not None and env[2] - env[0] < 180 and len(probes) <= SAMPLES:
            probes.append((geometry.grow(env, 0.01), feature))
    return probes


def _outside(doc: Doc, box: geometry.Box, value: str) -> Iterator[Violation]:
    for index, feature in enumerate(features(doc)):
        env = geometry.envelope(feature.get("geometry"))
        if env is not None and geometry.misses(env, box):
            yield ValueViolation(f"feature {label(feature)} lies outside bbox={value}",
                                 locator=doc.at(f"/features/{index}/geometry"), expected=f"intersects {value}",
                                 actual=f"envelope {geometry.text(env)}", exchange=doc.exchange)


def _missing(doc: Doc, wanted: dict[str, Any] | None, why: str) -> Iterator[Violation]:
    if wanted is None or next_link(doc) is not None:
        return
    if feature_key(wanted) not in {feature_key(f) for f in features(doc)}:
        yield MissingMember(f"feature {label(wanted)} {why} but was not returned",
                            locator=doc.at("/features"), expected=wanted.get("id"),
                            actual=[f.get("id") for f in features(doc)][:20], exchange=doc.exchange)
