"""Every message of the OGC API – Records suite, in English and German.

The responses, links and paging helpers shared with the OGC API – Features suite word their findings with that
suite's codes (``features.*``), so its catalogue is part of this one.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param
from conformance.suites.ogcapi_features.messages import MESSAGES as FEATURES

FINDINGS = {
    "records.member-missing": ("{what} lacks the member {name}", "{what} fehlt das Element {name}"),
    "records.member-wrong": (
        "{what}: {name} is {actual}, expected {expected}",
        "{what}: {name} ist {actual}, erwartet {expected}",
    ),
    "records.collection-links": (
        "{what} has {count} links with rel=collection, expected exactly one",
        "{what} hat {count} Links mit rel=collection, erwartet genau einen",
    ),
    "records.link-without-rel": ("{what}: a link has no rel", "{what}: ein Link hat kein rel"),
    "records.alternate-untyped": (
        "{what}: an alternate link has no type",
        "{what}: ein alternate-Link hat keinen type",
    ),
    "records.outside-bbox": (
        "{query}: record {record} (envelope {envelope}) does not intersect the box",
        "{query}: Metadatensatz {record} (Umhüllende {envelope}) schneidet die Box nicht",
    ),
    "records.no-geometry-in-bbox": (
        "{query}: record {record} has no geometry, so it cannot intersect the box",
        "{query}: Metadatensatz {record} hat keine Geometrie und kann die Box daher nicht schneiden",
    ),
    "records.outside-datetime": (
        "{query}: the time of record {record} ({time}) does not intersect the value",
        "{query}: die Zeit von Metadatensatz {record} ({time}) schneidet den Wert nicht",
    ),
    "records.term-absent": (
        "{query}: record {record} does not contain the search term {term} in any text field",
        "{query}: Metadatensatz {record} enthält den Suchbegriff {term} in keinem Textfeld",
    ),
    "records.type-differs": (
        "{query}: record {record} has type {actual}",
        "{query}: Metadatensatz {record} hat den Typ {actual}",
    ),
    "records.unsorted": (
        "{query}: record {record} ({value}) comes after {previous}",
        "{query}: Metadatensatz {record} ({value}) folgt auf {previous}",
    ),
    "records.too-many": (
        "{query}: {count} records on one page, more than the limit {limit}",
        "{query}: {count} Metadatensätze auf einer Seite, mehr als das Limit {limit}",
    ),
    "records.duplicate": (
        "record {record} comes twice while paging through {catalog} (page {page})",
        "Metadatensatz {record} kommt beim Blättern durch {catalog} doppelt vor (Seite {page})",
    ),
    "records.cycle": (
        "paging through {catalog} comes back to a page already seen ({url}, after page {page})",
        "das Blättern durch {catalog} kehrt zu einer bereits gesehenen Seite zurück ({url}, nach Seite {page})",
    ),
    "records.page-failed": (
        "paging through {catalog}: page {page} answered HTTP {status}",
        "Blättern durch {catalog}: Seite {page} antwortete mit HTTP {status}",
    ),
    "records.fewer-than-matched": (
        "paging through {catalog} to the end gave {count} records, numberMatched says {matched}",
        "Blättern durch {catalog} bis zum Ende ergab {count} Metadatensätze, numberMatched nennt {matched}",
    ),
    "records.time-wrong": ("{what}: time: {problem}", "{what}: Zeitangabe (time): {problem}"),
    "records.time-not-rfc3339": (
        "member {member} is {value}, not an RFC 3339 {rule}",
        "Element {member} ist {value}, kein RFC-3339-{rule}",
    ),
    "records.interval-not-pair": (
        "interval is {value}, not an array of a start and an end",
        "interval ist {value}, kein Array aus Beginn und Ende",
    ),
    "records.interval-end-wrong": (
        "interval end {value} is neither '..' nor an RFC 3339 full-date or date-time",
        "Intervallgrenze {value} ist weder '..' noch ein RFC-3339-full-date oder -date-time",
    ),
    "records.interval-mixed": (
        "interval starts with {start} and ends with {end}: a date and a timestamp mixed",
        "interval beginnt mit {start} und endet mit {end}: Datum und Zeitstempel gemischt",
    ),
    "records.timestamp-not-utc": (
        "timestamp {value} is not in UTC (Z)",
        "Zeitstempel {value} ist nicht in UTC (Z)",
    ),
    "records.date-timestamp-differ": (
        "date {date} and timestamp {timestamp} name different days",
        "date {date} und timestamp {timestamp} nennen verschiedene Tage",
    ),
    "records.instant-outside-interval": (
        "{value} lies outside the interval {start}/{end}",
        "{value} liegt außerhalb des Intervalls {start}/{end}",
    ),
    "records.no-definition": (
        "the landing page links no readable API definition (service-desc)",
        "die Landingpage verlinkt keine lesbare API-Definition (service-desc)",
    ),
    "records.spatial-typed": (
        "{what} is a spatial property but has the member {name}",
        "{what} ist eine räumliche Eigenschaft, hat aber das Element {name}",
    ),
    "records.no-sortables-link": (
        "catalog {id} has no link with rel={rel} to its sortables",
        "Katalog {id} hat keinen Link mit rel={rel} auf seine Sortables",
    ),
}

PHRASES = {
    "records.phrase.record": ("record {id}", "Metadatensatz {id}"),
    "records.phrase.sortables": ("the sortables of catalog {id}", "die Sortables des Katalogs {id}"),
    "records.phrase.catalog": ("catalog {id}", "Katalog {id}"),
    "records.phrase.sortable": ("sortable {name} of catalog {id}", "Sortable {name} des Katalogs {id}"),
    "records.phrase.no-member": ("no member {name}", "kein Element {name}"),
    "records.phrase.items": ("items of catalog {id}", "Items des Katalogs {id}"),
    "records.phrase.string": ("a non-empty string", "eine nicht leere Zeichenkette"),
    "records.phrase.object-or-null": ("an object or null", "ein Objekt oder null"),
    "records.phrase.intersecting": ("a geometry intersecting {box}", "eine Geometrie, die {box} schneidet"),
    "records.phrase.within": ("a time intersecting {window}", "eine Zeit, die {window} schneidet"),
    "records.phrase.containing": ("a text field containing {term}", "ein Textfeld, das {term} enthält"),
    "records.phrase.sorted": ("sorted by {key} ({direction})", "sortiert nach {key} ({direction})"),
    "records.phrase.ascending": ("ascending", "aufsteigend"),
    "records.phrase.descending": ("descending", "absteigend"),
    "records.phrase.each-once": ("each record once", "jeden Metadatensatz einmal"),
}

NOTES = {
    "records.note.not-catalogs": (
        "{count} entries of /collections are no catalogs (itemType record) and were not checked",
        "{count} Einträge von /collections sind keine Kataloge (itemType record) und wurden nicht geprüft",
    ),
    "records.note.catalogs-cut": (
        "sampling cut: checked {cap} of {total} catalogs (max_collections={cap})",
        "Stichprobe begrenzt: {cap} von {total} Katalogen geprüft (max_collections={cap})",
    ),
    "records.note.source-missing": (
        "{query}: record {record}, from which the query was built, is not in the result set",
        "{query}: Metadatensatz {record}, aus dem die Abfrage gebildet wurde, fehlt in der Ergebnismenge",
    ),
}

REASONS = {
    "records.skip.no-html-pages": (
        "no catalog or record page answered 200 text/html, so there is no HTML content to judge",
        "keine Katalog- oder Metadatensatzseite antwortete mit 200 text/html, es gibt keinen HTML-Inhalt zu prüfen",
    ),
    "records.skip.no-catalog": (
        "/collections lists no catalog (a collection with itemType record)",
        "/collections führt keinen Katalog auf (eine Collection mit itemType record)",
    ),
    "records.skip.no-records": (
        "the sampled catalogs hold no records",
        "die geprüften Kataloge enthalten keine Metadatensätze",
    ),
}

EXAMINED = {
    "records.examined.documents": (
        "landing page, conformance declaration and collections",
        "Landingpage, Konformitätserklärung und Collections",
    ),
    "records.examined.catalogs": ("catalogs", "Kataloge"),
    "records.examined.sortables": ("sortables of the catalogs", "Sortables der Kataloge"),
    "records.examined.record-documents": (
        "items pages and single records",
        "Items-Seiten und einzelne Metadatensätze",
    ),
    "records.examined.html-pages": ("HTML pages", "HTML-Seiten"),
    "records.examined.definition": ("API definition", "API-Definition"),
    "records.examined.documented-paths": (
        "records paths looked up in the API definition",
        "in der API-Definition nachgeschlagene Pfade der Metadatensätze",
    ),
    "records.examined.records": ("records", "Metadatensätze"),
    "records.examined.pages": ("pages", "Seiten"),
    "records.examined.returned": ("records returned to {looked}", "zu {looked} gelieferte Metadatensätze"),
    "records.examined.timed-records": (
        "records whose time object carries the members concerned",
        "Metadatensätze, deren time-Objekt die betroffenen Elemente enthält",
    ),
    "records.examined.timed": (
        "records with a known time returned to {looked}",
        "zu {looked} gelieferte Metadatensätze mit bekannter Zeit",
    ),
}

MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **NOTES, **REASONS, **EXAMINED}).merged(FEATURES)


def r(code: str, **params: Param) -> Message:
    """A message of the Records suite (``code`` without the ``records.`` prefix)."""
    return MESSAGES(f"records.{code}", **params)
