"""XPlanGML 6.0 and 5.4 (XPlanung): can another system read the land-use plans a planning office delivers?"""

from __future__ import annotations

from conformance.suites.xplangml.catalogue import STANDARD_54, STANDARD_60
from conformance.suites.xplangml.suite import XPlanGMLSuite

SUITE = XPlanGMLSuite()

__all__ = ["STANDARD_54", "STANDARD_60", "SUITE"]
