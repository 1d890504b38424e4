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
"""

from __future__ import annotations

import pytest

from tests.suites.sensorthings_support import ALL, Run, run_suite

FAILS = {
    "request-data/orderby",
    "resource-path/resource-path-to-entities",
    "request-data/built-in-query-functions",
    "request-data/top",
    "request-data/count",
    "request-data/pagination",
}
NOT_APPLICABLE = {"datamodel/historical-location/properties", "datamodel/historical-location/relations"}


@pytest.fixture(scope="module")
def run(sensorthings_url: str, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_suite({"django": sensorthings_url}, tmp_path_factory.mktemp("sta-django"))


def test_every_outcome(run: Run) -> None:
    expected = {s: "fail" if s in FAILS else "not_applicable" if s in NOT_APPLICABLE else "pass" for s in ALL}
    assert run.outcomes("django") == expected, run.stderr[-2000:]


def test_the_deviations_are_named(run: Run) -> None:
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


def test_sampling_cuts_are_stated(run: Run) -> None:
    notes = run.records[("django", "datamodel/observation/properties")]["notes"]
    assert any("max_entities" in n["text"] for n in notes)
