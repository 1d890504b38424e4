"""Filtering Extension, query options that shape each entity of a result: $orderby, $select, $expand.

Each check builds its requests from what the service holds (the set with the most entities on its first page,
sampled entities), so no particular data is assumed; a service without entities of the kind examines nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import pairwise

from conformance.core.evidence import PagingViolation, StatusViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Param
from conformance.suites.sensorthings.catalogue import FILTERING
from conformance.suites.sensorthings.links import nav
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.model import TYPES, EntityType
from conformance.suites.sensorthings.service import Ctx, Doc, claim, label, sampled, walk_notes
from conformance.suites.sensorthings.values import instant

SELECTIONS = {"Things": ("name", "description"), "Observations": ("result", "phenomenonTime")}
EXPANSIONS = (("Thing", "Datastreams"), ("Datastream", "Thing"), ("Observation", "FeatureOfInterest"))


def failed(doc: Doc, what: Param) -> Violation | None:
    """A finding when a query answer is not 200 with a JSON object."""
    if doc.ok:
        return None
    return StatusViolation(
        m("query-failed", what=what, status=doc.status),
        locator=doc.at(),
        expected=200,
        actual=doc.status,
        exchange=doc.exchange,
    )


def busiest(ctx: Ctx) -> tuple[EntityType, str] | None:
    """The entity type whose set shows the most entities on its first page (None: every set is empty)."""
    best: tuple[int, EntityType, str] | None = None
    for entity_type in TYPES.values():
        url = ctx.observation.sets().get(entity_type.entity_set)
        page = ctx.observation.fetch(url) if url else None
        size = len(page.entities()) if page is not None and page.ok else 0
        if size and (best is None or size > best[0]):
            best = (size, entity_type, url or "")
    return (best[1], best[2]) if best else None


def orderby(ctx: Ctx) -> Judgement:
    """$orderby=phenomenonTime asc and desc on Observations (and time on HistoricalLocations) order the result."""
    claim(ctx, FILTERING)
    found: list[Violation] = []
    ordered = 0
    for name, prop in (("Observations", "phenomenonTime"), ("HistoricalLocations", "time")):
        url = ctx.observation.sets().get(name)
        if not url or not ctx.observation.fetch(url).entities():
            continue
        for direction in ("asc", "desc"):
            walk = ctx.observation.walk(url, {"$orderby": f"{prop} {direction}"})
            walk_notes(ctx, walk)
            if (bad := failed(walk.pages[0], f"{name}?$orderby={prop} {direction}")) is not None:
                found.append(bad)
                continue
            times = [(p, i, _start(e.get(prop))) for p, i, e in walk.entities]
            ordered += len(times)
            found += _order(times, prop, direction)
    return ctx.judge(found, ctx.examined(ordered, "sta.examined.ordered"))


def _start(value: object) -> datetime | None:
    text = value.split("/")[0] if isinstance(value, str) else value
    found = instant(text)
    return found.replace(tzinfo=UTC) if found is not None and found.tzinfo is None else found


def _order(times: list[tuple[Doc, int, datetime | None]], prop: str, direction: str) -> Iterator[Violation]:
    known = [(p, i, t) for p, i, t in times if t is not None]
    for (_, _, before), (page, index, after) in pairwise(known):
        if (after < before) if direction == "asc" else (after > before):
            yield PagingViolation(
                m("order-wrong", prop=prop, direction=direction),
                locator=page.at(f"/value/{index}/{prop}"),
                expected=m(f"phrase.{direction}", than=before.isoformat()),
                actual=after.isoformat(),
                exchange=page.exchange,
            )
            return


def select(ctx: Ctx) -> Judgement:
    """$select=name,description on Things and $select=result,phenomenonTime on Observations return only those."""
    claim(ctx, FILTERING)
    found: list[Violation] = []
    judged = 0
    for name, props in SELECTIONS.items():
        url = ctx.observation.sets().get(name)
        if not url or not ctx.observation.fetch(url).entities():
            continue
        doc = ctx.observation.fetch(url, {"$select": ",".join(props)})
        if (bad := failed(doc, f"{name}?$select={','.join(props)}")) is not None:
            found.append(bad)
            continue
        for index, entity in enumerate(doc.entities()):
            judged += 1
            extra = sorted(k for k in entity if k not in props and not k.startswith("@iot."))
            if extra:
                found.append(
                    ValueViolation(
                        m("select-extra", entity=label(entity), extra=", ".join(extra)),
                        locator=doc.at(f"/value/{index}"),
                        expected=list(props),
                        actual=sorted(entity),
                        exchange=doc.exchange,
                    )
                )
    return ctx.judge(found, ctx.examined(judged, "sta.examined.entities"))


def expand(ctx: Ctx) -> Judgement:
    """$expand of a navigation property gives the related entities inline, the same as its navigation link."""
    claim(ctx, FILTERING)
    found: list[Violation] = []
    judged = 0
    for type_name, relation_name in EXPANSIONS:
        entity_type = TYPES[type_name]
        relation = next(r for r in entity_type.relations if r.name == relation_name)
        _, entities = sampled(ctx, entity_type)
        url = ctx.observation.sets().get(entity_type.entity_set)
        if not entities or not url:
            continue
        doc = ctx.observation.fetch(url, {"$expand": relation_name})
        if (bad := failed(doc, f"{entity_type.entity_set}?$expand={relation_name}")) is not None:
            found.append(bad)
            continue
        for index, entity in enumerate(doc.entities()[: len(entities)]):
            judged += 1
            found += _expanded(ctx, doc, index, entity, relation.name, relation.single)
    return ctx.judge(found, ctx.examined(judged, "sta.examined.entities"))


def _ids(value: object) -> set[str]:
    """The ids of an entity or a list of entities."""
    items = value if isinstance(value, list) else [value]
    return {repr(e.get("@iot.id")) for e in items if isinstance(e, dict)}


def _expanded(ctx: Ctx, doc: Doc, index: int, entity: dict[str, object], name: str, single: bool) -> list[Violation]:
    inline = entity.get(name)
    if not (isinstance(inline, dict) if single else isinstance(inline, list)):
        return [
            ValueViolation(
                m("not-expanded", relation=name, entity=label(entity)),
                locator=doc.at(f"/value/{index}/{name}"),
                expected=m("phrase.an-entity" if single else "phrase.an-array"),
                actual=inline,
                exchange=doc.exchange,
            )
        ]
    link = entity.get(nav(name))
    linked = ctx.observation.walk(link) if isinstance(link, str) else None
    if linked is None or linked.cut or not linked.pages[0].ok or f"{name}@iot.nextLink" in entity:
        return []
    want = _ids(linked.pages[0].body) if single else _ids([e for _, _, e in linked.entities])
    if want == _ids(inline):
        return []
    return [
        ValueViolation(
            m("expand-differs", relation=name, entity=label(entity)),
            locator=doc.at(f"/value/{index}/{name}"),
            expected=sorted(want),
            actual=sorted(_ids(inline)),
            exchange=doc.exchange,
        )
    ]
