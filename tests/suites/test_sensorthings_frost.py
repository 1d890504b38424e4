"""The SensorThings suite against a real FROST-Server 2.0.0 (Maven Central) through the ``conformance run`` CLI.

FROST runs behind the project's launcher (tests/targets/frost/) on its own PostGIS database, seeded by the fixture
with the same Things as django-ogc-sensorthings through FROST's POST API (see tests/targets/README.md). One test
function, so that one worker starts FROST: it checks the target itself, then every requirement's outcome.

With ``writes = true`` (Create-Update-Delete) and the MultiDatastream plugin switched on (the fixture seeds one
MultiDatastream with two Observations). The suite removes what it wrote: the seed counts hold after the run.

The one fail is FROST's real deviation: the raw value ``Observations(<id>)/phenomenonTime/$value`` answers with
the Java object name of FROST's time value (``de.fraunhofer.iosb.ilt.frostserver.model.ext.TimeValue@…``)
instead of the time; FROST 2.0.0's ``ResultFormatterDefault`` writes a ``$value`` with ``Object.toString()``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from tests.suites.sensorthings_support import ALL, LOOPBACK, PREFIX, WRITES, FinishedRun, run_suite
from tests.targets.frost import MULTI_SEED
from tests.targets.sensorthings import SEED, post

FAILS = {"resource-path/resource-path-to-entities"}
NOT_APPLICABLE = {"batch-request/batch-request"}  # not declared: FROST's BatchProcessing is not on the class path


# what a killed run left behind: a Thing with its Location, and an ObservedProperty, each with the run mark
LEFTOVERS = {
    "Things": {
        "name": "wechselbar-probe-killed-thing",
        "description": "left by a killed run",
        "properties": {"wechselbarRun": "killed"},
        "Locations": [
            {
                "name": "wechselbar-probe-killed-location",
                "description": "left by a killed run",
                "properties": {"wechselbarRun": "killed"},
                "encodingType": "application/geo+json",
                "location": {"type": "Point", "coordinates": [7.1, 50.7]},
            }
        ],
    },
    "ObservedProperties": {
        "name": "wechselbar-probe-killed-property",
        "description": "left by a killed run",
        "definition": "https://wechselbar.example/def/killed",
        "properties": {"wechselbarRun": "killed"},
    },
}


@pytest.fixture(scope="module")
def left(frost_url: str) -> list[str]:
    """The marked entities of a killed run, created before the suite runs (their URLs, the Thing's Location too)."""
    made = [post(frost_url + entity_set, body) for entity_set, body in LEFTOVERS.items()]
    location = _json(made[0] + "/Locations")["value"][0]["@iot.selfLink"]
    return [*made, location]


@pytest.fixture(scope="module")
def run(frost_url: str, left: list[str], tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    return run_suite({"frost": frost_url}, tmp_path_factory.mktemp("sta-frost"), WRITES, LOOPBACK)


def _json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


def test_frost_target_and_suite(frost_url: str, run: FinishedRun, left: list[str]) -> None:
    _target_holds_the_seed(frost_url)
    _leftovers_are_swept(run, left)
    expected = {s: "fail" if s in FAILS else "not_applicable" if s in NOT_APPLICABLE else "pass" for s in ALL}
    assert run.outcomes("frost") == expected, (
        run.stderr[-2000:],
        {s: run.messages("frost", s)[:3] for s in run.failing("frost")},
        {k: r.get("reason") for (v, k), r in run.records.items() if r["outcome"] not in ("pass", "fail")},
    )
    _deviation_has_evidence(run)
    _writes_and_multi_datastream_were_judged(run)
    _data_array_and_json_patch_were_judged(run)
    _mqtt_was_judged(run)
    _batch_is_not_served(frost_url)


def _target_holds_the_seed(root: str) -> None:
    document = _json(root)
    assert {entry["url"] for entry in document["value"]} >= {root + "Things", root + "Observations"}
    assert PREFIX + "datamodel" in document["serverSettings"]["conformance"]
    for entity_set in SEED.keys() | MULTI_SEED.keys():
        expected = SEED.get(entity_set, 0) + MULTI_SEED.get(entity_set, 0)
        assert _json(f"{root}{entity_set}?$count=true&$top=1")["@iot.count"] == expected, entity_set


def _leftovers_are_swept(run: FinishedRun, left: list[str]) -> None:
    for url in left:
        try:
            status = urllib.request.urlopen(url, timeout=60).status
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 404, url
    notes = [n["text"] for r in run.records.values() for n in r.get("notes", []) if "interrupted run" in n["text"]]
    assert len(notes) == 1 and all(url in notes[0] for url in left), (notes, left)


def _deviation_has_evidence(run: FinishedRun) -> None:
    record = run.records[("frost", "resource-path/resource-path-to-entities")]
    texts = [f["text"] for f in record["findings"]]
    assert len(texts) == 1
    assert "/phenomenonTime/$value does not answer" in texts[0]
    assert "frostserver.model.ext.TimeValue@" in json.dumps(record["findings"])


def _writes_and_multi_datastream_were_judged(run: FinishedRun) -> None:
    judged = {s: r["examined"] for (v, s), r in run.records.items() if s.startswith(("create-", "multi-"))}
    assert len(judged) == 13
    assert all(e and all(x["count"] > 0 for x in e) for e in judged.values()), judged


def _data_array_and_json_patch_were_judged(run: FinishedRun) -> None:
    array = run.records[("frost", "data-array/data-array")]
    assert array["examined"][0]["count"] > 2, array
    assert not [n for n in array.get("notes", []) if "CreateObservations" in n["text"]], array["notes"]
    patch = run.records[("frost", "create-update-delete/update-entity-jsonpatch")]
    assert patch["examined"][0]["count"] >= 2, patch


def _mqtt_was_judged(run: FinishedRun) -> None:
    for requirement in (
        "create-observations-via-mqtt/observations-creation",
        "receive-updates-via-mqtt/receive-updates",
    ):
        record = run.records[("frost", requirement)]
        assert record["examined"][0]["count"] > 0, record


def _batch_is_not_served(root: str) -> None:
    batch = {"requests": [{"id": "1", "method": "get", "url": "Things?$top=1"}]}
    request = urllib.request.Request(
        root + "$batch", json.dumps(batch).encode(), method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            status, text = answer.status, answer.read()[:300]
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read()[:300]
    assert status == 404, (status, text)
