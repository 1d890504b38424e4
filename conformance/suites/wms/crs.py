"""Just enough about CRS to ask for a layer's area: axis order (06-042 6.7.3) and a few projections.

A request's BBOX needs the layer's extent in the requested CRS. The layer may state it (a BoundingBox);
otherwise it is derived from the EX_GeographicBoundingBox for the geographic CRS, Web Mercator and the UTM
zones (WGS 84 and ETRS89, the CRS German services list most). Other CRS without a BoundingBox are left out
and the report says so.
"""

from __future__ import annotations

import re

from conformance.core.projections import central_meridian, mercator, utm
from conformance.suites.wms.layers import GeoBox, Layer

LON_LAT = frozenset({"CRS:84", "CRS:83", "CRS:27"})
LAT_LON = frozenset({"EPSG:4326", "EPSG:4258", "EPSG:4269", "EPSG:4267"})
MERCATOR = frozenset({"EPSG:3857", "EPSG:900913", "EPSG:3785"})
UTM = re.compile(r"EPSG:(?:258(2[89]|3[0-9])|32(6|7)(\d\d))$")
Bbox = tuple[float, float, float, float]


def geographic(crs: str) -> bool:
    """True for the geographic CRS the suite knows the axis order of."""
    return crs in LON_LAT or crs in LAT_LON


def geographic_bbox(crs: str, geo: GeoBox) -> Bbox | None:
    """The BBOX of an area in a geographic CRS, in the axis order of that CRS."""
    if crs in LON_LAT:
        return geo.west, geo.south, geo.east, geo.north
    if crs in LAT_LON:
        return geo.south, geo.west, geo.north, geo.east
    return None


def bbox_for(layer: Layer, crs: str, area: GeoBox | None = None) -> Bbox | None:
    """The BBOX to ask for the layer (or ``area`` of it) in ``crs``; None when the suite cannot tell."""
    geo = area or layer.geo
    if geo is None:
        return _declared(layer, crs)
    found = geographic_bbox(crs, geo)
    if found is not None:
        return found
    if area is None and (declared := _declared(layer, crs)) is not None:
        return declared
    if crs in MERCATOR:
        return _mercator(geo)
    if match := UTM.match(crs):
        return _utm(geo, int(match.group(1) or match.group(3)), match.group(2) == "7")
    return None


def _declared(layer: Layer, crs: str) -> Bbox | None:
    box = layer.box(crs)
    return (box.minx, box.miny, box.maxx, box.maxy) if box is not None else None


def _mercator(geo: GeoBox) -> Bbox:
    west, south = mercator(geo.west, geo.south)
    east, north = mercator(geo.east, geo.north)
    return west, south, east, north


def _utm(geo: GeoBox, zone: int, south: bool) -> Bbox | None:
    central = central_meridian(zone)
    west, east = max(geo.west, central - 3), min(geo.east, central + 3)
    lat_min, lat_max = (
        (max(geo.south, -80.0), min(geo.north, 0.0)) if south else (max(geo.south, 0.0), min(geo.north, 84.0))
    )
    if west >= east or lat_min >= lat_max:
        return None
    corners = [utm(lon, lat, zone, south) for lon in (west, east) for lat in (lat_min, lat_max)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def swapped(bbox: Bbox) -> Bbox:
    """The same four numbers with the axes exchanged (what a client mixing up the axis order sends)."""
    return bbox[1], bbox[0], bbox[3], bbox[2]


def text(bbox: Bbox) -> str:
    """A BBOX parameter value."""
    return ",".join(f"{v:.10g}" for v in bbox)
