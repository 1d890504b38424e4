"""The project's OParl JSON Schemas (2020-12) and the validator pair (jsonschema-rs fast path, jsonschema detail)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from conformance.core.packs import default_store
from conformance.demo.oparl_render import View
from conformance.demo.oparl_sessions import build
from conformance.suites.oparl.facts import TYPES
from conformance.suites.oparl.schemas import TypeValidator, schema_dir, validator

CUSTOM = ("references", "backreference", "cardinality", "schema", "oparl:ref")
# The published examples are not all valid against the text of their own version; these are their deviations.
EXAMPLE_DEVIATIONS = {
    "1.1": {
        ("Body-01.json", ""),  # legislativeTermList (ZWINGEND since 1.1) is missing
        ("Meeting-01.json", "/agendaItem/0"),  # order (required since 1.1) is missing
        ("Paper-01.json", "/location/0/geojson"),
        ("Paper-01.json", "/location/0/geojson/type"),
    },  # no Feature
    "1.0": {
        ("Body-01.json", "/created"),
        ("Body-01.json", "/modified"),  # offset +0100 is not RFC 3339
        ("Body-01.json", "/licenseValidSince"),  # a date where a date-time is required
        ("Body-01.json", "/location"),  # the embedded Location has no id
        ("Meeting-01.json", "/location"),
        ("Organization-01.json", "/location"),  # URL instead of object
        ("Organization-01.json", "/created"),
        ("Organization-01.json", "/modified"),  # dates, not date-times
        ("Organization-01.json", "/meeting"),  # an array where the list URL is required
        ("Paper-01.json", "/consultation/0/organization"),  # a string where an array is required
        ("Person-01.json", "/phone"),
        ("Person-01.json", "/email"),
    },  # strings where arrays are required
}


def _schemas() -> list[Path]:
    return sorted(schema_dir("1.1").glob("*.json")) + sorted(schema_dir("1.0").glob("*.json"))


@pytest.mark.parametrize("path", _schemas(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_is_plain_json_schema_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    text = path.read_text(encoding="utf-8")
    assert not any(f'"{word}":' in text for word in CUSTOM)
    assert '"format": "url"' not in text and "{{" not in text


@pytest.mark.parametrize("version", ["1.1", "1.0"])
def test_published_examples_validate_except_their_known_deviations(version: str) -> None:
    folder = default_store().pack_dir(f"oparl-{version}") / "examples"
    found = set()
    for path in sorted(folder.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        kind = document["type"].rsplit("/", 1)[1]
        found |= {(path.name, v.locator.pointer) for v in validator(version, kind).violations(document, str(path))}
    assert found == EXAMPLE_DEVIATIONS[version]


def _rendered(version: str, defects: frozenset[str] = frozenset()) -> list[tuple[str, dict[str, Any]]]:
    view = View(build(version, "http://localhost:1/t", 300), defects)
    return [(r.type, view.object(key)) for key, r in view.data.records.items()]


@pytest.mark.parametrize("version", ["1.1", "1.0"])
def test_clean_double_objects_are_valid(version: str) -> None:
    bad = [
        (kind, obj["id"], [v.text for v in validator(version, kind).violations(obj, obj["id"])])
        for kind, obj in _rendered(version)
        if not validator(version, kind).is_valid(obj)
    ]
    assert bad == []


@pytest.mark.parametrize("version", ["1.1", "1.0"])
def test_fast_and_detailed_validators_agree(version: str) -> None:
    defects = frozenset({"wrong-type-url", "wrong-json-types", "null-mandatory", "nulls", "deleted-incomplete"})
    objects = _rendered(version, defects)
    invalid = 0
    for kind, obj in objects:
        pair = validator(version, kind)
        assert pair.fast is not None
        assert pair.fast.is_valid(obj) == pair.detailed.is_valid(obj), (kind, obj["id"])
        invalid += not pair.detailed.is_valid(obj)
    assert invalid > 10


def test_violations_carry_the_object_pointer_inside_its_page() -> None:
    obj = {
        "id": "https://x.example/paper/1",
        "type": "https://schema.oparl.org/1.1/Paper",
        "created": "2020-01-01T00:00:00+01:00",
        "modified": "2020-01-01",
        "name": 5,
    }
    found = list(validator("1.1", "Paper").violations(obj, "https://x.example/papers", "/data/3"))
    assert {v.locator.pointer for v in found} == {"/data/3/modified", "/data/3/name"}
    assert all(v.locator.where == "https://x.example/papers" for v in found)


def test_deleted_objects_need_only_id_type_and_timestamps() -> None:
    stub = {
        "id": "https://x.example/body/1",
        "type": "https://schema.oparl.org/1.1/Body",
        "deleted": True,
        "created": "2020-01-01T00:00:00+01:00",
        "modified": "2021-01-01T00:00:00+01:00",
    }
    assert validator("1.1", "Body").is_valid(stub)
    assert not validator("1.1", "Body").is_valid({k: v for k, v in stub.items() if k != "created"})
    assert not validator("1.1", "Body").is_valid({**stub, "deleted": False})


def test_without_the_fast_path_the_verdicts_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    slow = TypeValidator("1.1", "Meeting")
    monkeypatch.setattr(slow, "fast", None)
    for kind, obj in _rendered("1.1", frozenset({"wrong-json-types", "date-order"}))[:400]:
        if kind == "Meeting":
            assert slow.is_valid(obj) == validator("1.1", "Meeting").is_valid(obj)
            assert bool(list(slow.violations(obj, "x"))) != slow.is_valid(obj)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
BASE = {
    "id": "https://x.example/person/1",
    "type": "https://schema.oparl.org/1.1/Person",
    "created": "2020-01-01T00:00:00+01:00",
    "modified": "2020-01-02T00:00:00+01:00",
    "name": "A B",
}


@settings(max_examples=150)
@given(
    key=st.sampled_from(
        ["id", "type", "created", "name", "membership", "locationObject", "email", "deleted", "body", "x"]
    ),
    value=JSON,
)
def test_engines_agree_on_mutated_objects(key: str, value: Any) -> None:
    obj = {**BASE, key: value}
    pair = validator("1.1", "Person")
    assert pair.fast is not None
    assert pair.fast.is_valid(obj) == pair.detailed.is_valid(obj)


def test_every_type_has_a_schema_in_both_versions() -> None:
    for version in ("1.1", "1.0"):
        assert {p.stem for p in schema_dir(version).glob("*.json")} == set(TYPES) | {"common"}
