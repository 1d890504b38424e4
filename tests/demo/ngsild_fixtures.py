"""Fixtures of the NGSI-LD broker double's tests: one server, a read-only, a shared writing and a fresh tenant."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from conformance.demo.ngsild.server import NgsiLdTestServer
from tests.demo.ngsild_client import Client


@pytest.fixture(scope="module")
def server() -> Iterator[NgsiLdTestServer]:
    broker = NgsiLdTestServer({"ok": frozenset(), "rw": frozenset()}).start()
    yield broker
    broker.stop()


@pytest.fixture
def client(server: NgsiLdTestServer) -> Iterator[Client]:
    with requests.Session() as session:
        yield Client(session, server.url("ok"), server.context_url)


@pytest.fixture
def writer(server: NgsiLdTestServer) -> Iterator[Client]:
    """The tenant the writing tests share (each with its own entity ids); ``client``'s tenant stays as generated."""
    with requests.Session() as session:
        yield Client(session, server.url("rw"), server.context_url)


@pytest.fixture
def fresh(server: NgsiLdTestServer, request: pytest.FixtureRequest) -> Iterator[Client]:
    """A tenant of its own with the generated data (for tests that count or discover)."""
    with requests.Session() as session:
        yield Client(session, server.add_tenant(request.node.name[:40]), server.context_url)
