"""OGC SensorThings API Part 1: Sensing 1.1 (OGC 18-088), read-only: Sensing Core and Filtering Extension.

The checks walk a live service from its service root (the target URL). Sampling limits come from the target's
options in the vendors file and are stated as a note on every result they cut:

- ``max_entities`` (default 3): entities sampled from the first page of each entity set;
- ``max_links`` (default 3): related entities followed back through the inverse navigation link;
- ``page_size`` (default 2): the ``$top`` used while paging through ``@iot.nextLink``;
- ``max_pages`` (default 25): pages followed through ``@iot.nextLink`` per walk.

Nothing is written to the service: Create-Update-Delete and Batch need an opt-in of the vendors file that does
not exist yet.
"""

from __future__ import annotations

from conformance.suites.sensorthings.catalogue import CLASSES, CORE, FILTERING, STANDARD
from conformance.suites.sensorthings.suite import SensorThingsSuite

SUITE = SensorThingsSuite(STANDARD)

__all__ = ["CLASSES", "CORE", "FILTERING", "STANDARD", "SUITE"]
