"""XRechnung 3.0 (UBL and CII; CIUS, Extension, CVD): vendors' e-invoices graded like the KoSIT validator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conformance.suites.xrechnung.catalogue import STANDARD

if TYPE_CHECKING:
    from conformance.xml.report import Validator


def document_validator() -> Validator:
    """The document validator for ``conformance validate`` and export runs (loaded on first use)."""
    from conformance.xml.pipeline import VALIDATOR  # noqa: PLC0415

    return VALIDATOR


__all__ = ["STANDARD", "document_validator"]
