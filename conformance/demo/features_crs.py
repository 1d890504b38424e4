"""TEST DOUBLE: OGC API – Features Part 2 (CRS by Reference) in the Features test server, with PROJ (pyproj).

Conformant by default: collections list CRS84, EPSG:4326 (latitude first), EPSG:3857 and EPSG:25832 with
storageCrs CRS84; ``crs`` reprojects the features and names the CRS in Content-Crs; ``bbox-crs`` reads the bbox
in that CRS; unlisted CRSs are answered with 400. Each name in CRS_DEFECTS switches one deviation on.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from conformance.demo.features_query import BadRequest

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG = "http://www.opengis.net/def/crs/EPSG/0/"
LISTED = (CRS84, EPSG + "4326", EPSG + "3857", EPSG + "25832")
CRS_CLASS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"
CRS_DEFECTS: dict[str, str] = {
    "crs-not-uri": "the crs lists name CRSs as EPSG:nnnn, not as URIs",
    "no-crs-list": "collections list no crs",
    "no-storage-crs": "collections name no storageCrs",
    "storage-crs-unlisted": "the storageCrs (ETRS89, EPSG:4258) is not in the crs list",
    "crs-unlisted-accepted": "an unlisted crs is answered with CRS84 features (200), not 400",
    "axis-order-ignored": "EPSG:4326 is answered longitude first",
    "reprojection-wrong": "EPSG:25832 coordinates are computed in UTM zone 33 (EPSG:25833)",
    "bbox-crs-unlisted-accepted": "an unlisted bbox-crs is ignored (200), not answered with 400",
    "bbox-crs-ignored": "bbox-crs is ignored: the bbox is read as CRS84",
    "no-content-crs": "items answers carry no Content-Crs header",
    "content-crs-wrong": "Content-Crs always names CRS84",
}


def listed(defects: frozenset[str]) -> list[str]:
    """The CRS names the collections list (and accept)."""
    if "crs-not-uri" in defects:
        return ["OGC:CRS84", "EPSG:4326", "EPSG:3857", "EPSG:25832"]
    return list(LISTED)


def metadata(defects: frozenset[str]) -> dict[str, Any]:
    """The Part 2 members of a collection: crs and storageCrs."""
    out: dict[str, Any] = {} if "no-crs-list" in defects else {"crs": listed(defects)}
    if "no-storage-crs" not in defects:
        out["storageCrs"] = EPSG + "4258" if "storage-crs-unlisted" in defects else listed(defects)[0]
    return out


@cache
def _transformer(target: str, defects: frozenset[str]) -> Any:
    from pyproj import Transformer  # noqa: PLC0415

    code = target.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    if code == "25832" and "reprojection-wrong" in defects:
        code = "25833"
    return Transformer.from_crs(
        "OGC:CRS84", f"EPSG:{code}", always_xy=code == "4326" and "axis-order-ignored" in defects
    )


def chosen(name: str | None, defects: frozenset[str], lenient: str) -> str | None:
    """The requested CRS (None for CRS84); 400 for one the collections do not list, unless a defect lets it pass."""
    if name is None or name == listed(defects)[0]:
        return None
    if name not in listed(defects):
        if lenient in defects:
            return None
        raise BadRequest(f"CRS {name} is not supported; supported: {', '.join(listed(defects))}")
    return name


def moved(geometry: Any, crs: str | None, defects: frozenset[str]) -> Any:
    """A CRS84 geometry in the CRS (authority axis order), or as it is for CRS84."""
    if crs is None or not isinstance(geometry, dict):
        return geometry
    move = _transformer(crs, defects)

    def walk(node: Any) -> Any:
        if node and isinstance(node[0], (int, float)):
            first, second = move.transform(node[0], node[1])
            return [round(first, 6), round(second, 6)]
        return [walk(child) for child in node]

    return {**geometry, "coordinates": walk(geometry["coordinates"])}


def in_box(feature: dict[str, Any], box: tuple[float, ...], crs: str, defects: frozenset[str]) -> bool:
    """The feature's geometry, moved into the bbox-crs, intersects the box (unlocated features always match)."""
    geometry = moved(feature.get("geometry"), crs, defects)
    found = list(_positions(geometry["coordinates"])) if geometry else []
    if not found:
        return True
    xs, ys = [p[0] for p in found], [p[1] for p in found]
    return bool(min(xs) <= box[2] and max(xs) >= box[0] and min(ys) <= box[3] and max(ys) >= box[1])


def _positions(node: Any) -> Any:
    if node and isinstance(node[0], (int, float)):
        yield node
    else:
        for child in node:
            yield from _positions(child)


def header(crs: str | None, defects: frozenset[str]) -> dict[str, str]:
    """The Content-Crs header of an items answer."""
    if "no-content-crs" in defects:
        return {}
    return {"Content-Crs": f"<{listed(defects)[0] if crs is None or 'content-crs-wrong' in defects else crs}>"}


def bbox_crs(params: dict[str, str], defects: frozenset[str]) -> tuple[tuple[float, ...], str] | None:
    """A bbox given in another CRS (removed from params, so the CRS84 bbox parsing does not see it)."""
    name = params.get("bbox-crs")
    if name is None or "bbox-crs-ignored" in defects:
        return None
    crs = chosen(name, defects, "bbox-crs-unlisted-accepted")
    if crs is None or "bbox" not in params:
        return None
    try:
        box = tuple(float(v) for v in params.pop("bbox").split(","))
    except ValueError:
        raise BadRequest("bbox values must be numbers") from None
    if len(box) != 4:
        raise BadRequest("bbox must have 4 numbers")
    return box, crs
