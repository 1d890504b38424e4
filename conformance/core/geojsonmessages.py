"""The wording of the RFC 7946 findings of :mod:`conformance.core.geojson`, in English and German.

A suite that files these findings merges :data:`GEOJSON_MESSAGES` into its own catalogue, so that its reports
render them in either language. A finding reads ``RFC 7946 §<section> (<MUST|SHOULD>): <detail>``; the place
a caller names for its extent (``{location}``) may be a message of the caller's catalogue.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param

DETAILS = {
    "geojson.order-certain": (
        "latitude comes first: the second value is beyond ±90, the first within it",
        "die Breite steht vorn: der zweite Wert liegt jenseits von ±90, der erste darin",
    ),
    "geojson.order-extent": (
        "latitude comes first: the position lies outside {location}, swapped it lies inside",
        "die Breite steht vorn: die Position liegt außerhalb von {location}, vertauscht darin",
    ),
    "geojson.position": ("a position needs two or more numbers", "eine Position braucht zwei oder mehr Zahlen"),
    "geojson.position-size": ("a position has more than three elements", "eine Position hat mehr als drei Elemente"),
    "geojson.range": (
        "the position is outside longitude ±180 / latitude ±90",
        "die Position liegt außerhalb von Länge ±180 / Breite ±90",
    ),
    "geojson.line": ("a LineString needs two or more positions", "ein LineString braucht zwei oder mehr Positionen"),
    "geojson.ring-size": (
        "a linear ring needs four or more positions",
        "ein linearer Ring braucht vier oder mehr Positionen",
    ),
    "geojson.ring-closed": (
        "the linear ring is not closed (first and last position differ)",
        "der lineare Ring ist nicht geschlossen (erste und letzte Position unterscheiden sich)",
    ),
    "geojson.winding-exterior": (
        "the exterior ring winds the wrong way; the right-hand rule wants it counterclockwise",
        "der äußere Ring ist falsch herum orientiert; die Rechte-Hand-Regel verlangt gegen den Uhrzeigersinn",
    ),
    "geojson.winding-hole": (
        "a hole winds the wrong way; the right-hand rule wants it clockwise",
        "ein Loch ist falsch herum orientiert; die Rechte-Hand-Regel verlangt im Uhrzeigersinn",
    ),
    "geojson.member": ("the Feature has no {member} member", "das Feature hat kein Element {member}"),
    "geojson.crs": (
        "the crs member was removed from GeoJSON (Appendix B.1)",
        "das Element crs wurde aus GeoJSON entfernt (Anhang B.1)",
    ),
    "geojson.bbox-size": (
        "the bbox needs {count} numbers for a geometry of {dims} dimensions",
        "die bbox braucht {count} Zahlen für eine Geometrie mit {dims} Dimensionen",
    ),
    "geojson.bbox-encloses": (
        "the bbox does not enclose every position of its geometry",
        "die bbox umschließt nicht jede Position ihrer Geometrie",
    ),
}

PHRASES = {
    "geojson.finding": ("RFC 7946 §{section} ({obligation}): {detail}", "RFC 7946 §{section} ({obligation}): {detail}"),
    "geojson.must": ("MUST", "MUSS"),
    "geojson.should": ("SHOULD", "SOLL"),
    "geojson.expected-extent": ("the expected extent", "der erwarteten Ausdehnung"),
    "geojson.lon-lat": ("[longitude, latitude]", "[Länge, Breite]"),
    "geojson.at-most-3": ("<= 3 elements", "<= 3 Elemente"),
    "geojson.at-least-positions": (">= {count} positions", ">= {count} Positionen"),
    "geojson.numbers": ("{count} numbers", "{count} Zahlen"),
    "geojson.in-range": ("longitude -180..180, latitude -90..90", "Länge -180..180, Breite -90..90"),
    "geojson.clockwise": ("clockwise", "im Uhrzeigersinn"),
    "geojson.counterclockwise": ("counterclockwise", "gegen den Uhrzeigersinn"),
    "geojson.member-present": ("a {member} member (null allowed)", "ein Element {member} (null erlaubt)"),
    "geojson.no-crs": ("no crs member (WGS 84 longitude/latitude)", "kein Element crs (WGS 84 Länge/Breite)"),
}

GEOJSON_MESSAGES = Catalogue.of({**DETAILS, **PHRASES})


def g(code: str, **params: Param) -> Message:
    """A GeoJSON message (``code`` without the ``geojson.`` prefix)."""
    return GEOJSON_MESSAGES(f"geojson.{code}", **params)
