"""xdomea 3.0.0 as data: conformance classes and requirements, each tied to the section of the specification.

Section ids follow the structure of the specification, which is generated from the same model as the
XML Schema: ``Konformitaet`` (what makes an xdomea message instance), ``Baukasten/<Type>/<Element>``
(building blocks such as the message header ``NkBasisType``), ``Nachrichten/<message>`` (messages of the
group Aussonderung durchführen) and ``Codelisten`` (XÖV code lists, XÖV-Handbuch chapter 8).
Each requirement names the finding rules (``rules``) that count against it, the messages it applies to and the
elements its check judges (``examines``; none for the schema: every message is judged whole).
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.core.model import ConformanceClass, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.xml.limits import EXPORT_OPTIONS

ID = "xdomea-3.0.0"
VERSION = "3.0.0"
NAMESPACE = "urn:xoev-de:xdomea:schema:3.0.0"
BASE = "urn:xoev-de:xdomea:kosit:standard:xdomea_3.0.0"
SPEC = "https://www.xrepository.de/details/urn:xoev-de:xdomea:kosit:standard:xdomea_3.0.0"
FAQ = "https://www.xoev.de/xdomea/faq-zum-standard-xdomea-21614"
HANDBOOK = "https://www.xoev.de/xoev/xoev-produkte/codelisten-handbuch-18762"
MUSS, SOLL, KANN = Obligation.MUSS, Obligation.SOLL, Obligation.KANN
HEADER_MESSAGES = (
    "Aussonderung.Anbieteverzeichnis.0501",
    "Aussonderung.Bewertungsverzeichnis.0502",
    "Aussonderung.Aussonderung.0503",
    "Aussonderung.AnbietungEmpfangBestaetigen.0504",
)
OBJECT_MESSAGES = ("Aussonderung.Anbieteverzeichnis.0501", "Aussonderung.Aussonderung.0503")


@dataclass(frozen=True)
class Rule:
    """One requirement: its section id, class, obligation, statement, the finding rules it owns, what its check
    judges (``messages``, ``roots``, ``xdomea-roots``, ``codes`` or an element path such as ``xdomea:Kopf``), the
    messages it applies to (None: every message) and its link."""

    section: str
    cls: str
    obligation: Obligation
    statement: str
    rules: tuple[str, ...]
    examines: str = "messages"
    messages: tuple[str, ...] | None = None
    url: str = SPEC

    @property
    def uri(self) -> str:
        """The requirement's URI: the standard's URN and the section id."""
        return f"{BASE}/{self.section}"


CLASSES = (
    ConformanceClass(
        f"{BASE}/conf/nachricht",
        "nachricht",
        "Nachrichteninstanz (Schema, Version, Namensraum)",
        "Message instance (schema, version, namespace)",
        FAQ,
    ),
    ConformanceClass(
        f"{BASE}/conf/codelisten",
        "codelisten",
        "Codelisten (XÖV-Code-Typen 1–4)",
        "Code lists (XÖV code types 1–4)",
        HANDBOOK,
    ),
    ConformanceClass(
        f"{BASE}/conf/kopf",
        "kopf",
        "Nachrichtenkopf der Aussonderung (0501–0504)",
        "Message header of the records-disposal messages (0501–0504)",
        SPEC,
    ),
    ConformanceClass(
        f"{BASE}/conf/schriftgut",
        "schriftgut",
        "Schriftgutobjekte und Primärdokumente",
        "Records and their primary documents",
        SPEC,
    ),
)

RULES = (
    Rule(
        "Konformitaet/Schema",
        "nachricht",
        MUSS,
        "Jede xdomea-Nachricht ist wohlgeformt und gültig gegen das XML-Schema von xdomea 3.0.0.",
        ("XSD", "XML", "EXPORT", "XDOMEA-SCHEMALOCATION"),
        url=FAQ,
    ),
    Rule(
        "Konformitaet/Version",
        "nachricht",
        MUSS,
        "Das äußere Element ist eine Nachricht von xdomea 3.0.0 im Namensraum urn:xoev-de:xdomea:schema:3.0.0.",
        ("XDOMEA-VERSION",),
        "roots",
        url=FAQ,
    ),
    Rule(
        "Konformitaet/Praefix",
        "nachricht",
        MUSS,
        "Das äußere Element verwendet für den xdomea-Namensraum das Präfix xdomea.",
        ("XDOMEA-PREFIX",),
        "xdomea-roots",
        url=FAQ,
    ),
    Rule(
        "Codelisten/Angabe",
        "codelisten",
        MUSS,
        "Liste und Version jedes Codes sind bestimmbar: Code-Typ 3 übermittelt listVersionID, Code-Typ 4 "
        "listURI und listVersionID, jeweils nicht leer.",
        ("XOEV-CODE-REF-MISSING",),
        "codes",
        url=HANDBOOK,
    ),
    Rule(
        "Codelisten/Version",
        "codelisten",
        MUSS,
        "Die genannte Codeliste gehört zu xdomea 3.0.0 (bei Code-Typ 4 fremde Listen: Hinweis). Die Version wählt "
        "der Sender, wo das Schema sie offen lässt; eine Version, die offline nicht vorliegt, bleibt ungeprüft "
        "(Hinweis).",
        ("XOEV-CODE-LIST-UNKNOWN", "XOEV-CODE-VERSION-UNKNOWN"),
        "codes",
        url=HANDBOOK,
    ),
    Rule(
        "Codelisten/Wert",
        "codelisten",
        MUSS,
        "Jeder Code steht in der Schlüsselspalte der genannten Version seiner Codeliste.",
        ("XOEV-CODE-MEMBER",),
        "codes",
        url=HANDBOOK,
    ),
    Rule(
        "Baukasten/NkBasisType/Nachrichtentyp",
        "kopf",
        MUSS,
        "Der Nachrichtentyp im Kopf ist der Code der Nachricht selbst (z. B. 0501 für "
        "Aussonderung.Anbieteverzeichnis.0501).",
        ("XDOMEA-NACHRICHTENTYP",),
        "xdomea:Kopf",
        HEADER_MESSAGES,
    ),
    Rule(
        "Baukasten/NkBasisType/ProzessID",
        "kopf",
        MUSS,
        "Die ProzessID ist eine UUID (8-4-4-4-12 Hexadezimalziffern), die den Prozess der Nachricht identifiziert.",
        ("XDOMEA-PROZESSID",),
        "xdomea:Kopf/xdomea:ProzessID",
        HEADER_MESSAGES,
    ),
    Rule(
        "Baukasten/NkBasisType/Erstellungszeitpunkt",
        "kopf",
        MUSS,
        "Der Erstellungszeitpunkt ist der Zeitpunkt der Nachrichtenerzeugung und liegt nicht in der Zukunft.",
        ("XDOMEA-ERSTELLUNGSZEITPUNKT",),
        "xdomea:Kopf/xdomea:Erstellungszeitpunkt",
        HEADER_MESSAGES,
    ),
    Rule(
        "Baukasten/NkBasisType/Absender-Empfaenger",
        "kopf",
        SOLL,
        "Absender und Empfänger sind als Behörde bestimmbar: Behördenkennung mit Behördenschlüssel oder Name "
        "der Institution oder Organisationseinheit.",
        ("XDOMEA-KONTAKT",),
        "xdomea:Absender, xdomea:Empfaenger",
        HEADER_MESSAGES,
    ),
    Rule(
        "Baukasten/NkBasisType/SendendesSystem",
        "kopf",
        SOLL,
        "Der Kopf nennt das sendende System mit Produktname und Version.",
        ("XDOMEA-SYSTEM",),
        "xdomea:Kopf",
        HEADER_MESSAGES,
    ),
    Rule(
        "Baukasten/IdentifikationObjektType/ID",
        "schriftgut",
        MUSS,
        "Jedes Schriftgutobjekt (Akte, Vorgang, Dokument) hat eine eigene UUID; keine ID kommt in einer "
        "Nachricht zweimal vor.",
        ("XDOMEA-ID-DOPPELT",),
        "xdomea:Identifikation/xdomea:ID",
        OBJECT_MESSAGES,
    ),
    Rule(
        "Nachrichten/Aussonderung.Aussonderung.0503/Primaerdokument",
        "schriftgut",
        MUSS,
        "Jede in Primaerdokument/Dateiname genannte Datei liegt der Aussonderungsnachricht bei (im selben "
        "Paket oder Verzeichnis wie die Nachricht).",
        ("XDOMEA-PRIMAERDOKUMENT",),
        "xdomea:Primaerdokument/xdomea:Dateiname",
        ("Aussonderung.Aussonderung.0503",),
    ),
)


def rule(section: str) -> Rule:
    """The catalogue row of a section id (or the end of one)."""
    return next(r for r in RULES if r.section == section or r.section.endswith(section))


def _requirement(row: Rule) -> Requirement:
    cls = next(c.uri for c in CLASSES if c.short == row.cls)
    return Requirement(row.uri, cls, ID, VERSION, row.obligation, row.statement, row.url)


STANDARD = Standard(
    id=ID,
    title="xdomea 3.0.0 – records exchange and disposal (Aussonderung)",
    title_de="xdomea 3.0.0 – Austausch und Aussonderung von Schriftgut",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    target_kinds=("path",),
    requirements=tuple(_requirement(r) for r in RULES),
    packs=("xdomea-3.0.0",),
    options=EXPORT_OPTIONS,
)
