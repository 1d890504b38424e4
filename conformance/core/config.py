"""Vendors, profile and waiver files: loaded from TOML or YAML, validated by the project's JSON Schemas."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conformance.core.paths import schemas_dir

if TYPE_CHECKING:  # yaml and jsonschema load when a file needs them: an unreadable file is reported at once
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


class ConfigError(Exception):
    """A configuration file is unreadable or invalid; the message names the file and the key."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))

    def __str__(self) -> str:
        lines = "\n".join(f"  - {p}" for p in self.problems)
        return f"invalid configuration in {self.path}:\n{lines}"


def read_document(path: Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML, YAML or JSON file; return its content (dates as ISO strings) and its sha256."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(path, [f"cannot read file: {exc.strerror or exc}"]) from exc
    try:
        data = _parse(path, raw)
    except (tomllib.TOMLDecodeError, _YamlError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(path, [f"not valid {path.suffix.lstrip('.') or 'TOML'}: {exc}"]) from exc
    if not isinstance(data, dict):
        raise ConfigError(path, ["the top level must be a table/mapping"])
    return _plain_dates(data), hashlib.sha256(raw).hexdigest()


class _YamlError(Exception):
    """A YAML file that does not parse (yaml.YAMLError, raised again under a name that needs no yaml import)."""


def _parse(path: Path, raw: bytes) -> Any:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        import yaml  # noqa: PLC0415

        try:
            return yaml.safe_load(raw.decode("utf-8"))
        except yaml.YAMLError as exc:
            raise _YamlError(str(exc)) from exc
    if suffix == ".json":
        return json.loads(raw)
    return tomllib.loads(raw.decode("utf-8"))


def _plain_dates(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_dates(v) for v in value]
    return value


_SECRET_PATTERN = "^\\$\\{"


@cache
def _validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    schema = json.loads((schemas_dir() / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate(data: dict[str, Any], schema: str, path: Path) -> None:
    """Check data against ``schemas/<schema>.schema.json``; every problem names its key."""
    if _valid(data, schema):
        return
    problems = [_describe(e) for e in _leaf_errors(_validator(schema).iter_errors(data))]
    if problems:
        raise ConfigError(path, sorted(set(problems)))


@cache
def _fast(name: str) -> Any:
    import jsonschema_rs  # noqa: PLC0415  (a Rust extension: quick to load, unlike jsonschema)

    schema = json.loads((schemas_dir() / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema_rs.validator_for(schema, validate_formats=True)


def _valid(data: dict[str, Any], schema: str) -> bool:
    """True if the data surely meets the schema (then jsonschema, which words the problems, need not load).
    A value the quick validator cannot take (a TOML date, say) goes to jsonschema."""
    try:
        return bool(_fast(schema).is_valid(data))
    except (ValueError, TypeError, OverflowError):
        return False


def _leaf_errors(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    from jsonschema.exceptions import best_match  # noqa: PLC0415

    for error in errors:
        yield best_match([error]) if error.context else error


def _describe(error: ValidationError) -> str:
    key = key_path(list(error.absolute_path))
    if error.validator == "additionalProperties":
        return f"{key}: unknown key ({error.message})"
    pattern = error.schema.get("pattern", "") if isinstance(error.schema, dict) else ""
    if error.validator == "pattern" and str(pattern).startswith(_SECRET_PATTERN):
        return f"{key}: secrets must be written as ${{ENV_VAR}}, not inline"
    return f"{key}: {error.message}"


def key_path(parts: list[Any]) -> str:
    """Render a path like ``vendors[1].targets[0].url``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"
