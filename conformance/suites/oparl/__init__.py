"""OParl 1.1 and 1.0 (Ratsinformationssysteme): crawl from the System URL and check every rule of the text."""

from __future__ import annotations

from conformance.suites.oparl.catalogue import standard
from conformance.suites.oparl.suite import OParlSuite

OPARL_11 = standard("1.1")
OPARL_10 = standard("1.0")
STANDARDS = (OPARL_11, OPARL_10)
SUITE = OParlSuite(STANDARDS)

__all__ = ["OPARL_10", "OPARL_11", "STANDARDS", "SUITE"]
