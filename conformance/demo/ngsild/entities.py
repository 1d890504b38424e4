"""TEST DOUBLE: NGSI-LD entities in expanded JSON-LD form, as the broker double stores them.

An entity is an expanded node: ``@id``, ``@type`` and one list of attribute instances per attribute IRI
(several instances differ by ``datasetId``, clause 4.5.5). Properties carry ``hasValue``, Relationships
``hasObject`` and GeoProperties a GeoJSON geometry as value (clauses 4.5.2, 4.5.3, 5.2.5-5.2.7).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from conformance.demo.ngsild.spec import (
    ATTRIBUTE_TYPES,
    CREATED_AT,
    DATASET_ID,
    DATE_TIME,
    GEO_PROPERTY,
    GEOJSON,
    HAS_OBJECT,
    HAS_VALUE,
    MODIFIED_AT,
    OBSERVED_AT,
    RELATIONSHIP,
    SYSTEM_ATTRIBUTES,
    NgsiError,
    is_uri,
)

Node = dict[str, Any]


def attributes(entity: Node) -> Iterator[tuple[str, list[Node]]]:
    """The attributes of an entity: (IRI, instances), without keywords and system attributes."""
    for key, value in entity.items():
        if not key.startswith("@") and key not in SYSTEM_ATTRIBUTES:
            yield key, value


def kind(instance: Node) -> str | None:
    """Property, Relationship or GeoProperty (as IRI), or None."""
    return next((t for t in instance.get("@type", ()) if t in ATTRIBUTE_TYPES), None)


def dataset(instance: Node) -> str | None:
    """The datasetId of an attribute instance (None for the default instance)."""
    ids = instance.get(DATASET_ID) or [{}]
    found = ids[0].get("@id")
    return found if isinstance(found, str) else None


def object_of(instance: Node) -> str | None:
    """The target URI of a Relationship."""
    targets = instance.get(HAS_OBJECT) or [{}]
    target = targets[0].get("@id")
    return target if isinstance(target, str) else None


def plain(value: Any) -> Any:
    """An expanded value as plain JSON: ``@value`` unwrapped, ``@list`` as list, nodes as dicts of plain values."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict) and "@value" in value:
        return value["@value"]
    if isinstance(value, dict) and "@list" in value:
        return [plain(v) for v in value["@list"]]
    if isinstance(value, dict):
        return {k: plain(v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in value.items()}
    return value


def geometry(instance: Node) -> dict[str, Any] | None:
    """The GeoJSON geometry of a GeoProperty instance (None if its value is none)."""
    values = instance.get(HAS_VALUE) or [{}]
    node = values[0]
    types = [t for t in node.get("@type", ()) if isinstance(t, str) and t.startswith(GEOJSON)]
    coordinates = node.get(GEOJSON + "coordinates")
    if not types or not coordinates:
        return None
    return {"type": types[0].removeprefix(GEOJSON), "coordinates": plain(coordinates[0])}


def check_entity(entity: Node, id_must_be_uri: bool = True) -> None:
    """An entity must have a URI id, a type and valid attributes (clauses 5.2.4, 5.6.1.4)."""
    if id_must_be_uri and not is_uri(entity.get("@id")):
        raise NgsiError("BadRequestData", f"entity id {entity.get('@id')!r} is not a URI")
    if not entity.get("@id") or not entity.get("@type"):
        raise NgsiError("BadRequestData", "an entity needs an id and a type")
    for name, instances in attributes(entity):
        check_attribute(name, instances)


def check_attribute(name: str, instances: list[Node]) -> None:
    """Each instance is a Property with value, a Relationship with object URI or a GeoProperty with geometry."""
    seen: set[str | None] = set()
    for instance in instances:
        found = kind(instance) if isinstance(instance, dict) else None
        if found is None:
            raise NgsiError("BadRequestData", f"attribute {name} is no Property, Relationship or GeoProperty")
        if found == RELATIONSHIP and not is_uri(object_of(instance)):
            raise NgsiError("BadRequestData", f"Relationship {name} has no object URI")
        if found != RELATIONSHIP and HAS_VALUE not in instance:
            raise NgsiError("BadRequestData", f"attribute {name} has no value")
        if found == GEO_PROPERTY and geometry(instance) is None:
            raise NgsiError("BadRequestData", f"GeoProperty {name} has no GeoJSON geometry as value")
        _check_observed(name, instance)
        if dataset(instance) in seen:
            raise NgsiError("BadRequestData", f"attribute {name} has two instances with one datasetId")
        seen.add(dataset(instance))


def _check_observed(name: str, instance: Node) -> None:
    for stamp in instance.get(OBSERVED_AT, ()):
        try:
            dt.datetime.fromisoformat(str(stamp.get("@value")).replace("Z", "+00:00"))
        except ValueError:
            raise NgsiError("BadRequestData", f"observedAt of {name} is no DateTime") from None


def now() -> str:
    """The current instant as NGSI-LD DateTime (UTC, milliseconds)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def stamp(node: Node, instant: str, created: bool) -> None:
    """Set modifiedAt (and createdAt for new elements) of an entity or attribute instance (clause 4.8)."""
    value = [{"@type": DATE_TIME, "@value": instant}]
    node[MODIFIED_AT] = value
    if created or CREATED_AT not in node:
        node[CREATED_AT] = list(value)


def fresh(entity: Node, instant: str) -> Node:
    """A new entity as stored: client-sent system attributes dropped, every element stamped."""
    stored = without_system(entity)
    stamp(stored, instant, created=True)
    for _, instances in attributes(stored):
        for instance in instances:
            stamp(instance, instant, created=True)
    return stored


def without_system(node: Node) -> Node:
    """A copy of an entity without createdAt/modifiedAt on itself and its attribute instances."""
    copy = {k: v for k, v in node.items() if k not in SYSTEM_ATTRIBUTES}
    for name, instances in attributes(copy):
        copy[name] = [{k: v for k, v in i.items() if k not in SYSTEM_ATTRIBUTES} for i in instances]
    return copy
