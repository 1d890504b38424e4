"""Each defect of the NGSI-LD broker double visibly breaks its requirement, and only that one.

One server holds a conformant tenant and a tenant per defect; every probe (tests/demo/ngsild_probes.py)
runs once per tenant. The conformant tenant passes every probe; each defect's tenant fails the probe of its
defect and passes all the others, except the finer probes of the same behaviour that ``ALSO_BROKEN`` names
with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("pyld", reason="pyld is a dependency of wechselbar; reinstall with pip install -e .")

import requests

from conformance.demo.ngsild.defects import DEFECTS
from conformance.demo.ngsild.server import NgsiLdTestServer
from tests.demo.ngsild_client import Client
from tests.demo.ngsild_probes import ALSO_BROKEN, PROBES, Probe


@pytest.fixture(scope="module")
def server() -> Iterator[NgsiLdTestServer]:
    broker = NgsiLdTestServer({"ok": frozenset[str](), **{d: frozenset({d}) for d in DEFECTS}}).start()
    yield broker
    broker.stop()


def _kept(probe: Probe, client: Client) -> bool:
    """A probe's verdict; an answer of the wrong shape (missing member, no JSON) does not keep the requirement."""
    try:
        return probe(client)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return False


def _failing(server: NgsiLdTestServer, tenant: str) -> set[str]:
    with requests.Session() as session:
        client = Client(session, server.url(tenant), server.context_url)
        return {name for name, probe in PROBES.items() if not _kept(probe, client)}


def test_every_defect_has_a_probe_and_names_a_clause() -> None:
    assert set(PROBES) == set(DEFECTS)
    assert all(d.clause and d.description for d in DEFECTS.values())
    assert all(defect not in also and also <= set(DEFECTS) for defect, also in ALSO_BROKEN.items())


def test_the_conformant_broker_passes_every_probe(server: NgsiLdTestServer) -> None:
    assert _failing(server, "ok") == set()


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_the_defect_breaks_its_requirement_and_no_other(server: NgsiLdTestServer, defect: str) -> None:
    assert _failing(server, defect) == {defect} | ALSO_BROKEN.get(defect, set())
