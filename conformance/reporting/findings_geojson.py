"""German renderings of the RFC 7946 findings of :mod:`conformance.core.geojson` (templates; see :mod:`findings`)."""

from __future__ import annotations

# fmt: off

_MUST, _SHOULD = "RFC 7946 §{section} (MUST): ", "RFC 7946 §{section} (SHOULD): "
_MUSS, _SOLL = "RFC 7946 §{section} (MUSS): ", "RFC 7946 §{section} (SOLL): "

_DETAILS = {
    "latitude comes first: the second value is beyond ±90, the first within it":
        "die Breite steht vorn: der zweite Wert liegt jenseits von ±90, der erste darin",
    "latitude comes first: the position lies outside {location}, swapped it lies inside":
        "die Breite steht vorn: die Position liegt außerhalb von {location}, vertauscht darin",
    "a position needs two or more numbers": "eine Position braucht zwei oder mehr Zahlen",
    "a position has more than three elements": "eine Position hat mehr als drei Elemente",
    "the position is outside longitude ±180 / latitude ±90":
        "die Position liegt außerhalb von Länge ±180 / Breite ±90",
    "a LineString needs two or more positions": "ein LineString braucht zwei oder mehr Positionen",
    "a linear ring needs four or more positions": "ein linearer Ring braucht vier oder mehr Positionen",
    "the linear ring is not closed (first and last position differ)":
        "der lineare Ring ist nicht geschlossen (erste und letzte Position unterscheiden sich)",
    "the exterior ring winds the wrong way; the right-hand rule wants it counterclockwise":
        "der äußere Ring ist falsch herum orientiert; die Rechte-Hand-Regel verlangt gegen den Uhrzeigersinn",
    "a hole winds the wrong way; the right-hand rule wants it clockwise":
        "ein Loch ist falsch herum orientiert; die Rechte-Hand-Regel verlangt im Uhrzeigersinn",
    "the Feature has no properties member": "das Feature hat kein Element properties",
    "the Feature has no geometry member": "das Feature hat kein Element geometry",
    "the crs member was removed from GeoJSON (Appendix B.1)": "das Element crs wurde aus GeoJSON entfernt (Anhang B.1)",
    "the bbox needs {count} numbers for a geometry of {dims} dimensions":
        "die bbox braucht {count} Zahlen für eine Geometrie mit {dims} Dimensionen",
    "the bbox does not enclose every position of its geometry":
        "die bbox umschließt nicht jede Position ihrer Geometrie",
}

GEOJSON = {**{_MUST + en: _MUSS + de for en, de in _DETAILS.items()},
           **{_SHOULD + en: _SOLL + de for en, de in _DETAILS.items()}}
WHERE = {"Germany (the Body names an ags or rgs)": "Deutschland (die Körperschaft nennt ags oder rgs)",
         "the collection extent": "der Ausdehnung der Collection"}
