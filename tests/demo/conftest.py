"""Fixtures of the demo doubles' tests (the NGSI-LD ones need pyld, a dependency of wechselbar)."""

from __future__ import annotations

import importlib.util

if importlib.util.find_spec("pyld"):
    from tests.demo.ngsild_fixtures import client, fresh, server, writer  # noqa: F401
