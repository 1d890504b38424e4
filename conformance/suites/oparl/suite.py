"""The OParl suite on the harness contract: both versions, their messages, the crawl as observation, the checks.

Only the catalogue and the messages are imported with the suite; the crawl and the checks (the schema validators)
load when a run needs them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.harness.suite import Check, Suite
from conformance.harness.target import TargetContext
from conformance.suites.oparl.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.oparl.run import OParlRun


class OParlSuite(Suite["OParlRun"]):
    """A live OParl endpoint, crawled once from its System URL and judged by every rule of its version's text."""

    def __init__(self, standards: tuple[Standard, ...]) -> None:
        self.standards = standards
        self.messages: Catalogue = MESSAGES

    def observe(self, target: TargetContext) -> OParlRun:
        """The crawl (System, bodies, their lists, objects); follow-up probes run when a check needs them."""
        from conformance.suites.oparl.run import observe  # noqa: PLC0415

        return observe(target)

    def observe_budget(self, target: TargetContext) -> float | None:
        """The crawl runs under ``crawl_deadline``, not the deadline of the check that starts it."""
        from conformance.suites.oparl.catalogue import OPTIONS  # noqa: PLC0415

        default = next(o.default for o in OPTIONS if o.name == "crawl_deadline")
        value = target.option("crawl_deadline", default)
        return float(value) if isinstance(value, int | float) else None

    def checks(self, standard: Standard) -> Mapping[str, Check[OParlRun]]:
        """Requirement URI → check."""
        from conformance.suites.oparl.checks import checks_for  # noqa: PLC0415

        return checks_for(standard)
