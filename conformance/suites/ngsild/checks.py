"""The checks of the NGSI-LD suite: one per requirement of the catalogue (clause numbers of V1.6.1)."""

from __future__ import annotations

from collections.abc import Callable

from conformance.core.judgement import Judgement
from conformance.harness.suite import Check, by_requirement
from conformance.suites.ngsild import (
    checks_change,
    checks_context,
    checks_geo,
    checks_query,
    checks_read,
    checks_temporal,
    checks_write,
)
from conformance.suites.ngsild.catalogue import REQUIREMENTS, VERSION, WRITE
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.service import Broker, Ctx
from conformance.suites.ngsild.writes import allowed

RUNS: dict[str, Callable[[Ctx], Judgement]] = {
    "retrieve": checks_read.retrieve,
    "retrieve-attrs": checks_read.retrieve_attrs,
    "not-found": checks_read.not_found_error,
    "bad-id": checks_read.bad_id_error,
    "problem-details": checks_read.problem_details,
    "key-values": checks_read.key_values,
    "sys-attrs": checks_read.sys_attrs,
    "query-type": checks_query.query_type,
    "query-id-pattern": checks_query.id_pattern,
    "query-attrs": checks_query.query_attrs,
    "q": checks_query.q,
    "q-or": checks_query.q_or,
    "near": checks_geo.near,
    "within": checks_geo.within,
    "geoproperty": checks_geo.geoproperty,
    "paging": checks_query.paging,
    "count": checks_query.count,
    "json-link": checks_context.json_link,
    "ld-context": checks_context.ld_context,
    "compaction": checks_context.compaction,
    "context-unavailable": checks_context.context_unavailable,
    "types": checks_context.types,
    "attributes": checks_context.attribute_list,
    "create": checks_write.create,
    "already-exists": checks_write.already_exists,
    "non-uri-id": checks_write.non_uri_id,
    "content-type": checks_write.content_type,
    "relationship": checks_write.relationship,
    "observed-at": checks_write.observed_at,
    "dataset-id": checks_write.dataset_id,
    "update": checks_change.update,
    "modified-at": checks_change.modified_at,
    "no-overwrite": checks_change.no_overwrite,
    "partial-update": checks_change.partial_update,
    "delete-attribute": checks_change.delete_attribute,
    "delete": checks_change.delete_entity,
    "batch-create": checks_change.batch_create,
    "batch-partial": checks_change.batch_partial,
    "body-context": checks_write.body_context,
    "ld-needs-context": checks_write.ld_needs_context,
    "mixed-context": checks_write.mixed_context,
    "link-context": checks_write.link_context,
    "temporal-query": checks_temporal.temporal_query,
}


def _versioned(run: Callable[[Ctx], Judgement]) -> Callable[[Ctx], Judgement]:
    def checked(ctx: Ctx) -> Judgement:
        if ctx.requirement.cls == WRITE:
            allowed(ctx)
        ctx.target.require_claim(ctx.standard.id, ctx.requirement.cls, ctx.observation.declared())
        ctx.note(m("note.version", declared=ctx.observation.api_version or "-", version=VERSION))
        return run(ctx)

    return checked


def _check(uri: str) -> Check[Broker]:
    key = uri.rsplit("/", 1)[-1]
    clause = uri.rsplit("/", 2)[-2].removeprefix("clause-")
    return Check(uri, _versioned(RUNS[key]), name=f"{clause}-{key}")


CHECKS = by_requirement(*(_check(r.uri) for r in REQUIREMENTS))

__all__ = ["CHECKS"]
