"""Every message of the Part 2, Part 3 and CQL2 checks, in English and German (prefix ``query.``).

The catalogue includes Part 1's, whose observation (landing page, collections sample) these checks share.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param
from conformance.suites.ogcapi_features.messages import MESSAGES as FEATURES_MESSAGES

FINDINGS = {
    "crs-not-uri": (
        "{crs} in {collection} is neither an OGC CRS URI nor a safe CURIE",
        "{crs} in {collection} ist weder eine OGC-KRS-URI noch eine Safe CURIE",
    ),
    "no-crs-list": ("{collection} lists no CRS (crs)", "{collection} führt keine KRS auf (crs)"),
    "no-storage-crs": ("{collection} names no storageCrs", "{collection} nennt kein storageCrs"),
    "storage-crs-unlisted": (
        "the storageCrs {crs} of {collection} is not in its crs list",
        "das storageCrs {crs} von {collection} fehlt in seiner crs-Liste",
    ),
    "crs-positions-count": (
        "feature {feature} in {crs}: {found} positions, {expected} in CRS84",
        "Feature {feature} in {crs}: {found} Positionen, in CRS84 {expected}",
    ),
    "crs-position-wrong": (
        "feature {feature} in {crs}: position {index} is not the CRS84 position {source} reprojected by PROJ "
        "(in the CRS's axis order)",
        "Feature {feature} in {crs}: Position {index} ist nicht die mit PROJ umgerechnete CRS84-Position {source} "
        "(in der Achsreihenfolge des KRS)",
    ),
    "no-content-crs": ("{url} has no Content-Crs header", "{url} hat keinen Content-Crs-Header"),
    "content-crs-wrong": (
        "{url}: Content-Crs is {value}, expected <{crs}>",
        "{url}: Content-Crs ist {value}, erwartet <{crs}>",
    ),
    "box-seed-missing": (
        "{what} {box} in {crs} around feature {feature} does not return it",
        "{what} {box} in {crs} um Feature {feature} liefert es nicht",
    ),
    "box-feature-outside": (
        "{what} {box} in {crs} returns feature {feature}, which lies outside the box",
        "{what} {box} in {crs} liefert Feature {feature}, das außerhalb der Box liegt",
    ),
    "no-queryables-link": (
        "{collection} does not link to its queryables",
        "{collection} verlinkt seine abfragbaren Eigenschaften nicht",
    ),
    "queryables-schema-draft": (
        "$schema is {found}, not JSON Schema 2019-09 or 2020-12",
        "$schema ist {found}, nicht JSON Schema 2019-09 oder 2020-12",
    ),
    "queryables-id": ("$id is {found}, expected {expected}", "$id ist {found}, erwartet {expected}"),
    "queryables-not-object": (
        "type is {found}, not object with properties",
        "type ist {found}, nicht object mit properties",
    ),
    "queryables-invalid-schema": (
        "the queryables are no valid JSON Schema: {error}",
        "die abfragbaren Eigenschaften sind kein gültiges JSON Schema: {error}",
    ),
    "filter-not-satisfied": (
        "feature {feature} is returned, but {filter} is not TRUE for it",
        "Feature {feature} wird geliefert, aber {filter} ist dafür nicht TRUE",
    ),
    "filter-seed-missing": (
        "feature {feature} satisfies {filter}, but the complete answer does not contain it",
        "Feature {feature} erfüllt {filter}, fehlt aber in der vollständigen Antwort",
    ),
}
WHAT = {
    "what.crs-unlisted": (
        "items of {collection} with crs={crs} (not listed)",
        "Items von {collection} mit crs={crs} (nicht aufgeführt)",
    ),
    "what.bbox-crs-unlisted": (
        "items of {collection} with bbox-crs={crs} (not listed)",
        "Items von {collection} mit bbox-crs={crs} (nicht aufgeführt)",
    ),
    "what.items-in-crs": ("items of {collection} in {crs}", "Items von {collection} in {crs}"),
    "what.bbox-crs": ("items of {collection} with bbox-crs", "Items von {collection} mit bbox-crs"),
    "what.queryables": ("queryables of {collection}", "abfragbare Eigenschaften von {collection}"),
    "what.parameter": ("items of {collection} with {parameter}", "Items von {collection} mit {parameter}"),
    "what.filter": ("items of {collection} with filter {filter}", "Items von {collection} mit Filter {filter}"),
    "what.filter-lang": (
        "items of {collection} with filter-lang={lang} and {filter}",
        "Items von {collection} mit filter-lang={lang} und {filter}",
    ),
    "what.filter-crs": (
        "items of {collection} with filter-crs={crs} and {filter}",
        "Items von {collection} mit filter-crs={crs} und {filter}",
    ),
    "what.filter-crs-unlisted": (
        "items of {collection} with filter-crs={crs} (not listed)",
        "Items von {collection} mit filter-crs={crs} (nicht aufgeführt)",
    ),
    "what.invalid-malformed": (
        "items of {collection} with the malformed filter {filter}",
        "Items von {collection} mit dem fehlerhaften Filter {filter}",
    ),
    "what.invalid-unknown-property": (
        "items of {collection} with a filter on an unknown property ({filter})",
        "Items von {collection} mit einem Filter auf eine unbekannte Eigenschaft ({filter})",
    ),
    "what.invalid-unknown-lang": (
        "items of {collection} with an unknown filter-lang ({filter})",
        "Items von {collection} mit unbekannter filter-lang ({filter})",
    ),
    "what.filter-bbox": (
        "items of {collection} with filter {filter} and bbox {box}",
        "Items von {collection} mit Filter {filter} und bbox {box}",
    ),
    "what.cql2": (
        "items of {collection} with {lang} filter {filter}",
        "Items von {collection} mit {lang}-Filter {filter}",
    ),
}
PHRASES = {
    "phrase.crs-uri": (
        "http://www.opengis.net/def/crs/AUTHORITY/VERSION/CODE or [AUTHORITY:CODE]",
        "http://www.opengis.net/def/crs/AUTHORITY/VERSION/CODE oder [AUTHORITY:CODE]",
    ),
    "phrase.crs-array": ("a non-empty crs array", "ein nicht leeres crs-Array"),
    "phrase.storage-crs": ("a storageCrs URI", "eine storageCrs-URI"),
    "phrase.content-crs": ("a Content-Crs header", "ein Content-Crs-Header"),
    "phrase.filter-true": ("{filter} is TRUE", "{filter} ist TRUE"),
    "skip.no-queryables": (
        "no sampled collection has readable queryables, from which the filters are built",
        "keine geprüfte Collection hat lesbare abfragbare Eigenschaften, aus denen die Filter gebaut werden",
    ),
    "note.crs-cut": (
        "{collection}: {cap} of {total} declared CRSs checked (option max_crs)",
        "{collection}: {cap} von {total} erklärten KRS geprüft (Option max_crs)",
    ),
    "note.crs-unknown-to-proj": (
        "{collection}: {crs} is unknown to PROJ and was not compared",
        "{collection}: {crs} ist PROJ unbekannt und wurde nicht verglichen",
    ),
}
EXAMINED = {
    "examined.crs-names": ("CRS identifiers", "KRS-Bezeichner"),
    "examined.collections": ("collections", "Collections"),
    "examined.storage-crs": ("storageCrs values", "storageCrs-Angaben"),
    "examined.unlisted-crs-requests": ("requests naming an unlisted CRS", "Anfragen mit nicht aufgeführtem KRS"),
    "examined.reprojected-features": (
        "features compared in CRS84 and a declared CRS",
        "in CRS84 und einem erklärten KRS verglichene Features",
    ),
    "examined.items-answers": ("items answers", "Items-Antworten"),
    "examined.content-crs": ("Content-Crs headers", "Content-Crs-Header"),
    "examined.bbox-crs-requests": ("bbox-crs requests", "bbox-crs-Anfragen"),
    "examined.queryables": ("queryables documents", "Dokumente abfragbarer Eigenschaften"),
    "examined.parameter-requests": ("queryable parameter requests", "Anfragen mit Eigenschaftsparametern"),
    "examined.filter-requests": ("filter requests", "Filter-Anfragen"),
    "examined.filter-crs-requests": ("filter-crs requests", "filter-crs-Anfragen"),
    "examined.filtered-features": (
        "features returned for the filters {filters}",
        "für die Filter {filters} gelieferte Features",
    ),
    "examined.features-filter-probes": (
        "invalid and combined filter probes",
        "Proben mit ungültigen und kombinierten Filtern",
    ),
    "examined.cql2-filters": ("CQL2 filters ({kinds})", "CQL2-Filter ({kinds})"),
}

MESSAGES = FEATURES_MESSAGES.merged(
    Catalogue.of({f"query.{code}": texts for code, texts in {**FINDINGS, **WHAT, **PHRASES, **EXAMINED}.items()})
)


def q(code: str, **params: Param) -> Message:
    """A message of the Part 2/3 and CQL2 checks (``code`` without the ``query.`` prefix)."""
    return MESSAGES(f"query.{code}", **params)
