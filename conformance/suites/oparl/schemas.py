"""The project's OParl JSON Schemas (2020-12), compiled once per process, with a fast path for bulk validation.

Bulk validation asks jsonschema-rs whether an object is valid; only the invalid ones go to jsonschema for
the detailed violations (message, JSON pointer, keyword). Without jsonschema-rs every object goes through
jsonschema, which gives the same verdicts, only slower.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conformance.core.evidence import Exchange, Locator, SchemaViolation
from conformance.core.jsonschemas import load_document, violations
from conformance.core.packs import default_store
from conformance.core.paths import schemas_dir

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - the fast path is optional
    jsonschema_rs = None  # type: ignore[assignment]

BASE = "https://wechselbar.example/schemas/oparl"
GEOJSON = "https://geojson.org/schema/Feature.json"


def schema_dir(version: str) -> Path:
    """The folder of one OParl version's schemas."""
    return schemas_dir() / "oparl" / version


def schema_uri(version: str, type_name: str) -> str:
    """The $id of one object type's schema."""
    return f"{BASE}/{version}/{type_name}.json"


@cache
def documents(version: str) -> dict[str, Path]:
    """URI → file for every schema the version's schemas may reference (its own files and GeoJSON)."""
    found = {f"{BASE}/{version}/{p.name}": p for p in sorted(schema_dir(version).glob("*.json"))}
    found[GEOJSON] = default_store().path("geojson-schema", "Feature.json")
    return found


@cache
def registry(version: str) -> Registry[Any]:
    """Every schema the version needs, loaded up front: no $ref is retrieved (or re-read) while validating."""
    resources = [
        (uri, Resource.from_contents(load_document(path), default_specification=DRAFT202012))
        for uri, path in documents(version).items()
    ]
    return Registry().with_resources(resources).crawl()


class TypeValidator:
    """One object type's validator pair: a fast yes/no check and the detailed one."""

    def __init__(self, version: str, type_name: str) -> None:
        self.uri = schema_uri(version, type_name)
        docs = documents(version)
        schema = load_document(docs[self.uri])
        self.schema: dict[str, Any] = schema
        cls = validator_for(schema)
        self.detailed: Validator = cls(schema, registry=registry(version), format_checker=cls.FORMAT_CHECKER)
        self.fast = _fast_validator(schema, docs)

    def required(self) -> frozenset[str]:
        """The properties a non-deleted object of this type must have."""
        required = set(self.schema.get("required", []))
        return frozenset(required | set(self.schema.get("else", {}).get("required", [])))

    def is_valid(self, instance: Any) -> bool:
        """True if the instance conforms (fast path when available)."""
        if self.fast is not None:
            return bool(self.fast.is_valid(instance))
        return bool(self.detailed.is_valid(instance))

    def violations(
        self, instance: Any, where: str, pointer: str = "", requirement: str = "", exchange: Exchange | None = None
    ) -> Iterator[SchemaViolation]:
        """Every schema violation of one object, each located by URL and JSON pointer."""
        if self.is_valid(instance):
            return
        found = list(violations(self.detailed, instance, where, requirement, exchange))
        if not found and self.fast is not None:
            found = list(_fast_violations(self.fast, instance, where, requirement, exchange))
        for item in found:
            item.locator = Locator(where=where, pointer=pointer + (item.locator.pointer or ""))
            yield item


@cache
def validator(version: str, type_name: str) -> TypeValidator:
    """The compiled validator of one type (built once per process)."""
    return TypeValidator(version, type_name)


def _fast_validator(schema: dict[str, Any], docs: dict[str, Path]) -> Any:
    if jsonschema_rs is None:
        return None
    resources = [(uri, json.loads(path.read_text(encoding="utf-8"))) for uri, path in docs.items()]
    registry = jsonschema_rs.Registry(resources)
    return jsonschema_rs.validator_for(schema, validate_formats=True, registry=registry)


def _fast_violations(
    fast: Any, instance: Any, where: str, requirement: str, exchange: Exchange | None
) -> Iterator[SchemaViolation]:
    for error in fast.iter_errors(instance):
        pointer = "".join(f"/{part}" for part in error.instance_path)
        yield SchemaViolation(
            error.message,
            locator=Locator(where=where, pointer=pointer),
            expected=str(error.kind),
            actual=None,
            requirement=requirement,
            exchange=exchange,
        )
