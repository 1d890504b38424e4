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

from conformance.core.evidence import MissingMember, SchemaViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features import geometry
from conformance.suites.ogcapi_features.catalogue import CORE
from conformance.suites.ogcapi_features.messages import m, on
from conformance.suites.ogcapi_features.openapi import Definition, declaring, definition
from conformance.suites.ogcapi_features.paging import next_link, walk
from conformance.suites.ogcapi_features.params import bbox_sizes, declared_parameter, limit_bounds, shape
from conformance.suites.ogcapi_features.responses import GEOJSON, Doc, feature_key, features, label, status
from conformance.suites.ogcapi_features.service import Ctx, claim, collections

ANTIMERIDIAN: geometry.Box = (170.0, -90.0, -170.0, 90.0)
WORLD: geometry.Box = (-180.0, -90.0, 180.0, 90.0)
HEIGHTS = (-10000.0, 10000.0)
SAMPLES = 2
PAGE = 100
Heights = tuple[float, float] | None
Probe = tuple[geometry.Box, dict[str, Any] | None]


def _world(ctx: Ctx, collection: str, heights: Heights = None) -> Doc:
    return ctx.observation.once(ctx.observation.items_url(collection), {"bbox": geometry.text(WORLD, heights)}, GEOJSON)


def bbox_definition(ctx: Ctx) -> Judgement:
    """The API definition declares bbox as an array of 4 or 6 numbers; world boxes of both sizes are accepted."""
    claim(ctx, CORE)
    api = declaring(ctx, "bbox")
    found: list[Violation] = []
    sample = collections(ctx)
    for entry in sample:
        for heights in (None, HEIGHTS):
            value = geometry.text(WORLD, heights)
            found += status(_world(ctx, entry["id"], heights), on(f"bbox={value}", entry["id"]))
        found += _declared(api, entry["id"]) if api is not None else []
    return ctx.judge(found, ctx.examined(len(sample), "features.examined.collections"))


def _declared(api: Definition, collection: str) -> Iterator[Violation]:
    param = yield from declared_parameter(api, collection, "bbox")
    if param is None:
        return
    yield from shape(api, param, "array")
    item_type = (param.schema.get("items") or {}).get("type")
    if item_type != "number":
        yield SchemaViolation(
            m("bbox-items"),
            locator=api.doc.at(param.pointer),
            expected="number",
            actual=item_type,
            exchange=api.doc.exchange,
        )
    for size in sorted({4, 6} - bbox_sizes(param.schema)):
        yield SchemaViolation(
            m("bbox-sizes", size=size),
            locator=api.doc.at(f"{param.pointer}/schema"),
            expected=m("phrase.four-or-six"),
            actual={k: param.schema.get(k) for k in ("minItems", "maxItems", "oneOf")},
            exchange=api.doc.exchange,
        )


def bbox_response(ctx: Ctx) -> Judgement:
    """Boxes around sampled features return them and nothing outside; the antimeridian box is honoured."""
    claim(ctx, CORE)
    found: list[Violation] = []
    sent = 0
    for entry in collections(ctx):
        size = min(PAGE, limit_bounds(definition(ctx), entry["id"])[1] or PAGE)
        unlocated = _unlocated(ctx, entry["id"])
        for box, heights, wanted in _with_heights(ctx, entry["id"], _probes(ctx.observation.items(entry["id"]))):
            value = geometry.text(box, heights)
            doc = ctx.observation.items(entry["id"], {"bbox": value, "limit": size})
            sent += 1
            problems = list(status(doc, on(f"bbox={value}", entry["id"])))
            found += problems or [
                *_outside(doc, box, value),
                *_missing(doc, wanted, "inside-missing"),
                *(v for f in unlocated for v in _missing(doc, f, "unlocated-missing")),
            ]
    return ctx.judge(found, ctx.examined(sent, "features.examined.bbox-requests"))


def _with_heights(
    ctx: Ctx, collection: str, probes: list[Probe]
) -> list[tuple[geometry.Box, Heights, dict[str, Any] | None]]:
    """The probes with four numbers, and the first sample again with six (if six numbers are accepted)."""
    out: list[tuple[geometry.Box, Heights, dict[str, Any] | None]] = [(box, None, want) for box, want in probes]
    samples = [(box, wanted) for box, wanted in probes if wanted is not None]
    if samples and _world(ctx, collection, HEIGHTS).status == 200:
        out.append((samples[0][0], HEIGHTS, samples[0][1]))
    elif samples:
        ctx.note(m("note.six-rejected", collection=collection))
    return out


def _unlocated(ctx: Ctx, collection: str) -> list[dict[str, Any]]:
    """The features without a spatial geometry, if the whole collection could be walked."""
    found = walk(ctx, collection)
    if not found.complete:
        ctx.note(m("note.unwalked", collection=collection))
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
            yield ValueViolation(
                m("outside-bbox", feature=label(feature), box=value),
                locator=doc.at(f"/features/{index}/geometry"),
                expected=m("phrase.intersects", box=value),
                actual=m("phrase.envelope", box=geometry.text(env)),
                exchange=doc.exchange,
            )


def _missing(doc: Doc, wanted: dict[str, Any] | None, code: str) -> Iterator[Violation]:
    if wanted is None or next_link(doc) is not None:
        return
    if feature_key(wanted) not in {feature_key(f) for f in features(doc)}:
        yield MissingMember(
            m(code, feature=label(wanted)),
            locator=doc.at("/features"),
            expected=wanted.get("id"),
            actual=[f.get("id") for f in features(doc)][:20],
            exchange=doc.exchange,
        )
