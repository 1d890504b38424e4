"""Probes judged by comparing pictures: background (TRANSPARENT, BGCOLOR), BBOX outside the layer, axis order.

The background of a layer's map is found without knowing its data: the pixels a red and a blue BGCOLOR turn red
and blue. A picture that is blank tells nothing about the axis order; the check says "cannot tell" then.
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.suites.wms import crs as crsmod
from conformance.suites.wms.api import Observed
from conformance.suites.wms.images import TRANSPARENCY, base, decodable
from conformance.suites.wms.layers import GeoBox, Layer
from conformance.suites.wms.maps import MapCall, call, formats, layer_crs, params

PROBE_SIZE = 128
EDGE_PIXELS = 4
RED, BLUE = "0xFF0000", "0x0000FF"


@dataclass(frozen=True)
class Background:
    """Four maps of one layer: TRANSPARENT=TRUE, red and blue BGCOLOR (TRANSPARENT=FALSE), and the default."""

    layer: str
    transparent: MapCall
    red: MapCall
    blue: MapCall
    default: MapCall


def transparency_format(obs: Observed) -> str | None:
    """The first advertised GetMap format that permits transparency and that the suite decodes."""
    return next((f for f in formats(obs) if base(f) in TRANSPARENCY and decodable(f)), None)


def picture_format(obs: Observed) -> str | None:
    """The transparency format, else the first format the suite decodes."""
    return transparency_format(obs) or next((f for f in formats(obs) if decodable(f)), None)


def backgrounds(obs: Observed) -> list[Background]:
    """The four background maps of every sampled layer (none without a transparency format)."""
    fmt = transparency_format(obs)
    variants: tuple[dict[str, str], ...] = (
        {"TRANSPARENT": "TRUE"},
        {"TRANSPARENT": "FALSE", "BGCOLOR": RED},
        {"TRANSPARENT": "FALSE", "BGCOLOR": BLUE},
        {},
    )
    out = []
    for layer in obs.caps().named.items if fmt else []:
        described = layer_crs(layer)
        request = params(layer, described[0], fmt, PROBE_SIZE) if described and fmt else None
        if request is not None:
            calls = [call(obs, "background", {**request, **extra}, layer.name) for extra in variants]
            out.append(Background(layer.name, *calls))
    return out


@dataclass(frozen=True)
class BboxProbe:
    """A request with an invalid BBOX, or one for an area outside the layer."""

    kind: str
    call: MapCall


def bbox_probes(obs: Observed) -> list[BboxProbe]:
    """For the first sampled layer the suite can describe: minimum above maximum, and (if the layer leaves room
    in its CRS) an area beside the layer."""
    fmt = picture_format(obs)
    layer = next((la for la in obs.caps().named.items if layer_crs(la)), None)
    if layer is None or fmt is None:
        return []
    first = layer_crs(layer)[0]
    box = crsmod.bbox_for(layer, first)
    assert box is not None
    flipped = (box[2], box[1], box[0], box[3])
    out = [BboxProbe("invalid", call(obs, "bbox", params(layer, first, fmt, PROBE_SIZE, flipped) or {}, layer.name))]
    geographic = next((c for c in layer.crs if crsmod.geographic(c)), None)
    outside = _beside(layer.geo) if layer.geo is not None else None
    if geographic and outside is not None:
        request = params(layer, geographic, fmt, PROBE_SIZE, crsmod.geographic_bbox(geographic, outside))
        if request is not None:
            request["TRANSPARENT"] = "TRUE"
            out.append(BboxProbe("outside", call(obs, "bbox", request, layer.name)))
    return out


def _beside(geo: GeoBox) -> GeoBox | None:
    """The widest band of the world beside the layer's extent (at least a degree wide), or None. The band keeps a
    gap of at least EDGE_PIXELS of the probe map from the extent, so that a symbol drawn on the extent's edge
    (a boundary line's width) cannot reach into the map."""
    south, north = max(geo.south, -85.0), min(geo.north, 85.0)
    west, east, below, above = geo.west + 180, 180 - geo.east, geo.south + 90, 90 - geo.north
    bands = [
        (west, GeoBox(-180, geo.west - _gap(west), south, north)),
        (east, GeoBox(geo.east + _gap(east), 180, south, north)),
        (below, GeoBox(geo.west, geo.east, -90, geo.south - _gap(below))),
        (above, GeoBox(geo.west, geo.east, geo.north + _gap(above), 90)),
    ]
    width, band = max(bands, key=lambda b: b[0])
    if width < 1.5 or band.west >= band.east or band.south >= band.north:
        return None
    return band


def _gap(room: float) -> float:
    """Degrees between the extent and a band in ``room`` degrees of the world: half a degree, or EDGE_PIXELS."""
    return max(0.5, room * EDGE_PIXELS / PROBE_SIZE)


@dataclass(frozen=True)
class AxisProbe:
    """One layer's area in CRS:84, in EPSG:4326 (latitude first), and in EPSG:4326 with the axes swapped."""

    layer: Layer
    lonlat: MapCall
    latlon: MapCall
    swapped: MapCall


def axis_probes(obs: Observed) -> list[AxisProbe]:
    """The three maps of every sampled layer that lists both CRS:84 and EPSG:4326."""
    fmt = picture_format(obs)
    both = [la for la in obs.caps().named.items if {"CRS:84", "EPSG:4326"} <= set(la.crs) and la.geo is not None]
    return [_axis(obs, layer, fmt) for layer in both] if fmt else []


def _axis(obs: Observed, layer: Layer, fmt: str) -> AxisProbe:
    assert layer.geo is not None
    area = _asymmetric(layer.geo)
    lonlat, latlon = crsmod.geographic_bbox("CRS:84", area), crsmod.geographic_bbox("EPSG:4326", area)
    assert lonlat is not None and latlon is not None
    asked = (("CRS:84", lonlat), ("EPSG:4326", latlon), ("EPSG:4326", crsmod.swapped(latlon)))
    maps = [call(obs, "axis", params(layer, crs, fmt, PROBE_SIZE, box) or {}, layer.name) for crs, box in asked]
    return AxisProbe(layer, *maps)


def _asymmetric(geo: GeoBox) -> GeoBox:
    """The layer's area, narrowed where swapping its axes would ask for the very same numbers."""
    if abs(geo.west - geo.south) < 1e-6 and abs(geo.east - geo.north) < 1e-6:
        return GeoBox(geo.west, geo.east - (geo.east - geo.west) / 4, geo.south, geo.north)
    return geo
