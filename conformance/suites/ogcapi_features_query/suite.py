"""The suite of OGC API – Features Part 2 (CRS), Part 3 (Filtering) and CQL2 on the harness contract.

The observation is Part 1's: the landing page once, every other document on first need, kept for every check
of the target. The checks and PROJ load when a run needs them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.harness.suite import Check, Suite
from conformance.harness.target import TargetContext
from conformance.suites.ogcapi_features_query.catalogue import STANDARDS
from conformance.suites.ogcapi_features_query.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.ogcapi_features.service import Service


class QuerySuite(Suite["Service"]):
    """Feature APIs with CRSs by reference, queryables and CQL2 filters, walked from their landing page."""

    def __init__(self) -> None:
        self.standards = STANDARDS
        self.messages: Catalogue = MESSAGES

    def observe(self, target: TargetContext) -> Service:
        """The landing page, read once; every other document follows on first need."""
        from conformance.suites.ogcapi_features.service import observe  # noqa: PLC0415

        return observe(target)

    def checks(self, standard: Standard) -> Mapping[str, Check[Service]]:
        """Requirement URI → check for one of the three standards."""
        from conformance.suites.ogcapi_features_query.checks import BY_STANDARD  # noqa: PLC0415

        return BY_STANDARD[standard.id]
