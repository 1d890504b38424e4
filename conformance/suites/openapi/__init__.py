"""Conformance of an API to its own OpenAPI 3.0/3.1 description: catalogue of classes and requirements.

"Conformance to its own description" means: the vendor's OpenAPI document is a valid, resolvable OpenAPI 3.0 or
3.1 description, and every documented GET operation, called with parameter values that the description allows,
answers with a documented status code, a documented media type and a body that validates against the documented
schema, never with a 5xx; called with values that the description forbids, it answers with a 4xx. Nothing beyond
the description is judged: a standard the API also implements (OGC API, OParl) has its own suite.
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation

ID = "openapi-3"
VERSION = "3.x"
SPEC = "https://spec.openapis.org/oas/v3.0.3"
BASE = "urn:wechselbar:openapi-3"


def _cls(short: str, title_de: str, title_en: str, anchor: str) -> ConformanceClass:
    return ConformanceClass(f"{BASE}/conf/{short}", short, title_de, title_en, f"{SPEC}#{anchor}")


CLASSES = (
    _cls("description", "Beschreibungsdokument", "Description document", "openapi-document"),
    _cls("status-codes", "Dokumentierte Statuscodes", "Documented status codes", "responses-object"),
    _cls("content-types", "Dokumentierte Medientypen", "Documented media types", "response-object"),
    _cls("response-schemas", "Antworten gemäß Schema", "Responses match their schemas", "media-type-object"),
    _cls("negative-data", "Ablehnung ungültiger Parameter", "Rejection of invalid parameters", "parameter-object"),
    _cls("server-errors", "Keine Serverfehler", "No server errors", "responses-object"),
)


def _req(path: str, obligation: Obligation, statement: str, spec_url: str) -> Requirement:
    cls = path.split("/", 1)[0]
    return Requirement(f"{BASE}/req/{path}", f"{BASE}/conf/{cls}", ID, VERSION, obligation, statement, spec_url)


REQUIREMENTS = (
    _req(
        "description/parse",
        Obligation.MUSS,
        "The OpenAPI description SHALL be retrievable (HTTP 200 at the URL the vendor gives, or the file it "
        "gives) and parse as a JSON or YAML object.",
        f"{SPEC}#format",
    ),
    _req(
        "description/version",
        Obligation.MUSS,
        "The description SHALL declare in its openapi field an OpenAPI version 3.0.x or 3.1.x.",
        f"{SPEC}#fixed-fields",
    ),
    _req(
        "description/valid",
        Obligation.MUSS,
        "The description SHALL be a valid OpenAPI document of the version it declares: it validates against "
        "the schema of the OpenAPI Object and keeps the specification's own rules (unique operationIds, "
        "every path template parameter declared).",
        f"{SPEC}#openapi-object",
    ),
    _req(
        "description/refs",
        Obligation.MUSS,
        "Every $ref whose target the suite can read (inside the description, on the API's own host, or a "
        "published schema the suite mirrors) SHALL resolve to an existing location.",
        f"{SPEC}#reference-object",
    ),
    _req(
        "description/self-contained",
        Obligation.SOLL,
        "Every $ref SHOULD resolve offline: inside the description, on the API's own host, or to a published "
        "schema the suite mirrors (OGC API – Features, GeoJSON). A reference to another host, or to a moving "
        "branch head, leaves what it describes unverifiable; the suite never fetches it.",
        f"{SPEC}#reference-object",
    ),
    _req(
        "status-codes/documented",
        Obligation.SOLL,
        "Each response of a documented GET operation SHOULD carry a status code that its Responses Object "
        "lists, explicitly, as a range such as 4XX or through default (the description is expected to cover "
        "the successful response and any known errors).",
        f"{SPEC}#responses-object",
    ),
    _req(
        "content-types/documented",
        Obligation.MUSS,
        "Where the Response Object for the status documents content, the response's Content-Type SHALL be one "
        "of its media types or match one of its media type ranges.",
        f"{SPEC}#response-object",
    ),
    _req(
        "response-schemas/valid",
        Obligation.MUSS,
        "A JSON response body whose media type is documented with a schema SHALL parse and validate against "
        "that schema (the OpenAPI 3.0 Schema Object, or JSON Schema 2020-12 for 3.1).",
        f"{SPEC}#media-type-object",
    ),
    _req(
        "negative-data/rejected",
        Obligation.MUSS,
        "A request whose parameters break the documented Parameter Objects (a required parameter missing, a "
        "value of the wrong type or outside its enum, range or pattern) SHALL be answered with a 4xx status. "
        "Extra parameters the description does not name are not treated as invalid.",
        f"{SPEC}#parameter-object",
    ),
    _req(
        "server-errors/none",
        Obligation.MUSS,
        "No request the suite sends, valid or invalid under the description, SHALL be answered with a 5xx "
        "status: a 5xx says the server failed, not that the request was wrong.",
        "https://www.rfc-editor.org/rfc/rfc9110#section-15.6",
    ),
)

STANDARD = Standard(
    id=ID,
    title="API conformance to its own OpenAPI 3.0/3.1 description",
    title_de="API-Konformität zur eigenen OpenAPI-3.0/3.1-Beschreibung",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    target_kinds=("url", "path"),
    requirements=REQUIREMENTS,
    packs=("ogcapi-features", "geojson-schema"),
    options=(
        Option(
            "base_url",
            "",
            "the URL the documented paths hang from (default: the first server entry, else the description's origin)",
        ),
        Option("max_operations", 50, "documented GET operations exercised"),
        Option("positive_cases", 5, "calls per operation with valid parameter values"),
        Option("negative_cases", 5, "calls per operation with invalid parameter values"),
        Option("max_requests", 300, "requests per target in all"),
        Option("path_parameters", {}, 'fixed values for path parameters, e.g. { collectionId = "schools" }'),
    ),
)

from conformance.suites.openapi.suite import OpenApiSuite  # noqa: E402  (the suite needs the catalogue above)

SUITE = OpenApiSuite(STANDARD)

__all__ = ["STANDARD", "SUITE"]
