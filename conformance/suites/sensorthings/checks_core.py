"""Sensing Core: control information, the properties and relations of each entity type, the resource paths.

Each check samples ``max_entities`` entities of the first page of each entity set the service root lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from conformance.core.evidence import LinkViolation, MissingMember, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Param
from conformance.suites.sensorthings.catalogue import CORE
from conformance.suites.sensorthings.links import Follow, entity_url, follow_relations
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.model import TYPES, EntityType
from conformance.suites.sensorthings.service import Ctx, Doc, Entity, claim, label, sampled
from conformance.suites.sensorthings.values import problem


def control_information(ctx: Ctx) -> Judgement:
    """Every sampled entity has @iot.id and an @iot.selfLink that answers with the same entity."""
    claim(ctx, CORE)
    found: list[Violation] = []
    count = 0
    for entity_type in TYPES.values():
        page, entities = sampled(ctx, entity_type)
        for index, entity in enumerate(entities):
            count += 1
            found += _control(ctx, page, f"/value/{index}", entity)
    return ctx.judge(found, ctx.examined(count, "sta.examined.entities"))


def _control(ctx: Ctx, page: Doc, pointer: str, entity: Entity) -> Iterator[Violation]:
    for member in ("@iot.id", "@iot.selfLink"):
        if entity.get(member) is None:
            yield MissingMember(
                m("no-member", member=member, entity=label(entity)),
                locator=page.at(pointer),
                expected=member,
                actual=None,
                exchange=page.exchange,
            )
    link = entity.get("@iot.selfLink")
    if isinstance(link, str) and entity.get("@iot.id") is not None:
        yield from _same(ctx.observation.fetch(link), entity, m("phrase.self-link", entity=label(entity)))


def _same(doc: Doc, entity: Entity, what: Param) -> Iterator[Violation]:
    if not doc.ok:
        yield LinkViolation(
            m("link-unresolved", what=what, status=doc.status),
            locator=doc.at(),
            expected=200,
            actual=doc.status,
            exchange=doc.exchange,
        )
    elif doc.member("@iot.id") != entity.get("@iot.id"):
        yield ValueViolation(
            m("other-entity", what=what, wanted=label(entity), got=repr(doc.member("@iot.id"))),
            locator=doc.at("/@iot.id"),
            expected=entity.get("@iot.id"),
            actual=doc.member("@iot.id"),
            exchange=doc.exchange,
        )


def properties(entity_type: EntityType) -> Callable[[Ctx], Judgement]:
    """The check of an entity type's properties requirement."""

    def run(ctx: Ctx) -> Judgement:
        claim(ctx, CORE)
        page, entities = sampled(ctx, entity_type)
        found = [
            v for index, entity in enumerate(entities) for v in property_findings(entity_type, page, index, entity)
        ]
        return ctx.judge(found, ctx.examined(len(entities), "sta.examined.typed", type=entity_type.name))

    run.__doc__ = f"Each sampled {entity_type.name} has its mandatory properties with values of the right kind."
    return run


def property_findings(entity_type: EntityType, page: Doc, index: int, entity: Entity) -> Iterator[Violation]:
    """The findings on one entity's properties (mandatory ones missing, values of the wrong kind)."""
    for name, kind in entity_type.properties.items():
        pointer = f"/value/{index}/{name}"
        if name not in entity and not kind.endswith("?"):
            yield MissingMember(
                m("no-property", property=name, type=entity_type.name, entity=label(entity)),
                locator=page.at(pointer),
                expected=name,
                actual=None,
                exchange=page.exchange,
            )
        elif (wrong := problem(kind, entity.get(name), entity)) is not None:
            yield ValueViolation(
                m("bad-property", property=name, entity=label(entity), problem=wrong),
                locator=page.at(pointer),
                expected=m(f"kind.{kind.rstrip('?')}"),
                actual=entity.get(name),
                exchange=page.exchange,
            )


def relations(entity_type: EntityType, cls: str = CORE) -> Callable[[Ctx], Judgement]:
    """The check of an entity type's relations requirement (in class ``cls``): navigation links resolve, and lead
    back."""

    def run(ctx: Ctx) -> Judgement:
        claim(ctx, cls)
        page, entities = sampled(ctx, entity_type)
        follow = Follow(ctx, entity_type, page)
        for index, entity in enumerate(entities):
            follow_relations(follow, index, entity)
        return ctx.judge(follow.found, ctx.examined(follow.links, "sta.examined.links", type=entity_type.name))

    run.__doc__ = f"Each sampled {entity_type.name} links to its related entities, and they link back to it."
    return run


def resource_paths(ctx: Ctx) -> Judgement:
    """The root lists every entity set with name and url; each set answers with a value array; an entity, a
    property and its raw $value answer at their paths."""
    claim(ctx, CORE)
    service = ctx.observation
    found = list(_root_entries(service.root))
    count = 0
    for entity_type in TYPES.values():
        url = service.sets().get(entity_type.entity_set)
        if url is None:
            continue
        page = service.fetch(url)
        count += 1
        if not page.ok or not isinstance(page.member("value"), list):
            found.append(
                ValueViolation(
                    m("set-not-collection", set=entity_type.entity_set, status=page.status),
                    locator=page.at("/value"),
                    expected=m("phrase.value-array"),
                    actual=page.response.text[:200],
                    exchange=page.exchange,
                )
            )
            continue
        entities = page.entities()[:1]
        for entity in entities:
            paths = list(_entity_paths(ctx, url, entity_type, entity))
            count += len(paths)
            found += [v for path in paths for v in path]
    return ctx.judge(found, ctx.examined(count, "sta.examined.paths"))


def _root_entries(root: Doc) -> Iterator[Violation]:
    listed = root.member("value")
    entries = listed if isinstance(listed, list) else []
    named = {
        e["name"]
        for e in entries
        if isinstance(e, dict) and isinstance(e.get("url"), str) and isinstance(e.get("name"), str)
    }
    for entity_type in TYPES.values():
        if entity_type.entity_set not in named:
            yield MissingMember(
                m("set-not-listed", set=entity_type.entity_set),
                locator=root.at("/value"),
                expected=entity_type.entity_set,
                actual=sorted(str(n) for n in named),
                exchange=root.exchange,
            )


def _entity_paths(ctx: Ctx, url: str, entity_type: EntityType, entity: Entity) -> Iterator[list[Violation]]:
    if entity.get("@iot.id") is None:
        return
    address = entity_url(url, entity["@iot.id"])
    yield list(_same(ctx.observation.fetch(address), entity, m("phrase.entity-path", path=address)))
    name = next((p for p in entity_type.properties if isinstance(entity.get(p), str)), None)
    if name is None:
        return
    doc = ctx.observation.fetch(f"{address}/{name}")
    yield list(_property_path(doc, name, entity[name]))
    raw = ctx.observation.fetch(f"{address}/{name}/$value")
    yield list(_raw_value(raw, entity[name]))


def _property_path(doc: Doc, name: str, value: str) -> Iterator[Violation]:
    if not doc.ok or doc.member(name) != value:
        yield ValueViolation(
            m("property-path", path=doc.url, status=doc.status),
            locator=doc.at(f"/{name}"),
            expected={name: value},
            actual=doc.response.text[:200],
            exchange=doc.exchange,
        )


def _raw_value(doc: Doc, value: str) -> Iterator[Violation]:
    if doc.status != 200 or doc.response.text != value:
        yield ValueViolation(
            m("raw-value", path=doc.url, status=doc.status),
            locator=doc.at(),
            expected=value,
            actual=doc.response.text[:200],
            exchange=doc.exchange,
        )
