"""/req/core/fc-md-extent: the declared extent of a collection must contain every feature that was sampled."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import SchemaViolation, ValueViolation, Violation
from conformance.suites.ogcapi_features import geometry, temporal
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.paging import walk
from conformance.suites.ogcapi_features.responses import Doc, features, label
from conformance.suites.ogcapi_features.service import Ctx

Sampled = list[tuple[Doc, int, dict[str, Any]]]

CRS84 = ("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/OGC/0/CRS84h")


def spatial_box(entry: dict[str, Any]) -> geometry.Box | None:
    """The first bbox of the spatial extent as (west, south, east, north), if it is a CRS84 box."""
    spatial = (entry.get("extent") or {}).get("spatial") if isinstance(entry.get("extent"), dict) else None
    if not isinstance(spatial, dict) or spatial.get("crs", CRS84[0]) not in CRS84:
        return None
    boxes = spatial.get("bbox")
    first = boxes[0] if isinstance(boxes, list) and boxes and isinstance(boxes[0], list) else None
    if first is None or len(first) not in (4, 6) or not all(isinstance(v, int | float) for v in first):
        return None
    values = [float(v) for v in first]
    return (
        (values[0], values[1], values[3], values[4])
        if len(values) == 6
        else (values[0], values[1], values[2], values[3])
    )


def compared(ctx: Ctx, entry: dict[str, Any]) -> int:
    """How many walked features of the collection are compared with a declared extent (spatial or temporal)."""
    if "extent" not in entry:
        return 0
    sampled = _sampled(ctx, entry)
    name = temporal.time_property(ctx.target, entry["id"], [item for _, _, item in sampled])
    has_time = temporal.extent(entry) is not None and name is not None
    return len(sampled) if spatial_box(entry) is not None or has_time else 0


def extent_violations(ctx: Ctx, doc: Doc, pointer: str, entry: dict[str, Any]) -> Iterator[Violation]:
    """Features of the collection (as far as walked) outside its declared spatial or temporal extent."""
    if "extent" not in entry:
        return
    box = spatial_box(entry)
    if box is None and (entry["extent"] or {}).get("spatial") is not None:
        yield SchemaViolation(
            m("extent-not-bbox"),
            locator=doc.at(f"{pointer}/extent/spatial"),
            expected="bbox: [[w, s, e, n]]",
            actual=entry["extent"].get("spatial"),
            exchange=doc.exchange,
        )
    sampled = _sampled(ctx, entry)
    if box is not None:
        yield from _outside_box(box, pointer, sampled)
    yield from _outside_time(ctx, entry, pointer, sampled)


def _sampled(ctx: Ctx, entry: dict[str, Any]) -> Sampled:
    found = walk(ctx, entry["id"])
    return [(page, index, item) for page in found.pages for index, item in enumerate(features(page))]


def _outside_box(box: geometry.Box, pointer: str, sampled: Sampled) -> Iterator[Violation]:
    for page, index, item in sampled:
        spans = geometry.lon_spans(box)
        for lon, lat in geometry.positions(item.get("geometry")):
            if not (box[1] <= lat <= box[3] and any(lo <= lon <= hi for lo, hi in spans)):
                yield ValueViolation(
                    m("outside-spatial", feature=label(item), pointer=pointer),
                    locator=page.at(f"/features/{index}/geometry"),
                    expected=list(box),
                    actual=[lon, lat],
                    exchange=page.exchange,
                )
                break


def _outside_time(ctx: Ctx, entry: dict[str, Any], pointer: str, sampled: Sampled) -> Iterator[Violation]:
    window = temporal.extent(entry)
    name = temporal.time_property(ctx.target, entry["id"], [item for _, _, item in sampled])
    if window is None or name is None:
        return
    for page, index, item in sampled:
        span = temporal.feature_time(item, name)
        if span is not None and not temporal.inside(span, window):
            yield ValueViolation(
                m("outside-temporal", feature=label(item), time=f"{name}={temporal.show(span)}", pointer=pointer),
                locator=page.at(f"/features/{index}/properties/{name}"),
                expected=[temporal.stamp(v) if v else None for v in window],
                actual=temporal.show(span),
                exchange=page.exchange,
            )
