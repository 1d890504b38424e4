"""CQL2 filters built from values seen in the data, and their evaluation over returned features (``cql2``).

Each probe is built from one seed feature, so the seed satisfies it: equality and comparison on a queryable's
observed value, LIKE on a string's first characters, BETWEEN and IN over observed values, S_INTERSECTS with a
box around the seed's geometry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from conformance.suites.ogcapi_features_query.probe import Feature

SIMPLE = ("string", "number", "integer", "boolean")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
KINDS = ("=", ">=", "like", "between", "in", "s_intersects")


@dataclass(frozen=True)
class Probe:
    """A filter in cql2-text, the seed feature that satisfies it, and the geometry queryable's name."""

    kind: str
    text: str
    seed: Feature
    geometry: str = "geometry"

    def as_json(self) -> str:
        """The same filter in cql2-json."""
        return json.dumps(_parsed(self.text).to_json(), ensure_ascii=False)

    def holds(self, feature: Feature) -> bool:
        """Whether the filter evaluates to TRUE for a returned feature (NULL and errors are not TRUE)."""
        properties = dict(feature.get("properties") or {})
        properties[self.geometry] = feature.get("geometry")
        item = {"type": "Feature", "id": feature.get("id"), "geometry": feature.get("geometry")}
        try:
            return bool(_parsed(self.text).matches({**item, "properties": properties}))
        except Exception:  # cql2 raises a plain Exception when a value is NULL
            return False


@lru_cache(maxsize=256)
def _parsed(text: str) -> Any:
    import cql2  # noqa: PLC0415

    return cql2.parse_text(text)


def literal(value: Any) -> str:
    """A CQL2 text literal."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def simple_queryables(schema: Any) -> dict[str, str]:
    """Queryable name → type for the queryables of a simple type with a plain name."""
    props = schema.get("properties") if isinstance(schema, dict) else None
    out = {}
    for name, spec in (props or {}).items():
        kind = spec.get("type") if isinstance(spec, dict) else None
        if NAME.match(name) and kind in SIMPLE:
            out[name] = kind
    return out


def geometry_queryable(schema: Any) -> str | None:
    """The name of the (primary) geometry queryable, if the queryables have one."""
    props = schema.get("properties") if isinstance(schema, dict) else None
    for name, spec in (props or {}).items():
        if not isinstance(spec, dict) or not NAME.match(name):
            continue
        if spec.get("x-ogc-role") == "primary-geometry" or str(spec.get("format", "")).startswith("geometry"):
            return str(name)
        if "geojson.org" in str(spec.get("$ref", "")):
            return str(name)
    return None


def build(kind: str, seeds: list[Feature], schema: Any, cap: int) -> list[Probe]:
    """Up to ``cap`` distinct probes of one kind from the seeds and the queryables."""
    out: dict[str, Probe] = {}
    for probe in _candidates(kind, seeds, schema):
        out.setdefault(probe.text, probe)
    return list(out.values())[:cap]


def _candidates(kind: str, seeds: list[Feature], schema: Any) -> Iterator[Probe]:
    if kind == "s_intersects":
        yield from _spatial(seeds, schema)
        return
    names = simple_queryables(schema)
    for seed in seeds:
        props = seed.get("properties") or {}
        for name in sorted(names):
            value = props.get(name)
            text = _text(kind, name, value, [s.get("properties", {}).get(name) for s in seeds])
            if text:
                yield Probe(kind, text, seed)


def _text(kind: str, name: str, value: Any, seen: list[Any]) -> str | None:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "=" and (isinstance(value, str) or (number and isinstance(value, int))):
        return f"{name} = {literal(value)}"
    if kind == ">=" and number:
        return f"{name} >= {literal(value)}"
    if kind == "like" and isinstance(value, str) and len(value) >= 2 and not re.search(r"[%_\\]", value[:2]):
        return f"{name} LIKE {literal(value[:2] + '%')}"
    numbers = sorted(v for v in seen if isinstance(v, (int, float)) and not isinstance(v, bool))
    if kind == "between" and number:
        return f"{name} BETWEEN {literal(numbers[0])} AND {literal(value)}"
    others = [v for v in seen if isinstance(v, str) and v != value]
    if kind == "in" and isinstance(value, str):
        return f"{name} IN ({literal(value)}, {literal(others[0] if others else value + ' (wechselbar)')})"
    return None


def _spatial(seeds: list[Feature], schema: Any) -> Iterator[Probe]:
    from conformance.suites.ogcapi_features_query.boxes import MARGIN  # noqa: PLC0415
    from conformance.suites.ogcapi_features_query.reproject import bounds  # noqa: PLC0415

    name = geometry_queryable(schema)
    for seed in seeds if name else []:
        box = bounds(seed.get("geometry"))
        if box is not None:
            grown = (box[0] - MARGIN, box[1] - MARGIN, box[2] + MARGIN, box[3] + MARGIN)
            numbers = ",".join(f"{v:.6f}" for v in grown)
            yield Probe("s_intersects", f"S_INTERSECTS({name}, BBOX({numbers}))", seed, str(name))
