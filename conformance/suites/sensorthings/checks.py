"""The checks of the SensorThings suite: one per requirement of 18-088's Sensing Core, Filtering Extension and
Create-Update-Delete with JSON PATCH, batch requests, MultiDatastream and Data Array (writing only with the
vendors file's ``writes = true``).

Revision 2: $top beyond the page limit, $count with $top and an invalid $count, $skip against $top=3 (the stable
order 18-088 asks for across $top and $skip), and a next link on the final page; an Observation whose result is no
number is not judged by the numeric comparisons of built-in-filter-operations.
"""

from __future__ import annotations

from collections.abc import Callable

from conformance.core.judgement import Judgement
from conformance.harness.suite import Check, by_requirement
from conformance.suites.sensorthings import (
    checks_array,
    checks_batch,
    checks_change,
    checks_core,
    checks_deep,
    checks_filter,
    checks_mqtt,
    checks_multi,
    checks_patch,
    checks_query,
    checks_window,
    checks_write,
)
from conformance.suites.sensorthings.catalogue import BASE
from conformance.suites.sensorthings.model import TYPES
from conformance.suites.sensorthings.service import Ctx, Service


def _check(path: str, run: Callable[[Ctx], Judgement], revision: int = 1) -> Check[Service]:
    name = path.rsplit("/", 2)[-2] + "-" + path.rsplit("/", 1)[-1]
    return Check(f"{BASE}/req/{path}", run, name=name, revision=revision)


CHECKS = by_requirement(
    _check("datamodel/entity-control-information/common-control-information", checks_core.control_information),
    *(
        check
        for t in TYPES.values()
        for check in (
            _check(f"datamodel/{t.slug}/properties", checks_core.properties(t)),
            _check(f"datamodel/{t.slug}/relations", checks_core.relations(t)),
        )
    ),
    _check("resource-path/resource-path-to-entities", checks_core.resource_paths),
    _check("request-data/top", checks_window.top, revision=2),
    _check("request-data/skip", checks_window.skip, revision=2),
    _check("request-data/count", checks_window.count, revision=2),
    _check("request-data/orderby", checks_query.orderby),
    _check("request-data/select", checks_query.select),
    _check("request-data/expand", checks_query.expand),
    _check("request-data/filter", checks_filter.filter_eq),
    _check("request-data/built-in-filter-operations", checks_filter.operations, revision=2),
    _check("request-data/built-in-query-functions", checks_filter.functions),
    _check("request-data/pagination", checks_filter.pagination, revision=2),
    _check("create-update-delete/create-entity", checks_write.create_entity),
    _check("create-update-delete/link-to-existing-entities", checks_write.link_existing),
    _check("create-update-delete/deep-insert", checks_deep.deep_insert),
    _check("create-update-delete/deep-insert-status-code", checks_deep.deep_insert_status),
    _check("create-update-delete/update-entity", checks_change.update_entity),
    _check("create-update-delete/update-entity-put", checks_change.update_put),
    _check("create-update-delete/delete-entity", checks_change.delete_entity),
    _check("create-update-delete/historical-location-auto-creation", checks_deep.history),
    _check("create-update-delete/update-entity-jsonpatch", checks_patch.update_jsonpatch),
    _check("multi-datastream/properties", checks_multi.properties),
    _check("multi-datastream/relations", checks_multi.relations),
    _check("multi-datastream/constraints", checks_multi.constraints),
    _check("batch-request/batch-request", checks_batch.batch),
    _check("data-array/data-array", checks_array.data_array),
    _check("create-observations-via-mqtt/observations-creation", checks_mqtt.observations_creation, revision=2),
    _check("receive-updates-via-mqtt/receive-updates", checks_mqtt.receive_updates, revision=2),
)

__all__ = ["CHECKS"]
