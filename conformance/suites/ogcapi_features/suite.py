"""The OGC API – Features suite on the harness contract: catalogue, messages, observation and checks.

Only the catalogue and the messages are imported with the suite; the observation and the checks (lxml, the
schema validators) load when a run needs them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.harness.suite import Check, Suite
from conformance.harness.target import TargetContext
from conformance.suites.ogcapi_features.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.ogcapi_features.service import Service


class FeaturesSuite(Suite["Service"]):
    """A live API against OGC API – Features – Part 1: Core (17-069r4), walked from its landing page."""

    def __init__(self, standard: Standard) -> None:
        self.standards = (standard,)
        self.messages: Catalogue = MESSAGES

    def observe(self, target: TargetContext) -> Service:
        """The landing page, read once (kept for root-op when unusable); every other document follows on first need."""
        from conformance.suites.ogcapi_features.service import observe_root  # noqa: PLC0415

        return observe_root(target)

    def checks(self, standard: Standard) -> Mapping[str, Check[Service]]:
        """Requirement URI → check."""
        from conformance.suites.ogcapi_features.checks import CHECKS  # noqa: PLC0415

        return CHECKS
