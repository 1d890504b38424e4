"""Every message of the SensorThings suite, in English and German: findings, notes, reasons, phrases, examined.

Phrases stand inside findings or as expected and actual values and render in the same language; the RFC 7946
findings of GeoJSON values come from :mod:`conformance.core.geojsonmessages`.
"""

from __future__ import annotations

from conformance.core.geojsonmessages import GEOJSON_MESSAGES
from conformance.core.messages import Catalogue, Message, Param
from conformance.suites.sensorthings.messages_ext import EXT_MESSAGES, MQTT_MESSAGES
from conformance.suites.sensorthings.messages_write import WRITE_MESSAGES

FINDINGS = {
    "sta.no-member": ("entity {entity} has no {member}", "Entität {entity} hat kein {member}"),
    "sta.link-unresolved": (
        "{what} does not resolve (HTTP {status})",
        "{what} lässt sich nicht auflösen (HTTP {status})",
    ),
    "sta.other-entity": (
        "{what} answers with entity {got}, not {wanted}",
        "{what} liefert die Entität {got}, nicht {wanted}",
    ),
    "sta.no-property": (
        "{type} {entity} lacks the mandatory property {property}",
        "{type} {entity} fehlt die Pflichteigenschaft {property}",
    ),
    "sta.bad-property": (
        "property {property} of entity {entity}: {problem}",
        "Eigenschaft {property} der Entität {entity}: {problem}",
    ),
    "sta.no-nav-link": (
        "entity {entity} has no navigation link for {relation}",
        "Entität {entity} hat keinen Navigationslink für {relation}",
    ),
    "sta.not-entity": ("{what} does not answer with an entity", "{what} liefert keine Entität"),
    "sta.not-collection": ("{what} does not answer with a value array", "{what} liefert kein value-Array"),
    "sta.not-back": ("{what} does not lead back to entity {origin}", "{what} führt nicht zur Entität {origin} zurück"),
    "sta.set-not-listed": (
        "the service root does not list the entity set {set} with name and url",
        "die Service-Root führt die Entitätsmenge {set} nicht mit name und url auf",
    ),
    "sta.set-not-collection": (
        "entity set {set} does not answer with a value array (HTTP {status})",
        "die Entitätsmenge {set} liefert kein value-Array (HTTP {status})",
    ),
    "sta.property-path": (
        "the property path {path} does not answer with the property (HTTP {status})",
        "der Eigenschaftspfad {path} liefert die Eigenschaft nicht (HTTP {status})",
    ),
    "sta.raw-value": (
        "the raw value path {path} does not answer with the value (HTTP {status})",
        "der Rohwert-Pfad {path} liefert den Wert nicht (HTTP {status})",
    ),
    "sta.query-failed": ("{what} answered HTTP {status}", "{what} wurde mit HTTP {status} beantwortet"),
    "sta.top-size": ("$top={n} returned {got} entities", "$top={n} lieferte {got} Entitäten"),
    "sta.skip-wrong": (
        "$skip=1 on {set} does not leave out exactly the first entity",
        "$skip=1 auf {set} lässt nicht genau die erste Entität aus",
    ),
    "sta.count-missing": (
        "$count=true on {set} gives no usable @iot.count",
        "$count=true auf {set} liefert kein brauchbares @iot.count",
    ),
    "sta.count-wrong": (
        "@iot.count of {set} is {count}, walking the set gave {total} entities",
        "@iot.count von {set} ist {count}, das Durchlaufen der Menge ergab {total} Entitäten",
    ),
    "sta.count-unasked": (
        "$count=false on {set} still gives @iot.count",
        "$count=false auf {set} liefert trotzdem @iot.count",
    ),
    "sta.count-topped": ("@iot.count of {set} changes with $top=1", "@iot.count von {set} ändert sich mit $top=1"),
    "sta.count-invalid": (
        "$count=maybe answered HTTP {status}, not 400",
        "$count=maybe wurde mit HTTP {status} beantwortet, nicht 400",
    ),
    "sta.next-at-end": (
        "@iot.nextLink of {set} leads to an empty page: the final page carries a next link",
        "@iot.nextLink von {set} führt zu einer leeren Seite: die letzte Seite trägt einen next-Link",
    ),
    "sta.order-wrong": (
        "$orderby={prop} {direction} is not honoured",
        "$orderby={prop} {direction} wird nicht eingehalten",
    ),
    "sta.select-extra": (
        "entity {entity} has properties that were not selected: {extra}",
        "Entität {entity} hat nicht ausgewählte Eigenschaften: {extra}",
    ),
    "sta.not-expanded": (
        "entity {entity} does not carry {relation} expanded",
        "Entität {entity} enthält {relation} nicht expandiert",
    ),
    "sta.expand-differs": (
        "the expanded {relation} of entity {entity} differ from its navigation link",
        "die expandierten {relation} der Entität {entity} weichen von ihrem Navigationslink ab",
    ),
    "sta.filter-unmatched": (
        "{filter} returned entity {entity}, which does not satisfy it",
        "{filter} lieferte die Entität {entity}, die den Ausdruck nicht erfüllt",
    ),
    "sta.filter-missed": (
        "{filter} did not return entity {entity}, which satisfies it",
        "{filter} lieferte die Entität {entity} nicht, obwohl sie den Ausdruck erfüllt",
    ),
    "sta.next-duplicate": (
        "paging through {set} returns entity {entity} twice",
        "das Blättern durch {set} liefert Entität {entity} zweimal",
    ),
    "sta.next-cycle": (
        "@iot.nextLink of {set} leads back to a page already read",
        "@iot.nextLink von {set} führt zu einer schon gelesenen Seite zurück",
    ),
    "sta.walk-differs": (
        "paging through {set} with $top={size} reaches {got} entities, the server's own pages {total}",
        "das Blättern durch {set} mit $top={size} erreicht {got} Entitäten, die eigenen Seiten des Servers {total}",
    ),
}

PHRASES = {
    "sta.phrase.self-link": ("@iot.selfLink of entity {entity}", "@iot.selfLink der Entität {entity}"),
    "sta.phrase.nav-link": ("the {relation} link of entity {entity}", "der {relation}-Link der Entität {entity}"),
    "sta.phrase.entity-path": ("the entity path {path}", "der Entitätspfad {path}"),
    "sta.phrase.page-of": ("a page of {set}", "eine Seite von {set}"),
    "sta.phrase.value-array": ("a JSON object with a value array", "ein JSON-Objekt mit value-Array"),
    "sta.phrase.an-entity": ("an entity (a JSON object with @iot.id)", "eine Entität (JSON-Objekt mit @iot.id)"),
    "sta.phrase.an-array": ("an array of entities", "ein Array von Entitäten"),
    "sta.phrase.an-object": ("a JSON object", "ein JSON-Objekt"),
    "sta.phrase.a-string": ("a string", "eine Zeichenkette"),
    "sta.phrase.geojson": ("a GeoJSON geometry", "eine GeoJSON-Geometrie"),
    "sta.phrase.iso-instant": ("an ISO 8601 date-time", "ein Zeitpunkt nach ISO 8601"),
    "sta.phrase.iso-interval": ("an ISO 8601 interval (start/end)", "ein Intervall nach ISO 8601 (Anfang/Ende)"),
    "sta.phrase.iso-time": ("an ISO 8601 date-time or interval", "ein Zeitpunkt oder Intervall nach ISO 8601"),
    "sta.phrase.not-a": ("not {kind}", "nicht {kind}"),
    "sta.phrase.null": ("null, but mandatory", "null, aber Pflicht"),
    "sta.phrase.uom-without": ("the unit of measurement lacks {members}", "der Maßeinheit fehlt {members}"),
    "sta.phrase.geojson-type": ("{type} is no GeoJSON geometry type", "{type} ist kein GeoJSON-Geometrietyp"),
    "sta.phrase.no-coordinates": ("the geometry has no coordinates array", "die Geometrie hat kein coordinates-Array"),
    "sta.phrase.absent": ("absent", "nicht vorhanden"),
    "sta.phrase.at-least": ("an integer of at least {count}", "eine ganze Zahl von mindestens {count}"),
    "sta.phrase.between": ("between {low} and {high} entities", "zwischen {low} und {high} Entitäten"),
    "sta.phrase.asc": ("not before {than}", "nicht vor {than}"),
    "sta.phrase.desc": ("not after {than}", "nicht nach {than}"),
    "sta.phrase.new-entities": ("entities not returned before", "noch nicht gelieferte Entitäten"),
    "sta.phrase.new-page": ("a page not read before", "eine noch nicht gelesene Seite"),
    "sta.kind.text": ("a string", "eine Zeichenkette"),
    "sta.kind.object": ("a JSON object", "ein JSON-Objekt"),
    "sta.kind.any": ("a value", "ein Wert"),
    "sta.kind.instant": ("an ISO 8601 date-time", "ein Zeitpunkt nach ISO 8601"),
    "sta.kind.time": ("an ISO 8601 date-time or interval", "ein Zeitpunkt oder Intervall nach ISO 8601"),
    "sta.kind.interval": ("an ISO 8601 interval", "ein Intervall nach ISO 8601"),
    "sta.kind.uom": ("a unit of measurement (name, symbol, definition)", "eine Maßeinheit (name, symbol, definition)"),
    "sta.kind.geojson": ("GeoJSON (RFC 7946)", "GeoJSON (RFC 7946)"),
    "sta.kind.area": ("a GeoJSON geometry", "eine GeoJSON-Geometrie"),
}

REASONS = {
    "sta.root-status": (
        "the service root {url} answered HTTP {status}",
        "die Service-Root {url} antwortete mit HTTP {status}",
    ),
    "sta.root-not-object": (
        "the service root {url} is not a JSON object",
        "die Service-Root {url} ist kein JSON-Objekt",
    ),
    "sta.skip.set-unusable": (
        "entity set {set} answered HTTP {status} without a JSON object",
        "die Entitätsmenge {set} antwortete mit HTTP {status} ohne JSON-Objekt",
    ),
    "sta.note.entities-cut": (
        "sampled the first {cap} entities of {set} (option max_entities)",
        "die ersten {cap} Entitäten von {set} geprüft (Option max_entities)",
    ),
    "sta.note.pages-cut": (
        "stopped paging after {cap} pages (option max_pages)",
        "Blättern nach {cap} Seiten beendet (Option max_pages)",
    ),
}

EXAMINED = {
    "sta.examined.entities": ("entities", "Entitäten"),
    "sta.examined.typed": ("{type} entities", "{type}-Entitäten"),
    "sta.examined.links": ("navigation links of {type} entities", "Navigationslinks von {type}-Entitäten"),
    "sta.examined.paths": ("resource paths", "Ressourcenpfade"),
    "sta.examined.requests": ("requests", "Anfragen"),
    "sta.examined.sets": ("entity sets", "Entitätsmengen"),
    "sta.examined.ordered": ("entities in ordered results", "Entitäten in sortierten Ergebnissen"),
    "sta.examined.filters": ("filter requests", "Filteranfragen"),
    "sta.examined.pages": ("pages", "Seiten"),
}

MESSAGES = Catalogue.of(
    {**FINDINGS, **PHRASES, **REASONS, **EXAMINED, **WRITE_MESSAGES, **EXT_MESSAGES, **MQTT_MESSAGES}
).merged(GEOJSON_MESSAGES)


def m(code: str, **params: Param) -> Message:
    """A message of the SensorThings suite (``code`` without the ``sta.`` prefix)."""
    return MESSAGES(f"sta.{code}", **params)
