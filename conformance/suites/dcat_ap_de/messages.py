"""Every message of the DCAT-AP.de suite in English and German. A finding names the constraint that failed in both
languages; the shape's own message (German, from the GovData overlay) is the parameter ``shape``."""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param

AT = "{focus}: {path}"
FINDINGS = {
    "dcat.minCount": (
        f"{AT} has {{count}} value(s), fewer than the {{limit}} required – {{shape}}",
        f"{AT} hat {{count}} Wert(e), weniger als die verlangten {{limit}} – {{shape}}",
    ),
    "dcat.maxCount": (
        f"{AT} has {{count}} values, more than the {{limit}} allowed – {{shape}}",
        f"{AT} hat {{count}} Werte, mehr als die erlaubten {{limit}} – {{shape}}",
    ),
    "dcat.nodeKind": (
        f"{AT} = {{value}} is not of node kind {{limit}} – {{shape}}",
        f"{AT} = {{value}} ist nicht von der Knotenart {{limit}} – {{shape}}",
    ),
    "dcat.class": (
        f"{AT} = {{value}} is not an instance of {{limit}} – {{shape}}",
        f"{AT} = {{value}} ist keine Instanz von {{limit}} – {{shape}}",
    ),
    "dcat.datatype": (
        f"{AT} = {{value}} is not a well-formed literal of datatype {{limit}} – {{shape}}",
        f"{AT} = {{value}} ist kein wohlgeformtes Literal des Datentyps {{limit}} – {{shape}}",
    ),
    "dcat.pattern": (
        f"{AT} = {{value}} does not match the pattern {{limit}} – {{shape}}",
        f"{AT} = {{value}} passt nicht auf das Muster {{limit}} – {{shape}}",
    ),
    "dcat.in": (
        f"{AT} = {{value}} is not one of the allowed values – {{shape}}",
        f"{AT} = {{value}} ist keiner der erlaubten Werte – {{shape}}",
    ),
    "dcat.not": (
        f"{AT} = {{value}} matches what the shape forbids – {{shape}}",
        f"{AT} = {{value}} erfüllt, was die Shape verbietet – {{shape}}",
    ),
    "dcat.hasValue": (
        f"{AT} lacks the required value {{limit}} – {{shape}}",
        f"{AT} fehlt der verlangte Wert {{limit}} – {{shape}}",
    ),
    "dcat.vocabulary": (
        f"{AT} = {{value}} is not a concept of the vocabulary {{limit}} – {{shape}}",
        f"{AT} = {{value}} ist kein Begriff des Vokabulars {{limit}} – {{shape}}",
    ),
    "dcat.unreadable": (
        "{document}: not readable as {syntax}: {text}",
        "{document}: nicht als {syntax} lesbar: {text}",
    ),
    "dcat.status": (
        "{document}: the URL answered with HTTP status {status}, not 200",
        "{document}: die URL antwortete mit HTTP-Status {status}, nicht 200",
    ),
    "dcat.nothing-judged": (
        "{document}: holds no node that a shape targets ({targets}); nothing to validate",
        "{document}: enthält keinen Knoten, auf den eine Shape zielt ({targets}); nichts zu prüfen",
    ),
    "dcat.page-loop": (
        "{document}: hydra:next leads back to a page already read",
        "{document}: hydra:next führt auf eine schon gelesene Seite zurück",
    ),
}

REASONS = {
    "dcat.na.no-exports": (
        "vendor {vendor} names no export paths or URLs for {standard}",
        "Lieferant {vendor} nennt keine Exportdateien oder URLs für {standard}",
    ),
    "dcat.na.no-target": (
        "the catalogue holds no {targets}, the shape's targets",
        "der Katalog enthält kein {targets}, die Ziele der Shape",
    ),
    "dcat.na.no-documents": (
        "the export holds no RDF document (.ttl, .rdf, .xml, .jsonld, .json, .nt)",
        "der Export enthält kein RDF-Dokument (.ttl, .rdf, .xml, .jsonld, .json, .nt)",
    ),
    "dcat.skip.unchecked": (
        "{count} value(s) of {path} not checked: vocabulary {schemes} is not available offline in this version",
        "{count} Wert(e) von {path} nicht geprüft: Vokabular {schemes} liegt offline in dieser Fassung nicht vor",
    ),
    "dcat.skip.offline": (
        "no document could be read offline: {count} JSON-LD document(s) name a remote @context, which is not fetched",
        "kein Dokument offline lesbar: {count} JSON-LD-Dokument(e) nennen einen entfernten @context, der nicht "
        "geladen wird",
    ),
}

NOTES = {
    "dcat.note.unchecked": (
        "{count} value(s) of {path} not checked: not in the offline copy of vocabulary {schemes}",
        "{count} Wert(e) von {path} nicht geprüft: nicht in der Offline-Fassung des Vokabulars {schemes}",
    ),
    "dcat.note.offline": (
        "{document}: not read, its JSON-LD @context would have to be fetched from the network ({text})",
        "{document}: nicht gelesen, sein JSON-LD-@context müsste aus dem Netz geladen werden ({text})",
    ),
    "dcat.note.documents": (
        "{documents} document(s), {pages} page(s) from URLs, {triples} triples read",
        "{documents} Dokument(e), {pages} Seite(n) von URLs, {triples} Tripel gelesen",
    ),
}

EXAMINED = {
    "dcat.examined.focus": ("focus nodes ({targets})", "Fokusknoten ({targets})"),
    "dcat.examined.documents": ("RDF documents and pages", "RDF-Dokumente und Seiten"),
}

PHRASES = {
    "dcat.node": ("(node)", "(Knoten)"),
    "dcat.no-message": ("(the shape has no message)", "(die Shape hat keine Meldung)"),
}

MESSAGES = Catalogue.of({**FINDINGS, **REASONS, **NOTES, **EXAMINED, **PHRASES})


def m(code: str, **params: Param) -> Message:
    """A message of the DCAT-AP.de suite (``code`` without the ``dcat.`` prefix)."""
    return MESSAGES(f"dcat.{code}", **params)
