"""DCAT-AP.de 3.0 catalogue exports: do a vendor's open-data metadata meet the shapes GovData validates against?"""

from __future__ import annotations

from conformance.suites.dcat_ap_de.catalogue import STANDARD
from conformance.suites.dcat_ap_de.suite import DcatApDeSuite

SUITE = DcatApDeSuite(STANDARD)

__all__ = ["STANDARD", "SUITE"]
