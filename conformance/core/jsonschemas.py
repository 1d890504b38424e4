"""JSON Schema validation with an offline registry: no ``$ref`` ever goes to the network."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from conformance.core.evidence import Locator, SchemaViolation


class OfflineRegistry:
    """Schemas known by URI and loaded from local files; any other URI is an unresolvable reference."""

    def __init__(self, documents: Mapping[str, Path] | None = None) -> None:
        self.documents = dict(documents or {})

    def add(self, uri: str, path: Path) -> None:
        """Make a local file answer for a URI."""
        self.documents[uri] = path

    def add_tree(self, base_uri: str, folder: Path, patterns: Iterable[str] = ("*.json", "*.yaml", "*.yml")) -> None:
        """Map every schema file below a folder to ``base_uri`` + its relative path."""
        for pattern in patterns:
            for path in folder.rglob(pattern):
                self.add(base_uri.rstrip("/") + "/" + path.relative_to(folder).as_posix(), path)

    def registry(self) -> Registry[Any]:
        """A referencing Registry holding every mapped file up front; an unmapped URI is never fetched."""
        resources = [(uri, self._retrieve(uri)) for uri in self.documents]
        return Registry(retrieve=self._retrieve).with_resources(resources)  # type: ignore[call-arg]

    def _retrieve(self, uri: str) -> Resource[Any]:
        path = self.documents.get(uri.split("#", maxsplit=1)[0])
        if path is None:
            raise NoSuchResource(ref=uri)  # type: ignore[call-arg]
        return Resource.from_contents(load_document(path), default_specification=DRAFT202012)


@cache
def load_document(path: Path) -> Any:
    """Read a JSON or YAML schema file (cached per process)."""
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text) if path.suffix in (".yaml", ".yml") else json.loads(text)


def compile_validator(schema: Mapping[str, Any], registry: OfflineRegistry | None = None) -> Validator:
    """A validator for the schema's own draft, with format checks and the offline registry."""
    cls = validator_for(schema)
    reg = (registry or OfflineRegistry()).registry()
    return cls(schema, registry=reg, format_checker=cls.FORMAT_CHECKER)


def violations(
    validator: Validator, instance: Any, where: str, requirement: str = "", exchange: Any = None
) -> Iterator[SchemaViolation]:
    """Every schema error of an instance, each with its JSON pointer."""
    for error in validator.iter_errors(instance):
        pointer = "/" + "/".join(str(p) for p in error.absolute_path) if error.absolute_path else ""
        yield SchemaViolation(
            error.message,
            locator=Locator(where=where, pointer=pointer),
            expected=f"{error.validator}: {_short(error.validator_value)}",
            actual=_short(error.instance),
            requirement=requirement,
            exchange=exchange,
        )


def _short(value: Any, limit: int = 300) -> Any:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return value if len(text) <= limit else text[:limit] + "…"
