"""The checks of the WMS suite: one per requirement, each saying what it examined."""

from __future__ import annotations

from collections.abc import Callable

from conformance.core.judgement import Judgement
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.wms import BASE
from conformance.suites.wms import checks_caps as caps
from conformance.suites.wms import checks_faults as faults
from conformance.suites.wms import checks_map as maps
from conformance.suites.wms.api import Observed

Judge = Callable[[CheckContext[Observed]], Judgement]


def _check(name: str, run: Judge) -> Check[Observed]:
    return Check(f"{BASE}/req/{name}", run)


CHECKS = by_requirement(
    _check("version-negotiation", caps.version_negotiation),
    _check("request-parameters", caps.request_parameters),
    _check("capabilities-schema", caps.capabilities_schema),
    _check("capability-metadata", caps.capability_metadata),
    _check("update-sequence", caps.update_sequence),
    _check("layer-crs", caps.layer_crs),
    _check("layer-geographic-bbox", caps.layer_geographic_bbox),
    _check("layer-bounding-boxes", caps.layer_bounding_boxes),
    _check("layer-inheritance", caps.layer_inheritance),
    _check("linked-resources", caps.linked_resources),
    _check("getmap-format", maps.getmap_format),
    _check("getmap-crs", maps.getmap_crs),
    _check("getmap-styles", maps.getmap_styles),
    _check("getmap-transparent", maps.getmap_transparent),
    _check("getmap-bgcolor", maps.getmap_bgcolor),
    _check("getmap-bbox", maps.getmap_bbox),
    _check("axis-order", maps.axis_order),
    _check("exception-codes", faults.exception_codes),
    _check("exception-report", faults.exception_report),
    _check("exception-formats", faults.exception_formats),
    _check("featureinfo-formats", faults.featureinfo_formats),
    _check("featureinfo-point", faults.featureinfo_point),
    _check("feature-count", faults.feature_count),
    _check("featureinfo-exceptions", faults.featureinfo_exceptions),
)

__all__ = ["CHECKS"]
