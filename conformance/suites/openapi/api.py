"""What the suite observes of one vendor API: the description, its offline bundle and the calls of the exercise.

The description is read when the observation is made (once per target); the bundle and the exercise follow on
the first check that needs them. A description that cannot be read or is not OpenAPI 3.0/3.1 skips every check
that builds on it; a target that cannot be reached ends every check as an error, through the harness.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from conformance.core.evidence import Skipped
from conformance.harness.observe import Lazy
from conformance.harness.target import TargetContext
from conformance.suites.openapi.bundle import Bundle, bundle
from conformance.suites.openapi.deference import claimed, lifted
from conformance.suites.openapi.document import Description, DescriptionUnavailable, api_base, load
from conformance.suites.openapi.exercise import Exercise, exercise
from conformance.suites.openapi.messages import m
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


@dataclass
class Observed:
    """One target as the checks see it: the description as loaded (or why not), the API, the exercise."""

    target: TargetContext
    loaded: Description | DescriptionUnavailable
    bundled: Lazy[Api] = field(init=False)
    ran: Lazy[Exercise] = field(init=False)

    def __post_init__(self) -> None:
        self.bundled = Lazy(self._bundle)
        self.ran = Lazy(self._exercise)

    def description(self) -> Description:
        """The description; the check is skipped when it could not be read."""
        if isinstance(self.loaded, DescriptionUnavailable):
            raise Skipped(m("skip.unavailable", reason=self.loaded.violations[0].message))
        return self.loaded

    def api(self) -> Api:
        """The bundled API; the check is skipped unless the description is usable OpenAPI 3.0/3.1."""
        found = self.bundled.get()
        if not found.supported:
            raise Skipped(m("skip.unsupported", version=found.version or "(none)"))
        return found

    def base_url(self) -> str:
        """The URL the documented paths hang from."""
        return api_base(self.description(), self.target)

    def exercise(self) -> Exercise:
        """The calls of the exercise, made by the first check that needs them."""
        self.api()
        return self.ran.get()

    def _exercise(self) -> Exercise:
        base = self.base_url()
        document, notes = lifted(self.api().document, claimed(self.target, base))
        run = exercise(self.target, document, base)
        run.notes[:0] = notes
        return run

    def _bundle(self) -> Api:
        found = self.description()
        return Api(found, bundle(found, Sources(self.target.http, found.folder)))


def observe(target: TargetContext) -> Observed:
    """Read the description of a target (a target that cannot be reached raises, and so ends every check)."""
    try:
        return Observed(target, load(target))
    except DescriptionUnavailable as exc:
        return Observed(target, exc)
