"""GeoJSON exports (RFC 7946): can another system read a vendor's or a third party's geodata files?"""

from __future__ import annotations

from conformance.suites.geojson.catalogue import STANDARD
from conformance.suites.geojson.suite import GeoJSONSuite

SUITE = GeoJSONSuite(STANDARD)

__all__ = ["STANDARD", "SUITE"]
