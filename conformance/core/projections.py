"""Two map projections from geographic coordinates (WGS 84 / GRS 80): Web Mercator and UTM.

Enough to describe an area in the projected CRS German geodata services list most (EPSG:3857, EPSG:25832/25833,
EPSG:326xx): to ask a service for a layer's area, or to draw one. Not a replacement for PROJ.
"""

from __future__ import annotations

import math

A, F = 6378137.0, 1 / 298.257223563
E2 = F * (2 - F)
MAX_LATITUDE = 85.0511287798


def mercator(lon: float, lat: float) -> tuple[float, float]:
    """Spherical (Web) Mercator metres of a point; latitude clamped to the projection's range."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    return A * math.radians(lon), A * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def central_meridian(zone: int) -> float:
    """The central meridian of a UTM zone."""
    return zone * 6 - 183.0


def utm(lon: float, lat: float, zone: int, south: bool = False) -> tuple[float, float]:
    """UTM easting and northing (scale 0.9996, series to the fourth order: metre accuracy within a zone)."""
    phi, dl = math.radians(lat), math.radians(lon - central_meridian(zone))
    n = A / math.sqrt(1 - E2 * math.sin(phi) ** 2)
    t, c = math.tan(phi) ** 2, E2 / (1 - E2) * math.cos(phi) ** 2
    a = dl * math.cos(phi)
    m = A * (
        (1 - E2 / 4 - 3 * E2**2 / 64) * phi
        - (3 * E2 / 8 + 3 * E2**2 / 32) * math.sin(2 * phi)
        + (15 * E2**2 / 256) * math.sin(4 * phi)
    )
    x = 0.9996 * n * (a + (1 - t + c) * a**3 / 6) + 500000.0
    y = 0.9996 * (m + n * math.tan(phi) * (a**2 / 2 + (5 - t + 9 * c) * a**4 / 24))
    return x, y + (10000000.0 if south else 0.0)
