"""TEST DOUBLE data: the map layers of the fictional "Musterstadt" served by the WMS test double.

Coordinates are longitude/latitude (WGS 84). Two districts overlap and two schools stand side by side (so that
FEATURE_COUNT matters), the aerial layer has a time dimension without a default, and the city boundary is not
queryable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Feature:
    """One feature: an id, a name and its geometry (a polygon ring, a line or a point)."""

    id: int
    name: str
    kind: str
    coords: Ring


@dataclass(frozen=True)
class MapLayer:
    """A named layer of the double."""

    name: str
    title: str
    colour: tuple[int, int, int]
    features: tuple[Feature, ...]
    queryable: bool = True
    styles: tuple[str, ...] = ()
    dimension: tuple[str, str] | None = None
    extent: tuple[float, float, float, float] = field(default=(0.0, 0.0, 0.0, 0.0))

    def __post_init__(self) -> None:
        points = [p for f in self.features for p in f.coords]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        object.__setattr__(self, "extent", (min(lons), min(lats), max(lons), max(lats)))


def _box(west: float, south: float, east: float, north: float) -> Ring:
    return (west, south), (east, south), (east, north), (west, north), (west, south)


DISTRICTS = (
    Feature(1, "Altstadt", "polygon", _box(6.98, 50.92, 7.06, 50.97)),
    Feature(2, "Innenstadt", "polygon", _box(7.02, 50.94, 7.10, 50.99)),
    Feature(3, "Nordviertel", "polygon", ((6.95, 50.99), (7.05, 51.03), (7.12, 51.00), (7.02, 50.995), (6.95, 50.99))),
    Feature(4, "Südstadt", "polygon", _box(6.96, 50.87, 7.04, 50.91)),
)
SCHOOLS = (
    Feature(11, "Grundschule am Markt", "point", ((7.01, 50.95),)),
    Feature(15, "Musikschule am Markt", "point", ((7.012, 50.9504),)),
    Feature(12, "Gesamtschule Nord", "point", ((7.04, 51.01),)),
    Feature(13, "Gymnasium Süd", "point", ((6.99, 50.89),)),
    Feature(14, "Realschule Innenstadt", "point", ((7.07, 50.96),)),
)
BOUNDARY = (
    Feature(21, "Stadtgrenze", "line", ((6.93, 50.86), (7.14, 50.86), (7.15, 51.04), (6.94, 51.045), (6.93, 50.86))),
)
AERIAL = (Feature(31, "Befliegung", "polygon", _box(6.97, 50.90, 7.11, 51.02)),)

LAYERS = (
    MapLayer("bezirke", "Stadtbezirke", (200, 120, 60), DISTRICTS, styles=("schraffur",)),
    MapLayer("schulen", "Schulen", (40, 140, 60), SCHOOLS),
    MapLayer(
        "luftbild", "Luftbild", (90, 110, 80), AERIAL, queryable=False, dimension=("time", "2021-06-01,2023-06-01")
    ),
    MapLayer("stadtgrenze", "Stadtgrenze", (60, 60, 60), BOUNDARY, queryable=False),
)
ROOT_STYLE = "standard"
CRS = ("CRS:84", "EPSG:4326", "EPSG:3857", "EPSG:25832")
UPDATE_SEQUENCE = "2025-01-15T08:00:00Z"


def layer(name: str) -> MapLayer | None:
    """A layer by name."""
    return next((la for la in LAYERS if la.name == name), None)


def extent() -> tuple[float, float, float, float]:
    """The extent of all layers (west, south, east, north)."""
    boxes = [la.extent for la in LAYERS]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
