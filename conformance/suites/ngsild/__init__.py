"""NGSI-LD API (ETSI GS CIM 009): a live context broker, judged by the clauses of V1.6.1.

The target URL is the broker's apiRoot (the API lies below ``/ngsi-ld/v1``). Real brokers (Orion-LD, Scorpio,
Stellio) are the intended targets; the project's own tests run the suite against the reference broker double
in :mod:`conformance.demo.ngsild`. Target options of the vendors file:

- ``writes`` (default false): allow the write checks. Entities the suite creates have ids starting with
  ``urn:ngsi-ld:WechselbarProbe:`` and the type ``https://wechselbar.example/ngsi-ld/WechselbarProbe``; they are
  removed afterwards, and leftovers of a killed run are removed (and named in a note) before the next writes;
- ``temporal`` (default false): the broker offers the temporal API;
- ``user_context``: URL of a user ``@context`` the broker can retrieve; with it, q, attrs and geoproperty use
  short names and the compaction checks apply;
- ``types``, ``max_types``, ``max_entities``, ``max_population``: what is sampled;
- ``api_version``: the API version the broker declares, where its Server header does not say.

JSON-LD is expanded and compacted with PyLD; the core ``@context`` comes from pack ``ngsi-ld-core-context``, and
nothing is fetched from the network for JSON-LD (see ``contexts``).
"""

from __future__ import annotations

from conformance.suites.ngsild.catalogue import CLASSES, READ, STANDARD, TEMPORAL, WRITE
from conformance.suites.ngsild.suite import NgsiLdSuite

SUITE = NgsiLdSuite(STANDARD)

__all__ = ["CLASSES", "READ", "STANDARD", "SUITE", "TEMPORAL", "WRITE"]
