"""The WMS 1.3.0 suite on the harness contract: catalogue, messages, observation and checks.

Only the catalogue and the messages are imported with the suite; the observation and the checks (lxml streaming,
Pillow) load when a run needs them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.harness.suite import Check, Suite
from conformance.harness.target import TargetContext
from conformance.suites.wms.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.wms.api import Observed


class WmsSuite(Suite["Observed"]):
    """A Web Map Service against OGC 06-042 (ISO 19128)."""

    def __init__(self, standard: Standard) -> None:
        self.standards = (standard,)
        self.messages: Catalogue = MESSAGES

    def observe(self, target: TargetContext) -> Observed:
        """The capabilities of the target, read once; the request series follow on demand."""
        from conformance.suites.wms.api import observe  # noqa: PLC0415

        return observe(target)

    def checks(self, standard: Standard) -> Mapping[str, Check[Observed]]:
        """Requirement URI → check."""
        from conformance.suites.wms.checks import CHECKS  # noqa: PLC0415

        return CHECKS
