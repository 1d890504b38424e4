"""The SensorThings API 1.1 suite on the harness contract: catalogue, messages, observation and checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.harness.suite import Check, Suite
from conformance.harness.target import TargetContext
from conformance.suites.sensorthings.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.sensorthings.service import Service


class SensorThingsSuite(Suite["Service"]):
    """A live SensorThings service against OGC 18-088, walked from its service root (written to only with the
    vendors file's ``writes = true``)."""

    def __init__(self, standard: Standard) -> None:
        self.standards = (standard,)
        self.messages: Catalogue = MESSAGES

    def observe(self, target: TargetContext) -> Service:
        """The service root, read once; every other answer follows on first need."""
        from conformance.suites.sensorthings.service import observe  # noqa: PLC0415

        return observe(target)

    def checks(self, standard: Standard) -> Mapping[str, Check[Service]]:
        """Requirement URI → check."""
        from conformance.suites.sensorthings.checks import CHECKS  # noqa: PLC0415

        return CHECKS
