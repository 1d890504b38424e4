"""The MultiDatastream extension (class multi-datastream): properties, relations and the array constraints.

Read-only; judged where the service declares (or the vendors file claims) the class. The sample is the first
``max_entities`` MultiDatastreams of the set the service root lists, and of each the first ``max_entities``
Observations.
"""

from __future__ import annotations

from conformance.core.evidence import ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.sensorthings.catalogue import MULTI
from conformance.suites.sensorthings.checks_core import property_findings
from conformance.suites.sensorthings.checks_core import relations as core_relations
from conformance.suites.sensorthings.links import nav
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.model import MULTI_DATASTREAM
from conformance.suites.sensorthings.service import Ctx, Doc, Entity, claim, label, sampled

ARRAYS = ("unitOfMeasurements", "multiObservationDataTypes")


def properties(ctx: Ctx) -> Judgement:
    """Each sampled MultiDatastream has its mandatory properties with values of the right kind."""
    claim(ctx, MULTI)
    page, entities = sampled(ctx, MULTI_DATASTREAM)
    found = [v for i, e in enumerate(entities) for v in property_findings(MULTI_DATASTREAM, page, i, e)]
    return ctx.judge(found, ctx.examined(len(entities), "sta.examined.typed", type=MULTI_DATASTREAM.name))


relations = core_relations(MULTI_DATASTREAM, MULTI)


def constraints(ctx: Ctx) -> Judgement:
    """unitOfMeasurements has as many elements as multiObservationDataTypes, as the related ObservedProperties and
    as the result array of each sampled Observation."""
    claim(ctx, MULTI)
    page, entities = sampled(ctx, MULTI_DATASTREAM)
    found: list[Violation] = []
    count = 0
    for index, entity in enumerate(entities):
        units = entity.get("unitOfMeasurements")
        if not isinstance(units, list):
            continue  # judged by the properties requirement
        count += 1
        found += _sizes(ctx, page, index, entity, len(units))
    return ctx.judge(found, ctx.examined(count, "sta.examined.typed", type=MULTI_DATASTREAM.name))


def _sizes(ctx: Ctx, page: Doc, index: int, entity: Entity, size: int) -> list[Violation]:
    found: list[Violation] = []
    types = entity.get("multiObservationDataTypes")
    if isinstance(types, list) and len(types) != size:
        found.append(
            _mismatch(
                page, f"/value/{index}/multiObservationDataTypes", entity, "multiObservationDataTypes", size, len(types)
            )
        )
    for relation in ("ObservedProperties", "Observations"):
        link = entity.get(nav(relation))
        doc = ctx.observation.fetch(link) if isinstance(link, str) else None
        if doc is None or not doc.ok:
            continue  # judged by the relations requirement
        if relation == "ObservedProperties" and len(doc.entities()) != size:
            found.append(_mismatch(doc, "/value", entity, relation, size, len(doc.entities())))
        for i, observation in enumerate(
            doc.entities()[: ctx.target.option("max_entities", 3)] if relation == "Observations" else []
        ):
            result = observation.get("result")
            if not isinstance(result, list) or len(result) != size:
                got = len(result) if isinstance(result, list) else m("phrase.not-a", kind=m("phrase.an-array"))
                found.append(
                    _mismatch(
                        doc,
                        f"/value/{i}/result",
                        entity,
                        f"Observations({observation.get('@iot.id')})/result",
                        size,
                        got,
                    )
                )
    return found


def _mismatch(doc: Doc, pointer: str, entity: Entity, what: str, size: int, got: object) -> Violation:
    message = m("multi-size", entity=label(entity), what=what, size=size, got=got)  # type: ignore[arg-type]
    return ValueViolation(message, locator=doc.at(pointer), expected=size, actual=got, exchange=doc.exchange)
