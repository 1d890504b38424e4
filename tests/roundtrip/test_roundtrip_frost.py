"""The SensorThings round trip into a real FROST-Server 2.0.0 (the session's own instance, writes allowed): the
entities of the SensorThings double move with their relations; FROST gives ids of its own and answers every time
in UTC, and it holds what it held before once the round trip has removed what it wrote."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from click.testing import CliRunner

from conformance.cli import main
from conformance.core.journal import JOURNAL, Journal
from conformance.core.secrets import Redactor
from conformance.core.transfer import Transfer
from conformance.core.transferfile import read_transfers
from conformance.demo.sensorthings_server import SensorThingsTestServer
from conformance.suites.sensorthings.transfer_marks import marked, search_url
from tests.roundtrip.sensorthings_data import GARDEN, SAMPLE, TYPES
from tests.roundtrip.vendors import write_vendors

ZONED = {("Observations", "phenomenonTime"), ("Observations", "resultTime")}  # GARDEN's times carry +01:00


def _counts(root: str) -> dict[str, int]:
    found = {}
    for name in sorted(TYPES):
        with urllib.request.urlopen(f"{root}{name}?$count=true&$top=0", timeout=60) as answer:
            found[name] = json.loads(answer.read())["@iot.count"]
    return found


@pytest.fixture(scope="module")
def trip(frost_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Transfer, int, Any]]:
    folder = tmp_path_factory.mktemp("sta-frost-roundtrip")
    server = SensorThingsTestServer({"source": frozenset()}).start()
    try:
        assert requests.post(server.url("source") + "Things", json=GARDEN, timeout=30).status_code == 201
        vendors = write_vendors(folder, "sensorthings-1.1", server.url("source"), {"frost": (frost_url, True)})
        before = _counts(frost_url)
        args = ["roundtrip", "--vendors", str(vendors), "--from", "a", "--to", "frost", "--sample", str(SAMPLE)]
        code = CliRunner().invoke(main, [*args, "--out", str(folder)]).exit_code
        yield read_transfers(folder)[0], code, (before, _counts(frost_url), folder)
    finally:
        server.stop()


def test_every_entity_reaches_frost_and_is_removed_again(trip: Any) -> None:
    found, code, (before, after, folder) = trip
    assert not found.problems, [p.to_json() for p in found.problems]
    assert found.read == found.written == found.compared == found.removed > len(TYPES)
    assert {collection for collection, _ in found.attributes} == TYPES
    assert after == before and not (folder / JOURNAL).exists()
    assert found.verdict == "with-changes" and code == 1


def test_frost_keeps_values_relations_and_instants_and_changes_ids_and_zones(trip: Any) -> None:
    found = trip[0]
    changed = {key for key, a in found.attributes.items() if a.status != "unchanged"}
    assert changed == {(c, "id") for c in TYPES} | ZONED, {k: found.attributes[k].to_json() for k in changed}
    assert all(found.attributes[key].kinds == {"timezone": 1} for key in ZONED)
    example = found.attributes[("Observations", "phenomenonTime")].examples[0]
    assert example.after == "2026-03-01T09:00:00Z/2026-03-01T10:00:00Z"
    relations = ("Locations", "Thing", "Sensor", "ObservedProperty", "Datastream", "FeatureOfInterest")
    assert all(a.status == "unchanged" for (_, name), a in found.attributes.items() if name in relations)


def test_cleanup_finds_in_frost_what_carries_the_mark_of_a_killed_run(frost_url: str, tmp_path: Path) -> None:
    run, stream = "fedcba9876543210", requests.get(frost_url + "Datastreams?$top=1", timeout=60).json()["value"][0]
    thing = requests.post(
        frost_url + "Things", json=marked("Things", {"name": "t", "description": "d"}, run), timeout=60
    )
    observation = {"phenomenonTime": "2026-03-01T09:00:00Z", "result": 1, "Datastream": {"@iot.id": stream["@iot.id"]}}
    made = requests.post(frost_url + "Observations", json=marked("Observations", observation, run), timeout=60)
    urls = [thing.headers["Location"], made.headers["Location"]]
    journal = Journal(tmp_path, Redactor())
    vendors = write_vendors(tmp_path, "sensorthings-1.1", frost_url, {"frost": (frost_url, True)})
    journal.note("start", vendors=str(vendors), vendor="frost", standard="sensorthings-1.1")
    for name in ("Things", "Observations"):
        found = search_url(frost_url + name, name, run)
        journal.note("intent", collection_url=frost_url + name, item_url="", search_url=found, marker=run)
    journal.close(finished=False)
    result = CliRunner().invoke(main, ["roundtrip", "--cleanup", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [requests.get(url, timeout=60).status_code for url in urls] == [404, 404]
    assert not (tmp_path / JOURNAL).exists()
