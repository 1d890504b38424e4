"""XRechnung 3.0 (UBL and CII; CIUS, Extension, CVD): vendors' e-invoices graded like the KoSIT validator."""

from __future__ import annotations

from conformance.suites.xrechnung.catalogue import STANDARD
from conformance.suites.xrechnung.suite import XRechnungSuite

SUITE = XRechnungSuite(STANDARD)

__all__ = ["STANDARD", "SUITE"]
