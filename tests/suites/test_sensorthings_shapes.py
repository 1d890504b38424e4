"""The SensorThings suite on odd JSON shapes: unhashable ids and names, a number beyond float range, wrong types.

The double serves its data with such values put in; the run must end with findings, never a harness fault.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conformance.demo.sensorthings_server import SensorThingsTestServer
from tests.suites.sensorthings_support import FinishedRun, run_suite


def _bend(data: dict[str, list[dict[str, Any]]]) -> None:
    data["Things"][0]["@iot.id"] = [1]
    data["Things"][1]["name"] = {"de": "Pegel"}
    data["Observations"][0]["result"] = 10**400
    data["Observations"][1]["phenomenonTime"] = 12345
    data["Datastreams"][0]["unitOfMeasurement"] = "°C"
    data["Locations"][0]["location"] = [8.4, 49.0]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FinishedRun]:
    server = SensorThingsTestServer({"odd": frozenset()})
    view = server.views["odd"]
    _bend(view.data)
    plain = view.root()
    view.root = lambda: {**plain, "value": [*plain["value"], {"name": ["Things"], "url": 5}, "Sensors"]}  # type: ignore[method-assign]
    server.start()
    try:
        yield run_suite({"odd": server.url("odd")}, tmp_path_factory.mktemp("sta-shapes"))
    finally:
        server.stop()


def test_odd_shapes_end_in_findings_not_faults(run: FinishedRun) -> None:
    outcomes = run.outcomes("odd")
    assert "error" not in outcomes.values(), {
        s: run.records[("odd", s)].get("reason") for s, o in outcomes.items() if o == "error"
    }
    assert outcomes["datamodel/datastream/properties"] == "fail"
    assert outcomes["datamodel/location/properties"] == "fail"
    assert outcomes["datamodel/observation/properties"] == "fail"
