"""TEST DOUBLE: drawing the Musterstadt layers with Pillow, and finding the features at a pixel.

A map is drawn east to the right and north up in every CRS; only the BBOX axis order differs: CRS:84 is
longitude first, EPSG:4326 latitude first (unless the double is switched to get that wrong).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PIL import Image, ImageDraw

from conformance.core.projections import mercator, utm
from conformance.demo.wms_data import Feature, MapLayer

Point = tuple[float, float]
PROJECT: dict[str, Callable[[float, float], Point]] = {
    "CRS:84": lambda lon, lat: (lon, lat),
    "EPSG:4326": lambda lon, lat: (lon, lat),
    "EPSG:3857": mercator,
    "EPSG:25832": lambda lon, lat: utm(lon, lat, 32),
}
PIL_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG"}


class BadRequest(ValueError):
    """A request the double answers with a service exception; ``code`` is the WMS exception code."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code = code


@dataclass(frozen=True)
class View:
    """A map frame: the CRS, the area as west/south/east/north in the CRS's plane, and the pixel size."""

    crs: str
    west: float
    south: float
    east: float
    north: float
    width: int
    height: int

    def pixel(self, lon: float, lat: float) -> Point:
        """Where a point falls on the picture."""
        x, y = PROJECT[self.crs](lon, lat)
        return (
            (x - self.west) / (self.east - self.west) * self.width,
            (self.north - y) / (self.north - self.south) * self.height,
        )


def view(crs: str, bbox: str, width: str, height: str, swap_4326: bool, lenient: bool) -> View:
    """The frame of a GetMap request (raises BadRequest for a CRS or BBOX the double cannot use)."""
    if crs not in PROJECT:
        raise BadRequest("InvalidCRS", f"CRS {crs} is not offered")
    try:
        values = [float(v) for v in bbox.split(",")]
        size = int(width), int(height)
    except ValueError as exc:
        raise BadRequest("", f"unreadable BBOX, WIDTH or HEIGHT: {exc}") from exc
    if len(values) != 4 or not 0 < size[0] <= 2048 or not 0 < size[1] <= 2048:
        raise BadRequest("", "BBOX needs four numbers, WIDTH and HEIGHT 1 to 2048")
    minx, miny, maxx, maxy = values
    if lenient:
        minx, maxx, miny, maxy = min(minx, maxx), max(minx, maxx), min(miny, maxy), max(miny, maxy)
    if minx >= maxx or miny >= maxy:
        raise BadRequest("", "the BBOX minimum is not below its maximum")
    if crs == "EPSG:4326" and not swap_4326:
        return View(crs, miny, minx, maxy, maxx, *size)
    return View(crs, minx, miny, maxx, maxy, *size)


def draw(layers: list[tuple[MapLayer, str]], frame: View, background: tuple[int, int, int, int]) -> Image.Image:
    """The layers (leftmost bottommost) on a background."""
    image = Image.new("RGBA", (frame.width, frame.height), background)
    pen = ImageDraw.Draw(image)
    for item, style in layers:
        colour = (*item.colour, 255) if style != "schraffur" else (120, 60, 30, 255)
        for feature in item.features:
            _feature(pen, feature, frame, colour)
    return image


def _feature(pen: ImageDraw.ImageDraw, feature: Feature, frame: View, colour: tuple[int, ...]) -> None:
    points = [frame.pixel(lon, lat) for lon, lat in feature.coords]
    if feature.kind == "polygon":
        pen.polygon(points, fill=colour)
    elif feature.kind == "line":
        pen.line(points, fill=colour, width=2)
    else:
        x, y = points[0]
        pen.ellipse((x - 4, y - 4, x + 4, y + 4), fill=colour)


def encode(image: Image.Image, fmt: str, transparent: bool, background: tuple[int, int, int, int]) -> bytes:
    """The picture in a format; JPEG (and TRANSPARENT=FALSE) is flattened onto the background colour."""
    if fmt == "image/jpeg" or not transparent:
        flat = Image.new("RGB", image.size, background[:3])
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    out = io.BytesIO()
    image.save(out, PIL_FORMATS[fmt])
    return out.getvalue()


def hits(item: MapLayer, frame: View, i: int, j: int) -> list[Feature]:
    """The features of a layer at a pixel (polygons containing it, points within five pixels)."""
    found = []
    for feature in item.features:
        points = [frame.pixel(lon, lat) for lon, lat in feature.coords]
        near = feature.kind == "point" and abs(points[0][0] - i) <= 5 and abs(points[0][1] - j) <= 5
        if near or (feature.kind == "polygon" and _inside(points, i + 0.5, j + 0.5)):
            found.append(feature)
    return found


def _inside(ring: list[Point], x: float, y: float) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in pairwise(ring):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def colour(text: str) -> tuple[int, int, int, int]:
    """A BGCOLOR value (0xRRGGBB) as RGBA."""
    value = text[2:] if text.lower().startswith("0x") else ""
    if len(value) != 6:
        raise BadRequest("", f"BGCOLOR {text} is not 0xRRGGBB")
    try:
        return int(value[:2], 16), int(value[2:4], 16), int(value[4:], 16), 255
    except ValueError as exc:
        raise BadRequest("", f"BGCOLOR {text} is not 0xRRGGBB") from exc
