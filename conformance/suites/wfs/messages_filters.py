"""The messages of the WFS checks of filters derived from the sample (PropertyIsLike, And/Or/Not, POSTed filters),
in English and German; merged into the suite's catalogue by messages.py."""

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
}
