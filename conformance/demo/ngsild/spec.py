"""TEST DOUBLE: the constants of ETSI GS CIM 009 V1.6.1 that the reference broker double relies on.

Error types are those of Table 5.5.2-1 with the HTTP status of their mapping in clause 6.3.2; IRIs are the
expansions the core ``@context`` gives to the NGSI-LD terms (clause 4.4 and Annex B).
"""

from __future__ import annotations

import re
from typing import Any

API_VERSION = "ETSI GS CIM 009 V1.6.1"
CORE_VERSION = "v1.4"
CORE_URL = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.4.jsonld"
CORE_ALIAS = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld"
CORE_FILES = {
    f"https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-{v}.jsonld": f"ldcontexts/ngsi-ld-core-context-{v}.jsonld"
    for v in ("v1.3", "v1.4")
}
CORE_PACK = "ngsi-ld-core-context"
CONTEXT_REL = "http://www.w3.org/ns/json-ld#context"

JSON = "application/json"
JSON_LD = "application/ld+json"
MERGE_PATCH = "application/merge-patch+json"

NGSI = "https://uri.etsi.org/ngsi-ld/"
PROPERTY = NGSI + "Property"
RELATIONSHIP = NGSI + "Relationship"
GEO_PROPERTY = NGSI + "GeoProperty"
ATTRIBUTE_TYPES = (PROPERTY, RELATIONSHIP, GEO_PROPERTY)
HAS_VALUE = NGSI + "hasValue"
HAS_OBJECT = NGSI + "hasObject"
OBSERVED_AT = NGSI + "observedAt"
CREATED_AT = NGSI + "createdAt"
MODIFIED_AT = NGSI + "modifiedAt"
DATASET_ID = NGSI + "datasetId"
LOCATION = NGSI + "location"
DATE_TIME = NGSI + "DateTime"
SYSTEM_ATTRIBUTES = (CREATED_AT, MODIFIED_AT)
GEOJSON = "https://purl.org/geojson/vocab#"

ERRORS = "https://uri.etsi.org/ngsi-ld/errors/"
STATUS = {
    "InvalidRequest": 400,
    "BadRequestData": 400,
    "AlreadyExists": 409,
    "OperationNotSupported": 422,
    "ResourceNotFound": 404,
    "InternalError": 500,
    "TooComplexQuery": 403,
    "TooManyResults": 403,
    "LdContextNotAvailable": 503,
}
TITLES = {
    "InvalidRequest": "The request is syntactically invalid or includes wrong content",
    "BadRequestData": "The request includes input data which does not meet the requirements of the operation",
    "AlreadyExists": "The referred element already exists",
    "OperationNotSupported": "The operation is not supported",
    "ResourceNotFound": "The referred resource has not been found",
    "InternalError": "There has been an error during the operation execution",
    "TooManyResults": "The query is producing too many results",
    "LdContextNotAvailable": "A remote JSON-LD @context referenced in the request cannot be retrieved",
}

URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")


class NgsiError(Exception):
    """An NGSI-LD error (clause 5.5.2): its type name, detail text and HTTP status (clause 6.3.2)."""

    def __init__(self, kind: str, detail: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.status = status or STATUS[kind]

    def problem(self) -> dict[str, Any]:
        """The ProblemDetails body (IETF RFC 7807) with the ETSI error type URI."""
        return {
            "type": ERRORS + self.kind,
            "title": TITLES.get(self.kind, self.kind),
            "status": self.status,
            "detail": self.detail,
        }


def is_uri(text: object) -> bool:
    """Whether a value is an absolute URI as entity ids must be (clause 4.5.1: ``id`` is a URI)."""
    return isinstance(text, str) and bool(URI.match(text))
