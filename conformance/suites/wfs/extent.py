"""The extent of a GML feature as its coordinates give it (gml:pos, gml:posList, gml:lowerCorner/upperCorner in
any of its properties), in the CRS its first srsName names; for BBOX filters and their verdicts."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

GML = "http://www.opengis.net/gml/3.2"
COORDINATES = frozenset(f"{{{GML}}}{n}" for n in ("pos", "posList", "lowerCorner", "upperCorner"))
PAD = 1e-6


@dataclass(frozen=True)
class Box:
    """A 2D box in the order the CRS gives its axes."""

    crs: str
    low: tuple[float, float]
    high: tuple[float, float]

    def padded(self) -> Box:
        """The box grown a little on every side (a point becomes a small box)."""
        return Box(self.crs, (self.low[0] - PAD, self.low[1] - PAD), (self.high[0] + PAD, self.high[1] + PAD))

    def overlaps(self, other: Box) -> bool:
        """True if the boxes share at least a point."""
        return all(self.low[i] <= other.high[i] and other.low[i] <= self.high[i] for i in (0, 1))


def extent(feature: etree._Element) -> Box | None:
    """The box around every coordinate of the feature, or None without coordinates."""
    xs: list[float] = []
    ys: list[float] = []
    crs = ""
    for element in feature.iter():
        crs = crs or element.get("srsName", "")
        if element.tag in COORDINATES:
            dimension = int(element.get("srsDimension", "") or 2)
            try:
                values = [float(v) for v in (element.text or "").split()]
            except ValueError:
                return None
            xs += values[0::dimension]
            ys += values[1::dimension]
    if not xs or not ys:
        return None
    return Box(crs, (min(xs), min(ys)), (max(xs), max(ys)))


def bbox_clause(box: Box) -> str:
    """A fes:BBOX on every spatial property of a feature type, with the box as a gml:Envelope."""
    srs = f' srsName="{box.crs}"' if box.crs else ""
    return (
        f'<fes:BBOX><gml:Envelope xmlns:gml="{GML}"{srs}><gml:lowerCorner>{box.low[0]!r} {box.low[1]!r}'
        f"</gml:lowerCorner><gml:upperCorner>{box.high[0]!r} {box.high[1]!r}</gml:upperCorner></gml:Envelope>"
        "</fes:BBOX>"
    )
