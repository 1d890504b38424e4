"""Every message of the GeoJSON suite in English and German: findings, notes, reasons and what each check
examined. The RFC 7946 findings of :mod:`conformance.core.geojson` come from its catalogue, merged in; texts of a
library (a schema error, a GEOS reason, a parser error) are the parameter ``text``.
"""

from __future__ import annotations

from conformance.core.geojsonmessages import GEOJSON_MESSAGES
from conformance.core.messages import Catalogue, Message, Param
from conformance.xml.messages import XML

FINDINGS = {
    "geojson-file.schema": ("RFC 7946 §3 (MUST): {text}", "RFC 7946 §3 (MUSS): {text}"),
    "geojson-file.unreadable": (
        "RFC 7946 §2 (MUST): not a JSON text: {text}",
        "RFC 7946 §2 (MUSS): kein JSON-Text: {text}",
    ),
    "geojson-file.not-object": (
        "RFC 7946 §2 (MUST): the GeoJSON text is {kind}, not a JSON object",
        "RFC 7946 §2 (MUSS): der GeoJSON-Text ist {kind}, kein JSON-Objekt",
    ),
    "geojson-file.invalid": (
        "RFC 7946 §3.1.6 (MUST): the polygon is not a valid surface: {text}",
        "RFC 7946 §3.1.6 (MUSS): das Polygon ist keine gültige Fläche: {text}",
    ),
    "geojson-file.id-twice": (
        "RFC 7946 §3.2 (SHOULD): id {id} already identifies an earlier Feature of this file",
        "RFC 7946 §3.2 (SOLL): die id {id} kennzeichnet schon ein früheres Feature dieser Datei",
    ),
    "geojson-file.precision": (
        "RFC 7946 §11.2 (should): a coordinate is written with {places} decimal places, more than {limit} "
        "(about 10 cm)",
        "RFC 7946 §11.2 (sollte): eine Koordinate ist mit {places} Nachkommastellen geschrieben, mehr als {limit} "
        "(etwa 10 cm)",
    ),
    "geojson-file.more": (
        "{count} further finding(s) of this requirement in this file, not kept",
        "{count} weitere Befund(e) zu dieser Anforderung in dieser Datei, nicht aufbewahrt",
    ),
    "geojson-file.download-status": (
        "the URL answered with HTTP status {status}, not 200",
        "die URL antwortete mit HTTP-Status {status}, nicht 200",
    ),
}

PHRASES = {
    "geojson-file.kind.start_array": ("an array", "ein Array"),
    "geojson-file.kind.string": ("a string", "eine Zeichenkette"),
    "geojson-file.kind.number": ("a number", "eine Zahl"),
    "geojson-file.kind.boolean": ("a boolean", "ein Wahrheitswert"),
    "geojson-file.kind.null": ("null", "null"),
    "geojson-file.kind.end": ("empty", "leer"),
}

REASONS = {
    "geojson-file.na.no-exports": (
        "vendor {vendor} names no export paths or URLs for {standard}",
        "Lieferant {vendor} nennt keine Exportdateien oder URLs für {standard}",
    ),
}

NOTES = {
    "geojson-file.note.more": (
        "{count} further finding(s) counted but not kept",
        "{count} weitere Befund(e) gezählt, aber nicht aufbewahrt",
    ),
    "geojson-file.note.ids-capped": (
        "ids compared for the first {count} Features of a file; later ones were counted, not compared",
        "ids für die ersten {count} Features einer Datei verglichen; spätere wurden gezählt, nicht verglichen",
    ),
    "geojson-file.note.files": ("{count} file(s) read", "{count} Datei(en) gelesen"),
}

EXAMINED = {
    f"geojson-file.examined.{kind}": (f"{en} in {{files}} file(s)", f"{de} in {{files}} Datei(en)")
    for kind, en, de in (
        (
            "objects",
            "GeoJSON objects (top-level objects and Features)",
            "GeoJSON-Objekte (oberste Objekte und Features)",
        ),
        ("features", "Features", "Features"),
        ("ids", "Features with an id", "Features mit id"),
        ("positions", "positions", "Positionen"),
        ("lines", "LineStrings", "LineStrings"),
        ("rings", "linear rings", "lineare Ringe"),
        ("polygons", "polygons", "Polygone"),
        ("bboxes", "bbox members", "bbox-Elemente"),
    )
}

MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **REASONS, **NOTES, **EXAMINED}).merged(GEOJSON_MESSAGES, XML)


def m(code: str, **params: Param) -> Message:
    """A message of the GeoJSON suite (``code`` without the ``geojson-file.`` prefix)."""
    return MESSAGES(f"geojson-file.{code}", **params)
