"""The round trip for NGSI-LD between tenants of the reference broker double: a clean broker keeps every entity
as it was; one that drops observedAt loses exactly that."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from click.testing import CliRunner

from conformance.cli import main
from conformance.core.transfer import Transfer
from conformance.core.transferfile import read_transfers
from conformance.demo.ngsild.server import NgsiLdTestServer

SAMPLE = 3


@pytest.fixture(scope="module")
def trips(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Transfer], dict[str, int], Any]]:
    folder = tmp_path_factory.mktemp("ngsild-roundtrip")
    server = NgsiLdTestServer({"a": frozenset()}).start()
    server.add_tenant("clean", seeded=False)
    server.add_tenant("observedat-dropped", frozenset({"observedat-dropped"}), seeded=False)
    lines = ['[[vendors]]\nid = "a"\nname = "A"\nversion = "1"\n']
    lines.append(f'[[vendors.targets]]\nstandard = "ngsi-ld"\nurl = "{server.url("a")}"\n')
    for name in ("clean", "observedat-dropped"):
        lines.append(f'[[vendors]]\nid = "{name}"\nname = "{name}"\nversion = "1"\n')
        target = f'standard = "ngsi-ld"\nurl = "{server.url(name)}"\noptions = {{ writes = true }}\n'
        lines.append(f"[[vendors.targets]]\n{target}")
    vendors = folder / "vendors.toml"
    vendors.write_text("\n".join(lines), encoding="utf-8")
    codes = {}
    for name in ("clean", "observedat-dropped"):
        args = ["roundtrip", "--vendors", str(vendors), "--from", "a", "--to", name, "--sample", str(SAMPLE)]
        codes[name] = CliRunner().invoke(main, [*args, "--out", str(folder)]).exit_code
    yield {t.target: t for t in read_transfers(folder)}, codes, server
    server.stop()


def test_a_clean_broker_keeps_every_entity_as_it_was(trips: Any) -> None:
    transfers, codes, server = trips
    clean = transfers["clean"]
    assert clean.verdict == "lossless" and codes["clean"] == 0, clean.to_json()
    types = {collection for collection, _ in clean.attributes}
    assert len(types) > 1 and clean.compared == clean.removed == len(types) * SAMPLE
    assert any(name.endswith(".observedAt") for _, name in clean.attributes)
    left = requests.get(f"{server.url('clean')}/ngsi-ld/v1/types", headers={"Accept": "application/json"}, timeout=30)
    assert left.status_code == 200 and left.json().get("typeList") == []


def test_a_broker_that_drops_observed_at_loses_exactly_that(trips: Any) -> None:
    transfers, codes, _ = trips
    dropped = transfers["observedat-dropped"]
    assert dropped.verdict == "with-loss" and codes["observedat-dropped"] == 1
    lost = {name for (_, name), a in dropped.attributes.items() if a.status != "unchanged"}
    assert lost and all(name.endswith(".observedAt") for name in lost), lost
