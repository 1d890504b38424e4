"""The testable MUSS/SOLL/KANN statements of OParl 1.0 and 1.1, as data.

Each rule names its spec section, heading and anchor; the obligation follows the bold keyword of the
sentence (muss/zwingend/darf nicht → MUSS, soll/sollte/empfohlen → SOLL, kann/optional → KANN). A rule is
worded as the 1.1 text words it; where the 1.0 text words it otherwise, ``older`` holds that wording, and a
rule the 1.0 text does not contain is new in 1.1 (``versions``). Every rule was audited against both texts:
the 1.0 text is the one of branch 1.0 of OParl/spec (tag v1.0.7), the 1.1 text the one of tag v1.1.1.
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.core.outcomes import Obligation

MUSS, SOLL, KANN = Obligation.MUSS, Obligation.SOLL, Obligation.KANN
BOTH = ("1.1", "1.0")
NEW = ("1.1",)


@dataclass(frozen=True)
class Text:
    """How one version's text words a rule: section, heading, anchor, obligation and statement."""

    section: str
    heading: str
    anchor: str
    obligation: Obligation
    statement: str


@dataclass(frozen=True)
class Rule:
    """One requirement of the OParl text, for the versions that contain it."""

    key: str
    cls: str
    section: str
    heading: str
    anchor: str
    obligation: Obligation
    statement: str
    versions: tuple[str, ...] = BOTH
    older: tuple[tuple[str, Text], ...] = ()

    def text(self, version: str) -> Text | None:
        """The rule as the text of one version words it; None if that version has no such rule."""
        if version not in self.versions:
            return None
        own = Text(self.section, self.heading, self.anchor, self.obligation, self.statement)
        return dict(self.older).get(version, own)


def _r(
    key: str,
    cls: str,
    where: tuple[str, str, str],
    obligation: Obligation,
    statement: str,
    versions: tuple[str, ...] = BOTH,
    older: tuple[tuple[str, Text], ...] = (),
) -> Rule:
    return Rule(key, cls, *where, obligation, statement, versions, older)


def _in_10(where: tuple[str, str, str], obligation: Obligation, statement: str) -> tuple[tuple[str, Text], ...]:
    return (("1.0", Text(*where, obligation, statement)),)


URLS = ("2.3", "URLs", "urls")
CANON = ("2.3.1", "URL-Kanonisierung", "url_kanonisierung")
HTTPS = ("2.3.2", "HTTP und HTTPS", "http-und-https")
LONG = ("2.3.3", "Langlebigkeit", "url_langlebigkeit")
JSON = ("2.4", "JSON-Ausgabe", "json-ausgabe")
TYPES = ("2.4.1", "In OParl verwendete Datentypen", "json-ausgabe")
NULL = ("2.4.3", "null-Werte und leere Listen", "null-werte-und-leere-listen")
REF = ("2.5.1", "Referenzierung von Objekten via URL", "objektlisten-und-paginierung")
INTERNAL = ("2.5.2", "Interne Ausgabe von Objekten", "objektlisten-und-paginierung")
EXTERNAL = ("2.5.3", "Externe Objektlisten", "objektlisten-und-paginierung")
PAGES = ("2.5.4", "Paginierung", "paginierung")
FILTER = ("2.5.5", "Filter", "filter")
CORS = ("2.6", "Cross-Origin Resource Sharing (CORS)", "cors")
FILES = ("2.7", "Dateizugriffe", "dateizugriff")
FILE_HINTS = ("2.7.1", "Empfehlungen für Dateizugriffe", "dateizugriff")
DOWNLOAD = ("2.7.2", "Allgemeiner Zugriff und expliziter Download", "dateizugriff")
DELETED = ("2.8", "Gelöschte Objekte", "geloeschte-objekte")
ERRORS = ("2.9", "Ausnahmebehandlung", "ausnahmebehandlung")
OBJECTS = ("3.1", "Die Objekte", "objekttypen")
SCHEMA = ("3", "Schema", "schema")
PROP_ID = ("3.3.1", "id", "eigenschaft-id")
PROP_TYPE = ("3.3.2", "type", "eigenschaft-type")
PROP_LICENSE = ("3.3.4", "license", "eigenschaft_license")

PROTOCOL = (
    _r(
        "stateless",
        "transport",
        URLS,
        MUSS,
        "Alle Zugriffe müssen zustandslos möglich sein, ohne Sitzungsinformationen wie Cookies.",
    ),
    _r(
        "host-name",
        "transport",
        CANON,
        SOLL,
        "Der Server sollte über einen Hostnamen und nicht nur über eine IP-Adresse erreichbar sein.",
    ),
    _r(
        "one-scheme",
        "transport",
        HTTPS,
        MUSS,
        "Der Betreiber muss sich für HTTP oder HTTPS entscheiden: alle URLs verwenden dasselbe Schema.",
    ),
    _r("https", "transport", HTTPS, SOLL, "HTTPS wird empfohlen: alle URLs beginnen mit https://."),
    _r("no-downgrade", "transport", HTTPS, SOLL, "Eine Weiterleitung von HTTPS auf HTTP wird nicht empfohlen."),
    _r(
        "no-tech-path",
        "transport",
        LONG,
        SOLL,
        "Technische Eigenschaften der Implementierung (z. B. „oparl.php/“) sollten im URL-Pfad nicht erscheinen.",
    ),
    _r(
        "cors-origin",
        "transport",
        CORS,
        MUSS,
        "Jede Antwort mit JSON-Daten muss den Header Access-Control-Allow-Origin: * senden.",
    ),
    _r(
        "cors-methods",
        "transport",
        CORS,
        SOLL,
        "Access-Control-Allow-Methods sollte nicht gesetzt sein oder muss GET enthalten.",
    ),
    _r("json", "json", JSON, MUSS, "Der Server muss Objekte in Form von JSON ausgeben."),
    _r("utf8", "json", JSON, MUSS, "Sämtliche JSON-Ausgabe muss in UTF-8 ohne Byte Order Mark erfolgen."),
    _r("no-html-escape", "json", JSON, MUSS, "XML-/HTML-String-Escaping (z. B. &amp;) darf nicht verwendet werden."),
    _r("null-optional", "json", NULL, SOLL, "Eigenschaften sollten nicht mit dem Wert null ausgegeben werden."),
    _r("null-mandatory", "json", NULL, MUSS, "Obligatorische Eigenschaften dürfen nicht den Wert null haben."),
    _r(
        "empty-list",
        "json",
        NULL,
        SOLL,
        "Auf die Ausgabe optionaler Eigenschaften mit dem Wert [] sollte verzichtet werden.",
    ),
    _r(
        "empty-string",
        "json",
        NULL,
        SOLL,
        "Liegen zu einer Eigenschaft keine Daten vor, sollte sie nicht ausgegeben werden, auch nicht als leere "
        "Zeichenkette (1.1: „wenn zu einer Eigenschaft keine Daten vorliegen“; 1.0 nennt nur null und []).",
        NEW,
    ),
    _r(
        "list-page",
        "paginierung",
        PAGES,
        MUSS,
        "Jede Listenseite muss mit HTTP 200 die Attribute data (Array), pagination und links (Objekte) enthalten.",
    ),
    _r("next", "paginierung", PAGES, MUSS, "Alle Listenseiten außer der letzten müssen links.next enthalten."),
    _r(
        "first-last",
        "paginierung",
        PAGES,
        KANN,
        "links.first und links.last verweisen, wenn angegeben, auf die erste und die letzte Listenseite.",
    ),
    _r(
        "stable-order",
        "paginierung",
        PAGES,
        MUSS,
        "Der Server muss für eine stabile Sortierung sorgen, die sich nicht von Abfrage zu Abfrage ändert.",
    ),
    _r(
        "no-duplicates",
        "paginierung",
        PAGES,
        MUSS,
        "Bei stabiler Sortierung erscheint jedes Objekt genau einmal beim Durchblättern einer Liste.",
    ),
    _r(
        "terminates",
        "paginierung",
        PAGES,
        MUSS,
        "Die Kette der links.next endet mit einer letzten Listenseite; keine Listenseite wiederholt sich.",
    ),
    _r(
        "elements-per-page",
        "paginierung",
        PAGES,
        MUSS,
        "pagination.elementsPerPage muss auf allen Listenseiten außer der letzten gleich sein.",
    ),
    _r("paginate-large", "paginierung", PAGES, SOLL, "Listen mit mehr als 100 Einträgen sollten paginiert werden."),
    _r(
        "internal-not-deleted",
        "paginierung",
        INTERNAL,
        MUSS,
        "Bei der internen Ausgabe darf der Server keine gelöschten Objekte ausgeben.",
        NEW,
    ),
    *(
        _r(
            f"{name.replace('_', '-')}",
            "filter",
            FILTER,
            MUSS,
            f"Alle externen Objektlisten müssen den Filter {name} unterstützen.",
        )
        for name in ("created_since", "created_until", "modified_since", "modified_until")
    ),
    _r(
        "filter-kept",
        "filter",
        FILTER,
        MUSS,
        "Auf allen weiteren Listenseiten (Werte von links) müssen die verwendeten Filter erhalten bleiben.",
    ),
    _r(
        "deleted-with-modified-since",
        "filter",
        FILTER,
        MUSS,
        "Mit modified_since muss der Server auch die den Filtern entsprechenden gelöschten Objekte ausgeben.",
        NEW,
    ),
    _r(
        "deleted-hidden",
        "filter",
        FILTER,
        MUSS,
        "Ohne modified_since dürfen gelöschte Objekte nicht ausgegeben werden.",
        NEW,
    ),
    _r(
        "omit-internal",
        "filter",
        FILTER,
        SOLL,
        "Mit omit_internal=true soll der Server interne Listen weglassen, deren Objekte eigene Listen haben.",
        NEW,
    ),
    _r("file-get", "dateien", FILES, MUSS, "Jede Datei muss mit einer HTTP-GET-Anfrage abrufbar sein."),
    _r(
        "access-inline",
        "dateien",
        DOWNLOAD,
        MUSS,
        "Beim Zugriff auf accessUrl darf der Server nicht Content-Disposition mit attachment senden.",
    ),
    _r(
        "download-attachment",
        "dateien",
        DOWNLOAD,
        MUSS,
        "Beim Zugriff auf downloadUrl muss der Server Content-Disposition: attachment mit filename senden.",
    ),
    _r(
        "file-headers",
        "dateien",
        FILE_HINTS,
        SOLL,
        "Die Ausgabe der Header Last-Modified, Content-Length und ETag wird empfohlen.",
    ),
    _r(
        "conditional-get",
        "dateien",
        FILE_HINTS,
        SOLL,
        "Der Server sollte Conditional GET (If-Modified-Since, If-None-Match) unterstützen.",
    ),
    _r(
        "soft-delete",
        "geloescht",
        DELETED,
        MUSS,
        "Gelöschte Objekte der Typen System, Body, Organization, Person, Meeting, Paper, File und Location bleiben "
        "unter ihrer URL mit HTTP 200 abrufbar und tragen deleted: true.",
        older=_in_10(
            DELETED,
            MUSS,
            "Gelöschte Hauptobjekte (System, Body, Organization, Person, Meeting, Paper, "
            "File) dürfen unter ihrer URL nicht 404 oder 410 liefern; sie tragen "
            "deleted: true.",
        ),
    ),
    _r(
        "deleted-keeps",
        "geloescht",
        DELETED,
        MUSS,
        "Ein gelöschtes Objekt muss id, type und created behalten und modified auf die Löschung setzen.",
        older=_in_10(
            DELETED,
            MUSS,
            "Ein gelöschtes Objekt muss id und type (und created, wo vorhanden) behalten "
            "und modified auf den Zeitpunkt der Löschung setzen.",
        ),
    ),
    _r(
        "embedded-modified",
        "geloescht",
        DELETED,
        MUSS,
        "modified eines Objekts muss mit jeder Änderung der in ihm eingebetteten Objekte aktualisiert werden.",
        NEW,
    ),
    _r(
        "error-status",
        "fehler",
        ERRORS,
        SOLL,
        "Kann der Server eine Anfrage nicht bearbeiten, sollte er mit dem entsprechenden HTTP-Statuscode antworten.",
    ),
    _r(
        "error-object",
        "fehler",
        ERRORS,
        SOLL,
        "Die Fehlerantwort sollte ein Objekt mit type (…/Error), message und debug sein.",
        NEW,
    ),
    _r(
        "error-object-status",
        "fehler",
        ERRORS,
        MUSS,
        "Gibt der Server ein Fehlerobjekt aus, muss er einen HTTP-Statuscode senden, der einen Fehler anzeigt.",
        NEW,
    ),
    _r(
        "id-consistent",
        "integritaet",
        PROP_ID,
        MUSS,
        "id ist die URL des Objekts: unter seiner id abgerufen trägt ein Objekt dieselbe id.",
    ),
    _r(
        "embedded-retrievable",
        "integritaet",
        OBJECTS,
        MUSS,
        "Jedes Objekt muss unter seiner id abrufbar sein, auch wenn es intern in anderen Objekten ausgegeben wird.",
    ),
    _r(
        "references-resolve",
        "integritaet",
        REF,
        MUSS,
        "Jede Objekt-URL einer Referenz verweist auf ein abrufbares Objekt.",
    ),
    _r(
        "references-listed",
        "integritaet",
        EXTERNAL,
        MUSS,
        "Ein referenziertes, nicht gelöschtes Objekt erscheint in der externen Liste seines Typs.",
    ),
    _r(
        "reference-types",
        "integritaet",
        TYPES,
        MUSS,
        "Eine Referenz vom Typ url (Objekttyp) verweist auf ein Objekt eben dieses Typs.",
    ),
    _r(
        "backreferences",
        "integritaet",
        OBJECTS,
        MUSS,
        "Einzeln ausgegebene LegislativeTerm, Membership, AgendaItem und Consultation geben ihre Rückreferenz aus.",
        older=_in_10(
            OBJECTS,
            SOLL,
            "Einzeln ausgegebene LegislativeTerm, Membership, AgendaItem und Consultation "
            "sollten ihre Rückreferenz ausgeben (1.0 beschreibt sie im Schema ohne "
            "Schlüsselwort; Felder ohne „zwingend“ gelten als empfohlen, §3.2.1).",
        ),
    ),
    _r(
        "date-order",
        "integritaet",
        SCHEMA,
        MUSS,
        "Der Beginn (startDate bzw. start) liegt nicht nach dem Ende (endDate bzw. end).",
    ),
    _r(
        "type-url",
        "integritaet",
        PROP_TYPE,
        MUSS,
        "type ist zwingend die Namespace-URL https://schema.oparl.org/<Version>/<Objekttyp> des Objekts.",
    ),
    _r(
        "license",
        "integritaet",
        PROP_LICENSE,
        SOLL,
        "Die Lizenz sollte global am System-Objekt (oder an der Körperschaft) angegeben werden.",
    ),
)
