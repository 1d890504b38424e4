"""Sampling bounds the requests of the WMS and WFS suites, however many layers the capabilities list: against the
generated capabilities of conformance/demo/capabilities_flood.py (every request but GetCapabilities answered with
an exception report), a document with a thousand layers or feature types more leads to exactly as many requests as
one just above the sample size, and they name only sampled layers and types."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.demo.capabilities_flood import FloodServer
from tests.suites.ows_support import FinishedRun, run_cli

TENANTS = {"wms-20": "wms-1.3.0", "wms-1000": "wms-1.3.0", "wfs-4": "wfs-2.0", "wfs-1000": "wfs-2.0"}
MAX_LAYERS = MAX_TYPES = 3  # the suites' default sampling options


@pytest.fixture(scope="module")
def asked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FinishedRun, list[tuple[str, str, str]]]]:
    server = FloodServer(list(TENANTS)).start()
    try:
        folder = tmp_path_factory.mktemp("flood")
        blocks = [
            f'[[vendors]]\nid = "{t}"\nname = "{t}"\nversion = "1"\n\n[[vendors.targets]]\n'
            f'standard = "{s}"\nurl = "{server.url(t)}"\n'
            for t, s in TENANTS.items()
        ]
        (folder / "vendors.toml").write_text("\n".join(blocks), encoding="utf-8")
        yield run_cli(folder / "vendors.toml", Path(folder / "out")), server.asked
    finally:
        server.stop()


def test_every_target_was_judged(asked: tuple[FinishedRun, list[tuple[str, str, str]]]) -> None:
    run, _ = asked
    for tenant in TENANTS:
        assert run.outcomes(tenant) and "pass" in run.outcomes(tenant).values(), run.stderr[-2000:]


@pytest.mark.parametrize(("small", "large"), [("wms-20", "wms-1000"), ("wfs-4", "wfs-1000")])
def test_a_thousand_layers_more_ask_no_more(
    asked: tuple[FinishedRun, list[tuple[str, str, str]]], small: str, large: str
) -> None:
    requests = {t: Counter(request for tenant, request, _ in asked[1] if tenant == t) for t in (small, large)}
    assert requests[small] == requests[large] and sum(requests[large].values()) > 10, requests


def test_the_requests_name_only_sampled_layers_and_types(asked: tuple[FinishedRun, list[tuple[str, str, str]]]) -> None:
    named = {t: {n for tenant, _, n in asked[1] if tenant == t and n} for t in TENANTS}
    assert named["wfs-1000"] <= {f"app:type{i}" for i in range(MAX_TYPES)} | {"wechselbar-no-such-type"}
    layers = {n for group in named["wms-1000"] for n in group.split(",")}
    assert 0 < len(layers) <= 2 * MAX_LAYERS + 2, layers  # named and queryable samples, one unqueryable, one dated
