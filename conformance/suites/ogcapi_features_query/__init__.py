"""OGC API – Features Part 2: CRS by Reference (18-058r1), Part 3: Filtering (19-079r2) and CQL2 (21-065r2).

Three standards for vendors files (``ogcapi-features-2``, ``ogcapi-features-3``, ``cql2``), checked against a
live API from its landing page. Sampling limits come from the target's options: ``max_collections`` (5),
``max_features`` (3: seed features whose values build the filters), ``max_crs`` (3: declared CRSs a page is
fetched and reprojected in) and ``max_filters`` (4: filters of each kind per collection).
"""

from __future__ import annotations

from conformance.suites.ogcapi_features_query.catalogue import CQL2_STANDARD, CRS_STANDARD, FILTER_STANDARD
from conformance.suites.ogcapi_features_query.suite import QuerySuite

SUITE = QuerySuite()

__all__ = ["CQL2_STANDARD", "CRS_STANDARD", "FILTER_STANDARD", "SUITE"]
