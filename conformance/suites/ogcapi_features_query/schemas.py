"""What is wrong with a queryables document as JSON Schema (19-079r2, /req/queryables/get-queryables-response)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

from conformance.core.messages import Message
from conformance.suites.ogcapi_features.responses import Doc
from conformance.suites.ogcapi_features_query.messages import q

DRAFTS = ("https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2020-12/schema")


def schema_problems(doc: Doc) -> Iterator[Message]:
    """$schema names draft 2019-09 or 2020-12, $id is the resource's URI, type is object, the schema is valid."""
    body = doc.body
    if body.get("$schema") not in DRAFTS:
        yield q("queryables-schema-draft", found=str(body.get("$schema")))
    resource = urlunsplit(urlsplit(doc.url)._replace(query="", fragment=""))
    if body.get("$id") != resource:
        yield q("queryables-id", found=str(body.get("$id")), expected=resource)
    if body.get("type") != "object" or not isinstance(body.get("properties"), dict):
        yield q("queryables-not-object", found=str(body.get("type")))
    yield from _valid(body)


def _valid(body: dict[str, object]) -> Iterator[Message]:
    from jsonschema import exceptions, validators  # noqa: PLC0415

    try:
        validators.validator_for(body, default=validators.Draft202012Validator).check_schema(body)
    except exceptions.SchemaError as exc:
        yield q("queryables-invalid-schema", error=exc.message)
