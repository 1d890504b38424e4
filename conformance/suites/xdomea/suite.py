"""The xdomea suite on the harness contract: catalogue, messages, observation, checks and document validator.

Only the catalogue and the messages load with the suite; validating an export (schemas, code lists) loads when a
run or ``conformance validate`` needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conformance.core.model import Standard
from conformance.suites.documents import DocumentSuite
from conformance.suites.xdomea.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.xdomea.export import Export  # noqa: F401  (the type argument of the base class)
    from conformance.xml.report import Validator


class XdomeaSuite(DocumentSuite["Export"]):
    """xdomea 3.0.0 exports: schema, XÖV code lists, message header and records of the 0501–0504 messages."""

    def __init__(self, standard: Standard) -> None:
        super().__init__(standard, MESSAGES, "conformance.suites.xdomea")

    @property
    def validator(self) -> Validator:
        """The xdomea 3.0.0 document validator (XSD, code lists, message checks) for ``conformance validate``."""
        from conformance.suites.xdomea.validator import VALIDATOR  # noqa: PLC0415

        return VALIDATOR
