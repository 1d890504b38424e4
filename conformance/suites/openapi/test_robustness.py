"""Robustness: invalid parameters are rejected with a 4xx, and nothing is answered with a 5xx."""

from __future__ import annotations

from conformance.core.evidence import expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.openapi import STANDARD
from conformance.suites.openapi.api import api
from conformance.suites.openapi.exercise import run
from conformance.suites.openapi.verdicts import rejections, server_errors


@requirement(STANDARD.requirement("/req/negative-data/rejected"))
def test_invalid_parameters_rejected(target: TargetContext) -> None:
    found = api(target)
    expect(rejections(run(target, found), found.description.uri))


@requirement(STANDARD.requirement("/req/server-errors/none"))
def test_no_server_errors(target: TargetContext) -> None:
    expect(server_errors(run(target, api(target))))
