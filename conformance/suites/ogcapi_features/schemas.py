"""The schemas the standard points to, loaded offline from the packs: Core resources and GeoJSON."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema.protocols import Validator
from referencing import Resource
from referencing.jsonschema import DRAFT202012

from conformance.core.evidence import SchemaViolation
from conformance.core.jsonschemas import OfflineRegistry, compile_validator, load_document, violations
from conformance.core.packs import default_store
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.responses import Doc

PUBLISHED = "https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi"


class OasSchemas(OfflineRegistry):
    """OpenAPI 3.0 schema objects read as JSON Schema (``type: null`` and ``nullable`` read as the type "null").

    Besides files, in-memory documents (e.g. a vendor's API definition, by its URL) can answer for a URI.
    """

    def __init__(self, documents: Mapping[str, Path] | None = None, contents: Mapping[str, Any] | None = None) -> None:
        super().__init__(documents)
        self.contents = dict(contents or {})

    def _retrieve(self, uri: str) -> Resource[Any]:
        address = uri.split("#", maxsplit=1)[0]
        if address in self.contents:
            return Resource.from_contents(_nulls(self.contents[address]), default_specification=DRAFT202012)
        path = self.documents.get(address)
        if path is None:
            return super()._retrieve(uri)
        return Resource.from_contents(_nulls(load_document(path)), default_specification=DRAFT202012)


def _nulls(node: Any) -> Any:
    if isinstance(node, dict):
        out = {k: ("null" if k == "type" and v is None else _nulls(v)) for k, v in node.items()}
        if out.get("nullable") is True and isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        return out
    if isinstance(node, list):
        return [_nulls(v) for v in node]
    return node


def openapi_folder() -> Path:
    """The Core's OpenAPI building blocks (ogcapi-features pack)."""
    return default_store().pack_dir("ogcapi-features") / "core" / "openapi"


@cache
def core(name: str) -> Validator:
    """A validator for one Core schema, e.g. ``landingPage`` or ``collections``."""
    registry = OasSchemas()
    registry.add_tree(PUBLISHED, openapi_folder())
    return compile_validator({"$ref": f"{PUBLISHED}/schemas/{name}.yaml"}, registry)


@cache
def geojson(name: str) -> Validator:
    """A validator for one GeoJSON schema (geojson-schema pack), e.g. ``FeatureCollection``."""
    return compile_validator(load_document(default_store().path("geojson-schema", f"{name}.json")))


def validate(validator: Validator, doc: Doc, pointer: str = "", instance: Any = None) -> Iterator[SchemaViolation]:
    """Schema violations of the document (or of ``instance`` found at ``pointer``), in the validator's words."""
    value = doc.body if instance is None else instance
    for found in worded(violations(validator, value, doc.url, exchange=doc.exchange)):
        if pointer:
            found.locator = doc.at(pointer + (found.locator.pointer or ""))
        yield found


def worded(found: Iterable[SchemaViolation]) -> Iterator[SchemaViolation]:
    """Schema violations as messages of the suite (the validator's text is their parameter)."""
    for violation in found:
        violation.message = m("schema", error=violation.text)
        yield violation
