"""The XRechnung suite on the harness contract: catalogue, messages, observation, checks and document validator.

The catalogue (read from the compiled stylesheets) and the messages load with the suite; validating an export
loads when a run or ``conformance validate`` needs it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from conformance.core.model import Standard
from conformance.suites.documents import DocumentSuite
from conformance.suites.xrechnung.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.xrechnung.export import Export  # noqa: F401  (the type argument of the base class)
    from conformance.xml.report import Validator


class XRechnungSuite(DocumentSuite["Export"]):
    """XRechnung 3.0 e-invoices graded like the KoSIT validator, each rule of each scenario a requirement."""

    def __init__(self, standard: Standard) -> None:
        super().__init__(standard, MESSAGES, "conformance.suites.xrechnung")

    @property
    def validator(self) -> Validator:
        """The KoSIT pipeline of XRechnung 3.0 for ``conformance validate``, its findings worded by this suite."""
        return _validator()


@cache
def _validator() -> Validator:
    from conformance.xml.pipeline import VALIDATOR  # noqa: PLC0415

    return replace(VALIDATOR, messages=MESSAGES)
