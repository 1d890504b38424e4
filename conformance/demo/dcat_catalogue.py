"""A fictional DCAT-AP.de 3.0 catalogue (test double of a municipal open-data export): Turtle text with any
number of datasets and switchable defects, each naming the shape it breaks. Other syntaxes are written with
pyoxigraph from the same triples."""

from __future__ import annotations

import pyoxigraph as ox

EU = "http://publications.europa.eu/resource/authority/"
BASE = "https://daten.musterstadt.example/"
LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/"
PREFIXES = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix adms: <http://www.w3.org/ns/adms#> .
@prefix dcatap: <http://data.europa.eu/r5r/> .
@prefix dcatde: <http://dcat-ap.de/def/dcatde/> .
"""
# defect → (what it breaks, the triples of dataset 0 it replaces, the triples it writes instead)
DEFECTS: dict[str, tuple[str, str, str]] = {
    "no-title": ("dct:title missing (sh:minCount)", 'dct:title "Datensatz 0"@de ;', ""),
    "two-frequencies": (
        "two dct:accrualPeriodicity (sh:maxCount)",
        f"dct:accrualPeriodicity <{EU}frequency/ANNUAL> ;",
        f"dct:accrualPeriodicity <{EU}frequency/ANNUAL>, <{EU}frequency/MONTHLY> ;",
    ),
    "accessurl-literal": (
        "dcat:accessURL as a literal (sh:nodeKind)",
        "dcat:accessURL <https://daten.musterstadt.example/files/0.csv> ;",
        'dcat:accessURL "https://daten.musterstadt.example/files/0.csv" ;',
    ),
    "contact-untyped": (
        "dcat:contactPoint not a vcard:Kind (sh:class)",
        "dcat:contactPoint [ a vcard:Organization ;",
        "dcat:contactPoint [",
    ),
    "frequency-not-eu": (
        "dct:accrualPeriodicity outside the EU frequency table (controlled vocabulary)",
        f"dct:accrualPeriodicity <{EU}frequency/ANNUAL> ;",
        "dct:accrualPeriodicity <http://purl.org/cld/freq/annual> ;",
    ),
    "no-license": (
        "dct:license of the distribution missing (DCAT-AP.de MUSS)",
        "dct:license <http",
        "dct:rights <http",
    ),
    "mediatype-not-iana": (
        "dcat:mediaType outside IANA media types (sh:pattern)",
        f"dct:format <{EU}file-type/CSV> ;",
        f"dct:format <{EU}file-type/CSV> ; dcat:mediaType <https://media.example/csv> ;",
    ),
    "deprecated-status": (
        "adms:status from the deprecated purl.org list (sh:not, SOLL)",
        f"dct:format <{EU}file-type/CSV> ;",
        f"dct:format <{EU}file-type/CSV> ; adms:status <http://purl.org/adms/status/Completed> ;",
    ),
    "geocoding-level": (
        "dcatde:politicalGeocodingLevelURI from the dcat-ap.de level list, not available offline (not checked)",
        f"dct:accrualPeriodicity <{EU}frequency/ANNUAL> ;",
        f"dct:accrualPeriodicity <{EU}frequency/ANNUAL> ; dcatde:politicalGeocodingLevelURI <{LEVEL}municipality> ;",
    ),
    "frequency-newer": (
        "a frequency the offline EU table lacks (not checked offline, no violation)",
        f"dct:accrualPeriodicity <{EU}frequency/ANNUAL> ;",
        f"dct:accrualPeriodicity <{EU}frequency/HOURLY> ;",
    ),
}


def dataset(i: int) -> str:
    """The triples of dataset ``i`` and its distribution."""
    return f"""ex:ds{i} a dcat:Dataset ; dct:title "Datensatz {i}"@de ; dct:description "Beschreibung {i}"@de ;
  dcat:contactPoint [ a vcard:Organization ; vcard:fn "Open-Data-Team"@de ; vcard:hasEmail <mailto:od@example.org> ] ;
  dcat:theme <{EU}data-theme/GOVE> ; dct:language <{EU}language/DEU> ;
  dct:accrualPeriodicity <{EU}frequency/ANNUAL> ;
  dct:accessRights <{EU}access-right/PUBLIC> ; dct:publisher ex:org ; dcat:distribution ex:dist{i} .
ex:dist{i} a dcat:Distribution ; dcat:accessURL <https://daten.musterstadt.example/files/{i}.csv> ;
  dct:format <{EU}file-type/CSV> ; dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> .
"""


def catalogue(
    count: int = 3, defects: tuple[str, ...] = (), title: str = "Offene Daten Musterstadt", base: str = BASE
) -> str:
    """A catalogue of ``count`` datasets as Turtle, its nodes under ``base``; each defect changes dataset 0."""
    head = f"""ex:catalog a dcat:Catalog ; dct:title "{title}"@de ; dct:description "Offene Daten"@de ;
  dct:publisher ex:org ; dct:language <{EU}language/DEU> ;
  dcat:dataset {", ".join(f"ex:ds{i}" for i in range(count))} .
ex:org a foaf:Organization ; foaf:name "Stadt Musterstadt"@de .
"""
    first = dataset(0)
    for defect in defects:
        _, old, new = DEFECTS[defect]
        first = first.replace(old, new, 1)
    return PREFIXES + f"@prefix ex: <{base}> .\n" + head + first + "".join(dataset(i) for i in range(1, count))


def serialised(turtle: str, syntax: ox.RdfFormat) -> bytes:
    """The same triples in another syntax (RDF/XML, JSON-LD with an inline context, N-Triples)."""
    quads = ox.parse(turtle.encode(), ox.RdfFormat.TURTLE)
    return ox.serialize(quads, format=syntax, prefixes={"dcat": "http://www.w3.org/ns/dcat#"}) or b""
