"""The entities the read checks judge: each sampled type's entities, read in one query, and a few of them.

A type's population is one query ``type=T&limit=max_population&count=true``; it is complete when the broker's
count (or, without one, a page shorter than the limit) says so. Completeness claims ("every matching entity
was returned") are judged only over a complete population.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from conformance.core.evidence import Skipped
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.service import Ctx, Doc, Entity

ATTRIBUTE_TYPES = ("Property", "Relationship", "GeoProperty")
RESERVED = {"id", "type", "@context", "createdAt", "modifiedAt", "scope"}
UNUSABLE = re.compile(r"[:/.#\[\]()=<>!~;|,'\" ]")
REMEMBERED = 4096
Attributes = dict[str, list[dict[str, Any]]]
_seen: dict[int, tuple[Entity, Attributes]] = {}


@dataclass(frozen=True)
class Population:
    """The entities of one type as one query returned them, and whether that was all of them."""

    type: str
    doc: Doc
    entities: list[Entity]
    complete: bool


def types(ctx: Ctx) -> list[str]:
    """The sampled types (``max_types``), with a note when the option cut the list."""
    listed = ctx.observation.types
    cap = ctx.target.option("max_types", 3)
    if len(listed) > cap:
        ctx.note(m("note.types-cut", cap=cap, total=len(listed)))
    return listed[:cap]


def population(ctx: Ctx, entity_type: str, **params: Any) -> Population:
    """All entities of a type (as far as ``max_population`` reaches); skip when the query fails."""
    limit = ctx.target.option("max_population", 100)
    doc = ctx.observation.get("/entities", {"type": entity_type, "limit": limit, "count": "true", **params})
    if doc.status != 200 or not isinstance(doc.body, list):
        raise Skipped(m("skip.query-unusable", type=entity_type, status=doc.status))
    found = doc.entities()
    total = doc.header("NGSILD-Results-Count")
    complete = int(total) <= len(found) if total.isdigit() else len(found) < limit
    return Population(entity_type, doc, found, complete)


def populations(ctx: Ctx) -> list[Population]:
    """The population of every sampled type, with a note for each that ``max_population`` did not reach in full."""
    found = [population(ctx, t) for t in types(ctx)]
    for cut in (p for p in found if not p.complete):
        ctx.note(m("note.population-cut", type=cut.type, cap=len(cut.entities)))
    return found


def sample(ctx: Ctx) -> list[Entity]:
    """The first ``max_entities`` entities of each sampled type."""
    cap = ctx.target.option("max_entities", 3)
    return [e for p in populations(ctx) for e in p.entities[:cap]]


def attributes(entity: Entity) -> Attributes:
    """An entity's attributes in the normalized representation: name → instances (objects with a type). The checks
    ask for the same entities' attributes many times: the answer is remembered for the entity object (which the
    memory holds, so its id stays its own) and must not be changed."""
    seen = _seen.get(id(entity))
    if seen is not None and seen[0] is entity:
        return seen[1]
    if len(_seen) >= REMEMBERED:
        _seen.clear()
    found = _attributes(entity)
    _seen[id(entity)] = (entity, found)
    return found


def _attributes(entity: Entity) -> Attributes:
    found: Attributes = {}
    for name, value in entity.items():
        instances = value if isinstance(value, list) else [value]
        kept = [i for i in instances if isinstance(i, dict) and i.get("type") in ATTRIBUTE_TYPES]
        if name not in RESERVED and kept:
            found[name] = kept
    return found


def label(entity: Entity) -> str:
    """An entity as named in messages: its id."""
    return repr(entity.get("id"))


def usable_name(name: str) -> bool:
    """Whether an attribute name can stand in q and attrs (a short name, not an IRI)."""
    return bool(name) and UNUSABLE.search(name) is None
