"""OGC API – Features – Part 1: Core (OGC 17-069r4): classes Core, GeoJSON, OpenAPI 3.0 and HTML.

The checks walk a live API from its landing page. Sampling limits come from the target's options in the
vendors file and are stated as a note on every result they cut:

- ``max_collections`` (default 5): collections checked;
- ``max_pages`` (default 30): pages followed through ``next`` links per collection;
- ``page_limit`` (default 10): the ``limit`` used while paging;
- ``max_features`` (default 3): single features fetched per collection;
- ``temporal_properties`` (table collection id → property): the property holding a collection's time stamp,
  where the datetime check cannot tell it from the data.
"""

from __future__ import annotations

from conformance.suites.ogcapi_features.catalogue import CLASSES, CORE, GEOJSON, HTML, OAS30, STANDARD
from conformance.suites.ogcapi_features.suite import FeaturesSuite

SUITE = FeaturesSuite(STANDARD)

__all__ = ["CLASSES", "CORE", "GEOJSON", "HTML", "OAS30", "STANDARD", "SUITE"]
