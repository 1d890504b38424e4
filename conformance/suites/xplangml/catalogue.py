"""XPlanGML 6.0 and 5.4 exports as data: one requirement per testable statement, for both versions.

A requirement owns the finding rule its check judges (``key``) and names the kind of thing it examines. The
numbered ones are Konformitätsbedingungen of the XPlanung specification (section number of the document
"Konformitätsbedingungen" of the version, as the XPlanValidator of the XLeitstelle reports them); the others are
the formal criterion "valid against the XPlanung XML schemas of the version" and the XML and GML rules a
document needs to be read at all (unique ids, resolvable references).
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.core.model import ConformanceClass, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.xml.limits import EXPORT_OPTIONS

ID_60, ID_54 = "xplangml-6.0", "xplangml-5.4"
VERSIONS = {ID_60: "6.0", ID_54: "5.4"}
NAMESPACES = {ID_60: "http://www.xplanung.de/xplangml/6/0", ID_54: "http://www.xplanung.de/xplangml/5/4"}
SCHEMAS = {
    ID_60: "xplan-core/xplan-core-schemas/src/main/resources/appschemas/XPlanGML_6_0/XPlanung-Operationen.xsd",
    ID_54: "xplan-core/xplan-core-schemas/src/main/resources/appschemas/XPlanGML_5_4/XPlanung-Operationen.xsd",
}
RELEASES = "https://xleitstelle.de/xplanung/releases-xplanung"
CONFORMITY = "https://xleitstelle.de/XPlanung/faq/validegleichkonformFragezeichen"
XML_ID = "https://www.w3.org/TR/xml/#id"
GML = "https://docs.ogc.org/is/07-036/07-036.pdf"
MUSS = Obligation.MUSS
TOLERANCE = 0.01  # metres (CRS units of a projected CRS): how far an object may reach beyond its Geltungsbereich


@dataclass(frozen=True)
class Rule:
    """One requirement: its key (the finding rule), section, obligation, statement, what its check counts, link."""

    key: str
    section: str
    obligation: Obligation
    statement: str
    examines: str
    url: str = RELEASES
    versions: tuple[str, ...] = (ID_60, ID_54)

    def uri(self, standard: str) -> str:
        """The requirement's URI for one version: a Konformitätsbedingung by its section number, the other rules
        by their key."""
        if self.section[0].isdigit():
            return f"{NAMESPACES[standard]}/konformitaetsbedingung/{self.section}"
        return f"{NAMESPACES[standard]}/req/{self.key}"


RULES = (
    Rule(
        "schema",
        "schema",
        MUSS,
        "The document validates against the XPlanung XML schemas of its version (XPlanung-Operationen.xsd); "
        "formal conformity criterion of 'Struktur und Konzepte'.",
        "documents",
        CONFORMITY,
    ),
    Rule(
        "gml-id",
        "xml-id",
        MUSS,
        "Every gml:id (an XML ID) is unique within the document (XML 1.0, validity constraint ID).",
        "ids",
        XML_ID,
    ),
    Rule(
        "xlink",
        "ogc-07-036-7.2.3.1",
        MUSS,
        'Every reference xlink:href="#id" names an object of the same document (GML 3.2.1, OGC 07-036 '
        "§7.2.3.1, gml:AssociationAttributeGroup).",
        "references",
        GML,
    ),
    Rule(
        "flaechenschluss",
        "2.2.1.1",
        MUSS,
        "Konformitätsbedingung 2.2.1.1 (Flächenschlussbedingung): the Flächenschlussobjekte of a Bereich "
        f"(flaechenschluss true, Ebene 0) do not overlap and cover its Geltungsbereich without gaps (tolerance "
        f"{TOLERANCE} m).",
        "closing-objects",
    ),
    Rule(
        "geometry",
        "2.2.2.1",
        MUSS,
        "Konformitätsbedingung 2.2.2.1: geometries are valid (rings closed, no self-intersection, interior rings "
        "inside the exterior ring, patches of a surface connected and not overlapping).",
        "geometries",
    ),
    Rule(
        "geltungsbereich",
        "2.2.3.1",
        MUSS,
        "Konformitätsbedingung 2.2.3.1: every plan object lies inside the Geltungsbereich of its Bereich and of "
        f"its plan (tolerance {TOLERANCE} m).",
        "objects",
    ),
    Rule(
        "doppelbelegung",
        "4.5.2.4",
        MUSS,
        "Konformitätsbedingung 4.5.2.4 (from XPlanGML 6.0): an attribute of the Maß der baulichen Nutzung or the "
        "Bauweise set on a BP_UeberbaubareGrundstuecksFlaeche is not also set on a Flächenschlussobjekt it overlies.",
        "overlays",
        versions=(ID_60,),
    ),
)

BY_KEY = {r.key: r for r in RULES}


def _standard(standard: str) -> Standard:
    version = VERSIONS[standard]
    base = NAMESPACES[standard]
    cls = ConformanceClass(
        f"{base}/conf/plan-document",
        "plan-document",
        f"XPlanGML-{version}-Dokument (Datei, Ordner, ZIP)",
        f"XPlanGML {version} document (file, folder, ZIP)",
        RELEASES,
    )
    requirements = tuple(
        Requirement(r.uri(standard), cls.uri, standard, version, r.obligation, r.statement, r.url)
        for r in RULES
        if standard in r.versions
    )
    return Standard(
        id=standard,
        title=f"XPlanGML {version} exports (XPlanung)",
        title_de=f"XPlanGML-{version}-Exporte (XPlanung)",
        version=version,
        classes=(cls,),
        spec_url=RELEASES,
        target_kinds=("path",),
        requirements=requirements,
        packs=(standard, "ogc-xml-schemas"),
        options=EXPORT_OPTIONS,
    )


STANDARD_60 = _standard(ID_60)
STANDARD_54 = _standard(ID_54)
STANDARDS = (STANDARD_60, STANDARD_54)
