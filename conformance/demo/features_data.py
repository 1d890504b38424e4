"""Generated geodata for the OGC API – Features test double (and as extra data for real test targets).

TEST DOUBLE DATA: fictional features of a "Musterstadt", generated deterministically. Four collections cover
what the suite must exercise: points enough for several pages, polygons (one without geometry), partner cities
on both sides of the antimeridian, and building sites with a time stamp and a temporal extent.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

CENTRE = (7.10, 50.73)
YEAR = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
STOPS = (
    "Rathaus",
    "Marktplatz",
    "Hauptbahnhof",
    "Stadtpark",
    "Schulzentrum",
    "Klinikum",
    "Rheinufer",
    "Museumsmeile",
    "Sportpark",
    "Gewerbegebiet",
    "Friedhof",
    "Universität",
)
DISTRICTS = (
    "Altstadt",
    "Nordstadt",
    "Südstadt",
    "Weststadt",
    "Oststadt",
    "Rheinaue",
    "Hangviertel",
    "Bahnhofsviertel",
    "Neubaugebiet",
    "Gartenstadt",
)
PARTNERS = (
    ("Suva", 178.44, -18.14),
    ("Apia", -171.76, -13.83),
    ("Nukuʻalofa", -175.20, -21.14),
    ("Petropawlowsk", 158.65, 53.02),
    ("Anadyr", 177.51, 64.73),
    ("Oxford", -1.26, 51.75),
    ("Lille", 3.06, 50.63),
    ("Cusco", -71.97, -13.53),
    ("Kyōto", 135.77, 35.01),
    ("Nome", -165.41, 64.50),
)


@dataclass(frozen=True)
class Collection:
    """One generated feature collection with its metadata."""

    id: str
    title: str
    description: str
    features: tuple[dict[str, Any], ...]
    time_property: str | None = None

    def spatial_extent(self) -> list[float]:
        """The overall bounding box; crossing the antimeridian if that is the tighter box."""
        lons, lats = _coordinates(self.features)
        west, east = _lon_range(lons)
        return [round(west, 6), round(min(lats), 6), round(east, 6), round(max(lats), 6)]

    def temporal_extent(self) -> list[str] | None:
        """First and last time stamp, or None for a collection without time."""
        if self.time_property is None:
            return None
        stamps = sorted(f["properties"][self.time_property] for f in self.features)
        return [stamps[0], stamps[-1]]


def _feature(fid: str, geometry: dict[str, Any] | None, **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "id": fid, "geometry": geometry, "properties": {"id": fid, **properties}}


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def _square(lon: float, lat: float, half: float) -> dict[str, Any]:
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]
    return {"type": "Polygon", "coordinates": [[[round(x, 6), round(y, 6)] for x, y in ring]]}


def _stops(rng: random.Random) -> tuple[dict[str, Any], ...]:
    out = []
    for index in range(47):
        lon, lat = CENTRE[0] + rng.uniform(-0.12, 0.12), CENTRE[1] + rng.uniform(-0.08, 0.08)
        name = f"{STOPS[index % len(STOPS)]} {index // len(STOPS) + 1}"
        out.append(_feature(f"h{index + 1:03d}", _point(lon, lat), name=name, linien=rng.randint(1, 6)))
    return tuple(out)


def _districts(rng: random.Random) -> tuple[dict[str, Any], ...]:
    out = []
    for index, name in enumerate(DISTRICTS):
        lon, lat = CENTRE[0] + (index % 4 - 1.5) * 0.06, CENTRE[1] + (index // 4 - 1) * 0.05
        out.append(
            _feature(f"st{index + 1:02d}", _square(lon, lat, 0.025), name=name, einwohner=rng.randint(4000, 30000))
        )
    out.append(_feature("st99", None, name="Gesamtstadt (ohne Geometrie)", einwohner=190000))
    return tuple(out)


def _partners() -> tuple[dict[str, Any], ...]:
    return tuple(
        _feature(f"p{index + 1:02d}", _point(lon, lat), name=name) for index, (name, lon, lat) in enumerate(PARTNERS)
    )


def _sites(rng: random.Random) -> tuple[dict[str, Any], ...]:
    out = []
    for index in range(23):
        lon, lat = CENTRE[0] + rng.uniform(-0.1, 0.1), CENTRE[1] + rng.uniform(-0.07, 0.07)
        start = YEAR + dt.timedelta(days=index * 15 + rng.randint(0, 9), hours=7)
        out.append(
            _feature(
                f"b{index + 1:03d}",
                _point(lon, lat),
                name=f"Baustelle {index + 1}",
                beginn=start.isoformat().replace("+00:00", "Z"),
            )
        )
    return tuple(out)


@cache
def collections(seed: int = 17) -> tuple[Collection, ...]:
    """The four generated collections (the same for the same seed)."""
    rng = random.Random(seed)  # noqa: S311 (test data, not security)
    return (
        Collection("haltestellen", "Haltestellen", "Bus- und Bahnhaltestellen der Musterstadt", _stops(rng)),
        Collection("stadtteile", "Stadtteile", "Stadtteile der Musterstadt", _districts(rng)),
        Collection(
            "partnerstaedte", "Partnerstädte", "Partnerstädte weltweit, auch jenseits der Datumsgrenze", _partners()
        ),
        Collection("baustellen", "Baustellen 2026", "Baustellen mit Beginn", _sites(rng), "beginn"),
    )


def _coordinates(features: tuple[dict[str, Any], ...]) -> tuple[list[float], list[float]]:
    lons: list[float] = []
    lats: list[float] = []
    for feature in features:
        for lon, lat in _positions(feature.get("geometry")):
            lons.append(lon)
            lats.append(lat)
    return lons, lats


def _positions(geometry: dict[str, Any] | None) -> list[tuple[float, float]]:
    if geometry is None:
        return []
    if geometry["type"] == "Point":
        return [(geometry["coordinates"][0], geometry["coordinates"][1])]
    return [(p[0], p[1]) for ring in geometry["coordinates"] for p in ring]


def _lon_range(lons: list[float]) -> tuple[float, float]:
    """West and east edge; east < west when the box crossing the antimeridian is narrower."""
    ordered = sorted(lons)
    gaps = [(b - a, i) for i, (a, b) in enumerate(pairwise(ordered))]
    wrap_gap = ordered[0] + 360 - ordered[-1]
    widest, at = max(gaps, default=(0.0, 0))
    if widest > wrap_gap:
        return ordered[at + 1], ordered[at]
    return ordered[0], ordered[-1]
