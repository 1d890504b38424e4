"""XRechnung 3.0 (UBL and CII; CIUS, Extension, CVD): vendors' e-invoices graded like the KoSIT validator."""

from __future__ import annotations

from conformance.suites.xrechnung.catalogue import STANDARD

__all__ = ["STANDARD"]
