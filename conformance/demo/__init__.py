"""Demonstration targets and test doubles shipped with wechselbar (never real vendor implementations).

- features_server: OGC API – Features – Part 1 (generated Musterstadt geodata, switchable defects);
- oparl_server: OParl 1.1/1.0 (generated council data, switchable defects);
- scenario: the three fictional vendors of ``conformance demo``.
"""
