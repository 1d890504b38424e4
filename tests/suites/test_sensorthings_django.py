"""The SensorThings suite against a real django-ogc-sensorthings 1.2.0 (from PyPI) through the ``conformance run`` CLI.

The service is seeded by the fixture (three Things with Locations, four Datastreams, twelve Observations; see
tests/targets/README.md). Every requirement's outcome is asserted. The fails are the server's real deviations:

- ``$orderby=phenomenonTime`` (asc and desc) answers 500;
- the property path ``Observations('<id>')/phenomenonTime`` (and its ``$value``) answers 404, while
  ``…/result`` answers;
- the built-in function ``substringof`` answers 400, and ``year(phenomenonTime) eq 2026`` returns 2 of the 12
  Observations although all of them lie in 2026;
- ``$top=10000`` (beyond its page limit of 100) answers 422 instead of applying the limit;
- ``$count=maybe`` answers 422, not 400;
- the final page of ``Observations?$top=2`` still carries an ``@iot.nextLink`` (to an empty page).

HistoricalLocations stays empty on this server after Things are created with a Location, so both
HistoricalLocation checks examine nothing and are not applicable.

With ``writes = true`` (Create-Update-Delete): a POST answers 201 with an empty body (OData 4.0 11.4.2 wants the
created entity), a POST to a navigation link (``Things('<id>')/Locations``) answers 405, and a Thing created with
a Location gets no HistoricalLocation; PUT answers 405 (PUT is optional: not applicable); a JSON PATCH
(``application/json-patch+json``) is answered with success but changes nothing. No MultiDatastream is declared,
nor are batch requests, the Data Array extension or MQTT. The suite removes what it wrote: the seed counts hold
after the run.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.suites.sensorthings_support import ALL, WRITES, FinishedRun, run_suite
from tests.targets.sensorthings import SEED

FAILS = {
    "create-update-delete/create-entity",
    "create-update-delete/historical-location-auto-creation",
    "create-update-delete/update-entity-jsonpatch",
    "request-data/orderby",
    "resource-path/resource-path-to-entities",
    "request-data/built-in-query-functions",
    "request-data/top",
    "request-data/count",
    "request-data/pagination",
}
NOT_APPLICABLE = {
    "datamodel/historical-location/properties",
    "datamodel/historical-location/relations",
    "create-update-delete/update-entity-put",
    "batch-request/batch-request",
    "data-array/data-array",
    "create-observations-via-mqtt/observations-creation",
    "receive-updates-via-mqtt/receive-updates",
    *(f"multi-datastream/{r}" for r in ("properties", "relations", "constraints")),
}


@pytest.fixture(scope="module")
def run(sensorthings_url: str, tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    return run_suite({"django": sensorthings_url}, tmp_path_factory.mktemp("sta-django"), WRITES)


def test_every_outcome(run: FinishedRun) -> None:
    expected = {s: "fail" if s in FAILS else "not_applicable" if s in NOT_APPLICABLE else "pass" for s in ALL}
    assert run.outcomes("django") == expected, (
        run.stderr[-2000:],
        {s: run.messages("django", s)[:3] for s in run.failing("django")},
    )


def test_the_deviations_are_named(run: FinishedRun) -> None:
    assert any(
        "$orderby=phenomenonTime asc answered HTTP 500" in t for t in run.messages("django", "request-data/orderby")
    )
    paths = run.messages("django", "resource-path/resource-path-to-entities")
    assert any("/phenomenonTime does not answer" in t and "HTTP 404" in t for t in paths)
    functions = run.messages("django", "request-data/built-in-query-functions")
    assert any("substringof" in t and "HTTP 400" in t for t in functions)
    assert any("year(phenomenonTime) eq 2026 did not return entity" in t for t in functions)
    assert run.messages("django", "request-data/top") == ["Things?$top=10000 answered HTTP 422"]
    assert run.messages("django", "request-data/count") == ["$count=maybe answered HTTP 422, not 400"]
    assert any("leads to an empty page" in t for t in run.messages("django", "request-data/pagination"))


def test_write_deviations_are_named(run: FinishedRun) -> None:
    created = run.messages("django", "create-update-delete/create-entity")
    assert any("answered 201 without the created entity" in t for t in created)
    assert any("/Locations answered HTTP 405" in t for t in created)
    history = run.messages("django", "create-update-delete/historical-location-auto-creation")
    assert any("HistoricalLocations hold none" in t for t in history)
    put = run.records[("django", "create-update-delete/update-entity-put")]["reason"]["text"]
    assert "does not support PUT (HTTP 405)" in put
    patched = run.messages("django", "create-update-delete/update-entity-jsonpatch")
    assert any("/description is" in t and "the patch set" in t for t in patched)


def test_the_suite_removes_what_it_wrote(run: FinishedRun, sensorthings_url: str) -> None:
    for entity_set, expected in SEED.items():
        with urllib.request.urlopen(f"{sensorthings_url}{entity_set}?$count=true&$top=1", timeout=60) as answer:
            assert json.loads(answer.read())["@iot.count"] == expected, entity_set
    names = [n for s in ("Sensors", "ObservedProperties", "FeaturesOfInterest") for n in _names(sensorthings_url, s)]
    assert names and not [n for n in names if n.startswith("wechselbar-probe-")]


def _names(root: str, entity_set: str) -> list[str]:
    with urllib.request.urlopen(f"{root}{entity_set}?$top=100", timeout=60) as answer:
        return [str(e.get("name")) for e in json.loads(answer.read())["value"]]


def test_sampling_cuts_are_stated(run: FinishedRun) -> None:
    notes = run.records[("django", "datamodel/observation/properties")]["notes"]
    assert any("max_entities" in n["text"] for n in notes)
