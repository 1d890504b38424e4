"""TEST DOUBLE: the FES 2.0 filters the WFS test server understands, evaluated on its trees: ResourceId,
PropertyIsEqualTo and PropertyIsLike on app:art, BBOX on the position, And, Or and Not. Defects change how."""

from __future__ import annotations

import re
from typing import Any

from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.demo import wfs_documents as docs

FES = "{http://www.opengis.net/fes/2.0}"
GML = "{http://www.opengis.net/gml/3.2}"


class Unknown(Exception):
    """A filter the double does not know."""


def selected(text: str, defects: frozenset[str]) -> list[str] | None:
    """The trees a fes:Filter selects (all without one), or None for a filter the double does not know."""
    if not text:
        return sorted(docs.TREES)
    try:
        root = parse_bytes(text.encode()).getroot()
        rids = [el.get("rid", "") for el in root.iter(f"{FES}ResourceId")]
        if rids:
            return sorted(docs.TREES) if "resource-id-ignored" in defects else [r for r in rids if r in docs.TREES]
        if len(root) != 1:
            return None
        return [f for f in sorted(docs.TREES) if _holds(root[0], f, defects)]
    except (XMLRejected, Unknown, ValueError):
        return None


def _holds(el: Any, fid: str, defects: frozenset[str]) -> bool:
    name = str(el.tag).removeprefix(FES)
    if name in ("And", "Or"):
        found = [_holds(child, fid, defects) for child in el]
        return all(found) if name == "And" else any(found)
    if name == "Not":
        inner = _holds(el[0], fid, defects)
        return inner if "not-ignored" in defects else not inner
    if name == "BBOX":
        return "bbox-ignored" in defects or _inside(el, fid)
    reference = el.findtext(f"{FES}ValueReference") or ""
    literal = el.findtext(f"{FES}Literal")
    if literal is None or not reference.endswith("art"):
        raise Unknown(name)
    species = docs.TREES[fid][2]
    if name == "PropertyIsEqualTo":
        return "equal-ignored" in defects or species == literal
    if name == "PropertyIsLike":
        return _like(el, literal, defects).fullmatch(species) is not None
    raise Unknown(name)


def _like(el: Any, pattern: str, defects: frozenset[str]) -> re.Pattern[str]:
    """The pattern with the element's wildCard, singleChar and escapeChar (taken literally with a defect)."""
    if "like-literal" in defects:
        return re.compile(re.escape(pattern))
    wild, single, escape = el.get("wildCard", "%"), el.get("singleChar", "_"), el.get("escapeChar", "\\")
    tokens = re.split(f"({re.escape(escape)}.|{re.escape(wild)}|{re.escape(single)})", pattern)
    kinds = {wild: ".*", single: "."}
    return re.compile("".join(kinds.get(t) or re.escape(t[1:] if t[:1] == escape else t) for t in tokens))


def _inside(box: Any, fid: str) -> bool:
    """Whether a tree's position (latitude, longitude, as the double writes it) lies in a BBOX's envelope."""
    low = [float(v) for v in (box.findtext(f".//{GML}lowerCorner") or "").split()]
    high = [float(v) for v in (box.findtext(f".//{GML}upperCorner") or "").split()]
    if len(low) != 2 or len(high) != 2:
        raise Unknown("BBOX")
    lon, lat, _ = docs.TREES[fid]
    return low[0] <= round(lat, 4) <= high[0] and low[1] <= round(lon, 4) <= high[1]
