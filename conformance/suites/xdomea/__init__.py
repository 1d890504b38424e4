"""xdomea 3.0.0 (XÖV): can another system read a vendor's records export? Schema, code lists, message checks."""

from __future__ import annotations

from conformance.suites.xdomea.catalogue import STANDARD
from conformance.suites.xdomea.suite import XdomeaSuite

SUITE = XdomeaSuite(STANDARD)

__all__ = ["STANDARD", "SUITE"]
