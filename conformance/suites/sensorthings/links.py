"""Navigation links followed both ways: from an entity to its related entities, and from each of those back.

A relation's navigation link must resolve (a single entity, or a collection with ``value``). Of the related
entities, the first ``max_links`` are followed back through the inverse relation: the inverse must lead to the
entity we came from (for a collection, on one of its pages, walked through @iot.nextLink up to ``max_pages``).
A related entity without the inverse link is judged by its own type's relations check, not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from conformance.core.evidence import LinkViolation, MissingMember, ValueViolation, Violation
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.model import INVERSE_SINGLE, TYPES, EntityType, Relation
from conformance.suites.sensorthings.service import Ctx, Doc, Entity, label, walk_notes


def entity_url(set_url: str, ident: Any) -> str:
    """The resource path of an entity: ``Things(5)`` or ``Things('a''b')`` for string ids."""
    if isinstance(ident, str):
        return f"{set_url}('{ident.replace(chr(39), chr(39) * 2)}')"
    return f"{set_url}({ident})"


def nav(relation: str) -> str:
    """The member holding a relation's navigation link."""
    return f"{relation}@iot.navigationLink"


@dataclass
class Follow:
    """What following the relations of one entity type found, and how many links were followed."""

    ctx: Ctx
    entity_type: EntityType
    page: Doc
    found: list[Violation] = field(default_factory=list)
    links: int = 0


def follow_relations(follow: Follow, index: int, entity: Entity) -> None:
    """Follow every relation of one entity there and back."""
    for relation in follow.entity_type.relations:
        link = entity.get(nav(relation.name))
        if not isinstance(link, str):
            follow.found.append(
                MissingMember(
                    m("no-nav-link", relation=relation.name, entity=label(entity)),
                    locator=follow.page.at(f"/value/{index}/{nav(relation.name)}"),
                    expected=nav(relation.name),
                    actual=link,
                    exchange=follow.page.exchange,
                )
            )
            continue
        follow.links += 1
        related = _resolve(follow, relation, link, entity)
        for other in related[: follow.ctx.target.option("max_links", 3)]:
            _back(follow, relation, other, entity)


def _resolve(follow: Follow, relation: Relation, link: str, entity: Entity) -> list[Entity]:
    doc = follow.ctx.observation.fetch(link)
    what = m("phrase.nav-link", relation=relation.name, entity=label(entity))
    if not doc.ok:
        follow.found.append(
            LinkViolation(
                m("link-unresolved", what=what, status=doc.status),
                locator=doc.at(),
                expected=200,
                actual=doc.status,
                exchange=doc.exchange,
            )
        )
        return []
    if relation.single:
        if doc.member("@iot.id") is None:
            follow.found.append(_not_entity(doc, what))
            return []
        return [doc.body]
    if not isinstance(doc.member("value"), list):
        follow.found.append(
            ValueViolation(
                m("not-collection", what=what),
                locator=doc.at("/value"),
                expected=m("phrase.value-array"),
                actual=doc.response.text[:200],
                exchange=doc.exchange,
            )
        )
        return []
    return doc.entities()


def _not_entity(doc: Doc, what: Any) -> Violation:
    return ValueViolation(
        m("not-entity", what=what),
        locator=doc.at(),
        expected=m("phrase.an-entity"),
        actual=doc.response.text[:200],
        exchange=doc.exchange,
    )


def _back(follow: Follow, relation: Relation, other: Entity, origin: Entity) -> None:
    link = other.get(nav(relation.inverse))
    if not isinstance(link, str):
        return
    back = _inverse_ids(follow, relation, link)
    if back is None:
        return
    ids, doc, complete = back
    if repr(origin.get("@iot.id")) not in ids and not complete:
        return
    follow.links += 1
    if repr(origin.get("@iot.id")) not in ids:
        what = m("phrase.nav-link", relation=relation.inverse, entity=label(other))
        follow.found.append(
            ValueViolation(
                m("not-back", what=what, origin=label(origin)),
                locator=doc.at(),
                expected=origin.get("@iot.id"),
                actual=sorted(ids)[:10],
                exchange=doc.exchange,
            )
        )


def _inverse_ids(follow: Follow, relation: Relation, link: str) -> tuple[set[str], Doc, bool] | None:
    """The ids the inverse link leads to and whether they are all of them (None: it does not resolve; that is
    a finding of the other type's relations check)."""
    if _single(relation):
        doc = follow.ctx.observation.fetch(link)
        return ({repr(doc.member("@iot.id"))}, doc, True) if doc.ok else None
    walk = follow.ctx.observation.walk(link)
    walk_notes(follow.ctx, walk)
    if not walk.pages[0].ok:
        return None
    return {repr(e.get("@iot.id")) for _, _, e in walk.entities}, walk.pages[0], not walk.cut and walk.pages[-1].ok


def _single(relation: Relation) -> bool:
    found = next((r for r in TYPES[relation.target].relations if r.name == relation.inverse), None)
    return found.single if found else INVERSE_SINGLE.get(relation.inverse, False)
