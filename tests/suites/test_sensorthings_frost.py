"""The SensorThings suite against a real FROST-Server 2.0.0 (Maven Central) through the ``conformance run`` CLI.

FROST runs behind the project's launcher (tests/targets/frost/) on its own PostGIS database, seeded by the fixture
with the same Things as django-ogc-sensorthings through FROST's POST API (see tests/targets/README.md). One test
function, so that one worker starts FROST: it checks the target itself, then every requirement's outcome.

The one fail is FROST's real deviation: the raw value ``Observations(<id>)/phenomenonTime/$value`` answers with
the Java object name of FROST's time value (``de.fraunhofer.iosb.ilt.frostserver.model.ext.TimeValue@…``)
instead of the time; FROST 2.0.0's ``ResultFormatterDefault`` writes a ``$value`` with ``Object.toString()``.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

from tests.suites.sensorthings_support import ALL, PREFIX, Run, run_suite
from tests.targets.sensorthings import SEED

FAILS = {"resource-path/resource-path-to-entities"}


@pytest.fixture(scope="module")
def run(frost_url: str, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_suite({"frost": frost_url}, tmp_path_factory.mktemp("sta-frost"))


def _json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


def test_frost_target_and_suite(frost_url: str, run: Run) -> None:
    _target_holds_the_seed(frost_url)
    expected = {s: "fail" if s in FAILS else "pass" for s in ALL}
    assert run.outcomes("frost") == expected, run.stderr[-2000:]
    _deviation_has_evidence(run)


def _target_holds_the_seed(root: str) -> None:
    document = _json(root)
    assert {entry["url"] for entry in document["value"]} >= {root + "Things", root + "Observations"}
    assert PREFIX + "datamodel" in document["serverSettings"]["conformance"]
    for entity_set, expected in SEED.items():
        assert _json(f"{root}{entity_set}?$count=true&$top=1")["@iot.count"] == expected, entity_set


def _deviation_has_evidence(run: Run) -> None:
    record = run.records[("frost", "resource-path/resource-path-to-entities")]
    texts = [f["text"] for f in record["findings"]]
    assert len(texts) == 1
    assert "/phenomenonTime/$value does not answer" in texts[0]
    assert "frostserver.model.ext.TimeValue@" in json.dumps(record["findings"])
