"""One layer of the capabilities: what it declares itself, and what it has after inheritance (06-042 Table 7).

Inheritance per 7.2.4.8: Style, CRS and AuthorityURL add to the parent's; EX_GeographicBoundingBox,
BoundingBox, Dimension, Attribution and the layer attributes replace the parent's when the child declares
them; Name, Title, Identifier, MetadataURL, DataURL and FeatureListURL are not inherited.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

WMS = "http://www.opengis.net/wms"
XLINK = "{http://www.w3.org/1999/xlink}href"


def q(name: str) -> str:
    """The qualified WMS element name."""
    return f"{{{WMS}}}{name}"


LAYER = q("Layer")


@dataclass(frozen=True)
class GeoBox:
    """An EX_GeographicBoundingBox in decimal degrees."""

    west: float
    east: float
    south: float
    north: float


@dataclass(frozen=True)
class Box:
    """A BoundingBox: its CRS and the four values as written (first axis minx/maxx)."""

    crs: str
    minx: float
    miny: float
    maxx: float
    maxy: float


@dataclass(frozen=True)
class Link:
    """A LegendURL or MetadataURL: where it points and what it promises."""

    kind: str
    layer: str
    url: str
    format: str
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Dimension:
    """A Dimension declaration."""

    name: str
    units: str
    unit_symbol: str
    default: str | None
    values: str


@dataclass(frozen=True)
class Own:
    """What one Layer element declares itself (its child Layers left out)."""

    name: str
    title: str
    crs: tuple[str, ...] = ()
    geo: GeoBox | None = None
    boxes: tuple[Box, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    authorities: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    queryable: bool | None = None
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layer:
    """A layer with its inherited properties, as the checks and the requests see it."""

    name: str
    title: str
    path: str
    queryable: bool = False
    crs: tuple[str, ...] = ()
    geo: GeoBox | None = None
    boxes: tuple[Box, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    authorities: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    group: bool = False

    def box(self, crs: str) -> Box | None:
        """The layer's BoundingBox in a CRS, if it has one."""
        return next((b for b in self.boxes if b.crs == crs), None)


def _text(el: Any) -> str:
    return (el.text or "").strip() if el is not None else ""


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def own(el: Any) -> Own:
    """The properties a Layer element declares itself."""
    name = _text(el.find(q("Name")))
    found = Own(name, _text(el.find(q("Title"))), queryable=_flag(el.get("queryable")))
    collected: dict[str, list[Any]] = {
        k: [] for k in ("crs", "boxes", "dimensions", "authorities", "identifiers", "styles", "links", "problems")
    }
    geo = None
    for child in el:
        if child.tag == q("CRS"):
            collected["crs"].append(_text(child))
        elif child.tag == q("EX_GeographicBoundingBox"):
            geo = _geo(child, collected["problems"])
        elif child.tag == q("BoundingBox"):
            _box(child, collected)
        else:
            _other(child, name, collected)
    return replace(found, geo=geo, **{k: tuple(v) for k, v in collected.items()})  # type: ignore[arg-type]


def _flag(value: str | None) -> bool | None:
    return None if value is None else value.strip() in ("1", "true")


def _geo(el: Any, problems: list[str]) -> GeoBox | None:
    values = [
        _number(_text(el.find(q(n))))
        for n in ("westBoundLongitude", "eastBoundLongitude", "southBoundLatitude", "northBoundLatitude")
    ]
    if any(v is None for v in values):
        problems.append("geo-unreadable")
        return None
    return GeoBox(*values)  # type: ignore[arg-type]


def _box(el: Any, collected: dict[str, list[Any]]) -> None:
    values = [_number(el.get(a)) for a in ("minx", "miny", "maxx", "maxy")]
    if any(v is None for v in values) or not el.get("CRS"):
        collected["problems"].append("box-unreadable")
        return
    collected["boxes"].append(Box(el.get("CRS").strip(), *values))  # type: ignore[arg-type]


def _other(child: Any, layer: str, collected: dict[str, list[Any]]) -> None:
    tag = child.tag
    if tag == q("Dimension"):
        collected["dimensions"].append(
            Dimension(
                child.get("name", "").strip().lower(),
                child.get("units", ""),
                child.get("unitSymbol", ""),
                child.get("default"),
                _text(child),
            )
        )
    elif tag == q("AuthorityURL"):
        collected["authorities"].append(child.get("name", ""))
    elif tag == q("Identifier"):
        collected["identifiers"].append(child.get("authority", ""))
    elif tag == q("Style"):
        collected["styles"].append(_text(child.find(q("Name"))))
        collected["links"].extend(_links(child, "legend", layer, q("LegendURL")))
    elif tag == q("MetadataURL"):
        collected["links"].extend(_links(child.getparent(), "metadata", layer, q("MetadataURL"), child))


def _links(parent: Any, kind: str, layer: str, tag: str, only: Any = None) -> list[Link]:
    out = []
    for el in [only] if only is not None else parent.findall(tag):
        resource = el.find(q("OnlineResource"))
        href = resource.get(XLINK, "").strip() if resource is not None else ""
        if href:
            out.append(
                Link(kind, layer, href, _text(el.find(q("Format"))), _int(el.get("width")), _int(el.get("height")))
            )
    return out


def _int(value: str | None) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number.is_integer() and number > 0 else None


def inherit(parent: Layer | None, mine: Own, path: str) -> Layer:
    """The layer after inheritance from its parent (None for the root layer)."""
    if parent is None:
        return Layer(
            mine.name,
            mine.title,
            path,
            bool(mine.queryable),
            mine.crs,
            mine.geo,
            mine.boxes,
            mine.dimensions,
            mine.authorities,
            mine.styles,
        )
    return Layer(
        mine.name,
        mine.title,
        path,
        parent.queryable if mine.queryable is None else mine.queryable,
        tuple(dict.fromkeys(parent.crs + mine.crs)),
        mine.geo or parent.geo,
        mine.boxes or parent.boxes,
        tuple({**{d.name: d for d in parent.dimensions}, **{d.name: d for d in mine.dimensions}}.values()),
        parent.authorities + mine.authorities,
        parent.styles + mine.styles,
    )
