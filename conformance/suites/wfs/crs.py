"""CRS names and coordinates of GML features for the srsName checks: the urn and http forms of OGC 07-092r2 and
the OGC CRS register, read with PROJ (pyproj) in the axis order the authority defines; the coordinates of a
feature's geometries (its gml:boundedBy left out), and their transformation from one CRS to another."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from lxml import etree

from conformance.suites.wfs.extent import COORDINATES, GML

if TYPE_CHECKING:
    from pyproj import CRS, Transformer

URN = re.compile(r"^urn:ogc:def:crs:(EPSG|OGC|CRS):[^:]*:([A-Za-z0-9]+)$", re.IGNORECASE)
HTTP = re.compile(r"^https?://www\.opengis\.net/def/crs/(EPSG|OGC)/[^/]*/([A-Za-z0-9]+)$", re.IGNORECASE)
GEOGRAPHIC_TOLERANCE, PROJECTED_TOLERANCE = 1e-5, 1.0
MAX_POINTS = 50
BOUNDED_BY = f"{{{GML}}}boundedBy"


def crs_key(name: str) -> str:
    """``EPSG:<code>`` or ``OGC:CRS84`` for the urn and http forms (CRS:84 included), else empty: the short form
    EPSG:<code> says nothing certain about the axis order of GML coordinates."""
    found = URN.match(name.strip()) or HTTP.match(name.strip())
    if not found:
        return ""
    authority, code = found.group(1).upper(), found.group(2).upper()
    if (authority, code) in (("CRS", "84"), ("OGC", "CRS84"), ("OGC", "84")):
        return "OGC:CRS84"
    return f"EPSG:{code}" if authority == "EPSG" and code.isdigit() else ""


@cache
def crs_of(key: str) -> CRS | None:
    """The CRS of a key, or None when PROJ does not know it."""
    from pyproj import CRS  # noqa: PLC0415
    from pyproj.exceptions import CRSError  # noqa: PLC0415

    try:
        return CRS.from_user_input(key)
    except CRSError:
        return None


def tolerance(key: str) -> float:
    """How far transformed coordinates may lie apart: 1e-5 degrees in a geographic CRS, 1 unit (metre) else."""
    crs = crs_of(key)
    return GEOGRAPHIC_TOLERANCE if crs is not None and crs.is_geographic else PROJECTED_TOLERANCE


def points(feature: etree._Element) -> list[tuple[float, float]]:
    """The first coordinate pairs of the feature's geometries, in document order (gml:boundedBy left out)."""
    found: list[tuple[float, float]] = []
    for element in feature.iter(*COORDINATES):
        if any(a.tag == BOUNDED_BY for a in element.iterancestors()):
            continue
        dimension = int(element.get("srsDimension", "") or 2)
        values = [float(v) for v in (element.text or "").split()]
        found += [(values[i], values[i + 1]) for i in range(0, len(values) - 1, dimension)]
        if len(found) >= MAX_POINTS:
            break
    return found[:MAX_POINTS]


def names(feature: etree._Element) -> set[str]:
    """Every srsName a geometry of the feature carries (gml:boundedBy included)."""
    return {str(e.get("srsName")) for e in feature.iter() if e.get("srsName")}


def transformed(coordinates: list[tuple[float, float]], source: str, target: str) -> list[tuple[float, float]]:
    """Coordinates from one CRS key to another, each in its authority's axis order."""
    transformer = _transformer(source, target)
    return [(float(a), float(b)) for a, b in (transformer.transform(x, y) for x, y in coordinates)]


@cache
def _transformer(source: str, target: str) -> Transformer:
    from pyproj import Transformer  # noqa: PLC0415

    return Transformer.from_crs(crs_of(source), crs_of(target))
