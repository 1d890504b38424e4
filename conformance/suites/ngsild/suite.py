"""The NGSI-LD suite on the harness contract: catalogue, messages, observation and checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.harness.suite import Check, Suite
from conformance.harness.target import TargetContext
from conformance.suites.ngsild.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.ngsild.service import Broker


class NgsiLdSuite(Suite["Broker"]):
    """A live NGSI-LD broker against ETSI GS CIM 009, reached at its apiRoot."""

    def __init__(self, standard: Standard) -> None:
        self.standards = (standard,)
        self.messages: Catalogue = MESSAGES

    def observe(self, target: TargetContext) -> Broker:
        """The broker's entity types, read once; every other answer follows on first need."""
        from conformance.suites.ngsild.service import observe  # noqa: PLC0415

        return observe(target)

    def checks(self, standard: Standard) -> Mapping[str, Check[Broker]]:
        """Requirement URI → check."""
        from conformance.suites.ngsild.checks import CHECKS  # noqa: PLC0415

        return CHECKS
