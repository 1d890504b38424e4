"""Every message of the XRechnung suite in English and German: findings, notes, reasons, phrases and what each
check examined. Texts of the rules themselves (Schematron assertions, libxml2's schema errors, the parser's
refusals) are parameters shown as written (the engine's ``xml.*`` codes, merged in).
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param
from conformance.xml.messages import XML

FINDINGS = {
    "xrechnung.other-scenario": (
        "document is graded as {scenario}, not as XRechnung",
        "das Dokument wird als {scenario} geprüft, nicht als XRechnung",
    ),
    "xrechnung.rejected": ("rejected: {reason}", "abgelehnt: {reason}"),
    "xrechnung.errors": ("{count} error(s): {rules}", "{count} Fehler: {rules}"),
    "xrechnung.errors-more": ("{count} error(s): {rules} …", "{count} Fehler: {rules} …"),
    "xrechnung.download-status": ("export URL answered HTTP {status}", "die Export-URL antwortete mit HTTP {status}"),
}

PHRASES = {
    "xrechnung.phrase.well-formed": ("a well-formed XML document", "ein wohlgeformtes XML-Dokument"),
    "xrechnung.phrase.xrechnung-document": (
        "an XRechnung 3.0 document (CIUS, Extension or CVD)",
        "ein XRechnung-3.0-Dokument (CIUS, Extension oder CVD)",
    ),
    "xrechnung.phrase.identifier": (
        "an XRechnung specification identifier",
        "eine Spezifikationskennung von XRechnung",
    ),
    "xrechnung.phrase.no-scenario": ("no scenario", "kein Prüfszenario"),
    "xrechnung.phrase.accept": ("accept", "Annahme"),
    "xrechnung.phrase.silent": ("{rule} does not fire", "{rule} schlägt nicht an"),
}

REASONS = {
    "xrechnung.na.no-exports": (
        "vendor {vendor} names no export paths or URLs for {standard}",
        "Lieferant {vendor} nennt keine Exportdateien für {standard}",
    ),
    "xrechnung.na.no-class-documents": (
        "the export holds no document of class {cls}",
        "die Lieferung enthält kein Dokument der Klasse {cls}",
    ),
    "xrechnung.na.context-absent": (
        "the context of {rule} occurs in none of the {total} schema-valid documents of class {cls}: the rule does "
        "not apply",
        "der Kontext von {rule} kommt in keinem der {total} schemagültigen Dokumente der Klasse {cls} vor: die "
        "Regel ist nicht anwendbar",
    ),
    "xrechnung.skip.no-schema-valid": (
        "Schematron was not run: no document of this class is schema-valid",
        "Schematron lief nicht: kein Dokument dieser Klasse ist gültig gegen das XML-Schema",
    ),
}

NOTES = {
    "xrechnung.note.accepted": (
        "{accepted} of {total} document(s) accepted",
        "{accepted} von {total} Dokument(en) angenommen",
    ),
    "xrechnung.note.hints": (
        "{count} hint(s) of this rule (information level) in {documents} document(s)",
        "{count} Hinweis(e) dieser Regel (Stufe Information) in {documents} Dokument(en)",
    ),
}

EXAMINED = {
    "xrechnung.examined.documents": ("documents of the export", "Dokumente der Lieferung"),
    "xrechnung.examined.schema": (
        "documents of class {cls} validated against the XML Schema",
        "gegen das XML-Schema geprüfte Dokumente der Klasse {cls}",
    ),
    "xrechnung.examined.context": (
        "nodes matching the context of {rule} in {documents} of {total} schema-valid documents of class {cls}",
        "Knoten im Kontext von {rule} in {documents} von {total} schemagültigen Dokumenten der Klasse {cls}",
    ),
}

MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **REASONS, **NOTES, **EXAMINED}).merged(XML)


def m(code: str, **params: Param) -> Message:
    """A message of the XRechnung suite (``code`` without the ``xrechnung.`` prefix)."""
    return MESSAGES(f"xrechnung.{code}", **params)
