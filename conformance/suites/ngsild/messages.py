"""Every message of the NGSI-LD suite, in English and German: findings, notes, reasons, phrases, examined."""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param

FINDINGS = {
    "ngsi.status": ("{what} answered HTTP {status}", "{what} wurde mit HTTP {status} beantwortet"),
    "ngsi.not-problem": (
        "{what}: the error is no ProblemDetails JSON object (media type {media})",
        "{what}: der Fehler ist kein ProblemDetails-JSON-Objekt (Medientyp {media})",
    ),
    "ngsi.wrong-error-type": (
        "{what}: the error type is {found}",
        "{what}: der Fehlertyp ist {found}",
    ),
    "ngsi.problem-members": (
        "the error of {url} lacks the ProblemDetails member {missing} with an ETSI error type",
        "dem Fehler von {url} fehlt das ProblemDetails-Element {missing} mit einem ETSI-Fehlertyp",
    ),
    "ngsi.retrieve-failed": (
        "{entity} does not answer 200 with a JSON object (HTTP {status})",
        "{entity} liefert nicht 200 mit einem JSON-Objekt (HTTP {status})",
    ),
    "ngsi.other-entity": (
        "retrieving entity {entity} gives another id or type",
        "der Abruf der Entität {entity} liefert eine andere id oder einen anderen type",
    ),
    "ngsi.attrs-extra": (
        "entity {entity} asked for with attrs={attrs} carries other attributes: {extra}",
        "die mit attrs={attrs} abgerufene Entität {entity} enthält weitere Attribute: {extra}",
    ),
    "ngsi.key-values-wrong": (
        "options=keyValues gives attribute {attribute} of entity {entity} not as its bare value",
        "options=keyValues liefert das Attribut {attribute} der Entität {entity} nicht als bloßen Wert",
    ),
    "ngsi.sys-attrs-missing": (
        "options=sysAttrs: entity {entity} lacks {missing} at {where}",
        "options=sysAttrs: der Entität {entity} fehlt {missing} bei {where}",
    ),
    "ngsi.unmatched": (
        "{query} returned entity {entity}, which does not satisfy it",
        "{query} lieferte die Entität {entity}, die die Bedingung nicht erfüllt",
    ),
    "ngsi.missed": (
        "{query} did not return entity {entity}, which satisfies it",
        "{query} lieferte die Entität {entity} nicht, obwohl sie die Bedingung erfüllt",
    ),
    "ngsi.other-type": (
        "type={type} returned entity {entity} of another type",
        "type={type} lieferte die Entität {entity} eines anderen Typs",
    ),
    "ngsi.page-size": ("{url} gave {got} entities, not 2", "{url} lieferte {got} Entitäten, nicht 2"),
    "ngsi.page-overlap": (
        "offset=2 repeats entities of the first page: {ids}",
        "offset=2 wiederholt Entitäten der ersten Seite: {ids}",
    ),
    "ngsi.count-wrong": (
        "NGSILD-Results-Count for type {type} is {count}, the type has {total} entities",
        "NGSILD-Results-Count für den Typ {type} ist {count}, der Typ hat {total} Entitäten",
    ),
    "ngsi.media-type": ("{url} answered in media type {media}", "{url} antwortete im Medientyp {media}"),
    "ngsi.no-link-header": (
        "{url} in application/json carries no JSON-LD Link header",
        "{url} in application/json trägt keinen JSON-LD-Link-Header",
    ),
    "ngsi.no-context-member": (
        "{url} in application/ld+json carries no @context in every object",
        "{url} in application/ld+json trägt nicht in jedem Objekt einen @context",
    ),
    "ngsi.not-compacted": (
        "{url} is not compacted with the @context of the request's Link header",
        "{url} ist nicht mit dem @context aus dem Link-Header der Anfrage kompaktiert",
    ),
    "ngsi.types-not-short": (
        "{url} does not list the types as short names of the request's @context",
        "{url} führt die Typen nicht als Kurznamen des @context der Anfrage auf",
    ),
    "ngsi.attribute-unlisted": (
        "/attributes does not list attribute {attribute} of entity {entity}",
        "/attributes führt das Attribut {attribute} der Entität {entity} nicht auf",
    ),
    "ngsi.no-location": (
        "{url}: the 201 Created carries no Location header",
        "{url}: das 201 Created trägt keinen Location-Header",
    ),
    "ngsi.location-wrong": (
        "the Location {location} does not lead to the new entity (HTTP {status})",
        "die Location {location} führt nicht zur neuen Entität (HTTP {status})",
    ),
    "ngsi.not-kept": (
        "attribute {attribute} does not come back as it was created",
        "das Attribut {attribute} kommt nicht so zurück, wie es angelegt wurde",
    ),
    "ngsi.not-expanded": (
        "the created entity lacks attribute {attribute}: the body was not expanded with the request's @context",
        "der angelegten Entität fehlt das Attribut {attribute}: der Inhalt wurde nicht mit dem @context der "
        "Anfrage expandiert",
    ),
    "ngsi.member-changed": (
        "{member} of attribute {attribute} is not as the operation should leave it",
        "{member} des Attributs {attribute} ist nicht so, wie die Operation es hinterlassen muss",
    ),
    "ngsi.not-reported": (
        "the update does not report the absent attribute {attribute} as notUpdated",
        "die Aktualisierung meldet das fehlende Attribut {attribute} nicht als notUpdated",
    ),
    "ngsi.modified-at-stale": (
        "modifiedAt of {what} did not move forward with the update",
        "modifiedAt von {what} ist mit der Aktualisierung nicht vorgerückt",
    ),
    "ngsi.still-there": ("{what} is still there after deletion", "{what} ist nach dem Löschen noch vorhanden"),
    "ngsi.batch-ids": (
        "{url} does not answer with the ids of the created entities",
        "{url} antwortet nicht mit den ids der angelegten Entitäten",
    ),
    "ngsi.batch-error-missing": (
        "the batch result does not name entity {id} among its errors",
        "das Batch-Ergebnis nennt die Entität {id} nicht unter seinen Fehlern",
    ),
}

PHRASES = {
    "ngsi.phrase.problem": (
        "a ProblemDetails JSON object with an ETSI error type",
        "ein ProblemDetails-JSON-Objekt mit einem ETSI-Fehlertyp",
    ),
    "ngsi.phrase.unknown-entity": ("retrieving an unknown entity", "der Abruf einer unbekannten Entität"),
    "ngsi.phrase.non-uri-id": ("retrieving an id that is not a URI", "der Abruf einer id, die kein URI ist"),
    "ngsi.phrase.absent-context": (
        "a Link header naming an unavailable @context",
        "ein Link-Header, der einen nicht verfügbaren @context nennt",
    ),
    "ngsi.phrase.link-header": (
        'a Link header with rel="http://www.w3.org/ns/json-ld#context"',
        'ein Link-Header mit rel="http://www.w3.org/ns/json-ld#context"',
    ),
    "ngsi.phrase.temporal-query": ("the temporal query of type {type}", "die temporale Abfrage des Typs {type}"),
    "ngsi.phrase.later-than": ("an instant later than {instant}", "ein Zeitpunkt nach {instant}"),
    "ngsi.phrase.creation": ("the entity creation", "das Anlegen der Entität"),
    "ngsi.phrase.second-creation": ("creating an existing entity again", "das erneute Anlegen einer Entität"),
    "ngsi.phrase.non-uri-creation": (
        "creating an entity whose id is not a URI",
        "das Anlegen einer Entität, deren id kein URI ist",
    ),
    "ngsi.phrase.text-body": ("a creation sent as text/plain", "ein als text/plain gesendetes Anlegen"),
    "ngsi.phrase.ld-without-context": (
        "an application/ld+json body without @context",
        "ein application/ld+json-Inhalt ohne @context",
    ),
    "ngsi.phrase.ld-with-link": (
        "an application/ld+json body with a JSON-LD Link header",
        "ein application/ld+json-Inhalt mit JSON-LD-Link-Header",
    ),
    "ngsi.phrase.update-absent": (
        "updating an existing and an absent attribute",
        "die Aktualisierung eines vorhandenen und eines fehlenden Attributs",
    ),
    "ngsi.phrase.partial-update": ("the partial attribute update", "die teilweise Attributaktualisierung"),
    "ngsi.phrase.delete-absent": ("deleting an absent attribute", "das Löschen eines fehlenden Attributs"),
    "ngsi.phrase.delete-attribute": ("deleting an attribute", "das Löschen eines Attributs"),
    "ngsi.phrase.delete-entity": ("deleting the entity", "das Löschen der Entität"),
    "ngsi.phrase.batch-create": ("the batch creation", "das Anlegen im Batch"),
    "ngsi.phrase.batch-partial": (
        "a batch creation with one existing entity",
        "ein Anlegen im Batch mit einer schon vorhandenen Entität",
    ),
    "ngsi.phrase.two-attributes": ("at least two attributes", "mindestens zwei Attributen"),
    "ngsi.phrase.usable-attribute": (
        "an attribute with a short name (option user_context)",
        "einem Attribut mit Kurznamen (Option user_context)",
    ),
    "ngsi.phrase.numeric-attribute": (
        "a numeric attribute with a short name and at least three values (option user_context)",
        "einem numerischen Attribut mit Kurznamen und mindestens drei Werten (Option user_context)",
    ),
    "ngsi.phrase.point-locations": (
        "Point locations (at least three per type)",
        "Punkt-Lagen (mindestens drei je Typ)",
    ),
    "ngsi.phrase.second-geoproperty": (
        "a second Point GeoProperty with a short name (option user_context)",
        "einer zweiten Punkt-GeoProperty mit Kurznamen (Option user_context)",
    ),
    "ngsi.phrase.four-entities": ("types with at least four entities", "Typen mit mindestens vier Entitäten"),
}

REASONS = {
    "ngsi.types-status": (
        "{url} answered HTTP {status} without an EntityTypeList; name the types with the option types",
        "{url} antwortete mit HTTP {status} ohne EntityTypeList; die Typen mit der Option types nennen",
    ),
    "ngsi.context-unusable": (
        "the user @context {url} (option user_context) is no JSON-LD context document (HTTP {status})",
        "der Nutzer-@context {url} (Option user_context) ist kein JSON-LD-Kontextdokument (HTTP {status})",
    ),
    "ngsi.context-unprocessable": (
        "the user @context {url} (option user_context) cannot be processed offline: {reason}",
        "der Nutzer-@context {url} (Option user_context) lässt sich offline nicht verarbeiten: {reason}",
    ),
    "ngsi.skip.query-unusable": (
        "the query of type {type} answered HTTP {status} without a JSON array",
        "die Abfrage des Typs {type} antwortete mit HTTP {status} ohne JSON-Array",
    ),
    "ngsi.no-user-context": (
        "no user @context named (option user_context): nothing to compact with",
        "kein Nutzer-@context angegeben (Option user_context): nichts, womit kompaktiert würde",
    ),
    "ngsi.temporal-not-declared": (
        "the vendors file does not declare the temporal API (option temporal)",
        "die Herstellerdatei erklärt die temporale API nicht (Option temporal)",
    ),
    "ngsi.writes-not-allowed": (
        "the vendors file does not allow writing to this broker (option writes)",
        "die Herstellerdatei erlaubt kein Schreiben in diesen Broker (Option writes)",
    ),
    "ngsi.skip.creation-failed": (
        "the broker refused to create the suite's entity (HTTP {status})",
        "der Broker hat das Anlegen der Entität der Suite abgelehnt (HTTP {status})",
    ),
    "ngsi.no-user-term": (
        "the user @context (option user_context) defines no term of its own",
        "der Nutzer-@context (Option user_context) definiert keinen eigenen Begriff",
    ),
}

NOTES = {
    "ngsi.note.types-cut": (
        "sampled {cap} of {total} entity types (option max_types)",
        "{cap} von {total} Entitätstypen geprüft (Option max_types)",
    ),
    "ngsi.note.population-cut": (
        "read {cap} entities of type {type}, not all (option max_population): only returned entities are judged, "
        "no entity is required to be returned",
        "{cap} Entitäten des Typs {type} gelesen, nicht alle (Option max_population): nur gelieferte Entitäten "
        "werden beurteilt, keine Entität muss geliefert werden",
    ),
    "ngsi.note.version": (
        "the broker declares API version {declared}; requirements follow the clauses of {version}",
        "der Broker erklärt die API-Version {declared}; die Anforderungen folgen den Abschnitten von {version}",
    ),
    "ngsi.note.context-refused": (
        "JSON-LD processing needed a @context the suite does not hold: {reason}",
        "die JSON-LD-Verarbeitung brauchte einen @context, den die Suite nicht hat: {reason}",
    ),
    "ngsi.note.leftovers": (
        "removed entities of the suite left by an earlier run: {ids}",
        "von einem früheren Lauf hinterlassene Entitäten der Suite entfernt: {ids}",
    ),
}

EXAMINED = {
    "ngsi.examined.entities": ("entities", "Entitäten"),
    "ngsi.examined.entities-with": ("entities of types with {what}", "Entitäten von Typen mit {what}"),
    "ngsi.examined.requests": ("requests", "Anfragen"),
    "ngsi.examined.errors": ("error responses", "Fehlerantworten"),
    "ngsi.examined.attributes": ("attributes", "Attribute"),
    "ngsi.examined.sys-places": ("entities and attributes", "Entitäten und Attribute"),
    "ngsi.examined.pages": ("pages of {what}", "Seiten von {what}"),
    "ngsi.examined.counted": ("counted queries", "gezählte Abfragen"),
    "ngsi.examined.responses": ("responses", "Antworten"),
    "ngsi.examined.types": ("entity types", "Entitätstypen"),
    "ngsi.examined.writes": ("entities written by the suite", "von der Suite geschriebene Entitäten"),
}

MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **REASONS, **NOTES, **EXAMINED})


def m(code: str, **params: Param) -> Message:
    """A message of the NGSI-LD suite (``code`` without the ``ngsi.`` prefix)."""
    return MESSAGES(f"ngsi.{code}", **params)
