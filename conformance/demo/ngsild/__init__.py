"""TEST DOUBLE: an in-memory NGSI-LD reference broker for wechselbar's own tests, benchmarks and demo.

No NGSI-LD broker installs from the registries the project's machines reach (Orion-LD, Scorpio and Stellio
ship as containers), so the NGSI-LD suite is tested against this double: written from the text of
ETSI GS CIM 009 V1.6.1 (clause numbers in the docstrings), with switchable defects (see ``defects``) that
each break one requirement. It is not a vendor implementation and proves nothing about any real broker;
real brokers are the intended targets of the suite.

- ``server``: the threaded HTTP server on 127.0.0.1 (tenants, command line);
- ``handler``: routing, content negotiation and ProblemDetails errors;
- ``broker``: the in-memory entity store and its operations;
- ``contexts``: the JSON-LD ``@context`` store (core context from the pack, no network) and PyLD calls;
- ``query`` and ``geo``: the NGSI-LD query language and geo-queries;
- ``data``: the generated "Musterstadt" entities.
"""
