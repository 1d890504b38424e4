"""Response bodies against their documented schemas: every error, each with its JSON pointer.

OpenAPI 3.0 schemas are read in the OpenAPI 3.0 dialect (nullable, readOnly in responses) and 3.1 schemas as
JSON Schema 2020-12, both with openapi-schema-validator; references resolve inside the bundle only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from jsonschema.protocols import Validator
from openapi_schema_validator import OAS30ReadValidator, OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from conformance.core import jsonsafe
from conformance.core.evidence import Locator, ParseViolation, SchemaViolation, Violation
from conformance.core.openapi.refs import References, escape, pointer
from conformance.core.openapi.responses import documented_response
from conformance.suites.openapi.api import Api
from conformance.suites.openapi.bundle import Bundle
from conformance.suites.openapi.exercise import Call, Exercise
from conformance.suites.openapi.messages import m
from conformance.suites.openapi.verdicts import Finding, merged

URN = "urn:wechselbar:openapi"


class Schemas:
    """Compiled validators for the schemas of one bundled description, each compiled once."""

    def __init__(self, found: Api) -> None:
        self.bundle = found.bundle
        v31 = found.version.startswith("3.1")
        self.cls: Any = OAS31Validator if v31 else OAS30ReadValidator
        resource = Resource.from_contents(found.document, default_specification=DRAFT202012 if v31 else DRAFT4)
        self.registry: Registry[Any] = Registry().with_resource(URN, resource)
        self.compiled: dict[str, Validator] = {}

    def validator(self, schema_pointer: str) -> Validator:
        """The validator for the schema at a pointer of the bundle."""
        if schema_pointer not in self.compiled:
            self.compiled[schema_pointer] = self.cls(
                {"$ref": f"{URN}#{schema_pointer}"}, registry=self.registry, format_checker=self.cls.FORMAT_CHECKER
            )
        return self.compiled[schema_pointer]


def schema_violations(run: Exercise, found: Api) -> Iterator[Violation]:
    """Every documented JSON body that does not parse or does not validate."""
    schemas = Schemas(found)
    return merged(f for call in run.calls for f in _call(call, schemas))


def documented_content(document: dict[str, Any], op_pointer: str, status: int) -> tuple[str, dict[str, Any]] | None:
    """Where the response documented for a status lists its content, and that content, if it names any."""
    response = documented_response(References("", document), op_pointer, status)
    content = response.node.get("content") if response is not None else None
    return (response.pointer, content) if response is not None and isinstance(content, dict) and content else None


def judged_body(call: Call, document: dict[str, Any]) -> bool:
    """True if the call's body is JSON and documented with a schema, so the schema check judges it."""
    got = call.response
    return (
        _is_json(got.media_type)
        and documented_schema(document, call.planned.operation.pointer, got.status, got.media_type) is not None
    )


def documented_schema(document: dict[str, Any], op_pointer: str, status: int, media_type: str) -> str | None:
    """The bundle pointer of the schema documented for a status and media type, if there is one."""
    found = documented_content(document, op_pointer, status)
    if found is None:
        return None
    response_at, content = found
    main = media_type.split("/", 1)[0]
    key = next((k for k in (media_type, f"{main}/*", "*/*") if k in content), None)
    if key is None or not isinstance(content[key], dict) or "schema" not in content[key]:
        return None
    return f"{response_at}/content/{escape(key)}/schema"


def _call(call: Call, schemas: Schemas) -> Iterator[Finding]:
    got, op = call.response, call.planned.operation
    if not _is_json(got.media_type):
        return
    at = documented_schema(schemas.bundle.document, op.pointer, got.status, got.media_type)
    if at is None:
        return
    label = f"{op.label} HTTP {got.status} {got.media_type}"
    try:
        body = jsonsafe.loads(got.content)
    except ValueError as exc:
        yield Finding(
            (op.label, got.status, "parse"),
            ParseViolation(
                m("body-not-json", response=label, error=str(exc)),
                locator=got.url,
                expected=m("phrase.json"),
                actual=got.text[:200],
                exchange=got.exchange,
            ),
        )
        return
    for error in schemas.validator(at).iter_errors(body):
        yield _schema_finding(call, label, error, at, schemas.bundle)


def _schema_finding(call: Call, label: str, error: Any, at: str, bundle: Bundle) -> Finding:
    got = call.response
    where = pointer(tuple(error.absolute_path))
    uri, schema_at = bundle.origin(at)
    schema = f"{uri}#{schema_at}" if uri else f"#{schema_at}"
    key = (
        call.planned.operation.label,
        got.status,
        re.sub(r"/\d+", "/*", where),
        error.validator,
        repr(error.validator_value)[:200],
    )
    return Finding(
        key,
        SchemaViolation(
            m("body-invalid", response=label, error=error.message),
            locator=Locator(where=got.url, pointer=where),
            expected=f"{error.validator}: {_short(error.validator_value)} (schema {schema})",
            actual=_short(error.instance),
            exchange=got.exchange,
        ),
    )


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _short(value: Any, limit: int = 300) -> Any:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return value if len(text) <= limit else text[:limit] + "…"
