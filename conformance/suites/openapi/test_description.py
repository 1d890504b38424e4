"""The description document: retrievable, an OpenAPI 3.0/3.1 document, valid, its references resolvable."""

from __future__ import annotations

import pytest

from conformance.core.evidence import NonConformance, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.openapi import STANDARD
from conformance.suites.openapi.api import api, description
from conformance.suites.openapi.document import DescriptionUnavailable
from conformance.suites.openapi.validity import references, spec_errors, version


@requirement(STANDARD.requirement("/req/description/parse"))
def test_parse(target: TargetContext) -> None:
    try:
        description(target)
    except DescriptionUnavailable as exc:
        raise NonConformance(exc.violations) from exc


@requirement(STANDARD.requirement("/req/description/version"))
def test_version(target: TargetContext) -> None:
    try:
        found = description(target)
    except DescriptionUnavailable as exc:
        pytest.skip(f"the OpenAPI description is unavailable: {exc}")
    expect(version(found))


@requirement(STANDARD.requirement("/req/description/valid"))
def test_valid(target: TargetContext) -> None:
    expect(spec_errors(api(target)))


@requirement(STANDARD.requirement("/req/description/refs"))
def test_refs(target: TargetContext) -> None:
    expect(references(api(target), foreign=False))


@requirement(STANDARD.requirement("/req/description/self-contained"))
def test_self_contained(target: TargetContext) -> None:
    expect(references(api(target), foreign=True))
