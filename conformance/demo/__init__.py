"""Demonstration targets and test doubles shipped with wechselbar (never real vendor implementations).

- features_server: OGC API – Features – Part 1 (generated Musterstadt geodata, switchable defects);
- oparl_server: OParl 1.1/1.0 (generated council data, switchable defects);
- ngsild: an NGSI-LD reference broker (ETSI GS CIM 009 V1.6.1; generated urban data, switchable defects);
- scenario: the three fictional vendors of ``conformance demo``.
"""
