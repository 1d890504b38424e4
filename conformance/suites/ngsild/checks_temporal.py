"""The check of the temporal API (clause 5.7.4, Query Temporal Evolution of Entities), made only where the vendors
file declares it (``temporal``)."""

from __future__ import annotations

from conformance.core.evidence import NotApplicable, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.problems import status_finding
from conformance.suites.ngsild.sampling import types
from conformance.suites.ngsild.service import Ctx

EVER = {"timerel": "after", "timeAt": "1970-01-01T00:00:00Z"}


def temporal_query(ctx: Ctx) -> Judgement:
    """5.7.4: /temporal/entities?type=T with a time filter answers 200 with entities of type T."""
    if not ctx.observation.temporal:
        raise NotApplicable(m("temporal-not-declared"))
    findings, judged = [], 0
    for entity_type in types(ctx):
        doc = ctx.observation.get("/temporal/entities", {"type": entity_type, **EVER})
        judged += 1
        findings += status_finding(doc, m("phrase.temporal-query", type=entity_type), 200)
        for i, entity in enumerate(doc.entities()):
            if entity.get("type") != entity_type or "id" not in entity:
                findings.append(
                    Violation(
                        m("other-type", type=entity_type, entity=repr(entity.get("id"))),
                        locator=doc.at(f"/{i}"),
                        exchange=doc.exchange,
                    )
                )
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.types"))
