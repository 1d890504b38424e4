"""The OpenAPI suite on the harness contract: catalogue, messages, observation and checks.

Only the catalogue and the messages are imported with the suite; the observation and the checks (schemathesis,
the validators) load when a run needs them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.harness.suite import Check, Suite
from conformance.harness.target import TargetContext
from conformance.suites.openapi.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.openapi.api import Observed


class OpenApiSuite(Suite["Observed"]):
    """An API against its own OpenAPI 3.0/3.1 description."""

    def __init__(self, standard: Standard) -> None:
        self.standards = (standard,)
        self.messages: Catalogue = MESSAGES

    def observe(self, target: TargetContext) -> Observed:
        """The description of the target, read once; the bundle and the calls follow on demand."""
        from conformance.suites.openapi.api import observe  # noqa: PLC0415

        return observe(target)

    def checks(self, standard: Standard) -> Mapping[str, Check[Observed]]:
        """Requirement URI → check."""
        from conformance.suites.openapi.checks import CHECKS  # noqa: PLC0415

        return CHECKS
