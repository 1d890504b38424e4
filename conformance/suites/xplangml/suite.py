"""The XPlanGML suite on the harness contract: two standards (6.0 and 5.4), one catalogue of rules, messages,
observation, checks and the document validator.

Only the catalogue and the messages load with the suite; validating an export (schemas, shapely) loads when a run
or ``conformance validate`` needs it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from conformance.core.model import Standard
from conformance.harness.suite import Check, Suite
from conformance.suites.xplangml.catalogue import STANDARDS
from conformance.suites.xplangml.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.harness.target import TargetContext
    from conformance.suites.xplangml.export import Export
    from conformance.xml.report import Validator


class XPlanGMLSuite(Suite["Export"]):
    """XPlanGML 6.0 and 5.4 exports: schema, gml:ids, references, geometry, Geltungsbereich."""

    def __init__(self) -> None:
        self.standards = STANDARDS
        self.messages = MESSAGES

    def observe(self, target: TargetContext) -> Export:
        """The export of the target, every document validated once."""
        from conformance.suites.xplangml.export import observe  # noqa: PLC0415

        return observe(target)

    def checks(self, standard: Standard) -> Mapping[str, Check[Export]]:
        """Requirement URI → check, for one version."""
        from conformance.suites.xplangml.checks import checks_for  # noqa: PLC0415

        return checks_for(standard.id)

    @property
    def validator(self) -> Validator:
        """The XPlanGML validator for ``conformance validate --standard xplangml-6.0`` (or 5.4)."""
        from conformance.suites.xplangml.validator import VALIDATOR  # noqa: PLC0415

        return VALIDATOR
