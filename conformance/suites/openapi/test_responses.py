"""Responses of the documented GET operations: documented status codes, media types and schemas."""

from __future__ import annotations

from conformance.core.evidence import expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.openapi import STANDARD
from conformance.suites.openapi.api import api
from conformance.suites.openapi.bodies import schema_violations
from conformance.suites.openapi.exercise import run
from conformance.suites.openapi.verdicts import media_types, status_codes


@requirement(STANDARD.requirement("/req/status-codes/documented"))
def test_status_codes(target: TargetContext) -> None:
    found = api(target)
    expect(status_codes(run(target, found), found.description.uri))


@requirement(STANDARD.requirement("/req/content-types/documented"))
def test_content_types(target: TargetContext) -> None:
    found = api(target)
    expect(media_types(run(target, found), found.description.uri))


@requirement(STANDARD.requirement("/req/response-schemas/valid"))
def test_response_schemas(target: TargetContext) -> None:
    found = api(target)
    expect(schema_violations(run(target, found), found))
