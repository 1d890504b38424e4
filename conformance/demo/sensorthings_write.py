"""TEST DOUBLE: Create-Update-Delete of the SensorThings double (POST with deep insert and links by @iot.id, PATCH,
PUT, DELETE with the deletion table's integrity constraints), as OGC 18-088 asks, with switchable deviations.

A request that breaks a constraint (a mandatory property or link missing, a link to an unknown id) is answered 400
and changes nothing: the tenant's data is restored from a copy taken before the request.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from conformance.demo import sensorthings_losses
from conformance.demo.sensorthings_data import Entity
from conformance.demo.sensorthings_view import SINGLE, View, target_set

WRITE_DEFECTS: dict[str, str] = {
    "post-no-location": "a POST answers without a Location header",
    "post-no-body": "a POST answers 201 without the created entity",
    "deep-insert-200": "a deep insert answers 200 instead of 201",
    "deep-insert-unlinked": "entities given inline are created but not related",
    "deep-insert-partial": "a failing deep insert keeps what it created before the failure",
    "link-ignored": "links to existing entities by @iot.id are ignored",
    "patch-replaces": "PATCH drops the optional properties it does not name",
    "patch-missing-ok": "PATCH of an entity that does not exist answers 204",
    "put-merges": "PUT merges the properties object instead of replacing it",
    "delete-no-cascade": "deleting a Thing keeps its Datastreams",
    "no-history": "a new Location of a Thing creates no HistoricalLocation",
}
INVERSE = {
    ("Things", "Locations"): "Things",
    ("Things", "Datastreams"): "Thing",
    ("Things", "HistoricalLocations"): "Thing",
    ("Locations", "Things"): "Locations",
    ("Locations", "HistoricalLocations"): "Locations",
    ("HistoricalLocations", "Thing"): "HistoricalLocations",
    ("HistoricalLocations", "Locations"): "HistoricalLocations",
    ("Datastreams", "Thing"): "Datastreams",
    ("Datastreams", "Sensor"): "Datastreams",
    ("Datastreams", "ObservedProperty"): "Datastreams",
    ("Datastreams", "Observations"): "Datastream",
    ("Sensors", "Datastreams"): "Sensor",
    ("ObservedProperties", "Datastreams"): "ObservedProperty",
    ("Observations", "Datastream"): "Observations",
    ("Observations", "FeatureOfInterest"): "Observations",
    ("FeaturesOfInterest", "Observations"): "FeatureOfInterest",
    ("Things", "MultiDatastreams"): "Thing",
    ("Sensors", "MultiDatastreams"): "Sensor",
    ("ObservedProperties", "MultiDatastreams"): "ObservedProperties",
    ("Observations", "MultiDatastream"): "Observations",
    ("MultiDatastreams", "Thing"): "MultiDatastreams",
    ("MultiDatastreams", "Sensor"): "MultiDatastreams",
    ("MultiDatastreams", "ObservedProperties"): "MultiDatastreams",
    ("MultiDatastreams", "Observations"): "MultiDatastream",
}
MANDATORY = {
    "Things": ("name", "description"),
    "Locations": ("name", "description", "encodingType", "location"),
    "HistoricalLocations": ("time",),
    "Datastreams": ("name", "description", "unitOfMeasurement", "observationType"),
    "Sensors": ("name", "description", "encodingType", "metadata"),
    "ObservedProperties": ("name", "definition", "description"),
    "Observations": ("phenomenonTime", "result"),
    "FeaturesOfInterest": ("name", "description", "encodingType", "feature"),
    "MultiDatastreams": ("name", "description", "unitOfMeasurements", "observationType", "multiObservationDataTypes"),
}
LINKS_NEEDED = {"Datastreams": ("Thing", "Sensor", "ObservedProperty"), "Observations": ("Datastream",)}
CASCADE = {
    "Things": ("Datastreams",),
    "Locations": ("HistoricalLocations",),
    "Datastreams": ("Observations",),
    "Sensors": ("Datastreams",),
    "ObservedProperties": ("Datastreams",),
    "FeaturesOfInterest": ("Observations",),
}
Answer = tuple[int, Any, dict[str, str]]


class Refused(ValueError):
    """A write that breaks a constraint (answered 400)."""


def relations(entity_set: str) -> list[str]:
    """The navigation properties of an entity set."""
    return [relation for (owner, relation) in INVERSE if owner == entity_set]


def post(view: View, entity_set: str, body: Any, parent: tuple[str, Entity, str] | None = None) -> Answer:
    """Create an entity (with its inline entities) in a set, or below a navigation link of ``parent``."""
    saved, before = copy.deepcopy(view.data), view.last_id
    try:
        entity = _create(view, entity_set, body, parent)
    except Refused as exc:
        if "deep-insert-partial" not in view.defects:
            view.data = saved
        return 400, {"message": str(exc)}, {}
    for observation in [o for o in view.data["Observations"] if o["@iot.id"] > before]:
        for tell in view.created:
            tell(observation)
    deep = _has_inline(body, relations(entity_set))
    headers = (
        {} if "post-no-location" in view.defects else {"Location": f"{view.base}/{entity_set}({entity['@iot.id']})"}
    )
    code = 200 if deep and "deep-insert-200" in view.defects else 201
    return code, None if "post-no-body" in view.defects else view.render(entity_set, entity), headers


def _has_inline(body: dict[str, Any], names: Iterable[str]) -> bool:
    """Whether a body gives related entities inline (not only by @iot.id) under one of the navigation names."""
    items = [i for name in names for i in (body[name] if isinstance(body.get(name), list) else [body.get(name)])]
    return any(isinstance(i, dict) and set(i) != {"@iot.id"} for i in items)


def _create(view: View, entity_set: str, body: Any, parent: tuple[str, Entity, str] | None) -> Entity:
    if not isinstance(body, dict):
        raise Refused(f"a {entity_set} entity must be a JSON object")
    view.last_id += 1
    entity: Entity = {"@iot.id": view.last_id, "_links": {r: [] for r in relations(entity_set)}}
    entity.update({k: copy.deepcopy(v) for k, v in body.items() if k not in entity["_links"] and "@iot." not in k})
    sensorthings_losses.apply(view.defects, entity_set, entity)
    view.data[entity_set].append(entity)
    if parent is not None:
        _link(view, parent[0], parent[1], parent[2], entity)
    for relation in (r for r in relations(entity_set) if r in body):
        items = body[relation] if isinstance(body[relation], list) else [body[relation]]
        for item in items:
            _bind(view, entity_set, entity, relation, item)
    _validate(entity_set, entity, "deep-insert-unlinked" not in view.defects)
    return entity


def _bind(view: View, entity_set: str, entity: Entity, relation: str, item: Any) -> None:
    target = target_set(entity_set, relation)
    if isinstance(item, dict) and set(item) == {"@iot.id"}:
        other = view.find(target, str(item["@iot.id"]))
        if other is None:
            raise Refused(f"no {target} with @iot.id {item['@iot.id']}")
        if "link-ignored" not in view.defects:
            _link(view, entity_set, entity, relation, other)
        return
    unlinked = "deep-insert-unlinked" in view.defects
    _create(view, target, item, None if unlinked else (entity_set, entity, relation))


def _validate(entity_set: str, entity: Entity, linked: bool) -> None:
    missing = [p for p in MANDATORY[entity_set] if entity.get(p) is None]
    missing += [r for r in LINKS_NEEDED.get(entity_set, ()) if linked and not entity["_links"][r]]
    if missing:
        raise Refused(f"{entity_set}: missing {', '.join(missing)}")


def _link(view: View, entity_set: str, entity: Entity, relation: str, other: Entity) -> None:
    inverse = INVERSE[(entity_set, relation)]
    for owner, name, ident in ((entity, relation, other["@iot.id"]), (other, inverse, entity["@iot.id"])):
        ids = owner["_links"][name]
        if name in SINGLE:
            ids[:] = [ident]
        elif ident not in ids:
            ids.append(ident)
    located = {("Things", "Locations"): (entity, other), ("Locations", "Things"): (other, entity)}
    if (entity_set, relation) in located and "no-history" not in view.defects:
        thing, location = located[(entity_set, relation)]
        view.last_id += 1
        history = {"@iot.id": view.last_id, "time": "2026-01-01T00:00:00Z"}
        view.data["HistoricalLocations"].append(
            {**history, "_links": {"Thing": [thing["@iot.id"]], "Locations": [location["@iot.id"]]}}
        )
        thing["_links"]["HistoricalLocations"].append(view.last_id)
        location["_links"]["HistoricalLocations"].append(view.last_id)


def patch(view: View, entity_set: str, entity: Entity | None, body: Any, replace: bool = False) -> Answer:
    """PATCH (merge the given properties) or, with ``replace``, PUT (replace every property)."""
    if entity is None:
        return (204, None, {}) if "patch-missing-ok" in view.defects else (404, {"message": "no such entity"}, {})
    if not isinstance(body, dict) or _has_inline(body, entity["_links"]):
        return 400, {"message": "an update is one JSON object without inline entities"}, {}
    given = {k: v for k, v in body.items() if k not in entity["_links"] and "@iot." not in k}
    if replace and "put-merges" not in view.defects:
        missing = [k for k in MANDATORY[entity_set] if k not in given]
        if missing:
            return 400, {"message": f"PUT without {', '.join(missing)}"}, {}
        _clear(entity, ())
    elif replace and isinstance(given.get("properties"), dict) and isinstance(entity.get("properties"), dict):
        given["properties"] = {**entity["properties"], **given["properties"]}
    elif not replace and "patch-replaces" in view.defects:
        _clear(entity, MANDATORY[entity_set] + tuple(given))
    entity.update(copy.deepcopy(given))
    return 200, view.render(entity_set, entity), {}


def _clear(entity: Entity, keep: tuple[str, ...]) -> None:
    for key in [k for k in entity if k not in ("@iot.id", "_links", *keep)]:
        del entity[key]


def delete(view: View, entity_set: str, entity: Entity | None) -> Answer:
    """Delete an entity, the entities the deletion table says go with it, and every link to them."""
    if entity is None:
        return 404, {"message": "no such entity"}, {}
    _remove(view, entity_set, entity)
    return 200, None, {}


def _remove(view: View, entity_set: str, entity: Entity) -> None:
    if entity not in view.data[entity_set]:
        return
    view.data[entity_set].remove(entity)
    for relation, ids in entity["_links"].items():
        target = target_set(entity_set, relation)
        inverse = INVERSE[(entity_set, relation)]
        for other in [e for e in view.data[target] if e["@iot.id"] in ids]:
            other["_links"][inverse] = [i for i in other["_links"][inverse] if i != entity["@iot.id"]]
            cascades = relation in CASCADE.get(entity_set, ())
            if cascades and not (entity_set == "Things" and "delete-no-cascade" in view.defects):
                _remove(view, target, other)
