"""The checks of the OGC API – Features suite: one per requirement of 17-069r4, each saying what it examined.

Revision 2 marks the checks whose verdict logic changed when the suite moved onto the suite contract: a check
that finds nothing of its kind (no link, no timeStamp, no page reached through a next link, no feature to
compare with a declared extent …) is now *not applicable* where it passed before, and a landing page that
gives no JSON object ends every check as an error instead of failing the landing page checks. Revision 3 of
root-op: a landing page that answers, but not 200 with a JSON object, fails root-op (the other checks end as
errors with that one reason); only no answer at all leaves root-op an error.
"""

from __future__ import annotations

from collections.abc import Callable

from conformance.core.judgement import Judgement
from conformance.harness.suite import Check, by_requirement
from conformance.suites.ogcapi_features import (
    checks_bbox,
    checks_collections,
    checks_datetime,
    checks_feature,
    checks_geojson,
    checks_html,
    checks_http,
    checks_items,
    checks_landing,
    checks_limit,
    checks_oas30,
    checks_oas30_ops,
    checks_paging,
    checks_params,
)
from conformance.suites.ogcapi_features.catalogue import BASE
from conformance.suites.ogcapi_features.service import Ctx, Service


def _check(path: str, run: Callable[[Ctx], Judgement], revision: int = 1) -> Check[Service]:
    return Check(f"{BASE}/{path}", _landed(run), name=path.split("/", 1)[1].replace("/", "-"), revision=revision)


def _landed(run: Callable[[Ctx], Judgement]) -> Callable[[Ctx], Judgement]:
    """The check, ended as an error with the landing page's problem when there is one (root-op judges it)."""
    if run is checks_landing.root_op:
        return run

    def checked(ctx: Ctx) -> Judgement:
        ctx.observation.usable()
        return run(ctx)

    return checked


CHECKS = by_requirement(
    _check("req/core/root-op", checks_landing.root_op, revision=3),
    _check("req/core/root-success", checks_landing.root_success, revision=2),
    _check("req/core/api-definition-op", checks_landing.api_definition_op),
    _check("req/core/api-definition-success", checks_landing.api_definition_success),
    _check("req/core/conformance-op", checks_landing.conformance_op),
    _check("req/core/conformance-success", checks_landing.conformance_success),
    _check("req/core/http", checks_http.http_1_1),
    _check("req/core/query-param-unknown", checks_params.unknown_parameter),
    _check("req/core/query-param-invalid", checks_params.invalid_values),
    _check("req/core/crs84", checks_items.geometries_crs84, revision=2),
    _check("req/core/fc-md-op", checks_collections.collections_op),
    _check("req/core/fc-md-success", checks_collections.collections_success),
    _check("req/core/fc-md-links", checks_collections.collections_links),
    _check("req/core/fc-md-items", checks_collections.collections_items),
    _check("req/core/fc-md-items-links", checks_collections.collections_items_links, revision=2),
    _check("req/core/fc-md-extent", checks_collections.collections_extent, revision=2),
    _check("req/core/sfc-md-op", checks_collections.collection_op),
    _check("req/core/sfc-md-success", checks_collections.collection_success),
    _check("req/core/fc-op", checks_items.items_op),
    _check("req/core/fc-limit-definition", checks_limit.limit_definition),
    _check("req/core/fc-limit-response-1", checks_limit.limit_response),
    _check("req/core/fc-bbox-definition", checks_bbox.bbox_definition),
    _check("req/core/fc-bbox-response", checks_bbox.bbox_response),
    _check("req/core/fc-time-definition", checks_datetime.datetime_definition),
    _check("req/core/fc-time-response", checks_datetime.datetime_response),
    _check("req/core/fc-response", checks_items.items_response),
    _check("req/core/fc-links", checks_items.items_links),
    _check("req/core/fc-rel-type", checks_items.items_link_parameters, revision=2),
    _check("req/core/fc-timeStamp", checks_items.items_timestamp, revision=2),
    _check("req/core/fc-numberMatched", checks_paging.number_matched, revision=2),
    _check("req/core/fc-numberReturned", checks_items.items_number_returned, revision=2),
    _check("req/core/f-op", checks_feature.feature_op),
    _check("req/core/f-success", checks_feature.feature_success),
    _check("req/core/f-links", checks_feature.feature_links),
    _check("rec/core/head", checks_http.head),
    _check("rec/core/etag", checks_http.etag),
    _check("rec/core/fc-next-1", checks_paging.next_link_present, revision=2),
    _check("rec/core/fc-next-2", checks_paging.next_pages_new_features, revision=2),
    _check("rec/core/fc-next-3", checks_paging.next_pages_follow_rules, revision=2),
    _check("req/geojson/definition", checks_geojson.media_types),
    _check("req/geojson/content", checks_geojson.content),
    _check("req/oas30/oas-definition-1", checks_oas30.definition_available),
    _check("req/oas30/oas-definition-2", checks_oas30.definition_valid),
    _check("req/oas30/oas-impl", checks_oas30_ops.operations_implemented),
    _check("req/oas30/completeness", checks_oas30.definition_complete),
    _check("req/oas30/exceptions-codes", checks_oas30_ops.error_codes_documented),
    _check("req/oas30/security", checks_oas30_ops.security_documented),
    _check("req/html/definition", checks_html.media_type_html),
    _check("req/html/content", checks_html.html_content),
)

__all__ = ["CHECKS"]
