"""The catalogue records the pycsw target is loaded with: Dublin Core and ISO 19139 (as GDI-DE uses it).

``RECORDS`` lists what is loaded, so suites can state expectations without reading the XML. The ISO records
follow the GDI-DE conventions for metadata (Konventionen zu Metadaten): German as metadata language, a
resource identifier in a registry namespace, GEMET/INSPIRE and "opendata" keywords, the licence as
otherConstraints text plus JSON, EPSG:25832, and service records (view, download) that point to their datasets
with ``srv:operatesOn``. The XML templates are in files/pycsw/. All names, organisations and URLs are fictional
(``example.org``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template
from xml.sax.saxutils import escape, quoteattr

ONLINE = "https://geo.example.org/musterstadt"
TEMPLATES = Path(__file__).resolve().parent / "files" / "pycsw"


@dataclass(frozen=True)
class CatalogueRecord:
    """One loaded record: identifier, title, type (dataset, service, text) and the schema it is written in."""

    identifier: str
    title: str
    kind: str
    schema: str  # "dc" (csw:Record) or "iso" (gmd:MD_Metadata)
    modified: str
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    keywords: tuple[str, ...] = ()
    operates_on: tuple[str, ...] = ()  # services: identifiers of the datasets they serve
    service_type: str = ""  # services: "view" or "download"


BONN = (7.02, 50.63, 7.21, 50.77)
WORLD = (-180.0, -90.0, 180.0, 90.0)
PLANS = "9d6a3c1e-5b2f-4f1a-8c3e-0a1b2c3d4e01"
TREES = "9d6a3c1e-5b2f-4f1a-8c3e-0a1b2c3d4e02"
STOPS = "9d6a3c1e-5b2f-4f1a-8c3e-0a1b2c3d4e03"

RECORDS: tuple[CatalogueRecord, ...] = (
    CatalogueRecord(
        "urn:example:wechselbar:lakes",
        "Lorem lakes of the world",
        "dataset",
        "dc",
        "2026-01-01",
        WORLD,
        ("lakes", "hydrography"),
    ),
    CatalogueRecord(
        "urn:example:wechselbar:places",
        "Populated places of the world",
        "dataset",
        "dc",
        "2026-02-01",
        WORLD,
        ("places",),
    ),
    CatalogueRecord(
        "urn:example:wechselbar:parking",
        "Lorem parking spaces Musterstadt",
        "dataset",
        "dc",
        "2026-03-01",
        BONN,
        ("parking", "traffic"),
    ),
    CatalogueRecord(
        "urn:example:wechselbar:council-minutes",
        "Ratsprotokolle Musterstadt",
        "text",
        "dc",
        "2026-04-01",
        None,
        ("council",),
    ),
    CatalogueRecord(
        "urn:example:wechselbar:citymap",
        "Stadtplan Musterstadt (Dienst)",
        "service",
        "dc",
        "2026-05-01",
        BONN,
        ("map",),
    ),
    CatalogueRecord(
        PLANS,
        "Bebauungspläne Musterstadt",
        "dataset",
        "iso",
        "2026-06-01",
        BONN,
        ("Bodennutzung", "opendata", "Bauleitplanung"),
    ),
    CatalogueRecord(
        TREES,
        "Baumkataster Musterstadt",
        "dataset",
        "iso",
        "2026-06-15",
        (7.05, 50.66, 7.18, 50.75),
        ("Verteilung der Arten", "opendata", "Straßenbäume"),
    ),
    CatalogueRecord(
        STOPS,
        "Haltestellen des ÖPNV Musterstadt",
        "dataset",
        "iso",
        "2026-07-01",
        BONN,
        ("Verkehrsnetze", "opendata", "Haltestellen"),
    ),
    CatalogueRecord(
        "9d6a3c1e-5b2f-4f1a-8c3e-0a1b2c3d4e11",
        "WMS Bebauungspläne und Baumkataster Musterstadt",
        "service",
        "iso",
        "2026-08-01",
        BONN,
        ("infoMapAccessService", "opendata"),
        (PLANS, TREES),
        "view",
    ),
    CatalogueRecord(
        "9d6a3c1e-5b2f-4f1a-8c3e-0a1b2c3d4e12",
        "WFS Baumkataster Musterstadt",
        "service",
        "iso",
        "2026-08-15",
        (7.05, 50.66, 7.18, 50.75),
        ("infoFeatureAccessService", "opendata"),
        (TREES,),
        "download",
    ),
)

DC_TYPES = {"dataset": "Dataset", "service": "Service", "text": "Text"}
TOPICS = {PLANS: "planningCadastre", TREES: "biota", STOPS: "transportation"}


def _template(name: str, **fields: str) -> str:
    return Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(fields)


def _dc(record: CatalogueRecord) -> str:
    subjects = "".join(f"\n  <dc:subject>{escape(k)}</dc:subject>" for k in record.keywords)
    bbox = ""
    if record.bbox:
        west, south, east, north = record.bbox
        bbox = (
            f'\n  <ows:BoundingBox crs="urn:ogc:def:crs:EPSG::4326"><ows:LowerCorner>{south} {west}'
            f"</ows:LowerCorner><ows:UpperCorner>{north} {east}</ows:UpperCorner></ows:BoundingBox>"
        )
    return _template(
        "dc.xml",
        identifier=escape(record.identifier),
        title=escape(record.title),
        subjects=subjects,
        bbox=bbox,
        dc_type=DC_TYPES[record.kind],
        date=record.modified,
    )


def _extent(record: CatalogueRecord) -> str:
    corners = zip(
        ("westBoundLongitude", "southBoundLatitude", "eastBoundLongitude", "northBoundLatitude"),
        record.bbox or WORLD,
        strict=True,
    )
    box = "".join(f"<gmd:{name}><gco:Decimal>{value}</gco:Decimal></gmd:{name}>" for name, value in corners)
    return (
        "<gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>"
        f"{box}</gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent>"
    )


def _operates_on(record: CatalogueRecord) -> str:
    return "".join(
        f"<srv:operatesOn uuidref={quoteattr(i)} xlink:href="
        f"{quoteattr(f'{ONLINE}/csw?service=CSW&version=2.0.2&request=GetRecordById&id={i}')}/>"
        for i in record.operates_on
    )


def _iso(record: CatalogueRecord) -> str:
    fields = {
        "identifier": escape(record.identifier),
        "title": escape(record.title),
        "kind": record.kind,
        "date": record.modified,
        "party": _template("iso-party.xml"),
        "extent": _extent(record),
        "keywords": "".join(
            f"<gmd:keyword><gco:CharacterString>{escape(k)}</gco:CharacterString></gmd:keyword>"
            for k in record.keywords
        ),
    }
    citation = _template("iso-citation.xml", **fields)
    if record.kind == "service":
        link = f"{ONLINE}/{record.service_type}?REQUEST=GetCapabilities"
        identification = _template(
            "iso-service.xml",
            citation=citation,
            service_type=record.service_type,
            extent=fields["extent"],
            link=link,
            operates_on=_operates_on(record),
        )
        return _template("iso.xml", identification=identification, link=link, function="information", **fields)
    identification = _template(
        "iso-dataset.xml", citation=citation, topic=TOPICS[record.identifier], extent=fields["extent"]
    )
    return _template(
        "iso.xml",
        identification=identification,
        link=f"{ONLINE}/download/{record.identifier}.gml",
        function="download",
        **fields,
    )


def write_records(folder: Path) -> list[Path]:
    """Write every record as its own XML file into ``folder`` (for pycsw-admin.py load_records)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, record in enumerate(RECORDS):
        path = folder / f"{index:02d}-{record.schema}.xml"
        path.write_text(_dc(record) if record.schema == "dc" else _iso(record), encoding="utf-8")
        paths.append(path)
    return paths
