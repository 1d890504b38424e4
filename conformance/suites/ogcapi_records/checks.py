"""The checks of the OGC API – Records suite: one per requirement of 20-004r1, each saying what it examined."""

from __future__ import annotations

from collections.abc import Callable

from conformance.core.judgement import Judgement
from conformance.harness.suite import Check, by_requirement
from conformance.suites.ogcapi_records import (
    checks_api,
    checks_classes,
    checks_oas30,
    checks_paging,
    checks_query,
    checks_record,
    checks_time,
)
from conformance.suites.ogcapi_records.catalogue import BASE
from conformance.suites.ogcapi_records.service import Ctx, Service


def _check(path: str, run: Callable[[Ctx], Judgement], revision: int = 1) -> Check[Service]:
    return Check(f"{BASE}/req/{path}", run, name=path.replace("/", "-"), revision=revision)


CHECKS = by_requirement(
    _check("records-api/features-api", checks_api.features_api),
    _check("records-api/records-op", checks_api.records_op),
    _check("records-api/record-op", checks_api.record_op),
    _check("records-api/record-response", checks_api.record_response),
    _check("record-collection/mandatory-properties-collection", checks_api.collection_properties),
    _check("record-core/mandatory-properties-record", checks_record.mandatory_properties),
    _check("record-core/links", checks_record.links),
    _check("record-core/time-instant", checks_time.time_instant),
    _check("record-core/time-interval", checks_time.time_interval),
    _check("record-core/time-zone", checks_time.time_zone),
    _check("record-core/time-instant-interval", checks_time.time_instant_interval),
    _check("record-core-query-parameters/bbox", checks_query.bbox),
    _check("record-core-query-parameters/datetime", checks_query.datetime, revision=2),
    _check("record-core-query-parameters/limit", checks_paging.limit),
    _check("record-core-query-parameters/q-response", checks_query.q),
    _check("record-core-query-parameters/type-response", checks_query.type_),
    _check("sorting/sortby-response", checks_paging.sortby),
    _check("sorting/get-sortables-op", checks_classes.get_sortables),
    _check("sorting/get-sortables-success", checks_classes.get_sortables_success),
    _check("json/record-response", checks_classes.record_response),
    _check("json/collection-response", checks_classes.collection_response),
    _check("html/definition", checks_classes.html_definition),
    _check("html/content", checks_classes.html_content),
    _check("oas30/oas-common", checks_oas30.oas_common),
)
