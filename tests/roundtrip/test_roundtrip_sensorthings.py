"""The round trip A → B for SensorThings between tenants of the SensorThings double: every entity type moves with its
relations, ids change (and are reported as changed ids), and each switchable loss of the double is reported as its
kind."""

from __future__ import annotations

import json
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
from conformance.demo.sensorthings_losses import LOSSES
from conformance.demo.sensorthings_server import SensorThingsTestServer
from conformance.suites.sensorthings.transfer_marks import marked, search_url, unmarked
from conformance.suites.sensorthings.writes import RUN_PROPERTY, Writer
from tests.roundtrip.sensorthings_data import GARDEN, SAMPLE, TYPES
from tests.roundtrip.vendors import write_vendors

# loss: (entity set, attribute, status, kind)
CASES = {
    "drops-property": ("Things", "properties.aufgestellt", "lost", ""),
    "truncates-coordinates": ("Locations", "location", "changed", "precision"),
    "times-to-utc": ("Observations", "phenomenonTime", "changed", "timezone"),
    "results-as-text": ("Observations", "result", "changed", "type"),
    "reprojects": ("Locations", "location", "changed", "crs"),
}
FEATURE = ("FeaturesOfInterest", "feature")
ALSO = {  # what else each loss changes: the double's own Thing has one property; Features are GeoJSON too
    "drops-property": {("Things", "properties.betreiber")},
    "truncates-coordinates": {FEATURE},
    "times-to-utc": {("Observations", "resultTime")},
    "reprojects": {FEATURE},
}
PAIRS = ["clean", *LOSSES, "link-ignored", "closed"]


@pytest.fixture(scope="module")
def trips(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Transfer], dict[str, int], Any]]:
    folder = tmp_path_factory.mktemp("sta-roundtrip")
    tenants = {name: frozenset[str]() for name in ("source", "clean", "closed", "killed")}
    lossy = {name: frozenset({name}) for name in [*LOSSES, "link-ignored"]}
    server = SensorThingsTestServer(tenants | lossy).start()
    assert requests.post(server.url("source") + "Things", json=GARDEN, timeout=30).status_code == 201
    targets = {name: (server.url(name), name != "closed") for name in [*PAIRS, "killed"]}
    vendors = write_vendors(folder, "sensorthings-1.1", server.url("source"), targets)
    codes = {}
    for name in PAIRS:
        args = ["roundtrip", "--vendors", str(vendors), "--from", "a", "--to", name, "--sample", str(SAMPLE)]
        codes[name] = CliRunner().invoke(main, [*args, "--out", str(folder)]).exit_code
    yield {t.target: t for t in read_transfers(folder)}, codes, (server, folder)
    server.stop()


def _changed(transfer: Transfer) -> dict[tuple[str, str], Any]:
    return {key: a for key, a in transfer.attributes.items() if a.status != "unchanged"}


def test_every_entity_type_moves_with_its_relations_and_only_the_ids_change(trips: Any) -> None:
    transfers, codes, (_, folder) = trips
    clean = transfers["clean"]
    assert clean.verdict == "with-changes" and codes["clean"] == 1 and not clean.problems
    assert clean.read == clean.written == clean.compared == clean.removed > len(TYPES)
    assert {collection for collection, _ in clean.attributes} == TYPES
    assert {(c, n) for c, n in _changed(clean)} == {(c, "id") for c in TYPES}
    assert all(a.kinds == {"id": a.counts["changed"]} for a in _changed(clean).values())
    names = {n for _, n in clean.attributes}
    relations = {"Locations", "Thing", "Sensor", "ObservedProperty", "Datastream", "FeatureOfInterest"}
    assert relations | {"unitOfMeasurement.symbol", "observationType", "phenomenonTime", "result", "location"} <= names
    assert not (folder / JOURNAL).exists()
    assert not {n for _, n in clean.attributes if RUN_PROPERTY in n}


def _ids(url: str) -> list[int]:
    found: list[int] = []
    next_url: str | None = url
    while next_url:
        page = requests.get(next_url, timeout=30).json()
        found += [e["@iot.id"] for e in page["value"]]
        next_url = page.get("@iot.nextLink")
    return found


def test_everything_written_is_removed_again(trips: Any) -> None:
    server = trips[2][0]
    for name in TYPES:
        assert [i for i in _ids(server.url("clean") + name) if i > 100] == [], name
        assert _ids(server.url("clean") + name) == _ids(server.url("closed") + name), name


def test_the_zoned_thing_of_a_is_among_what_moved(trips: Any) -> None:
    clean = trips[0]["clean"]
    times = clean.attributes[("Observations", "phenomenonTime")]
    assert times.status == "unchanged" and times.counts["unchanged"] > SAMPLE
    kept = clean.attributes[("Things", "properties.aufgestellt")]
    assert kept.counts == {"unchanged": 1}


@pytest.mark.parametrize("loss", sorted(CASES))
def test_each_loss_of_the_double_is_reported_as_its_kind(trips: Any, loss: str) -> None:
    entity_set, attribute, status, kind = CASES[loss]
    transfers, codes, _ = trips
    found = transfers[loss]
    tally = found.attributes[(entity_set, attribute)]
    assert tally.status == status and tally.counts.get(status, 0) >= 1
    assert tally.kinds == ({kind: tally.counts[status]} if kind else {})
    others = {key for key, a in _changed(found).items() if key[1] != "id"}
    assert others == {(entity_set, attribute), *ALSO.get(loss, ())}
    assert all(found.attributes[key].kinds == tally.kinds for key in ALSO.get(loss, ()))
    assert found.verdict == ("with-loss" if status == "lost" else "with-changes") and codes[loss] == 1
    example = tally.examples[0]
    assert example.source_url.startswith("http://127.0.0.1") and f"/{loss}/v1.1/" in example.target_url


def test_a_reprojected_location_names_both_crs(trips: Any) -> None:
    example = trips[0]["reprojects"].attributes[("Locations", "location")].examples[0]
    assert example.note == "OGC:CRS84 → EPSG:4314" and example.after["crs"]["properties"]["name"] == "EPSG:4314"


def test_a_shifted_time_keeps_its_instant(trips: Any) -> None:
    shifted = trips[0]["times-to-utc"].attributes[("Observations", "phenomenonTime")]
    example = shifted.examples[0]
    assert example.before == GARDEN["Datastreams"][0]["Observations"][0]["phenomenonTime"]
    assert example.after == "2026-03-01T09:00:00Z/2026-03-01T10:00:00Z"


def test_a_service_that_ignores_links_loses_the_relations_and_what_cannot_exist_without_them(trips: Any) -> None:
    transfers, codes, _ = trips
    found = transfers["link-ignored"]
    assert found.verdict == "with-loss" and codes["link-ignored"] == 1
    assert found.attributes[("Things", "Locations")].status == "lost"
    streams = found.attributes[("Datastreams", "item")]
    assert streams.counts == {"lost": streams.counts["lost"]} and streams.kinds == {"item": streams.counts["lost"]}
    observations = found.attributes[("Observations", "item")]
    assert observations.counts == {"lost": observations.counts["lost"]}
    refused = {(p.code, p.status) for p in found.problems}
    assert ("write-failed", 400) in refused and ("write-failed", None) in refused
    assert any("Datastream " in p.detail for p in found.problems if p.status is None)
    assert found.removed == found.written


def test_a_target_without_the_write_opt_in_is_not_written(trips: Any) -> None:
    transfers, codes, _ = trips
    closed = transfers["closed"]
    assert closed.verdict == "no-verdict" and codes["closed"] == 3 and closed.written == 0
    assert [p.code for p in closed.problems] == ["not-opted-in"]


def test_cleanup_removes_what_a_killed_run_created(trips: Any, tmp_path: Path) -> None:
    server, folder = trips[2]
    root = server.url("clean")
    journal = Journal(tmp_path, Redactor())
    journal.note("start", vendors=str(folder / "vendors.toml"), vendor="clean", standard="sensorthings-1.1")
    sensor = requests.post(root + "Sensors", json=GARDEN["Datastreams"][0]["Sensor"], timeout=30)
    created = [sensor.headers["Location"]]
    thing = requests.post(root + "Things", json={"name": "t", "description": "d"}, timeout=30)
    created.append(thing.headers["Location"])
    stream = dict(GARDEN["Datastreams"][0])
    stream = {k: v for k, v in stream.items() if k not in ("Sensor", "Observations")}
    stream |= {"Sensor": {"@iot.id": sensor.json()["@iot.id"]}, "Thing": {"@iot.id": thing.json()["@iot.id"]}}
    created.append(requests.post(root + "Datastreams", json=stream, timeout=30).headers["Location"])
    for url in created:
        journal.note("created", intent=journal.note("intent", collection_url=root, item_url=""), url=url)
    journal.close(finished=False)
    result = CliRunner().invoke(main, ["roundtrip", "--cleanup", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [requests.get(url, timeout=30).status_code for url in created] == [404, 404, 404]
    assert not (tmp_path / JOURNAL).exists()


class Killed(Exception):
    """The run dies after B created an entity and before B's answer reached the round trip."""


def _marked_things(root: str) -> list[dict[str, Any]]:
    things = requests.get(root + "Things", timeout=30).json()["value"]
    return [t for t in things if RUN_PROPERTY in (t.get("properties") or {})]


def test_cleanup_finds_an_entity_whose_creation_was_cut_off(
    trips: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, folder = trips[2]
    root, create = server.url("killed"), Writer.create

    def cut_off(self: Writer, target: str, body: Any) -> Any:
        answer = create(self, target, body)
        if target.endswith("/Things"):
            raise Killed(target)
        return answer

    monkeypatch.setattr(Writer, "create", cut_off)
    args = ["--vendors", str(folder / "vendors.toml"), "--from", "a", "--to", "killed", "--out", str(tmp_path)]
    assert isinstance(CliRunner().invoke(main, ["roundtrip", *args, "--sample", "1"]).exception, Killed)
    monkeypatch.undo()
    [thing] = _marked_things(root)
    run = thing["properties"][RUN_PROPERTY]
    lines = [json.loads(line) for line in (tmp_path / JOURNAL).read_text(encoding="utf-8").splitlines()]
    [intent] = [line for line in lines if line["event"] == "intent" and line["collection_url"] == root + "Things"]
    assert intent["marker"] == run and intent["search_url"] == search_url(root + "Things", "Things", run)
    assert not any(line["event"] == "created" and "/Things(" in line["url"] for line in lines)
    result = CliRunner().invoke(main, ["roundtrip", "--cleanup", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (
        _marked_things(root) == [] and requests.get(root + f"Things({thing['@iot.id']})", timeout=30).status_code == 404
    )
    assert not (tmp_path / JOURNAL).exists()
    for name in TYPES:
        assert _ids(root + name) == _ids(server.url("closed") + name), name


def test_cleanup_finds_an_observation_by_the_mark_in_its_parameters(trips: Any, tmp_path: Path) -> None:
    server, folder = trips[2]
    root, run = server.url("killed"), "0123456789abcdef"
    stream = requests.get(root + "Datastreams", timeout=30).json()["value"][0]["@iot.id"]
    observation = {"phenomenonTime": "2026-03-01T09:00:00Z", "result": 1, "Datastream": {"@iot.id": stream}}
    urls = [
        requests.post(root + "Observations", json=o, timeout=30).headers["Location"]
        for o in (marked("Observations", observation, run), marked("Observations", observation, "another-run"))
    ]
    journal = Journal(tmp_path, Redactor())
    journal.note("start", vendors=str(folder / "vendors.toml"), vendor="killed", standard="sensorthings-1.1")
    found = search_url(root + "Observations", "Observations", run)
    journal.note("intent", collection_url=root + "Observations", item_url="", search_url=found, marker=run)
    journal.close(finished=False)
    result = CliRunner().invoke(main, ["roundtrip", "--cleanup", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [requests.get(url, timeout=30).status_code for url in urls] == [404, 200]
    assert requests.delete(urls[1], timeout=30).status_code in (200, 204)


def test_the_mark_is_left_out_of_the_comparison_only_where_it_is_the_runs() -> None:
    assert marked("Observations", {"parameters": {"a": 1}}, "r")["parameters"] == {"a": 1, RUN_PROPERTY: "r"}
    assert marked("Things", {"name": "t"}, "r")["properties"] == {RUN_PROPERTY: "r"}
    read = {"id": 1, f"properties.{RUN_PROPERTY}": "r", "properties.a": 1}
    assert unmarked("Things", read, "r") == {"id": 1, "properties.a": 1}
    assert unmarked("Things", read, "other") == read
