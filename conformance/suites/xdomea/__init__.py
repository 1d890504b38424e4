"""xdomea 3.0.0 (XÖV): can another system read a vendor's records export? Schema, code lists, message checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conformance.suites.xdomea.catalogue import STANDARD

if TYPE_CHECKING:
    from conformance.xml.report import Validator


def document_validator() -> Validator:
    """The document validator for ``conformance validate`` and export runs (loaded on first use)."""
    from conformance.suites.xdomea.validator import VALIDATOR  # noqa: PLC0415

    return VALIDATOR


__all__ = ["STANDARD", "document_validator"]
