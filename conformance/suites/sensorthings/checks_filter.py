"""Filtering Extension: $filter (comparison, logical operators, built-in functions) and @iot.nextLink paging.

Every filter is built from a sampled entity (its name, its numeric result, its time), sent, walked through
@iot.nextLink (``max_pages``), and judged locally: every returned entity must satisfy the expression, and the
sampled entity must be in the result exactly when it satisfies it (not judged when a walk was cut before the end).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from conformance.core.evidence import PagingViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.sensorthings.catalogue import FILTERING
from conformance.suites.sensorthings.checks_query import busiest, failed
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.model import TYPES
from conformance.suites.sensorthings.service import Ctx, Doc, Entity, claim, label, sampled, walk_notes
from conformance.suites.sensorthings.values import instant

Test = Callable[[Entity], bool]


@dataclass(frozen=True)
class Probe:
    """A $filter expression on an entity set, the local test it stands for, and the entity it was built from."""

    entity_set: str
    expression: str
    test: Test
    origin: Entity


def quote(text: str) -> str:
    """A string literal of the filter language."""
    return "'" + text.replace("'", "''") + "'"


def _text(entity: Entity, name: str) -> str | None:
    value = entity.get(name)
    return value if isinstance(value, str) and value else None


def _number(entity: Entity) -> float | None:
    value = entity.get("result")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    try:
        return float(value)
    except OverflowError:  # an integer beyond the float range: not a comparable result
        return None


def judge_probes(ctx: Ctx, probes: list[Probe]) -> Judgement:
    """Send every probe and judge its result; examined: the probes answered."""
    found: list[Violation] = []
    for probe in probes:
        found += _judge(ctx, probe)
    return ctx.judge(found, ctx.examined(len(probes), "sta.examined.filters"))


def _judge(ctx: Ctx, probe: Probe) -> list[Violation]:
    url = ctx.observation.sets()[probe.entity_set]
    walk = ctx.observation.walk(url, {"$filter": probe.expression})
    walk_notes(ctx, walk)
    what = f"{probe.entity_set}?$filter={probe.expression}"
    if (bad := failed(walk.pages[0], what)) is not None:
        return [bad]
    for page, index, entity in walk.entities:
        if not probe.test(entity):
            return [
                ValueViolation(
                    m("filter-unmatched", filter=what, entity=label(entity)),
                    locator=page.at(f"/value/{index}"),
                    expected=probe.expression,
                    actual=entity,
                    exchange=page.exchange,
                )
            ]
    ids = [e.get("@iot.id") for _, _, e in walk.entities]
    wanted = probe.test(probe.origin)
    if wanted and probe.origin.get("@iot.id") not in ids and not walk.cut:
        return [
            ValueViolation(
                m("filter-missed", filter=what, entity=label(probe.origin)),
                locator=walk.pages[0].at("/value"),
                expected=probe.origin.get("@iot.id"),
                actual=ids[:10],
                exchange=walk.pages[0].exchange,
            )
        ]
    return []


def _named(ctx: Ctx) -> list[tuple[str, Entity, str]]:
    """(entity set, entity, name) of the first sampled entity with a name, for each set whose type has one."""
    out = []
    for entity_type in TYPES.values():
        if "name" not in entity_type.properties or entity_type.entity_set not in ctx.observation.sets():
            continue
        _, entities = sampled(ctx, entity_type)
        named = next(((e, n) for e in entities if (n := _text(e, "name"))), None)
        if named:
            out.append((entity_type.entity_set, named[0], named[1]))
    return out


def filter_eq(ctx: Ctx) -> Judgement:
    """name eq '<a sampled name>' on each set with names returns exactly the entities of that name."""
    claim(ctx, FILTERING)
    probes = [Probe(s, f"name eq {quote(n)}", _name_is(n, True), entity) for s, entity, n in _named(ctx)]
    return judge_probes(ctx, probes)


def _name_is(name: str, wanted: bool) -> Test:
    """A test: the entity's name is (or is not) the given one."""
    return lambda entity: (entity.get("name") == name) is wanted


def _observation(ctx: Ctx) -> tuple[Entity, float] | None:
    if "Observations" not in ctx.observation.sets():
        return None
    _, entities = sampled(ctx, TYPES["Observation"])
    return next(((e, v) for e in entities if (v := _number(e)) is not None), None)


def operations(ctx: Ctx) -> Judgement:
    """gt, ge, lt, le, ne, and, or, not on the numeric result of a sampled Observation, ne on a sampled name."""
    claim(ctx, FILTERING)
    probes = [Probe(s, f"name ne {quote(n)}", _name_is(n, False), entity) for s, entity, n in _named(ctx)[:1]]
    sample = _observation(ctx)
    if sample is not None:
        entity, v = sample
        num = f"{v:g}" if v != int(v) else str(int(v))
        tests: dict[str, Test] = {
            f"result gt {num}": lambda e: _cmp(e, lambda r: r > v),
            f"result ge {num}": lambda e: _cmp(e, lambda r: r >= v),
            f"result lt {num}": lambda e: _cmp(e, lambda r: r < v),
            f"result le {num}": lambda e: _cmp(e, lambda r: r <= v),
            f"result ne {num}": lambda e: _cmp(e, lambda r: r != v),
            f"result ge {num} and result le {num}": lambda e: _cmp(e, lambda r: r == v),
            f"result lt {num} or result gt {num}": lambda e: _cmp(e, lambda r: r != v),
            f"not (result ge {num})": lambda e: _cmp(e, lambda r: r < v),
        }
        probes += [Probe("Observations", expression, test, entity) for expression, test in tests.items()]
    return judge_probes(ctx, probes)


def _cmp(entity: Entity, test: Callable[[float], bool]) -> bool:
    """The comparison on a numeric result; an Observation whose result is no number (an array of a
    MultiDatastream, a category) is not judged by it: comparing it with a number is left to the service."""
    value = _number(entity)
    return value is None or test(value)


def functions(ctx: Ctx) -> Judgement:
    """startswith, endswith, substringof, length, tolower, toupper on a sampled Thing's name; year on a sampled
    Observation's phenomenonTime."""
    claim(ctx, FILTERING)
    probes: list[Probe] = []
    named = [n for n in _named(ctx) if n[0] == "Things"]
    if named:
        _, thing, name = named[0]
        part = name[:3]
        tests: dict[str, Test] = {
            f"startswith(name,{quote(part)})": lambda e: str(e.get("name")).startswith(part),
            f"endswith(name,{quote(name[-3:])})": lambda e: str(e.get("name")).endswith(name[-3:]),
            f"substringof({quote(name[1:4])},name)": lambda e: name[1:4] in str(e.get("name")),
            f"length(name) eq {len(name)}": lambda e: len(str(e.get("name"))) == len(name),
            f"tolower(name) eq {quote(name.lower())}": lambda e: str(e.get("name")).lower() == name.lower(),
            f"toupper(name) eq {quote(name.upper())}": lambda e: str(e.get("name")).upper() == name.upper(),
        }
        probes += [Probe("Things", expression, test, thing) for expression, test in tests.items()]
    probes += _year(ctx)
    return judge_probes(ctx, probes)


def _year(ctx: Ctx) -> list[Probe]:
    if "Observations" not in ctx.observation.sets():
        return []
    _, entities = sampled(ctx, TYPES["Observation"])
    dated = next(((e, t) for e in entities if (t := instant(e.get("phenomenonTime"))) is not None), None)
    if dated is None:
        return []
    entity, when = dated
    year = when.year
    return [
        Probe(
            "Observations",
            f"year(phenomenonTime) eq {year}",
            lambda e: _year_of(e) in (year, None),
            entity,
        )
    ]


def _year_of(entity: Entity) -> int | None:
    """The year of an entity's phenomenonTime (its start for an interval); None when it is no ISO 8601 time (that
    is the properties check's finding, and no filter can be judged on it)."""
    found = instant(str(entity.get("phenomenonTime")).split("/")[0])
    return found.year if found is not None else None


def pagination(ctx: Ctx) -> Judgement:
    """The busiest set walked with $top=page_size through @iot.nextLink: no page fails, no entity comes twice, no
    next link leads to an empty page (the final page carries none), and the walk reaches the same entities as the
    walk through the server's own pages."""
    claim(ctx, FILTERING)
    chosen = busiest(ctx)
    if chosen is None:
        return ctx.judge([], ctx.examined(0, "sta.examined.pages"))
    size = ctx.target.option("page_size", 2)
    small = ctx.observation.walk(chosen[1], {"$top": size})
    full = ctx.observation.walk(chosen[1])
    walk_notes(ctx, small)
    found = [bad for page in small.pages if (bad := failed(page, m("phrase.page-of", set=chosen[0].entity_set)))]
    found += _duplicates(small.entities, chosen[0].entity_set)
    found += _empty_end(small.pages, chosen[0].entity_set)
    if small.cycle:
        last = small.pages[-1]
        found.append(
            PagingViolation(
                m("next-cycle", set=chosen[0].entity_set),
                locator=last.at("/@iot.nextLink"),
                expected=m("phrase.new-page"),
                actual=last.member("@iot.nextLink"),
                exchange=last.exchange,
            )
        )
    complete = not (small.cut or full.cut or small.cycle or full.cycle)
    ours, theirs = ({repr(e.get("@iot.id")) for _, _, e in w.entities} for w in (small, full))
    if not found and complete and ours != theirs:
        last = small.pages[-1]
        found.append(
            PagingViolation(
                m("walk-differs", set=chosen[0].entity_set, size=size, got=len(ours), total=len(theirs)),
                locator=last.at("/@iot.nextLink"),
                expected=len(theirs),
                actual=len(ours),
                exchange=last.exchange,
            )
        )
    return ctx.judge(found, ctx.examined(len(small.pages), "sta.examined.pages"))


def _empty_end(pages: list[Doc], entity_set: str) -> list[Violation]:
    for before, page in itertools.pairwise(pages):
        if page.ok and not page.entities():
            return [
                PagingViolation(
                    m("next-at-end", set=entity_set),
                    locator=before.at("/@iot.nextLink"),
                    expected=m("phrase.absent"),
                    actual=before.member("@iot.nextLink"),
                    exchange=page.exchange,
                )
            ]
    return []


def _duplicates(entities: list[tuple[Any, int, Entity]], entity_set: str) -> list[Violation]:
    seen: set[str] = set()
    for page, index, entity in entities:
        key = repr(entity.get("@iot.id"))
        if key in seen:
            return [
                PagingViolation(
                    m("next-duplicate", set=entity_set, entity=label(entity)),
                    locator=page.at(f"/value/{index}"),
                    expected=m("phrase.new-entities"),
                    actual=entity.get("@iot.id"),
                    exchange=page.exchange,
                )
            ]
        seen.add(key)
    return []
