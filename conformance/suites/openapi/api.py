"""One vendor API as the suite sees it: the description, its offline bundle and the base URL of its paths."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from conformance.harness.target import TargetContext
from conformance.suites.openapi.bundle import Bundle, bundle
from conformance.suites.openapi.document import Description, DescriptionUnavailable, api_base, load
from conformance.suites.openapi.sources import Sources

VERSIONS = ("3.0.", "3.1.")


@dataclass(frozen=True)
class Api:
    """The parsed description and its bundle (every $ref local or replaced)."""

    description: Description
    bundle: Bundle

    @property
    def document(self) -> dict[str, Any]:
        """The bundled document that generation and checks read."""
        return self.bundle.document

    @property
    def version(self) -> str:
        """The declared OpenAPI version."""
        return self.description.version

    @property
    def supported(self) -> bool:
        """True for OpenAPI 3.0.x and 3.1.x."""
        return self.version.startswith(VERSIONS)


def description(target: TargetContext) -> Description:
    """The description, fetched once per target; DescriptionUnavailable if it cannot be read."""
    found = target.remember("openapi:description", lambda: _attempt(target))
    if isinstance(found, DescriptionUnavailable):
        raise found
    return found


def _attempt(target: TargetContext) -> Description | DescriptionUnavailable:
    try:
        return load(target)
    except DescriptionUnavailable as exc:
        return exc


def api(target: TargetContext) -> Api:
    """The API of a target; the test is skipped when the description itself is unusable."""
    try:
        found = description(target)
    except DescriptionUnavailable as exc:
        pytest.skip(f"the OpenAPI description is unavailable: {exc}")
    result = target.remember("openapi:api", lambda: Api(found, bundle(found, Sources(target.http, found.folder))))
    if not result.supported:
        pytest.skip(f"OpenAPI version {result.version or '(none)'} is not 3.0 or 3.1")
    return result


def base_url(target: TargetContext, found: Api) -> str:
    """The URL the documented paths hang from."""
    return api_base(found.description, target)
