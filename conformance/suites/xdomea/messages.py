"""Every message of the xdomea suite in English and German: the message checks' findings, notes, reasons, phrases
and what each check examined. The XÖV code-list findings and the texts of libxml2 and the parser (``{text}``)
come from the engine's catalogues, merged in.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param
from conformance.xml.messages import XML, XOEV

FINDINGS = {
    "xdomea.id-twice": (
        "ID {id} is used by an earlier object of this message; every object needs its own",
        "die ID {id} trägt schon ein früheres Objekt dieser Nachricht; jedes Objekt braucht eine eigene",
    ),
    "xdomea.primary-missing": (
        "primary document '{name}' is not in the package next to the message",
        "das Primärdokument '{name}' liegt nicht im Paket neben der Nachricht",
    ),
    "xdomea.no-agency": (
        "{role} names no agency: no Behoerdenkennung/Behoerdenschluessel and no name of an Institution or "
        "Organisationseinheit",
        "{role} nennt keine Behörde: weder Behoerdenkennung/Behoerdenschluessel noch den Namen einer Institution "
        "oder Organisationseinheit",
    ),
    "xdomea.no-system": (
        "the sending system is not named: {missing} missing",
        "das sendende System ist nicht benannt: {missing} fehlt",
    ),
    "xdomea.no-system-both": (
        "the sending system is not named: {first} and {second} missing",
        "das sendende System ist nicht benannt: {first} und {second} fehlen",
    ),
    "xdomea.message-type": (
        "the header gives message type {given} but the message is {message} (type {expected})",
        "der Nachrichtenkopf nennt den Nachrichtentyp {given}, die Nachricht ist aber {message} (Typ {expected})",
    ),
    "xdomea.process-id": (
        "ProzessID '{value}' is not a UUID (8-4-4-4-12 hexadecimal digits)",
        "ProzessID '{value}' ist keine UUID (8-4-4-4-12 Hexadezimalziffern)",
    ),
    "xdomea.created-future": (
        "creation time {time} lies in the future (checked at {now})",
        "der Erstellungszeitpunkt {time} liegt in der Zukunft (geprüft um {now})",
    ),
    "xdomea.other-version": (
        "the message is xdomea {version}, not xdomea 3.0.0 ({namespace})",
        "die Nachricht ist xdomea {version}, nicht xdomea 3.0.0 ({namespace})",
    ),
    "xdomea.other-namespace": (
        "the message is namespace {found}, not xdomea 3.0.0 ({namespace})",
        "die Nachricht hat den Namensraum {found}, nicht xdomea 3.0.0 ({namespace})",
    ),
    "xdomea.prefix": (
        "the root element uses prefix {prefix}, the specification prescribes 'xdomea'",
        "das Wurzelelement verwendet das Präfix {prefix}, die Spezifikation schreibt 'xdomea' vor",
    ),
    "xdomea.schema-location": (
        "xsi:schemaLocation gives {location} for {namespace}, not the schema of the message group ({wanted}); a "
        "hint only, the location is not constrained by the XML Schema",
        "xsi:schemaLocation nennt {location} für {namespace}, nicht das Schema der Nachrichtengruppe ({wanted}); "
        "nur ein Hinweis, das XML-Schema schränkt den Ort nicht ein",
    ),
}

PHRASES = {
    "xdomea.phrase.none": ("(none)", "(keiner)"),
    "xdomea.phrase.default-prefix": ("'(default)'", "'(Standard)'"),
    "xdomea.phrase.no-location": ("'no location'", "'keinen Ort'"),
    "xdomea.phrase.any-group-schema": (
        "xdomea-Nachrichten-<Nachrichtengruppe>.xsd",
        "xdomea-Nachrichten-<Nachrichtengruppe>.xsd",
    ),
}

REASONS = {
    "xdomea.na.no-messages": (
        "the export holds no message of the kind this requirement covers ({kinds})",
        "die Lieferung enthält keine Nachricht der Art, die diese Anforderung betrifft ({kinds})",
    ),
    "xdomea.na.nothing-in-messages": (
        "none of the {count} messages holds what this requirement judges ({what}): it does not apply",
        "keine der {count} Nachrichten enthält, was diese Anforderung beurteilt ({what}): sie ist nicht anwendbar",
    ),
    "xdomea.na.no-paths": (
        "vendor {vendor} names no export paths for {standard}",
        "Lieferant {vendor} nennt keine Exportdateien für {standard}",
    ),
}

NOTES = {
    "xdomea.note.hints": (
        "{count} hint(s) of this rule are not counted (e.g. code lists outside the standard or versions not held "
        "offline)",
        "{count} Hinweis(e) zu dieser Regel zählen nicht (z. B. Codelisten außerhalb des Standards oder Versionen, "
        "die offline nicht vorliegen)",
    ),
    "xdomea.note.documents": ("{count} document(s) checked", "{count} Dokument(e) geprüft"),
}

EXAMINED = {
    "xdomea.examined.messages": ("messages of the export", "Nachrichten der Lieferung"),
    "xdomea.examined.roots": ("root elements of the messages", "Wurzelelemente der Nachrichten"),
    "xdomea.examined.xdomea-roots": (
        "root elements in an xdomea namespace",
        "Wurzelelemente in einem xdomea-Namensraum",
    ),
    "xdomea.examined.codes": ("XÖV code elements in the messages", "XÖV-Code-Elemente in den Nachrichten"),
    "xdomea.examined.elements": (
        "{element} elements in messages {kinds}",
        "Elemente {element} in den Nachrichten {kinds}",
    ),
}

MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **REASONS, **NOTES, **EXAMINED}).merged(XML, XOEV)


def m(code: str, **params: Param) -> Message:
    """A message of the xdomea suite (``code`` without the ``xdomea.`` prefix)."""
    return MESSAGES(f"xdomea.{code}", **params)
