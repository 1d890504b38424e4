"""OGC SensorThings API Part 1: Sensing 1.1 (OGC 18-088): Sensing Core, Filtering Extension, MultiDatastream and,
with the vendors file's opt-in, Create-Update-Delete and batch requests.

The checks walk a live service from its service root (the target URL). Sampling limits come from the target's
options in the vendors file and are stated as a note on every result they cut:

- ``max_entities`` (default 3): entities sampled from the first page of each entity set;
- ``max_links`` (default 3): related entities followed back through the inverse navigation link;
- ``page_size`` (default 2): the ``$top`` used while paging through ``@iot.nextLink``;
- ``max_pages`` (default 25): pages followed through ``@iot.nextLink`` per walk;
- ``writes`` (default false): allow Create-Update-Delete and batch requests. The suite writes only entities it
  marks as its own (see ``writes``), removes them afterwards, and removes a killed run's leftovers before its first
  write (named in a note); without the option nothing is written.
"""

from __future__ import annotations

from conformance.suites.sensorthings.catalogue import CLASSES, CORE, FILTERING, STANDARD
from conformance.suites.sensorthings.suite import SensorThingsSuite

SUITE = SensorThingsSuite(STANDARD)

__all__ = ["CLASSES", "CORE", "FILTERING", "STANDARD", "SUITE"]
