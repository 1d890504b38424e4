"""The SensorThings suite against its test double: conformant passes everything, each defect is caught.

One double serves a conformant tenant and one tenant per defect; the suite runs once over all of them through
the ``conformance run`` CLI. For every defect the exact set of failing requirements is asserted: the intended
one, plus only the consequences the same defect really has on other requirements (explained below).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.demo.sensorthings_server import DEFECTS, SensorThingsTestServer
from tests.suites.sensorthings_support import ALL, Run, run_suite

CAUGHT: dict[str, set[str]] = {
    "no-selflink": {"datamodel/entity-control-information/common-control-information"},
    "thing-no-description": {"datamodel/thing/properties"},
    "location-outside-range": {"datamodel/location/properties"},
    "historical-location-bad-time": {"datamodel/historical-location/properties"},
    "datastream-area-open": {"datamodel/datastream/properties"},
    "sensor-no-encoding-type": {"datamodel/sensor/properties"},
    "observed-property-no-definition": {"datamodel/observed-property/properties"},
    "observation-bad-time": {"datamodel/observation/properties"},
    "feature-not-geojson": {"datamodel/feature-of-interest/properties"},
    "thing-no-locations-link": {"datamodel/thing/relations"},
    "location-no-history-link": {"datamodel/location/relations"},
    "historical-location-no-locations-link": {"datamodel/historical-location/relations"},
    "datastream-no-sensor-link": {"datamodel/datastream/relations"},
    "sensor-no-datastreams-link": {"datamodel/sensor/relations"},
    "observed-property-no-datastreams-link": {"datamodel/observed-property/relations"},
    "observation-no-feature-link": {"datamodel/observation/relations"},
    "feature-no-observations-link": {"datamodel/feature-of-interest/relations"},
    # the link is wrong in one direction: seen from the Datastream and from the Thing, and against the expansion
    "datastream-wrong-thing": {"datamodel/datastream/relations", "datamodel/thing/relations", "request-data/expand"},
    "no-property-path": {"resource-path/resource-path-to-entities"},
    "top-ignored": {"request-data/top"},
    "skip-ignored": {"request-data/skip"},
    "count-wrong": {"request-data/count"},
    "orderby-ignored": {"request-data/orderby"},
    "select-ignored": {"request-data/select"},
    "expand-ignored": {"request-data/expand"},
    "filter-eq-ignored": {"request-data/filter"},
    "gt-as-ge": {"request-data/built-in-filter-operations"},
    "startswith-ignored": {"request-data/built-in-query-functions"},
    "next-duplicates": {"request-data/pagination"},
    "next-link-at-end": {"request-data/pagination"},
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    server = SensorThingsTestServer({"ok": frozenset(), **{d: frozenset({d}) for d in CAUGHT}}).start()
    try:
        yield run_suite({name: server.url(name) for name in server.views}, tmp_path_factory.mktemp("sta-double"))
    finally:
        server.stop()


def test_every_defect_has_an_expectation() -> None:
    assert set(CAUGHT) == set(DEFECTS)


def test_conformant_double_passes_the_whole_suite(run: Run) -> None:
    assert run.outcomes("ok") == dict.fromkeys(ALL, "pass"), run.stderr[-2000:]
    assert all(e["count"] > 0 for (v, _), r in run.records.items() if v == "ok" for e in r["examined"])


@pytest.mark.parametrize("defect", sorted(CAUGHT))
def test_each_defect_fails_exactly_its_requirements(run: Run, defect: str) -> None:
    assert run.failing(defect) == CAUGHT[defect]
    others = {s: o for s, o in run.outcomes(defect).items() if s not in CAUGHT[defect]}
    assert set(others.values()) == {"pass"}, others


def test_findings_say_what_is_wrong(run: Run) -> None:
    assert any(
        "RFC 7946" in text and "location" in text
        for text in run.messages("location-outside-range", "datamodel/location/properties")
    )
    assert any(
        "does not lead back" in text
        for text in run.messages("datastream-wrong-thing", "datamodel/datastream/relations")
    )
    assert any("twice" in text for text in run.messages("next-duplicates", "request-data/pagination"))
