"""TEST DOUBLE: how the broker double renders stored (expanded) entities for a response.

The attrs projection (5.7.1.4, 5.7.2.4), system attributes only with ``options=sysAttrs`` (6.3.11, 4.8),
the simplified representation of ``options=keyValues`` (6.3.7, 4.5.4: Properties and GeoProperties by
value, Relationships by object) and JSON-LD compaction with the request's ``@context`` (6.3.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from conformance.demo.ngsild.contexts import ContextStore, with_core
from conformance.demo.ngsild.entities import Node, attributes, kind, object_of, without_system
from conformance.demo.ngsild.spec import HAS_OBJECT, HAS_VALUE, PROPERTY, RELATIONSHIP, NgsiError


@dataclass(frozen=True)
class Representation:
    """What the request asked for: its effective @context, options and attribute projection."""

    context: list[Any]
    key_values: bool = False
    sys_attrs: bool = False
    attrs: tuple[str, ...] = ()
    defects: frozenset[str] = frozenset()


def options(text: str | None) -> tuple[bool, bool]:
    """keyValues and sysAttrs from the options parameter; other values are BadRequestData."""
    given = {o.strip() for o in (text or "").split(",") if o.strip()}
    unknown = given - {"keyValues", "simplified", "normalized", "sysAttrs"}
    if unknown:
        raise NgsiError("BadRequestData", f"unknown options: {', '.join(sorted(unknown))}")
    return bool(given & {"keyValues", "simplified"}), "sysAttrs" in given


def render(entity: Node, how: Representation, contexts: ContextStore) -> dict[str, Any]:
    """One entity in the representation the request asked for, compacted (without ``@context``)."""
    node = _project(entity, how.attrs)
    if not how.sys_attrs or "sysattrs-ignored" in how.defects:
        node = without_system(node)
    if "relationship-as-property" in how.defects:
        node = _relationships_as_properties(node)
    if how.key_values and "keyvalues-ignored" not in how.defects:
        node = _simplified(node)
    context = with_core(None) if "compaction-core-only" in how.defects else how.context
    return contexts.compact(node, context)


def _project(entity: Node, attrs: tuple[str, ...]) -> Node:
    if not attrs:
        return dict(entity)
    dropped = {name for name, _ in attributes(entity)} - set(attrs)
    return {k: v for k, v in entity.items() if k not in dropped}


def _simplified(node: Node) -> Node:
    simple = dict(node)
    for name, instances in attributes(node):
        simple[name] = [value for instance in instances for value in _plain_values(instance)]
    return simple


def _plain_values(instance: Node) -> list[Any]:
    if kind(instance) == RELATIONSHIP:
        return [{"@value": object_of(instance)}]
    return list(instance.get(HAS_VALUE, ()))


def _relationships_as_properties(node: Node) -> Node:
    changed = dict(node)
    for name, instances in attributes(node):
        changed[name] = [_as_property(i) if kind(i) == RELATIONSHIP else i for i in instances]
    return changed


def _as_property(instance: Node) -> Node:
    rest = {k: v for k, v in instance.items() if k not in ("@type", HAS_OBJECT)}
    return {**rest, "@type": [PROPERTY], HAS_VALUE: [{"@value": object_of(instance)}]}
