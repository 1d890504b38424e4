"""The per-layer rules of the capabilities (06-042 7.2.4.6.5–7.2.4.6.13, 7.2.4.8), judged while the document streams.

Each rule returns its problems as messages with the layer's path; nothing here keeps a reference to the tree.
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.core.messages import Message
from conformance.suites.wms.layers import Box, GeoBox, Layer, Own
from conformance.suites.wms.messages import m

LON_LAT = frozenset({"CRS:84", "CRS:83", "CRS:27"})
LAT_LON = frozenset({"EPSG:4326", "EPSG:4258", "EPSG:4269", "EPSG:4267"})


@dataclass(frozen=True)
class Problem:
    """A rule's finding about one layer: the message and the layer's path in the document."""

    message: Message
    path: str
    expected: str | None = None
    actual: str | None = None


def label(layer: Layer | Own) -> str:
    """A layer's name, else its title in quotes."""
    return layer.name or f'"{layer.title}"'


def crs(layer: Layer) -> list[Problem]:
    """7.2.4.6.7: a named layer has at least one CRS."""
    return [] if not layer.name or layer.crs else [Problem(m("layer-no-crs", layer=layer.name), layer.path)]


def geographic(mine: Own, layer: Layer) -> list[Problem]:
    """7.2.4.6.6: a named layer has an EX_GeographicBoundingBox; its south bound is not above its north bound."""
    found = []
    if layer.name and layer.geo is None:
        found.append(Problem(m("layer-no-geo", layer=layer.name), layer.path))
    if mine.geo is not None and mine.geo.south > mine.geo.north:
        found.append(
            Problem(
                m("geo-inverted", layer=label(mine)),
                layer.path,
                "south ≤ north",
                f"south={mine.geo.south:g}, north={mine.geo.north:g}",
            )
        )
    if "geo-unreadable" in mine.problems:
        found.append(Problem(m("geo-unreadable", layer=label(mine)), layer.path))
    return found


def boxes(mine: Own, layer: Layer) -> list[Problem]:
    """7.2.4.6.8, 6.7.4: every BoundingBox the layer declares, against its CRS list and its geographic extent."""
    found, seen = [], set()
    for box in mine.boxes:
        if box.crs in seen:
            found.append(Problem(m("box-duplicate", layer=label(mine), crs=box.crs), layer.path))
        seen.add(box.crs)
        if box.crs not in layer.crs:
            found.append(
                Problem(
                    m("box-crs-not-listed", layer=label(mine), crs=box.crs),
                    layer.path,
                    ", ".join(layer.crs) or "–",
                    box.crs,
                )
            )
        if box.minx >= box.maxx or box.miny >= box.maxy:
            found.append(Problem(m("box-empty", layer=label(mine), crs=box.crs), layer.path, "min < max", _values(box)))
        elif layer.geo is not None and not _agrees(box, layer.geo):
            found.append(
                Problem(
                    m("box-geo-mismatch", layer=label(mine), crs=box.crs),
                    layer.path,
                    _expected(box.crs, layer.geo),
                    _values(box),
                )
            )
    if "box-unreadable" in mine.problems:
        found.append(Problem(m("box-unreadable", layer=label(mine)), layer.path))
    return found


def geographic_boxes(mine: Own) -> int:
    """How many of a layer's own BoundingBoxes were judged."""
    return len(mine.boxes) + ("box-unreadable" in mine.problems)


def _values(box: Box) -> str:
    return f"minx={box.minx:g}, miny={box.miny:g}, maxx={box.maxx:g}, maxy={box.maxy:g}"


def _expected(crs_name: str, geo: GeoBox) -> str:
    if crs_name in LAT_LON:
        return f"minx={geo.south:g}, miny={geo.west:g}, maxx={geo.north:g}, maxy={geo.east:g}"
    return f"minx={geo.west:g}, miny={geo.south:g}, maxx={geo.east:g}, maxy={geo.north:g}"


def _agrees(box: Box, geo: GeoBox) -> bool:
    if box.crs in LAT_LON:
        pairs = ((box.minx, geo.south), (box.maxx, geo.north), (box.miny, geo.west), (box.maxy, geo.east))
    elif box.crs in LON_LAT:
        pairs = ((box.minx, geo.west), (box.maxx, geo.east), (box.miny, geo.south), (box.maxy, geo.north))
    else:
        return True
    span = max(abs(geo.east - geo.west), abs(geo.north - geo.south))
    tolerance = max(0.01, 0.01 * span)
    return all(abs(a - b) <= tolerance for a, b in pairs)


def inheritance(mine: Own, layer: Layer, parent: Layer | None) -> list[Problem]:
    """7.2.4.8, 7.2.4.6.5, 7.2.4.6.13, C.2: what a child layer may not redefine."""
    found = []
    inherited = parent or Layer("", "", "")
    for style in mine.styles:
        if style in inherited.styles:
            found.append(Problem(m("style-redefined", layer=label(mine), style=style), layer.path))
    for authority in mine.authorities:
        if authority in inherited.authorities:
            found.append(Problem(m("authority-redefined", layer=label(mine), authority=authority), layer.path))
    for authority in mine.identifiers:
        if authority not in layer.authorities:
            found.append(Problem(m("identifier-without-authority", layer=label(mine), authority=authority), layer.path))
    parents = {d.name: d for d in inherited.dimensions}
    for dim in mine.dimensions:
        before = parents.get(dim.name)
        if before is not None and (before.units, before.unit_symbol) != (dim.units, dim.unit_symbol):
            found.append(
                Problem(
                    m("dimension-redeclared", layer=label(mine), dimension=dim.name),
                    layer.path,
                    f"{before.units} {before.unit_symbol}".strip(),
                    f"{dim.units} {dim.unit_symbol}",
                )
            )
    return found
