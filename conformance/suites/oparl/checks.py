"""The checks of the OParl suite: one per rule of the catalogue and OParl version, each saying what it examined.

Revision 2 marks the move onto the suite contract: a check that finds nothing of its kind (no object, no dated
object, no list page, no sampled file …) is now *not applicable* where it passed before, and each says how many
things it judged. A rule the version's text does not contain is *not applicable* there ("new in OParl 1.1").
"""

from __future__ import annotations

from conformance.core.evidence import NotApplicable
from conformance.core.judgement import Judgement
from conformance.core.model import Standard
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.oparl import (
    checks_deleted,
    checks_errors,
    checks_files,
    checks_filters,
    checks_geo,
    checks_integrity,
    checks_json,
    checks_lists,
    checks_schema,
    checks_transport,
)
from conformance.suites.oparl.catalogue import RULES, requirement_uri
from conformance.suites.oparl.facts import TYPES
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.rules import Rule
from conformance.suites.oparl.run import OParlRun, RuleCheck

REVISION = 2

RULE_CHECKS: dict[str, RuleCheck] = {
    "stateless": checks_transport.check_stateless,
    "host-name": checks_transport.check_host_name,
    "one-scheme": checks_transport.check_one_scheme,
    "https": checks_transport.check_https,
    "no-downgrade": checks_transport.check_no_downgrade,
    "no-tech-path": checks_transport.check_no_tech_path,
    "cors-origin": checks_transport.check_cors_origin,
    "cors-methods": checks_transport.check_cors_methods,
    "json": checks_json.check_json,
    "utf8": checks_json.check_utf8,
    "no-html-escape": checks_json.check_html_escape,
    "null-optional": checks_json.check_null_optional,
    "null-mandatory": checks_json.check_null_mandatory,
    "empty-list": checks_json.check_empty_list,
    "empty-string": checks_json.check_empty_string,
    "list-page": checks_lists.check_list_page,
    "next": checks_lists.check_next,
    "first-last": checks_lists.check_first_last,
    "stable-order": checks_lists.check_stable_order,
    "no-duplicates": checks_lists.check_no_duplicates,
    "terminates": checks_lists.check_terminates,
    "elements-per-page": checks_lists.check_elements_per_page,
    "paginate-large": checks_lists.check_paginate_large,
    "internal-not-deleted": checks_lists.check_internal_not_deleted,
    **{name.replace("_", "-"): checks_filters.filter_check(name) for name in checks_filters.FILTERS},
    "filter-kept": checks_filters.check_filter_kept,
    "deleted-with-modified-since": checks_deleted.check_deleted_with_modified_since,
    "deleted-hidden": checks_deleted.check_deleted_hidden,
    "omit-internal": checks_filters.check_omit_internal,
    "file-get": checks_files.check_file_get,
    "access-inline": checks_files.check_access_inline,
    "download-attachment": checks_files.check_download_attachment,
    "file-headers": checks_files.check_file_headers,
    "conditional-get": checks_files.check_conditional_get,
    "soft-delete": checks_deleted.check_soft_delete,
    "deleted-keeps": checks_deleted.check_deleted_keeps,
    "embedded-modified": checks_deleted.check_embedded_modified,
    "error-status": checks_errors.check_error_status,
    "error-object": checks_errors.check_error_object,
    "error-object-status": checks_errors.check_error_object_status,
    "id-consistent": checks_integrity.check_id_consistent,
    "embedded-retrievable": checks_integrity.check_embedded_retrievable,
    "references-resolve": checks_integrity.check_references_resolve,
    "references-listed": checks_integrity.check_references_listed,
    "reference-types": checks_integrity.check_reference_types,
    "backreferences": checks_integrity.check_backreferences,
    "date-order": checks_integrity.check_date_order,
    "license": checks_integrity.check_license,
    **{f"schema-{kind.lower()}": checks_schema.schema_check(kind) for kind in TYPES},
    "type-url": checks_schema.check_type_url,
    "system-endpoint": checks_schema.check_system_endpoint,
    "person-location-object": checks_schema.check_person_location_object,
    "person-life-length": checks_schema.check_person_life_length,
    "person-life-source": checks_schema.check_person_life_source,
    "file-name": checks_schema.check_file_name,
    "meeting-state": checks_schema.check_meeting_state,
    "agenda-order": checks_schema.check_agenda_order,
    "location-geojson": checks_geo.check_location_geojson,
    "location-geojson-recommended": checks_geo.check_location_geojson_recommended,
}


def _run(version: str, item: Rule, check: RuleCheck) -> Check[OParlRun]:
    def run(ctx: CheckContext[OParlRun]) -> Judgement:
        if item.text(version) is None:
            older = m(
                "reason.new-in", version=item.versions[0], section=item.section, heading=item.heading, older=version
            )
            raise NotApplicable(older)
        return ctx.observation.evaluate(ctx, check)

    uri = requirement_uri(version, item)
    return Check(uri, run, name=item.key.replace("-", "_"), revision=REVISION)


def checks_for(standard: Standard) -> dict[str, Check[OParlRun]]:
    """Requirement URI → check, for one OParl version."""
    return by_requirement(*(_run(standard.version, item, RULE_CHECKS[item.key]) for item in RULES))
