"""TEST DOUBLE: the in-memory entity store of one tenant of the NGSI-LD broker double and its operations.

Entities arrive expanded (see ``contexts``) and are kept in insertion order. The operations follow clauses
5.6.1-5.6.6 (create, update, append, partial attribute update, delete attribute, delete entity) and 5.7.1
/5.7.2 (retrieve, query); the batch operations of 5.6.7-5.6.10 are built on them in ``batch``.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable

from conformance.demo.ngsild.entities import (
    Node,
    attributes,
    check_attribute,
    check_entity,
    dataset,
    fresh,
    now,
    stamp,
)
from conformance.demo.ngsild.selection import Selection
from conformance.demo.ngsild.spec import CREATED_AT, DATASET_ID, OBSERVED_AT, SYSTEM_ATTRIBUTES, NgsiError

NotUpdated = list[tuple[str, str]]


class Broker:
    """One tenant's entities (expanded JSON-LD nodes by id) and the switched-on defects."""

    def __init__(self, defects: frozenset[str], seed: Iterable[tuple[Node, str]] = ()) -> None:
        self.defects = defects
        self.entities: dict[str, Node] = {e["@id"]: self._stored(fresh(e, at)) for e, at in seed}
        self.lock = threading.RLock()

    def create(self, entity: Node) -> None:
        """Create Entity (5.6.1): AlreadyExists for a known id."""
        check_entity(entity, "non-uri-id-accepted" not in self.defects)
        with self.lock:
            if entity["@id"] in self.entities and "create-duplicate-overwrites" not in self.defects:
                raise NgsiError("AlreadyExists", f"entity {entity['@id']} already exists")
            self.entities[entity["@id"]] = self._stored(fresh(entity, now()))

    def replace(self, entity: Node) -> None:
        """Replace an existing entity's attributes, keeping its createdAt (upsert with options=replace)."""
        check_entity(entity)
        with self.lock:
            created = self._get(entity["@id"])[CREATED_AT]
            self.entities[entity["@id"]] = self._stored({**fresh(entity, now()), CREATED_AT: created})

    def entity(self, entity_id: str) -> Node:
        """A copy of one entity (ResourceNotFound if unknown)."""
        with self.lock:
            return copy.deepcopy(self._get(entity_id))

    def select(self, selection: Selection) -> list[Node]:
        """Copies of the entities a query selects, in insertion order."""
        with self.lock:
            return [copy.deepcopy(e) for e in self.entities.values() if selection.matches(e)]

    def snapshot(self) -> list[Node]:
        """Copies of all entities (for the discovery of types and attributes)."""
        with self.lock:
            return copy.deepcopy(list(self.entities.values()))

    def delete(self, entity_id: str) -> None:
        """Delete Entity (5.6.6)."""
        with self.lock:
            self._get(entity_id)
            if "delete-keeps-entity" not in self.defects:
                del self.entities[entity_id]

    def append(self, entity_id: str, fragment: Node, overwrite: bool = True) -> NotUpdated:
        """Append Entity Attributes (5.6.3): new attributes are added, existing ones replaced unless noOverwrite."""
        keep = not overwrite and "no-overwrite-ignored" not in self.defects
        return self._change(entity_id, fragment, add=True, replace=not keep)

    def update(self, entity_id: str, fragment: Node) -> NotUpdated:
        """Update Entity Attributes (5.6.2): only existing attributes (and datasetIds) are replaced."""
        return self._change(entity_id, fragment, add="update-appends" in self.defects, replace=True)

    def partial(self, entity_id: str, name: str, fragment: Node) -> None:
        """Partial Attribute Update (5.6.4): the given members replace those of the attribute instance."""
        with self.lock:
            entity = self._get(entity_id)
            instances = entity.get(name, [])
            index = _instance(instances, dataset(fragment))
            if index is None:
                raise NgsiError("ResourceNotFound", f"entity {entity_id} has no attribute {name} with that datasetId")
            old = instances[index]
            base = {"@type": old["@type"]} if "partial-update-replaces" in self.defects else _bare(old)
            merged = {**base, **_bare(fragment), CREATED_AT: old[CREATED_AT]}
            check_attribute(name, [merged])
            instances[index] = merged
            self._touch([entity, merged])

    def delete_attribute(self, entity_id: str, name: str, dataset_id: str | None, delete_all: bool) -> None:
        """Delete Entity Attribute (5.6.5): one instance (by datasetId) or all."""
        with self.lock:
            entity = self._get(entity_id)
            index = _instance(entity.get(name, []), dataset_id)
            if name not in entity or (index is None and not delete_all):
                if "delete-missing-attr-204" in self.defects:
                    return
                raise NgsiError("ResourceNotFound", f"entity {entity_id} has no attribute {name} to delete")
            remaining = [] if delete_all else [i for n, i in enumerate(entity[name]) if n != index]
            entity[name] = remaining
            if not remaining:
                del entity[name]
            self._touch([entity])

    def _change(self, entity_id: str, fragment: Node, add: bool, replace: bool) -> NotUpdated:
        not_updated: NotUpdated = []
        with self.lock:
            entity = self._get(entity_id)
            for name, instances in attributes(fragment):
                check_attribute(name, instances)
                for instance in self._stored_instances(instances):
                    reason = _merge(entity, name, instance, add, replace)
                    not_updated += [(name, reason)] if reason else []
                    self._touch([] if reason else [instance], created=True)
            self._touch([entity])
        return not_updated

    def _get(self, entity_id: str) -> Node:
        if entity_id not in self.entities:
            raise NgsiError("ResourceNotFound", f"entity {entity_id} not found")
        return self.entities[entity_id]

    def _touch(self, nodes: list[Node], created: bool = False) -> None:
        for node in nodes:
            if created or "modifiedat-frozen" not in self.defects:
                stamp(node, now(), created)

    def _stored(self, entity: Node) -> Node:
        for name, instances in attributes(entity):
            entity[name] = self._stored_instances(instances)
        return entity

    def _stored_instances(self, instances: list[Node]) -> list[Node]:
        if "observedat-dropped" in self.defects:
            instances = [{k: v for k, v in i.items() if k != OBSERVED_AT} for i in instances]
        if "datasetid-merged" in self.defects:
            instances = [{k: v for k, v in instances[-1].items() if k != DATASET_ID}]
        return instances


def _bare(node: Node) -> Node:
    return {k: v for k, v in node.items() if k not in SYSTEM_ATTRIBUTES}


def _instance(instances: list[Node], dataset_id: str | None) -> int | None:
    return next((n for n, i in enumerate(instances) if dataset(i) == dataset_id), None)


def _merge(entity: Node, name: str, instance: Node, add: bool, replace: bool) -> str:
    """Put one attribute instance into an entity; the reason why not, or "" when it was put."""
    instances = entity.setdefault(name, []) if add or name in entity else []
    index = _instance(instances, dataset(instance))
    if index is None and not add:
        return "the entity has no such attribute (with this datasetId)"
    if index is not None and not replace:
        return "the attribute exists and options=noOverwrite was given"
    if index is None:
        instances.append(instance)
    else:
        instances[index] = instance
    return ""
