"""GeoJSON exports (RFC 7946) as data: one requirement per testable statement, each tied to its RFC section.

A requirement owns the finding rules its check judges (``key``; the structural rules of
:mod:`conformance.core.geojson` are filed under the requirement of their section) and names the kind of thing it
examines. The obligation is the RFC's keyword; where the RFC's sentence is not a BCP 14 keyword or binds writers
and readers differently, the statement says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.core.model import ConformanceClass, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.xml.limits import EXPORT_OPTIONS

ID = "geojson"
VERSION = "RFC 7946"
RFC = "https://www.rfc-editor.org/rfc/rfc7946"
BASE = "urn:ietf:rfc:7946"
MUSS, SOLL = Obligation.MUSS, Obligation.SOLL
CLASS = ConformanceClass(
    f"{BASE}/conf/geojson-text",
    "geojson-text",
    "GeoJSON-Text (Datei, Ordner, ZIP, URL)",
    "GeoJSON text (file, folder, ZIP, URL)",
    RFC,
)


@dataclass(frozen=True)
class Rule:
    """One requirement: its key (the finding rule), RFC section, obligation, statement, what its check counts."""

    key: str
    section: str
    obligation: Obligation
    statement: str
    examines: str

    @property
    def uri(self) -> str:
        """The requirement's URI: the RFC's URN, the section and the key."""
        return f"{BASE}/section-{self.section}/{self.key}"

    @property
    def url(self) -> str:
        """The link to the RFC section."""
        return f"{RFC}#section-{self.section}"


RULES = (
    Rule(
        "schema",
        "3",
        MUSS,
        "A GeoJSON text is a JSON object of one of the GeoJSON types with the members RFC 7946 "
        "§3 prescribes (GeoJSON JSON Schemas; coordinates and bbox are judged by their own sections).",
        "objects",
    ),
    Rule(
        "feature",
        "3.2",
        MUSS,
        'A Feature object has a member "properties" and a member "geometry" (each an object or null).',
        "features",
    ),
    Rule(
        "id",
        "3.2",
        SOLL,
        'A Feature\'s "id" is its commonly used identifier: no two Features of a file share one (derived from §3.2).',
        "ids",
    ),
    Rule("position", "3.1.1", MUSS, "A position is an array of two or more numbers.", "positions"),
    Rule(
        "position-size",
        "3.1.1",
        SOLL,
        "Implementations SHOULD NOT extend positions beyond three elements.",
        "positions",
    ),
    Rule(
        "order",
        "3.1.1",
        MUSS,
        "The first two elements of a position are longitude and latitude, in that order.",
        "positions",
    ),
    Rule(
        "range",
        "4",
        MUSS,
        "Coordinates are WGS 84 longitude and latitude in decimal degrees: longitude within ±180, latitude within ±90.",
        "positions",
    ),
    Rule("line", "3.1.4", MUSS, "The coordinates of a LineString are an array of two or more positions.", "lines"),
    Rule(
        "ring",
        "3.1.6",
        MUSS,
        "A linear ring is closed (first and last positions identical) and has four or more positions.",
        "rings",
    ),
    Rule(
        "winding",
        "3.1.6",
        SOLL,
        "A linear ring follows the right-hand rule: exterior rings counterclockwise, "
        "holes clockwise (a MUST for writers; parsers SHOULD NOT reject, so judged as SHOULD).",
        "rings",
    ),
    Rule(
        "validity",
        "3.1.6",
        MUSS,
        "A linear ring is the boundary of a surface or of a hole in it: rings do not "
        "cross themselves or each other and holes lie within the surface (checked with GEOS).",
        "polygons",
    ),
    Rule(
        "crs",
        "4",
        SOLL,
        'No "crs" member: alternative coordinate reference systems were removed from GeoJSON (§4, Appendix B.1).',
        "objects",
    ),
    Rule(
        "bbox",
        "5",
        MUSS,
        'A "bbox" has 2·n numbers for n dimensions and encloses every position of its object.',
        "bboxes",
    ),
    Rule(
        "precision",
        "11.2",
        SOLL,
        "Coordinates carry no more than about six decimal places (about 10 cm); §11.2 "
        "says implementations should consider the cost of greater precision (not a BCP 14 keyword).",
        "positions",
    ),
)

BY_KEY = {r.key: r for r in RULES}
CORE_RULES = {
    "position": "position",
    "position-size": "position-size",
    "order": "order",
    "range": "range",
    "line": "line",
    "ring-size": "ring",
    "ring-closed": "ring",
    "winding": "winding",
    "properties": "feature",
    "geometry": "feature",
    "crs": "crs",
    "bbox": "bbox",
}


def _requirement(row: Rule) -> Requirement:
    return Requirement(row.uri, CLASS.uri, ID, VERSION, row.obligation, row.statement, row.url)


STANDARD = Standard(
    id=ID,
    title="GeoJSON (RFC 7946) exports",
    title_de="GeoJSON-Exporte (RFC 7946)",
    version=VERSION,
    classes=(CLASS,),
    spec_url=RFC,
    target_kinds=("path", "url"),
    requirements=tuple(_requirement(r) for r in RULES),
    packs=("geojson-schema",),
    options=EXPORT_OPTIONS,
)
