"""Every message of the XPlanGML suite in English and German: findings, notes, reasons and what each check
examined. Texts of a library (libxml2's schema errors, a GEOS reason) are parameters.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param
from conformance.xml.messages import XML

FINDINGS = {
    "xplangml.not-xplangml": (
        "the root element {root} is not in an XPlanGML namespace ({namespaces})",
        "das Wurzelelement {root} liegt in keinem XPlanGML-Namensraum ({namespaces})",
    ),
    "xplangml.other-version": (
        "the document is XPlanGML {found}, not {wanted}",
        "das Dokument ist XPlanGML {found}, nicht {wanted}",
    ),
    "xplangml.id-twice": (
        "gml:id {id} is used by an earlier element of this document; every id must be unique",
        "die gml:id {id} trägt schon ein früheres Element dieses Dokuments; jede id muss eindeutig sein",
    ),
    "xplangml.schema-id-twice": (
        "gml:id {id} is used twice, so the document is not schema-valid (gml:id is an xs:ID; XML Schema 1.0 cvc-id.2)",
        "die gml:id {id} kommt zweimal vor, das Dokument ist daher nicht schemakonform (gml:id ist eine xs:ID; "
        "XML Schema 1.0 cvc-id.2)",
    ),
    "xplangml.unresolved": (
        "{element} refers to {href}, but no element of the document has that gml:id",
        "{element} verweist auf {href}, aber kein Element des Dokuments hat diese gml:id",
    ),
    "xplangml.invalid": (
        "2.2.2.1: the geometry {id} is not valid: {reason}",
        "2.2.2.1: die Geometrie {id} ist nicht gültig: {reason}",
    ),
    "xplangml.outside": (
        "2.2.3.1: {kind} {id} reaches beyond the Geltungsbereich of {owner} (e.g. at {point})",
        "2.2.3.1: {kind} {id} ragt über den Geltungsbereich von {owner} hinaus (z. B. bei {point})",
    ),
    "xplangml.overlap": (
        "2.2.1.1: the Flächenschlussobjekte {id} and {other} overlap (e.g. at {point})",
        "2.2.1.1: die Flächenschlussobjekte {id} und {other} überlappen sich (z. B. bei {point})",
    ),
    "xplangml.gap": (
        "2.2.1.1: the Flächenschlussobjekte leave part of the Geltungsbereich of {owner} uncovered (e.g. at {point})",
        "2.2.1.1: die Flächenschlussobjekte lassen einen Teil des Geltungsbereichs von {owner} frei "
        "(z. B. bei {point})",
    ),
    "xplangml.twice": (
        "4.5.2.4: {kind} {id} sets {name}, which the BP_UeberbaubareGrundstuecksFlaeche {other} over it sets too",
        "4.5.2.4: {kind} {id} belegt {name}, das auch die darüberliegende BP_UeberbaubareGrundstuecksFlaeche "
        "{other} belegt",
    ),
    "xplangml.more": (
        "{count} further finding(s) of this requirement in this document, not kept",
        "{count} weitere Befund(e) zu dieser Anforderung in diesem Dokument, nicht aufbewahrt",
    ),
}

REASONS = {
    "xplangml.na.no-paths": (
        "vendor {vendor} names no export paths for {standard}",
        "Lieferant {vendor} nennt keine Exportdateien für {standard}",
    ),
}

NOTES = {
    "xplangml.note.unsupported": (
        "a geometry of {id} was not judged: {kind} is not read by this suite",
        "eine Geometrie von {id} wurde nicht beurteilt: {kind} liest diese Testsuite nicht",
    ),
    "xplangml.note.other-crs": (
        "{id} ({srs}) was not compared with a Geltungsbereich in another CRS ({area})",
        "{id} ({srs}) wurde nicht mit einem Geltungsbereich in einem anderen KBS ({area}) verglichen",
    ),
    "xplangml.note.more": (
        "{count} further finding(s) counted but not kept",
        "{count} weitere Befund(e) gezählt, aber nicht aufbewahrt",
    ),
    "xplangml.note.files": ("{count} document(s) read", "{count} Dokument(e) gelesen"),
}

EXAMINED = {
    f"xplangml.examined.{kind}": (f"{en} in {{files}} document(s)", f"{de} in {{files}} Dokument(en)")
    for kind, en, de in (
        ("documents", "XPlanGML documents", "XPlanGML-Dokumente"),
        ("ids", "gml:ids", "gml:ids"),
        ("references", 'references to a gml:id (xlink:href="#…")', 'Verweise auf eine gml:id (xlink:href="#…")'),
        ("geometries", "GML geometries", "GML-Geometrien"),
        (
            "overlays",
            "objects under a BP_UeberbaubareGrundstuecksFlaeche (pairs compared)",
            "Objekte unter einer BP_UeberbaubareGrundstuecksFlaeche (verglichene Paare)",
        ),
        (
            "closing-objects",
            "Flächenschlussobjekte (flaechenschluss true, Ebene 0) with a valid area",
            "Flächenschlussobjekte (flaechenschluss true, Ebene 0) mit gültiger Fläche",
        ),
        (
            "objects",
            "plan objects with a valid position and a Geltungsbereich to lie in",
            "Planobjekte mit gültiger Position und einem Geltungsbereich, in dem sie liegen sollen",
        ),
    )
}

MESSAGES = Catalogue.of({**FINDINGS, **REASONS, **NOTES, **EXAMINED}).merged(XML)


def m(code: str, **params: Param) -> Message:
    """A message of the XPlanGML suite (``code`` without the ``xplangml.`` prefix)."""
    return MESSAGES(f"xplangml.{code}", **params)
