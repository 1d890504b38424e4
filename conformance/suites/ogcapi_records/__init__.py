"""OGC API – Records – Part 1: Core (OGC 20-004r1): Records API, Record Collection, Record Core, the core query
parameters and Sorting.

The checks walk a live catalogue from its landing page; catalogs are the collections with itemType ``record``.
Sampling limits come from the target's options in the vendors file and are stated as a note on every result
they cut:

- ``max_collections`` (default 5): catalogs checked;
- ``max_features`` (default 3): records per catalog fetched one by one;
- ``page_limit`` (default 10): the ``limit`` used while paging;
- ``max_pages`` (default 30): pages followed through ``next`` links per catalog;
- ``temporal_properties`` (table catalog id → property): the property holding a record's time, where its
  ``time`` member is null and the records do not make it unambiguous.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conformance.suites.ogcapi_records.catalogue import CLASSES, STANDARD
from conformance.suites.ogcapi_records.messages import MESSAGES
from conformance.suites.ows import ServiceSuite

if TYPE_CHECKING:
    from conformance.suites.ogcapi_records.service import Service

SUITE: ServiceSuite[Service] = ServiceSuite(STANDARD, MESSAGES, __name__, "service")

__all__ = ["CLASSES", "STANDARD", "SUITE"]
