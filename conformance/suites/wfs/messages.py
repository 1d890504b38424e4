"""Every message of the WFS suite: findings, reasons, notes, phrases and what the checks examined, in English and
German. Texts from a library or from the server (a schema validator's error, an exception text) are parameters.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param
from conformance.suites.wfs.messages_filters import FILTERS

FINDINGS = {
    "wfs.not-capabilities": (
        "GetCapabilities did not give WFS 2.0 capabilities: {actual}",
        "GetCapabilities lieferte keine WFS-2.0-Capabilities: {actual}",
    ),
    "wfs.capabilities-unreadable": (
        "the capabilities are not readable XML: {error}",
        "die Capabilities sind kein lesbares XML: {error}",
    ),
    "wfs.schema-error": (
        "{document} not schema-valid: {text}",
        "{document} nicht schemagültig: {text}",
    ),
    "wfs.wrong-version": (
        "the capabilities declare version {actual}, not 2.0.0",
        "die Capabilities geben Version {actual} an, nicht 2.0.0",
    ),
    "wfs.operation-missing": (
        "the capabilities do not list the operation {operation}",
        "die Capabilities nennen die Operation {operation} nicht",
    ),
    "wfs.no-binding": (
        "no service binding is declared TRUE (KVPEncoding, XMLEncoding, SOAPEncoding)",
        "keine Dienstbindung ist als TRUE angegeben (KVPEncoding, XMLEncoding, SOAPEncoding)",
    ),
    "wfs.answer-not-document": (
        "{request} gave no {document}: {actual}",
        "{request} lieferte kein {document}: {actual}",
    ),
    "wfs.by-id-not-listed": (
        "{document} does not name the stored query GetFeatureById",
        "{document} nennt die gespeicherte Abfrage GetFeatureById nicht",
    ),
    "wfs.by-id-no-feature": (
        "GetFeatureById with ID={id} gave no feature: {actual}",
        "GetFeatureById mit ID={id} lieferte kein Feature: {actual}",
    ),
    "wfs.by-id-collection": (
        "GetFeatureById with ID={id} gave {actual}, not the feature itself",
        "GetFeatureById mit ID={id} lieferte {actual} statt des Features selbst",
    ),
    "wfs.by-id-other-feature": (
        "GetFeatureById with ID={id} gave the feature {actual}",
        "GetFeatureById mit ID={id} lieferte das Feature {actual}",
    ),
    "wfs.code-missed": (
        "{asked}: expected the exception {exception}, got {actual}",
        "{asked}: erwartet war die Ausnahme {exception}, erhalten {actual}",
    ),
    "wfs.dft-not-schema": (
        "DescribeFeatureType for {type} gave no XML Schema: {actual}",
        "DescribeFeatureType für {type} lieferte kein XML-Schema: {actual}",
    ),
    "wfs.dft-not-compiled": (
        "the schema DescribeFeatureType gave for {type} cannot be used offline: {error}",
        "das Schema, das DescribeFeatureType für {type} lieferte, ist offline nicht verwendbar: {error}",
    ),
    "wfs.dft-no-element": (
        "the schema DescribeFeatureType gave for {type} declares no element {element}",
        "das Schema, das DescribeFeatureType für {type} lieferte, deklariert kein Element {element}",
    ),
    "wfs.feature-invalid": (
        "{request}: the response does not validate against the schemas it names: {text}",
        "{request}: die Antwort ist nicht gültig gegen die Schemas, die sie nennt: {text}",
    ),
    "wfs.not-collection": (
        "{request} gave no {document}: {actual}",
        "{request} lieferte keine {document}: {actual}",
    ),
    "wfs.count-exceeded": (
        "GetFeature for {type} with COUNT={count} returned {actual} features",
        "GetFeature für {type} mit COUNT={count} lieferte {actual} Features",
    ),
    "wfs.number-returned": (
        "{request}: numberReturned is {declared}, but {actual} came",
        "{request}: numberReturned ist {declared}, es kamen aber {actual}",
    ),
    "wfs.hits-members": (
        "GetFeature for {type} with RESULTTYPE=hits returned {actual} features",
        "GetFeature für {type} mit RESULTTYPE=hits lieferte {actual} Features",
    ),
    "wfs.hits-not-number": (
        "GetFeature for {type} with RESULTTYPE=hits gave numberMatched={actual}, not a count",
        "GetFeature für {type} mit RESULTTYPE=hits lieferte numberMatched={actual}, keine Anzahl",
    ),
    "wfs.hits-below-results": (
        "GetFeature for {type} with RESULTTYPE=hits counts {matched} features, but a query returned {actual}",
        "GetFeature für {type} mit RESULTTYPE=hits zählt {matched} Features, eine Abfrage lieferte aber {actual}",
    ),
    "wfs.values-count": (
        "GetPropertyValue for {type} with COUNT={count} returned {actual} values",
        "GetPropertyValue für {type} mit COUNT={count} lieferte {actual} Werte",
    ),
    "wfs.paging-duplicate": (
        "paging through {type}: the feature {id} came again on page {page}",
        "Blättern durch {type}: das Feature {id} kam auf Seite {page} erneut",
    ),
    "wfs.paging-page-size": (
        "paging through {type} with COUNT={count}: page {page} has {actual} features",
        "Blättern durch {type} mit COUNT={count}: Seite {page} hat {actual} Features",
    ),
    "wfs.paging-total": (
        "paging through {type} to the end gave {actual} features, RESULTTYPE=hits counts {matched}",
        "Blättern durch {type} bis zum Ende ergab {actual} Features, RESULTTYPE=hits zählt {matched}",
    ),
    "wfs.paging-no-next": (
        "GetFeature for {type} with COUNT={count} has no next link although {matched} features match",
        "GetFeature für {type} mit COUNT={count} hat keinen next-Link, obwohl {matched} Features passen",
    ),
    "wfs.paging-previous-other": (
        "the previous link of page 2 of {type} gave other features than page 1",
        "der previous-Link der Seite 2 von {type} lieferte andere Features als Seite 1",
    ),
    "wfs.filter-id-other": (
        "GetFeature for {type} with the filter ResourceId {id} gave the features {actual}",
        "GetFeature für {type} mit dem Filter ResourceId {id} lieferte die Features {actual}",
    ),
    "wfs.filter-equal-missed": (
        "GetFeature for {type} with {reference} = {value} does not return the feature {id} it holds for",
        "GetFeature für {type} mit {reference} = {value} liefert das Feature {id} nicht, für das es gilt",
    ),
    "wfs.filter-equal-other": (
        "GetFeature for {type} with {reference} = {value} returns the feature {id} with {reference} = {actual}",
        "GetFeature für {type} mit {reference} = {value} liefert das Feature {id} mit {reference} = {actual}",
    ),
    "wfs.min-spatial-not-declared": (
        "the Filter_Capabilities do not declare ImplementsMinSpatialFilter TRUE, which a Basic WFS needs",
        "die Filter_Capabilities geben ImplementsMinSpatialFilter nicht als TRUE an, was ein Basis-WFS braucht",
    ),
    "wfs.filter-bbox-missed": (
        "GetFeature for {type} with a BBOX around the feature {id} does not return it",
        "GetFeature für {type} mit einer BBOX um das Feature {id} liefert es nicht",
    ),
    "wfs.filter-bbox-outside": (
        "GetFeature for {type} with a BBOX returns the feature {id}, which lies outside the box",
        "GetFeature für {type} mit einer BBOX liefert das Feature {id}, das außerhalb der Box liegt",
    ),
    "wfs.post-other-features": (
        "a POSTed GetFeature for {type} gave other features than the same query in KVP",
        "ein per POST gesendetes GetFeature für {type} lieferte andere Features als dieselbe Abfrage in KVP",
    ),
    "wfs.exception-not-xml": (
        "the exception report is not readable XML: {error}",
        "der Ausnahmebericht ist kein lesbares XML: {error}",
    ),
}

PHRASES = {
    "wfs.phrase-none": ("no reason given", "kein Grund angegeben"),
    "wfs.phrase-exception": ("the exception {exception}", "die Ausnahme {exception}"),
    "wfs.phrase-feature": ("the feature with gml:id {id}", "das Feature mit gml:id {id}"),
    "wfs.phrase-capabilities": ("capabilities", "Capabilities"),
    "wfs.phrase-listing": ("ListStoredQueriesResponse", "ListStoredQueriesResponse"),
    "wfs.phrase-descriptions": ("DescribeStoredQueriesResponse", "DescribeStoredQueriesResponse"),
    "wfs.phrase-report": ("exception report", "Ausnahmebericht"),
    "wfs.phrase-collection": ("wfs:FeatureCollection", "wfs:FeatureCollection"),
    "wfs.phrase-values": ("wfs:ValueCollection", "wfs:ValueCollection"),
    "wfs.asked-filter-id": (
        "GetFeature for {type} with the filter ResourceId {id}",
        "GetFeature für {type} mit dem Filter ResourceId {id}",
    ),
    "wfs.asked-filter-equal": (
        "GetFeature for {type} with the filter {reference} = {value}",
        "GetFeature für {type} mit dem Filter {reference} = {value}",
    ),
    "wfs.asked-filter-bbox": ("GetFeature for {type} with a BBOX filter", "GetFeature für {type} mit BBOX-Filter"),
    "wfs.asked-post-query": ("a POSTed GetFeature for {type}", "ein per POST gesendetes GetFeature für {type}"),
    "wfs.asked-page": ("page {page} of {type}", "Seite {page} von {type}"),
    "wfs.asked-previous": ("the previous link of page 2 of {type}", "der previous-Link der Seite 2 von {type}"),
    "wfs.asked-features": ("GetFeature for {type}", "GetFeature für {type}"),
    "wfs.asked-hits": ("GetFeature for {type} with RESULTTYPE=hits", "GetFeature für {type} mit RESULTTYPE=hits"),
    "wfs.asked-by-id": ("GetFeatureById with ID={id}", "GetFeatureById mit ID={id}"),
    "wfs.asked-values": (
        "GetPropertyValue for {type} with VALUEREFERENCE={reference}",
        "GetPropertyValue für {type} mit VALUEREFERENCE={reference}",
    ),
    "wfs.asked-missing-query": ("GetFeature without TYPENAMES", "GetFeature ohne TYPENAMES"),
    "wfs.asked-unknown-type": ("GetFeature with TYPENAMES={value}", "GetFeature mit TYPENAMES={value}"),
    "wfs.asked-unknown-operation": ("REQUEST={value}", "REQUEST={value}"),
    "wfs.asked-unknown-id": ("GetFeatureById with ID={value}", "GetFeatureById mit ID={value}"),
}

NOTES = {
    "wfs.skip-capabilities": (
        "the capabilities are unusable: {reason}",
        "die Capabilities sind unbrauchbar: {reason}",
    ),
    "wfs.note-cut": (
        "sampling cut: {limit} of {total} feature types asked for",
        "Stichprobe: {limit} von {total} Featuretypen abgefragt",
    ),
    "wfs.note-cut-pages": (
        "sampling cut: paging through {type} stopped after {limit} pages (option max_pages)",
        "Stichprobe: das Blättern durch {type} endete nach {limit} Seiten (Option max_pages)",
    ),
    "wfs.note-foreign-link": (
        "the paging link {url} is not on a host declared for the vendor (not followed)",
        "der Blätter-Link {url} liegt nicht auf einem für den Anbieter angegebenen Host (nicht verfolgt)",
    ),
    "wfs.note-no-feature-id": (
        "no feature identifier to ask GetFeatureById for (ImplementsBasicWFS is not TRUE and the option "
        "feature_id is not set): only the answer to an unknown identifier was judged",
        "keine Feature-Kennung für GetFeatureById (ImplementsBasicWFS ist nicht TRUE und die Option feature_id "
        "ist nicht gesetzt): nur die Antwort auf eine unbekannte Kennung wurde beurteilt",
    ),
}

EXAMINED = {
    "wfs.examined.capabilities": ("capabilities document", "Capabilities-Dokument"),
    "wfs.examined.listings": (
        "ListStoredQueries and DescribeStoredQueries responses",
        "Antworten auf ListStoredQueries und DescribeStoredQueries",
    ),
    "wfs.examined.by-id": ("GetFeatureById requests", "GetFeatureById-Anfragen"),
    "wfs.examined.exception-requests": (
        "requests provoking an exception",
        "Anfragen, die eine Ausnahme provozieren",
    ),
    "wfs.examined.exception-reports": ("exception reports", "Ausnahmeberichte"),
    "wfs.examined.feature-types": ("feature types described", "beschriebene Featuretypen"),
    "wfs.examined.feature-responses": (
        "GetFeature and GetPropertyValue responses with features or values",
        "GetFeature- und GetPropertyValue-Antworten mit Features oder Werten",
    ),
    "wfs.examined.count-requests": (
        "GetFeature requests with COUNT and with RESULTTYPE=hits",
        "GetFeature-Anfragen mit COUNT und mit RESULTTYPE=hits",
    ),
    "wfs.examined.value-requests": ("GetPropertyValue requests", "GetPropertyValue-Anfragen"),
    "wfs.examined.filter-id": (
        "GetFeature requests with a ResourceId filter",
        "GetFeature-Anfragen mit ResourceId-Filter",
    ),
    "wfs.examined.filter-equal": (
        "GetFeature requests with a PropertyIsEqualTo filter",
        "GetFeature-Anfragen mit PropertyIsEqualTo-Filter",
    ),
    "wfs.examined.filter-bbox": ("GetFeature requests with a BBOX filter", "GetFeature-Anfragen mit BBOX-Filter"),
    "wfs.examined.post-queries": ("POSTed GetFeature queries", "per POST gesendete GetFeature-Abfragen"),
    "wfs.examined.post-by-id": ("POSTed GetFeatureById requests", "per POST gesendete GetFeatureById-Anfragen"),
    "wfs.examined.pages": ("pages reached through next links", "über next-Links erreichte Seiten"),
    "wfs.examined.previous-links": ("previous links followed", "verfolgte previous-Links"),
}

MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **NOTES, **EXAMINED, **FILTERS})


def m(key: str, /, **params: Param) -> Message:
    """A message of the WFS suite (``key`` is the code without the ``wfs.`` prefix)."""
    return MESSAGES(f"wfs.{key}", **params)
