"""/req/core/fc-md-extent: the declared extent of a collection must contain every feature that was sampled."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import SchemaViolation, ValueViolation, Violation
from conformance.suites.ogcapi_features import geometry, temporal
from conformance.suites.ogcapi_features.paging import walk
from conformance.suites.ogcapi_features.service import Doc, features, label

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
    return (values[0], values[1], values[3], values[4]) if len(values) == 6 else (values[0], values[1], values[2],
                                                                                   values[3])


def extent_violations(target: Any, doc: Doc, pointer: str, entry: dict[str, Any]) -> Iterator[Violation]:
    """Features of the collection (as far as walked) outside its declared spatial or temporal extent."""
    if "extent" not in entry:
        return
    box = spatial_box(entry)
    if box is None and (entry["extent"] or {}).get("spatial") is not None:
        yield SchemaViolation("the spatial extent is not a CRS84 bbox of 4 or 6 numbers",
                              locator=doc.at(f"{pointer}/extent/spatial"), expected="bbox: [[w, s, e, n]]",
                              actual=entry["extent"].get("spatial"), exchange=doc.exchange)
    found = walk(target, entry["id"])
    sampled = [(page, index, item) for page in found.pages for index, item in enumerate(features(page))]
    if box is not None:
        yield from _outside_box(box, pointer, doc, sampled)
    yield from _outside_time(target, entry, pointer, doc, sampled)


def _outside_box(box: geometry.Box, pointer: str, doc: Doc, sampled: list[tuple[Doc, int, dict[str, Any]]]
                 ) -> Iterator[Violation]:
    for page, index, item in sampled:
        spans = geometry.lon_spans(box)
        for lon, lat in geometry.positions(item.get("geometry")):
            if not (box[1] <= lat <= box[3] and any(lo <= lon <= hi for lo, hi in spans)):
                yield ValueViolation(f"feature {label(item)} of {pointer} lies outside the spatial extent",
                                     locator=page.at(f"/features/{index}/geometry"), expected=list(box),
                                     actual=[lon, lat], exchange=page.exchange)
                break


def _outside_time(target: Any, entry: dict[str, Any], pointer: str, doc: Doc,
                  sampled: list[tuple[Doc, int, dict[str, Any]]]) -> Iterator[Violation]:
    window = temporal.extent(entry)
    name = temporal.time_property(target, entry["id"], [item for _, _, item in sampled])
    if window is None or name is None:
        return
    for page, index, item in sampled:
        span = temporal.feature_time(item, name)
        if span is not None and not temporal.inside(span, window):
            yield ValueViolation(f"feature {label(item)} ({name}={temporal.show(span)}) lies outside the "
                                 f"temporal extent of {pointer}",
                                 locator=page.at(f"/features/{index}/properties/{name}"),
                                 expected=[temporal.stamp(v) if v else None for v in window],
                                 actual=temporal.show(span), exchange=page.exchange)
