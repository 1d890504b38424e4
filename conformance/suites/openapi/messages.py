"""Every message of the OpenAPI suite: findings, reasons, notes and what the checks examined, in English and German.

Texts that come from a library (a validator's error, a schemathesis detail) are parameters shown as written.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param

FINDINGS = {
    "openapi.description-unreadable": (
        "cannot read the description: {error}",
        "die Beschreibung ist nicht lesbar: {error}",
    ),
    "openapi.description-status": (
        "the description answers HTTP {status}",
        "die Beschreibung antwortet mit HTTP {status}",
    ),
    "openapi.description-not-parsed": (
        "the description is neither JSON nor YAML: {error}",
        "die Beschreibung ist weder JSON noch YAML: {error}",
    ),
    "openapi.description-not-object": ("the description is not an object", "die Beschreibung ist kein Objekt"),
    "openapi.description-too-large": (
        "the description expands to more than {limit} nodes (YAML aliases?)",
        "die Beschreibung wächst auf mehr als {limit} Knoten an (YAML-Aliase?)",
    ),
    "openapi.no-version-field": ("the description has no openapi field", "die Beschreibung hat kein Feld openapi"),
    "openapi.unsupported-version": (
        "OpenAPI version {version} is not 3.0.x or 3.1.x",
        "die OpenAPI-Version {version} ist weder 3.0.x noch 3.1.x",
    ),
    "openapi.validation-stopped": (
        "validation stopped at a reference it cannot follow offline: {ref}",
        "die Validierung endete an einer Referenz, der sie offline nicht folgen kann: {ref}",
    ),
    "openapi.invalid-document": (
        "not a valid OpenAPI {version} document: {error}",
        "kein gültiges OpenAPI-{version}-Dokument: {error}",
    ),
    "openapi.ref-broken": ("$ref {ref} does not resolve: {reason}", "$ref {ref} lässt sich nicht auflösen: {reason}"),
    "openapi.ref-broken-more": (
        "$ref {ref} does not resolve: {reason} (and {places} more places)",
        "$ref {ref} lässt sich nicht auflösen: {reason} (und an {places} weiteren Stellen)",
    ),
    "openapi.ref-foreign": (
        "$ref {ref} cannot be resolved offline: {reason}",
        "$ref {ref} lässt sich offline nicht auflösen: {reason}",
    ),
    "openapi.ref-foreign-more": (
        "$ref {ref} cannot be resolved offline: {reason} (and {places} more places)",
        "$ref {ref} lässt sich offline nicht auflösen: {reason} (und an {places} weiteren Stellen)",
    ),
    "openapi.status-undocumented": (
        "{operation}: HTTP {status} is not among the documented responses",
        "{operation}: HTTP {status} ist keine der dokumentierten Antworten",
    ),
    "openapi.media-type-undocumented": (
        "{operation}: HTTP {status} answered with Content-Type {media_type}, which the response does not document",
        "{operation}: HTTP {status} mit Content-Type {media_type} beantwortet, den die Antwort nicht dokumentiert",
    ),
    "openapi.invalid-accepted": (
        "{operation}: a request with invalid parameters was answered with HTTP {status}, not a 4xx: {detail}",
        "{operation}: eine Anfrage mit ungültigen Parametern wurde mit HTTP {status} statt 4xx beantwortet: {detail}",
    ),
    "openapi.boundary-accepted": (
        "{operation}: {parameter}={value} ({bound}) was answered with HTTP {status}, not a 4xx",
        "{operation}: {parameter}={value} ({bound}) wurde mit HTTP {status} statt 4xx beantwortet",
    ),
    "openapi.server-error-valid": (
        "{operation}: HTTP {status} for a valid request",
        "{operation}: HTTP {status} auf eine gültige Anfrage",
    ),
    "openapi.server-error-invalid": (
        "{operation}: HTTP {status} for a request with invalid parameters",
        "{operation}: HTTP {status} auf eine Anfrage mit ungültigen Parametern",
    ),
    "openapi.body-not-json": (
        "{response}: the body is not JSON ({error})",
        "{response}: der Inhalt ist kein JSON ({error})",
    ),
    "openapi.body-invalid": ("{response}: {error}", "{response}: {error}"),
    "openapi.seen": ("{text} (seen {count} times)", "{text} ({count}-mal beobachtet)"),
}

PHRASES = {
    "openapi.phrase.resolvable-reference": ("a resolvable reference", "eine auflösbare Referenz"),
    "openapi.phrase.offline-reference": (
        "a reference the suite can follow offline",
        "eine Referenz, der die Prüfung offline folgen kann",
    ),
    "openapi.phrase.existing-target": ("an existing target", "ein existierendes Ziel"),
    "openapi.phrase.below-500": ("a status below 500", "ein Status unter 500"),
    "openapi.phrase.versions": ("3.0.x or 3.1.x", "3.0.x oder 3.1.x"),
    "openapi.phrase.json": ("JSON", "JSON"),
    "openapi.phrase.none": ("(none)", "(keiner)"),
    "openapi.reason.in-description": (
        "no such location in the description",
        "diese Stelle gibt es in der Beschreibung nicht",
    ),
    "openapi.reason.no-location": ("no location #{fragment} in {document}", "keine Stelle #{fragment} in {document}"),
    "openapi.reason.http": ("HTTP {status}", "HTTP {status}"),
    "openapi.reason.foreign-host": (
        "{host} is neither the API's host nor a schema location the suite mirrors",
        "{host} ist weder der Host der API noch ein Schema-Ort, den die Prüfung gespiegelt vorhält",
    ),
    "openapi.reason.outside-folder": (
        "a local file outside the description's folder",
        "eine lokale Datei außerhalb des Ordners der Beschreibung",
    ),
    "openapi.reason.not-in-pack": (
        "not in the mirrored pack {pack}: {path}",
        "nicht im gespiegelten Paket {pack}: {path}",
    ),
    "openapi.reason.unreadable-file": ("cannot read {name}: {error}", "{name} ist nicht lesbar: {error}"),
}

BOUNDS = {
    "openapi.bound.below-minimum": ("below the minimum {minimum}", "unter dem Minimum {minimum}"),
    "openapi.bound.above-maximum": ("above the maximum {maximum}", "über dem Maximum {maximum}"),
    "openapi.bound.max-items": ("maxItems {count} items", "maxItems {count} Elemente"),
    "openapi.bound.above-max-items": ("one item more than maxItems {count}", "ein Element mehr als maxItems {count}"),
    "openapi.bound.below-min-items": (
        "one item less than minItems {count}",
        "ein Element weniger als minItems {count}",
    ),
    "openapi.bound.wrong-type": ("not of type {type}", "nicht vom Typ {type}"),
    "openapi.bound.empty-enum": ("empty, not one of {enum}", "leer, keiner von {enum}"),
}

SKIPS = {
    "openapi.skip.unavailable": (
        "the OpenAPI description is unavailable: {reason}",
        "die OpenAPI-Beschreibung ist nicht verfügbar: {reason}",
    ),
    "openapi.skip.unsupported": (
        "OpenAPI version {version} is not 3.0 or 3.1",
        "die OpenAPI-Version {version} ist weder 3.0 noch 3.1",
    ),
}

NOTES = {
    "openapi.note.requests": (
        "{requests} requests to {operations} GET operations",
        "{requests} Anfragen an {operations} GET-Operationen",
    ),
    "openapi.note.operations-cut": (
        "sampling cut: exercised {limit} of {total} GET operations",
        "Stichprobe begrenzt: {limit} von {total} GET-Operationen aufgerufen",
    ),
    "openapi.note.requests-cut": (
        "sampling cut: sent {budget} of {planned} planned requests (max_requests)",
        "Stichprobe begrenzt: {budget} von {planned} geplanten Anfragen gesendet (max_requests)",
    ),
    "openapi.note.deadline-cut": (
        "the test deadline cut the run after {sent} of {planned} requests",
        "das Zeitlimit der Prüfung beendete den Lauf nach {sent} von {planned} Anfragen",
    ),
    "openapi.note.no-cases": (
        "{operation}: no cases could be generated ({error})",
        "{operation}: es ließen sich keine Testfälle erzeugen ({error})",
    ),
    "openapi.note.unreadable-operation": (
        "an operation could not be read: {error}",
        "eine Operation ließ sich nicht lesen: {error}",
    ),
    "openapi.note.deferred": (
        "a {parameter} above its documented maximum was not sent as invalid data to {operations} items operations: "
        "{standard} ({rule}) requires it to be answered, and the vendors file lists that standard for this API",
        "ein {parameter} über seinem dokumentierten Maximum wurde an {operations} items-Operationen nicht als "
        "ungültige Eingabe gesendet: {standard} ({rule}) verlangt, dass er beantwortet wird, und die "
        "Lieferantendatei nennt diesen Standard für diese API",
    ),
    "openapi.note.errors-cut": (
        "validation stopped after {limit} errors",
        "die Validierung endete nach {limit} Fehlern",
    ),
}

EXAMINED = {
    "openapi.examined.description": ("description document", "Beschreibungsdokument"),
    "openapi.examined.openapi-field": ("openapi field of the description", "Feld openapi der Beschreibung"),
    "openapi.examined.references": ("$ref references in the description", "$ref-Referenzen in der Beschreibung"),
    "openapi.examined.responses": (
        "responses to {operations} documented GET operations",
        "Antworten auf {operations} dokumentierte GET-Operationen",
    ),
    "openapi.examined.content": (
        "responses whose status documents content",
        "Antworten, deren Status einen Inhalt dokumentiert",
    ),
    "openapi.examined.bodies": ("JSON bodies with a documented schema", "JSON-Inhalte mit dokumentiertem Schema"),
    "openapi.examined.invalid-requests": ("requests with invalid parameters", "Anfragen mit ungültigen Parametern"),
}

MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **BOUNDS, **SKIPS, **NOTES, **EXAMINED})


def m(code: str, **params: Param) -> Message:
    """A message of the OpenAPI suite (``code`` without the ``openapi.`` prefix)."""
    return MESSAGES(f"openapi.{code}", **params)
