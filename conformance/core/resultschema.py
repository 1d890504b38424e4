"""Every line of a results file checked against its format's JSON Schema, with an error naming line and path.

The schemas are compiled once per process (jsonschema-rs): a header line is checked against the header
definition and every other line against the result definition, so an error names the member that is wrong
rather than "valid under none of the alternatives".
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from conformance.core.paths import schemas_dir

if TYPE_CHECKING:
    from jsonschema_rs import Validator

SCHEMAS = {
    "wechselbar-results/1": "results-1.schema.json",
    "wechselbar-results/2": "results.schema.json",
    "wechselbar-roundtrip/1": "roundtrip.schema.json",
}


class InvalidRecord(ValueError):
    """A line of a results file breaks its format's schema."""


@cache
def _validator(fmt: str, record: str) -> Validator:
    import jsonschema_rs  # noqa: PLC0415  (a Rust extension, loaded when a results file is read)

    schema = json.loads((schemas_dir() / SCHEMAS[fmt]).read_text(encoding="utf-8"))
    schema.pop("oneOf", None)
    return jsonschema_rs.validator_for({**schema, "$ref": f"#/$defs/{record}"})


def check(fmt: str, data: dict[str, Any], number: int, other: str = "result") -> None:
    """Raise :class:`InvalidRecord` naming the line, the JSON path and the problem if ``data`` breaks the schema
    (a header line against the header definition, any other against ``other``)."""
    record = "header" if data.get("record") == "header" else other
    error = next(_validator(fmt, record).iter_errors(data), None)
    if error is not None:
        path = "/" + "/".join(str(part) for part in error.instance_path)
        raise InvalidRecord(f"line {number}: not a valid {record} record of {fmt} at {path}: {error.message}")
