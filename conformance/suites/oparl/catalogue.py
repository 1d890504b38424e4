"""OParl 1.1 and 1.0 as standards: one class per object type plus the protocol classes, and every rule."""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.suites.oparl.facts import TYPES
from conformance.suites.oparl.rules import BOTH, KANN, MUSS, NEW, PROTOCOL, SOLL, Rule

SPEC = {
    "1.1": "https://dev.oparl.org/downloads/spezifikation-1.1.html",
    "1.0": "https://oparl.org/wp-content/themes/oparl/spec/OParl-1.0.txt",
}

OPTIONS = (
    Option("concurrency", 4, "requests in flight at once (the rate limit still applies)"),
    Option("max_pages", 50, "pages walked per list (the report says when this cuts)"),
    Option("max_objects", 10000, "objects read in the whole crawl"),
    Option("max_bodies", 3, "bodies whose lists are walked"),
    Option("id_samples", 3, "objects per type fetched again by their id"),
    Option("embedded_samples", 20, "embedded objects per type fetched by their id"),
    Option("reference_samples", 100, "references followed to check that their objects exist"),
    Option("filter_lists", 20, "lists probed with the created/modified filters"),
    Option("object_lists", 5, "list URLs per attribute written in objects (e.g. Organization.meeting) that are walked"),
    Option("object_list_pages", 3, "pages walked per list URL written in an object"),
    Option("filter_pages", 3, "pages walked per filtered list"),
    Option("file_samples", 3, "files whose accessUrl and downloadUrl are fetched"),
    Option("deleted_pages", 10, "pages per list walked with modified_since at the epoch to find deleted objects"),
    Option("schema_detail", 100, "objects per type whose schema errors are reported in detail"),
    Option("cache_ttl", 0.0, "seconds a response is reused from the on-disk cache by a later run (0 = off)"),
    Option("crawl_deadline", 900.0, "seconds the whole crawl may take"),
)

PROTOCOL_CLASSES = (
    ("transport", "URLs, HTTP/HTTPS und CORS", "URLs, HTTP/HTTPS and CORS", "urls"),
    ("json", "JSON-Ausgabe", "JSON output", "json-ausgabe"),
    ("paginierung", "Objektlisten und Paginierung", "Object lists and pagination", "paginierung"),
    ("filter", "Filter und Aktualisierung", "Filters and incremental update", "filter"),
    ("dateien", "Dateizugriffe", "File access", "dateizugriff"),
    ("geloescht", "Gelöschte Objekte", "Deleted objects", "geloeschte-objekte"),
    ("fehler", "Ausnahmebehandlung", "Error handling", "ausnahmebehandlung"),
    ("integritaet", "Referenzielle Integrität und Konsistenz", "Referential integrity and consistency", "objekttypen"),
)

TYPE_TITLES = {
    "System": "System",
    "Body": "Körperschaft",
    "LegislativeTerm": "Wahlperiode",
    "Organization": "Gruppierung",
    "Person": "Person",
    "Membership": "Mitgliedschaft",
    "Meeting": "Sitzung",
    "AgendaItem": "Tagesordnungspunkt",
    "Paper": "Drucksache",
    "Consultation": "Beratung",
    "File": "Datei",
    "Location": "Ort",
}


def _type_section(type_name: str) -> tuple[str, str, str]:
    return (f"3.{TYPES.index(type_name) + 4}", type_name, f"entity-{type_name.lower()}")


def _type_rules() -> tuple[Rule, ...]:
    rules = [
        Rule(
            f"schema-{t.lower()}",
            t,
            *_type_section(t),
            MUSS,
            f"Jedes {t}-Objekt entspricht dem Schema von oparl:{t} (Pflichteigenschaften, Datentypen, Formate).",
        )
        for t in TYPES
    ]
    semantics = (
        (
            "system-endpoint",
            "System",
            MUSS,
            "Der Endpunkt ist ein System-Objekt; oparlVersion nennt die Version dieser Schnittstelle.",
            BOTH,
        ),
        (
            "person-location-object",
            "Person",
            MUSS,
            "Wird locationObject ausgegeben, muss location auf dasselbe Location-Objekt verweisen.",
            NEW,
        ),
        ("person-life-length", "Person", SOLL, "life sollte kürzer als 300 Zeichen sein.", BOTH),
        ("person-life-source", "Person", SOLL, "Bei Angabe von life wird lifeSource empfohlen.", BOTH),
        ("file-name", "File", SOLL, "name sollte keine Datei-Endung wie „.pdf“ enthalten.", BOTH),
        (
            "meeting-state",
            "Meeting",
            SOLL,
            "Für meetingState werden die Werte terminiert, eingeladen und durchgeführt empfohlen.",
            BOTH,
        ),
        (
            "agenda-order",
            "AgendaItem",
            MUSS,
            "order ist die Position des Tagesordnungspunkts in Meeting.agendaItem, von 0 an durchgehend.",
            NEW,
        ),
        (
            "location-geojson",
            "Location",
            MUSS,
            "geojson muss der Spezifikation von GeoJSON entsprechen: Positionen als Länge, Breite in dieser "
            "Reihenfolge und im Wertebereich, geschlossene Ringe, Feature mit properties und geometry, "
            "bbox passend (RFC 7946, dort MUST).",
            BOTH,
        ),
        (
            "location-geojson-recommended",
            "Location",
            SOLL,
            "geojson folgt den Empfehlungen von RFC 7946: Ringe nach der Rechte-Hand-Regel, kein crs, Positionen mit "
            "höchstens drei Werten (RFC 7946 erschien nach OParl 1.0).",
            NEW,
        ),
    )
    rules += [Rule(key, t, *_type_section(t), ob, text, versions) for key, t, ob, text, versions in semantics]
    return tuple(rules)


RULES: tuple[Rule, ...] = PROTOCOL + _type_rules()


def requirement_uri(version: str, rule: Rule) -> str:
    """The requirement id: the section and heading of that version's text, plus the rule's key.

    A rule the version's text does not contain keeps its key and is marked as new in the later version.
    """
    text = rule.text(version)
    if text is None:
        return f"OParl {version} {newer(rule)}/{rule.key}"
    return f"OParl {version} §{text.section} {text.heading}/{rule.key}"


def newer(rule: Rule) -> str:
    """Where a rule missing from an older version comes from: ``neu in OParl 1.1 (§2.9 Ausnahmebehandlung)``."""
    return f"neu in OParl {rule.versions[0]} (§{rule.section} {rule.heading})"


def class_uri(version: str, short: str) -> str:
    """The class URI: the type URL for an object type, else the spec anchor of the protocol class."""
    if short in TYPES:
        return f"https://schema.oparl.org/{version}/{short}"
    anchor = next(c[3] for c in PROTOCOL_CLASSES if c[0] == short)
    return f"{SPEC[version]}#{anchor}"


def _classes(version: str) -> tuple[ConformanceClass, ...]:
    spec = SPEC[version]
    protocol = [
        ConformanceClass(class_uri(version, short), short, de, en, f"{spec}#{anchor}")
        for short, de, en, anchor in PROTOCOL_CLASSES
    ]
    types = [
        ConformanceClass(
            class_uri(version, t),
            t,
            f"Objekttyp {t} ({TYPE_TITLES[t]})",
            f"Object type {t}",
            f"{spec}#entity-{t.lower()}",
        )
        for t in TYPES
    ]
    return tuple(protocol + types)


def _requirement(version: str, rule: Rule) -> Requirement:
    text = rule.text(version)
    if text is None:
        first = rule.versions[0]
        return Requirement(
            requirement_uri(version, rule),
            class_uri(version, rule.cls),
            f"oparl-{version}",
            version,
            rule.obligation,
            f"Neu in OParl {first}, in OParl {version} keine Anforderung: {rule.statement}",
            f"{SPEC[first]}#{rule.anchor}",
        )
    return Requirement(
        requirement_uri(version, rule),
        class_uri(version, rule.cls),
        f"oparl-{version}",
        version,
        text.obligation,
        text.statement,
        f"{SPEC[version]}#{text.anchor}",
    )


def standard(version: str) -> Standard:
    """The catalogue of one OParl version."""
    return Standard(
        id=f"oparl-{version}",
        title=f"OParl {version}",
        title_de=f"OParl {version} – Schnittstelle für Ratsinformationssysteme",
        version=version,
        classes=_classes(version),
        spec_url=SPEC[version],
        target_kinds=("url",),
        requirements=tuple(_requirement(version, r) for r in RULES),
        packs=("geojson-schema",),
        options=OPTIONS,
    )


def rule(key: str) -> Rule:
    """A rule by its key."""
    for item in RULES:
        if item.key == key:
            return item
    raise KeyError(f"no OParl rule {key!r}")


__all__ = ["KANN", "MUSS", "RULES", "SOLL", "class_uri", "requirement_uri", "rule", "standard"]
