"""The messages of the WFS checks of filters derived from the sample (PropertyIsLike, And/Or/Not, POSTed filters),
of srsName and of the SOAP encoding, in English and German; merged into the suite's catalogue by messages.py."""

from __future__ import annotations

FILTERS = {
    "wfs.filter-unsatisfied": (
        "{request} returns the feature {id}, for which the filter does not hold",
        "{request} liefert das Feature {id}, für das der Filter nicht gilt",
    ),
    "wfs.filter-missed": (
        "{request} does not return the feature {id}, for which the filter holds",
        "{request} liefert das Feature {id} nicht, für das der Filter gilt",
    ),
    "wfs.filter-not-declared": (
        "the Filter_Capabilities do not declare {constraint} TRUE",
        "die Filter_Capabilities geben {constraint} nicht als TRUE an",
    ),
    "wfs.asked-filter": (
        "GetFeature ({encoding}) for {type} with the filter {filter}",
        "GetFeature ({encoding}) für {type} mit dem Filter {filter}",
    ),
    "wfs.examined.filter-like": (
        "GetFeature requests with a PropertyIsLike filter",
        "GetFeature-Anfragen mit PropertyIsLike-Filter",
    ),
    "wfs.examined.filter-logical": (
        "GetFeature requests with an And, Or or Not filter",
        "GetFeature-Anfragen mit And-, Or- oder Not-Filter",
    ),
    "wfs.examined.post-filters": (
        "POSTed GetFeature queries with a filter",
        "per POST gesendete GetFeature-Abfragen mit Filter",
    ),
    "wfs.srs-name-other": (
        "GetFeature for {type} with SRSNAME={crs} gives the feature {id} with the srsName {actual}",
        "GetFeature für {type} mit SRSNAME={crs} liefert das Feature {id} mit dem srsName {actual}",
    ),
    "wfs.srs-points": (
        "GetFeature for {type} with SRSNAME={crs} gives the feature {id} with {actual} coordinates, in the "
        "DefaultCRS it has {expected}",
        "GetFeature für {type} mit SRSNAME={crs} liefert das Feature {id} mit {actual} Koordinaten, im "
        "DefaultCRS hat es {expected}",
    ),
    "wfs.srs-coordinates": (
        "GetFeature for {type} with SRSNAME={crs} gives the feature {id} elsewhere than its coordinates in "
        "{default} transformed by PROJ (tolerance {tolerance})",
        "GetFeature für {type} mit SRSNAME={crs} liefert das Feature {id} an anderer Stelle als seine Koordinaten "
        "in {default}, mit PROJ transformiert (Toleranz {tolerance})",
    ),
    "wfs.asked-srs": ("GetFeature for {type} with SRSNAME={crs}", "GetFeature für {type} mit SRSNAME={crs}"),
    "wfs.note-cut-crs": (
        "sampling cut: {limit} of {total} OtherCRS of {type} asked for (option max_crs)",
        "Stichprobe: {limit} von {total} OtherCRS von {type} abgefragt (Option max_crs)",
    ),
    "wfs.note-crs-form": (
        "the coordinates in {crs} were not compared with those in {default}: only the urn and http forms of EPSG "
        "and OGC CRS that PROJ knows say the axis order",
        "die Koordinaten in {crs} wurden nicht mit denen in {default} verglichen: nur die urn- und http-Formen "
        "von EPSG- und OGC-CRS, die PROJ kennt, legen die Achsenreihenfolge fest",
    ),
    "wfs.examined.srs-requests": (
        "GetFeature requests with an OtherCRS as srsName",
        "GetFeature-Anfragen mit einem OtherCRS als srsName",
    ),
    "wfs.examined.srs-unlisted": (
        "GetFeature requests with a srsName the type does not list",
        "GetFeature-Anfragen mit einem srsName, den der Typ nicht nennt",
    ),
    "wfs.examined.srs-features": (
        "features whose coordinates were compared with their DefaultCRS coordinates",
        "Features, deren Koordinaten mit denen im DefaultCRS verglichen wurden",
    ),
    "wfs.soap-no-collection": (
        "a GetFeature for {type} in a SOAP envelope (1.2, then 1.1) was not answered with a wfs:FeatureCollection in a "
        "SOAP envelope: {actual}",
        "ein GetFeature für {type} in einem SOAP-Umschlag (1.2, dann 1.1) wurde nicht mit einer wfs:FeatureCollection "
        "in einem SOAP-Umschlag beantwortet: {actual}",
    ),
    "wfs.soap-other-features": (
        "a GetFeature for {type} in a SOAP envelope gave other features than the same query in KVP",
        "ein GetFeature für {type} in einem SOAP-Umschlag lieferte andere Features als dieselbe Abfrage in KVP",
    ),
    "wfs.soap-no-fault": (
        "a SOAP request for an unknown type was not answered with a soap:Fault in a SOAP envelope: {actual}",
        "eine SOAP-Anfrage für einen unbekannten Typ wurde nicht mit einem soap:Fault in einem SOAP-Umschlag "
        "beantwortet: {actual}",
    ),
    "wfs.soap-fault-no-report": (
        "the soap:Fault for an unknown type holds no ows:ExceptionReport in its detail",
        "der soap:Fault für einen unbekannten Typ enthält in seinem Detail keinen ows:ExceptionReport",
    ),
    "wfs.examined.soap-requests": ("GetFeature requests in SOAP envelopes", "GetFeature-Anfragen in SOAP-Umschlägen"),
    "wfs.examined.soap-faults": (
        "SOAP requests provoking an exception",
        "SOAP-Anfragen, die eine Ausnahme provozieren",
    ),
}
