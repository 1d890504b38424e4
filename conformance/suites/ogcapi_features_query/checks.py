"""The checks of Parts 2 and 3 and of CQL2: requirement URI → check, one map per standard."""

from __future__ import annotations

from collections.abc import Callable

from conformance.core.judgement import Judgement
from conformance.harness.suite import Check, by_requirement
from conformance.suites.ogcapi_features.service import Service
from conformance.suites.ogcapi_features_query import (
    cql,
    crs_metadata,
    crs_requests,
    filtering,
    filtering_errors,
)
from conformance.suites.ogcapi_features_query.catalogue import CQL2_BASE, CQL2_ID, CRS_BASE, CRS_ID, FILTER_BASE
from conformance.suites.ogcapi_features_query.probe import Ctx


def _check(base: str, path: str, run: Callable[[Ctx], Judgement]) -> Check[Service]:
    return Check(f"{base}/req/{path}", run, name=path.replace("/", "-"))


CRS_CHECKS = by_requirement(
    _check(CRS_BASE, "crs/crs-uri", crs_metadata.crs_uri),
    _check(CRS_BASE, "crs/fc-md-crs-list", crs_metadata.crs_list_present),
    _check(CRS_BASE, "crs/fc-md-storageCrs", crs_metadata.storage_crs),
    _check(CRS_BASE, "crs/fc-md-storageCrs-valid-value", crs_metadata.storage_crs_listed),
    _check(CRS_BASE, "crs/fc-crs-valid-value", crs_requests.crs_unlisted),
    _check(CRS_BASE, "crs/fc-crs-action", crs_requests.crs_action),
    _check(CRS_BASE, "crs/fc-bbox-crs-valid-value", crs_requests.bbox_crs_unlisted),
    _check(CRS_BASE, "crs/fc-bbox-crs-action", crs_requests.bbox_crs_action),
    _check(CRS_BASE, "crs/ogc-crs-header", crs_requests.crs_header),
    _check(CRS_BASE, "crs/ogc-crs-header-value", crs_requests.crs_header_value),
)
FILTER_CHECKS = by_requirement(
    _check(FILTER_BASE, "queryables/get-queryables-op", filtering.queryables_op),
    _check(FILTER_BASE, "queryables/get-queryables-response", filtering.queryables_response),
    _check(FILTER_BASE, "queryables-query-parameters/parameters", filtering.query_parameters),
    _check(FILTER_BASE, "filter/filter-param", filtering.filter_param),
    _check(FILTER_BASE, "filter/filter-lang-param", filtering.filter_lang_param),
    _check(FILTER_BASE, "filter/filter-crs-param", filtering_errors.filter_crs_param),
    _check(FILTER_BASE, "filter/response", filtering.filter_response),
    _check(FILTER_BASE, "features-filter/response", filtering_errors.invalid_filters),
)
CQL2_CHECKS = by_requirement(
    _check(CQL2_BASE, "basic-cql2/binary-comparison-predicate", cql.comparison),
    _check(CQL2_BASE, "advanced-comparison-operators/like-predicate", cql.like),
    _check(CQL2_BASE, "advanced-comparison-operators/between-predicate", cql.between),
    _check(CQL2_BASE, "advanced-comparison-operators/in-predicate", cql.in_list),
    _check(CQL2_BASE, "basic-spatial-functions/spatial-predicate", cql.spatial),
    _check(CQL2_BASE, "cql2-text/filter-lang", cql.text_encoding),
    _check(CQL2_BASE, "cql2-json/basic-cql2", cql.json_encoding),
)
BY_STANDARD = {CRS_ID: CRS_CHECKS, "ogcapi-features-3": FILTER_CHECKS, CQL2_ID: CQL2_CHECKS}
