"""Checks of Query Entities (clause 5.7.2): type, idPattern, attrs, q (clause 4.9), paging and count."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.sampling import Population, attributes, label, population, populations, usable_name
from conformance.suites.ngsild.service import Ctx, Doc, Entity

Holds = Callable[[Entity], bool]


def selected(
    ctx: Ctx, base: Population, query: str, params: dict[str, Any], holds: Holds
) -> tuple[list[Violation], int]:
    """Run a query over a type; findings for returned entities that do not satisfy it and, over a complete
    population, for satisfying entities not returned. Returns the findings and the number judged."""
    found = population(ctx, base.type, **params)
    doc, findings = found.doc, []
    for i, entity in enumerate(found.entities):
        if not holds(entity):
            findings.append(
                Violation(
                    m("unmatched", query=query, entity=label(entity)), locator=doc.at(f"/{i}"), exchange=doc.exchange
                )
            )
    if base.complete:
        returned = {e.get("id") for e in found.entities}
        for entity in base.entities:
            if holds(entity) and entity.get("id") not in returned and found.complete:
                findings.append(
                    Violation(m("missed", query=query, entity=label(entity)), locator=doc.at(), exchange=doc.exchange)
                )
    return findings, len(found.entities) + (len(base.entities) if base.complete else 0)


def query_type(ctx: Ctx) -> Judgement:
    """5.7.2: type=T returns only entities of type T."""
    findings, judged, iri = [], 0, ctx.observation.contexts.iri
    for base in populations(ctx):
        for i, entity in enumerate(base.entities):
            judged += 1
            kinds = entity.get("type")
            if iri(base.type) not in {iri(str(k)) for k in (kinds if isinstance(kinds, list) else [kinds])}:
                findings.append(
                    Violation(
                        m("other-type", type=base.type, entity=label(entity)),
                        locator=base.doc.at(f"/{i}/type"),
                        expected=base.type,
                        actual=kinds,
                        exchange=base.doc.exchange,
                    )
                )
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.entities"))


def id_pattern(ctx: Ctx) -> Judgement:
    """5.7.2: idPattern matching one sampled id returns that entity only."""
    findings, judged = [], 0
    for base in populations(ctx):
        if not base.entities:
            continue
        wanted = str(base.entities[0].get("id"))
        pattern = "^" + re.escape(wanted) + "$"
        more, count = selected(ctx, base, f"idPattern={pattern}", {"idPattern": pattern}, _with_id(wanted))
        findings += more
        judged += count
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.entities"))


def _named(base: Population) -> str | None:
    names = sorted({n for e in base.entities for n in attributes(e) if usable_name(n)})
    partial = [n for n in names if not all(n in attributes(e) for e in base.entities)]
    return (partial or names)[0] if names else None


def _with_id(wanted: str) -> Holds:
    return lambda e: e.get("id") == wanted


def _having(name: str) -> Holds:
    return lambda e: name in attributes(e)


def _numeric(name: str, test: Callable[[float], bool]) -> Holds:
    return lambda e: (v := _number(e, name)) is not None and test(v)


def query_attrs(ctx: Ctx) -> Judgement:
    """5.7.2: attrs=a returns only entities having a, each with no other attribute."""
    findings, judged = [], 0
    for base in populations(ctx):
        name = _named(base)
        if name is None:
            continue
        more, count = selected(ctx, base, f"attrs={name}", {"attrs": name}, _having(name))
        found = population(ctx, base.type, attrs=name)
        for i, entity in enumerate(found.entities):
            extra = sorted(set(attributes(entity)) - {name})
            if extra:
                more.append(
                    Violation(
                        m("attrs-extra", entity=label(entity), attrs=name, extra=", ".join(extra)),
                        locator=found.doc.at(f"/{i}"),
                        exchange=found.doc.exchange,
                    )
                )
        findings += more
        judged += count
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.entities-with", what=m("phrase.usable-attribute")))


def _numbers(base: Population) -> tuple[str, list[float]] | None:
    for name in sorted({n for e in base.entities for n in attributes(e) if usable_name(n)}):
        values = [v for e in base.entities if (v := _number(e, name)) is not None]
        if len(set(values)) >= 3:
            return name, sorted(set(values))
    return None


def _number(entity: Entity, name: str) -> float | None:
    instances = attributes(entity).get(name, [])
    value = instances[0].get("value") if len(instances) == 1 and instances[0].get("type") == "Property" else None
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _q(ctx: Ctx, build: Callable[[str, list[float]], tuple[str, Callable[[float], bool]]]) -> Judgement:
    findings, judged = [], 0
    for base in populations(ctx):
        found = _numbers(base)
        if found is None:
            continue
        name, values = found
        text, test = build(name, values)
        more, count = selected(ctx, base, f"q={text}", {"q": text}, _numeric(name, test))
        findings += more
        judged += count
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.entities-with", what=m("phrase.numeric-attribute")))


def _text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def q(ctx: Ctx) -> Judgement:
    """4.9: q=a>t (t the median value) selects exactly the entities whose number a is greater than t."""

    def build(name: str, values: list[float]) -> tuple[str, Callable[[float], bool]]:
        t = values[len(values) // 2]
        return f"{name}>{_text(t)}", lambda v: v > t

    return _q(ctx, build)


def q_or(ctx: Ctx) -> Judgement:
    """4.9: q=a<lo|a>hi selects the entities outside [lo, hi]."""

    def build(name: str, values: list[float]) -> tuple[str, Callable[[float], bool]]:
        lo, hi = values[1], values[-2]
        return f"{name}<{_text(lo)}|{name}>{_text(hi)}", lambda v: v < lo or v > hi

    return _q(ctx, build)


def paging(ctx: Ctx) -> Judgement:
    """6.3.10: limit=2 gives at most 2 entities; offset=2 continues after them with other entities."""
    findings, judged = [], 0
    for base in populations(ctx):
        if len(base.entities) < 4:
            continue
        first = population(ctx, base.type, limit=2)
        second = population(ctx, base.type, limit=2, offset=2)
        judged += 2
        findings += _page_findings(first.doc, second.doc)
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.pages", what=m("phrase.four-entities")))


def _page_findings(first: Doc, second: Doc) -> list[Violation]:
    findings = []
    for doc in (first, second):
        if len(doc.entities()) != 2:
            findings.append(
                Violation(
                    m("page-size", url=doc.url, got=len(doc.entities())),
                    locator=doc.at(),
                    expected=2,
                    actual=len(doc.entities()),
                    exchange=doc.exchange,
                )
            )
    overlap = {e.get("id") for e in first.entities()} & {e.get("id") for e in second.entities()}
    if overlap:
        findings.append(
            Violation(
                m("page-overlap", ids=", ".join(sorted(map(str, overlap)))),
                locator=second.at(),
                exchange=second.exchange,
            )
        )
    return findings


def count(ctx: Ctx) -> Judgement:
    """6.3.13: count=true with limit=1 gives the number of all entities of the type."""
    findings, judged = [], 0
    for base in populations(ctx):
        if not base.complete or len(base.entities) < 2:
            continue
        doc = population(ctx, base.type, limit=1).doc
        judged += 1
        given = doc.header("NGSILD-Results-Count")
        if given != str(len(base.entities)):
            findings.append(
                Violation(
                    m("count-wrong", type=base.type, count=given or "-", total=len(base.entities)),
                    locator=doc.at(),
                    expected=len(base.entities),
                    actual=given or None,
                    exchange=doc.exchange,
                )
            )
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.counted"))
