"""TEST DOUBLE: the realistic defects the OParl test server can be switched into.

Each defect names the OParl rules (keys of conformance.suites.oparl.rules) under which the suite must
report it, and a text that the evidence locator of that report contains (the list or object it affects).
"""

from __future__ import annotations

from dataclasses import dataclass

BOTH = ("1.1", "1.0")
NEW = ("1.1",)
SCHEMA_KINDS = "system body legislativeterm organization person membership meeting agendaitem paper consultation file"


@dataclass(frozen=True)
class Defect:
    """One switchable defect of the test server."""

    name: str
    description: str
    rules: tuple[str, ...]
    where: str = ""
    versions: tuple[str, ...] = NEW
    size: int = 0


_ALL = (
    Defect(
        "pagination-cycle",
        "links.next of page 3 of the paper list points back to page 2",
        ("terminates",),
        "/papers",
        BOTH,
    ),
    Defect(
        "missing-next",
        "page 2 of the paper list has no links.next although more pages follow",
        ("next",),
        "/papers",
        BOTH,
    ),
    Defect("duplicates", "pages of the person list overlap by two entries", ("no-duplicates",), "/persons", BOTH),
    Defect(
        "unstable-order",
        "the organization list reverses its sort order on every repeated request",
        ("stable-order",),
        "/organizations",
    ),
    Defect(
        "elements-per-page",
        "page 2 of the paper list reports another elementsPerPage",
        ("elements-per-page",),
        "/papers",
        BOTH,
    ),
    Defect("wrong-last", "links.last of the paper list points at the first page", ("first-last",), "/papers"),
    Defect(
        "no-pagination",
        "the agenda item list comes as one page of more than 100 entries",
        ("paginate-large",),
        "/agendaItems",
        size=700,
    ),
    Defect("list-500", "every page of the meeting list answers HTTP 500", ("list-page",), "/meetings", BOTH),
    Defect("not-json", "the location list answers with an HTML page", ("json", "list-page"), "/locations"),
    Defect("bom", "JSON responses start with a UTF-8 byte order mark", ("utf8",), "/system"),
    Defect("html-escape", "organization names carry HTML entities (&amp;)", ("no-html-escape",), "/name"),
    Defect("nulls", "papers carry reference: null", ("null-optional",), "/reference"),
    Defect("null-mandatory", "files carry accessUrl: null", ("null-mandatory", "schema-file"), "/accessUrl", BOTH),
    Defect("empty-lists", "persons carry status: []", ("empty-list",), "/status"),
    Defect("empty-strings", 'persons carry affix: "" instead of omitting it', ("empty-string",), "/affix"),
    Defect("no-cors", "no Access-Control-Allow-Origin header", ("cors-origin",), "/system"),
    Defect("cors-methods", "Access-Control-Allow-Methods: POST", ("cors-methods",), "/system"),
    Defect(
        "session-cookie",
        "lists answer 403 unless the session cookie of the System response is sent",
        ("stateless",),
        "/bodies",
    ),
    Defect("tech-path", "every URL carries oparl.php/ in its path", ("no-tech-path",), "oparl.php"),
    Defect(
        "http-links", "participants and originators are linked with the other URL scheme", ("one-scheme",), "/person/"
    ),
    Defect("ip-host", "URLs name the server by its IP address", ("host-name",), "127.0.0.1"),
    Defect("ignored-modified-since", "modified_since is ignored", ("modified-since",), "modified_since"),
    Defect(
        "ignored-filters",
        "all four date filters are ignored",
        ("created-since", "created-until", "modified-since", "modified-until"),
        "_",
        BOTH,
    ),
    Defect("filter-lost", "links of filtered lists drop the filter parameters", ("filter-kept",), "page=2", BOTH),
    Defect(
        "missing-deleted",
        "deleted objects are missing under modified_since",
        ("deleted-with-modified-since",),
        "modified_since",
    ),
    Defect(
        "deleted-dropped-incremental",
        "deleted objects show under modified_since at the epoch (a full sync), "
        "but are dropped from incremental lists (a later modified_since)",
        ("deleted-with-modified-since",),
        "modified_since",
    ),
    Defect(
        "deleted-in-list", "deleted objects appear in lists without modified_since", ("deleted-hidden",), "/persons"
    ),
    Defect(
        "embedded-deleted",
        "deleted memberships stay embedded in their persons",
        ("internal-not-deleted",),
        "/membership/",
    ),
    Defect("no-omit-internal", "omit_internal=true is ignored", ("omit-internal",), "omit_internal"),
    Defect(
        "object-lists-404",
        "the meeting lists linked from organizations (Organization.meeting) answer 404",
        ("references-resolve", "list-page"),
        "/meetings",
        BOTH,
    ),
    Defect(
        "dangling-references",
        "meetings list participants that do not exist",
        ("references-resolve",),
        "/participant/",
        BOTH,
    ),
    Defect(
        "unlisted-objects",
        "some persons exist but are missing from the person list",
        ("references-listed",),
        "/person/",
        BOTH,
    ),
    Defect("reference-type", "memberships name a person as onBehalfOf", ("reference-types",), "/onBehalfOf"),
    Defect(
        "missing-backref",
        "memberships fetched on their own lack the person back reference",
        ("backreferences",),
        "/membership/",
        BOTH,
    ),
    Defect("id-mismatch", "objects fetched by id carry the id with a trailing slash", ("id-consistent",), "/id", BOTH),
    Defect(
        "embedded-unretrievable",
        "embedded locations answer 404 under their id",
        ("embedded-retrievable",),
        "/location/",
        BOTH,
    ),
    Defect("date-order", "some meetings end before they start", ("date-order",), "/end"),
    Defect(
        "wrong-type-url",
        "papers carry the type URL of the other OParl version",
        ("type-url", "schema-paper"),
        "/type",
        BOTH,
    ),
    Defect("wrong-json-types", "meetings carry cancelled as a string", ("schema-meeting",), "/cancelled", BOTH),
    Defect("hard-delete", "deleted objects answer 410 under their id", ("soft-delete", "references-resolve"), "person"),
    Defect("deleted-incomplete", "deleted objects lose their created timestamp", ("deleted-keeps",), "person", NEW),
    Defect(
        "stale-parent",
        "embedded memberships are newer than the modified time of their person",
        ("embedded-modified",),
        "/persons",
    ),
    Defect(
        "error-200",
        "unknown objects answer HTTP 200 with an error object",
        ("error-status", "error-object-status"),
        "wechselbar-probe",
    ),
    Defect("error-html", "unknown objects answer with an HTML error page", ("error-object",), "wechselbar-probe"),
    Defect("file-404", "file access URLs answer 404", ("file-get",), "accessUrl"),
    Defect("file-attachment", "file access URLs send Content-Disposition: attachment", ("access-inline",), "/files/"),
    Defect(
        "no-download-disposition",
        "download URLs send no Content-Disposition",
        ("download-attachment",),
        "/files/download/",
    ),
    Defect("no-file-headers", "files are served without Last-Modified and ETag", ("file-headers",), "/files/"),
    Defect("no-conditional-get", "files ignore If-None-Match and If-Modified-Since", ("conditional-get",), "/files/"),
    Defect("wrong-version", "System.oparlVersion names the other OParl version", ("system-endpoint",), "/oparlVersion"),
    Defect("no-license", "neither System nor Body names a license", ("license",), "/system"),
    Defect(
        "location-object-mismatch",
        "Person.location and locationObject name different locations",
        ("person-location-object",),
        "/location",
    ),
    Defect(
        "long-life",
        "persons carry a life text of 400 characters without lifeSource",
        ("person-life-length", "person-life-source"),
        "/life",
    ),
    Defect("file-name-extension", "file names end in .pdf", ("file-name",), "/name"),
    Defect("meeting-state", "meetings use the state geplant", ("meeting-state",), "/meetingState"),
    Defect("agenda-order", "agenda item order starts at 1", ("agenda-order",), "/order"),
    Defect(
        "swapped-coordinates",
        "Location.geojson points are written latitude first ([50.9, 7.0])",
        ("location-geojson",),
        "/geojson/geometry/coordinates",
        BOTH,
    ),
    Defect(
        "geojson-legacy-crs",
        "Location.geojson carries the crs member RFC 7946 removed",
        ("location-geojson-recommended",),
        "/geojson/crs",
    ),
    Defect(
        "keyword-as-text",
        "every object, the System too, carries keyword as a string instead of an array of strings",
        tuple(f"schema-{kind}" for kind in (*SCHEMA_KINDS.split(), "location")),
        "/keyword",
        BOTH,
    ),
)

DEFECTS: dict[str, Defect] = {d.name: d for d in _ALL}


def defect(name: str) -> Defect:
    """A defect by name; unknown names are an error."""
    if name not in DEFECTS:
        raise KeyError(f"unknown defect {name!r}; known: {', '.join(sorted(DEFECTS))}")
    return DEFECTS[name]
