"""The SensorThings suite against its test double: conformant passes everything, each defect is caught.

One double serves a conformant tenant and one tenant per defect; the suite runs once over all of them through
the ``conformance run`` CLI. For every defect the exact set of failing requirements is asserted: the intended
one, plus only the consequences the same defect really has on other requirements (explained below).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.demo.sensorthings_server import DEFECTS, SensorThingsTestServer
from conformance.demo.sensorthings_write import WRITE_DEFECTS
from tests.suites.ows_support import assert_every_check_can_fail
from tests.suites.sensorthings_support import ALL, LOOPBACK, PREFIX, WRITES, FinishedRun, run_suite

CUD = "create-update-delete/"
BATCH = "batch-request/batch-request"
ARRAY = "data-array/data-array"
# the conformant tenant and the MQTT tenants declare MQTT (a broker each; mqtt-unreachable: an endpoint that refuses)
MQTT_CREATE = "create-observations-via-mqtt/observations-creation"
MQTT_RECEIVE = "receive-updates-via-mqtt/receive-updates"
MQTT = {MQTT_CREATE, MQTT_RECEIVE}
MQTT_CLASSES = ("create-observations-via-mqtt", "receive-updates-via-mqtt")
ERRORS = {"mqtt-unreachable": MQTT, "mqtt-oversize": MQTT}
MQTT_DEFECTS = ("mqtt-unreachable", "mqtt-silent", "mqtt-ignores-select", "mqtt-no-create", "mqtt-oversize")
# the tenants that never deliver wait the option mqtt_wait in full: a short one keeps the run short
MQTT_WAITING = ("mqtt-silent", "mqtt-no-create")
QUICK = "options = { writes = true, mqtt_wait = 2.0 }\n"
WRITING = {*WRITE_DEFECTS, "batch-no-ids", "json-patch-ignored"}
# the tenants with a write defect claim only the writing classes: their read checks are not run
WRITES_ONLY = f'claims = ["{PREFIX}create-update-delete", "{PREFIX}batch-request"]\n{WRITES}'
MULTI = "multi-datastream/"
# the tenants with a MultiDatastream defect claim only that class; ``readonly`` claims only the writing classes
MULTI_DEFECTS = ("multi-datastream-no-sensor-link", "multi-datastream-no-types", "multi-datastream-result-short")
# the Data Array tenants claim only that class (the creation one with writes)
ARRAY_DEFECTS = ("data-array-count-wrong", "data-array-shifted", "create-observations-lost")
CLAIMED = {
    **dict.fromkeys(WRITING, (CUD, BATCH)),
    **dict.fromkeys(MULTI_DEFECTS, (MULTI,)),
    **dict.fromkeys(ARRAY_DEFECTS, (ARRAY,)),
    **dict.fromkeys(MQTT_DEFECTS, tuple(MQTT)),
}

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
    "multi-datastream-no-sensor-link": {"multi-datastream/relations"},
    "multi-datastream-no-types": {"multi-datastream/properties"},
    "multi-datastream-result-short": {"multi-datastream/constraints"},
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
    "post-no-location": {CUD + "create-entity", CUD + "deep-insert-status-code"},
    "post-no-body": {CUD + "create-entity"},
    "deep-insert-200": {CUD + "deep-insert-status-code"},
    # the inline Location is not related either, so the Thing gets no HistoricalLocation
    "deep-insert-unlinked": {CUD + "deep-insert", CUD + "historical-location-auto-creation"},
    "deep-insert-partial": {CUD + "deep-insert"},
    "link-ignored": {CUD + "link-to-existing-entities"},
    "patch-replaces": {CUD + "update-entity"},
    "patch-missing-ok": {CUD + "update-entity"},
    "put-merges": {CUD + "update-entity-put"},
    "delete-no-cascade": {CUD + "delete-entity"},
    "no-history": {CUD + "historical-location-auto-creation"},
    "batch-no-ids": {BATCH},
    "json-patch-ignored": {CUD + "update-entity-jsonpatch"},
    "data-array-count-wrong": {ARRAY},
    "data-array-shifted": {ARRAY},
    "create-observations-lost": {ARRAY},
    "mqtt-silent": {MQTT_RECEIVE},
    "mqtt-ignores-select": {MQTT_RECEIVE},
    "mqtt-no-create": {MQTT_CREATE},
}
# set-up steps a defect breaks: the checks that build on them are skipped, not judged
SKIPPED = {
    "post-no-location": {
        CUD + r
        for r in (
            "link-to-existing-entities",
            "deep-insert",
            "update-entity",
            "update-entity-put",
            "update-entity-jsonpatch",
            "delete-entity",
            "historical-location-auto-creation",
        )
    },
    "deep-insert-200": {CUD + r for r in ("deep-insert", "delete-entity", "historical-location-auto-creation")},
}
OLD_RUN = {"name": "wechselbar-probe-old-1", "description": "left", "properties": {"wechselbarRun": "killed"}}
NOT_OURS = {"name": "wechselbar-probe-lookalike", "description": "no run mark", "properties": {}}


@pytest.fixture(scope="module")
def double() -> Iterator[SensorThingsTestServer]:
    tenants = {"ok": frozenset(), "readonly": frozenset(), **{d: frozenset({d}) for d in CAUGHT | ERRORS.keys()}}
    server = SensorThingsTestServer(tenants, mqtt_tenants=frozenset({"ok"})).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def run(double: SensorThingsTestServer, tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    """One run over every tenant; ``writes = true`` for the conformant tenant and those with a write defect
    (which claim only the writing classes); the others read only, as ``readonly`` does (it and the MultiDatastream
    tenants claim only the classes their assertions are about, to keep the run short). The conformant tenant
    holds the leftovers of a killed run (and a look-alike without the run mark, which is not the suite's)."""
    view = double.views["ok"]
    links = {name: {k: [] for k in view.data[name][0]["_links"]} for name in ("Things", "Sensors")}
    view.data["Things"] += [{"@iot.id": 901, **OLD_RUN, "_links": links["Things"]}]
    sensor = {"encodingType": "text/html", "metadata": "-", "_links": links["Sensors"]}
    view.data["Sensors"] += [{"@iot.id": 902, **NOT_OURS, **sensor}]
    multi = f'claims = ["{PREFIX}multi-datastream"]\n'
    array = f'claims = ["{PREFIX}data-array"]\n'
    mqtt = f'claims = ["{PREFIX}{MQTT_CLASSES[0]}", "{PREFIX}{MQTT_CLASSES[1]}"]\n'
    options = {
        "ok": WRITES,
        "readonly": WRITES_ONLY.replace(WRITES, ""),
        **dict.fromkeys(WRITING, WRITES_ONLY),
        **dict.fromkeys(MULTI_DEFECTS, multi),
        **dict.fromkeys(ARRAY_DEFECTS, array),
        "create-observations-lost": array + WRITES,
        **dict.fromkeys(MQTT_DEFECTS, f"{mqtt}{WRITES}"),
        **dict.fromkeys(MQTT_WAITING, f"{mqtt}{QUICK}"),
    }
    return run_suite(
        {name: double.url(name) for name in double.views}, tmp_path_factory.mktemp("sta-double"), options, LOOPBACK
    )


def test_every_defect_has_an_expectation() -> None:
    assert set(CAUGHT) | ERRORS.keys() == set(DEFECTS)


def test_every_check_can_fail() -> None:
    assert_every_check_can_fail(CAUGHT, set(DEFECTS) - ERRORS.keys(), ALL)


def test_conformant_double_passes_the_whole_suite(run: FinishedRun) -> None:
    assert run.outcomes("ok") == dict.fromkeys(ALL, "pass"), run.stderr[-2000:]
    assert all(e["count"] > 0 for (v, _), r in run.records.items() if v == "ok" for e in r["examined"])


@pytest.mark.parametrize("defect", sorted(CAUGHT))
def test_each_defect_fails_exactly_its_requirements(run: FinishedRun, defect: str) -> None:
    assert run.failing(defect) == CAUGHT[defect]
    skipped = SKIPPED.get(defect, set())
    assert {s for s, o in run.outcomes(defect).items() if o == "skip"} == skipped
    others = {s: o for s, o in run.outcomes(defect).items() if s not in CAUGHT[defect] | skipped}
    judged = CLAIMED.get(defect)
    unjudged = {s for s in others if (not s.startswith(judged) if judged else s.startswith((CUD, BATCH)) or s in MQTT)}
    assert {s: o for s, o in others.items() if s in unjudged} == dict.fromkeys(unjudged, "not_applicable")
    assert {o for s, o in others.items() if s not in unjudged} <= {"pass"}, others


def test_without_the_opt_in_nothing_is_written(run: FinishedRun, double: SensorThingsTestServer) -> None:
    writes = {s for s in ALL if s.startswith((CUD, BATCH))}
    assert {s: o for s, o in run.outcomes("readonly").items() if s in writes} == dict.fromkeys(writes, "not_applicable")
    assert all("option writes" in run.records[("readonly", s)]["reason"]["text"] for s in writes)
    assert double.views["readonly"].last_id == 100


def test_the_suite_removes_what_it_wrote_and_a_killed_runs_leftovers(
    run: FinishedRun, double: SensorThingsTestServer
) -> None:
    fresh = SensorThingsTestServer({"x": frozenset()}).views["x"].data
    ok = double.views["ok"].data
    assert {k: len(v) for k, v in ok.items()} == {k: len(v) + (k == "Sensors") for k, v in fresh.items()}
    assert [s["name"] for s in ok["Sensors"] if s["@iot.id"] == 902] == [NOT_OURS["name"]]
    assert double.views["ok"].last_id > 120
    notes = [n["text"] for r in run.records.values() if r["vendor"] == "ok" for n in r.get("notes", [])]
    assert [n for n in notes if "interrupted run" in n and "Things(901)" in n and "Sensors(902)" not in n]


def test_findings_say_what_is_wrong(run: FinishedRun) -> None:
    assert any(
        "RFC 7946" in text and "location" in text
        for text in run.messages("location-outside-range", "datamodel/location/properties")
    )
    assert any(
        "does not lead back" in text
        for text in run.messages("datastream-wrong-thing", "datamodel/datastream/relations")
    )
    assert any("twice" in text for text in run.messages("next-duplicates", "request-data/pagination"))


def test_data_array_reads_always_and_creates_only_with_writes(run: FinishedRun) -> None:
    def notes(tenant: str) -> list[str]:
        return [n["text"] for n in run.records[(tenant, ARRAY)].get("notes", [])]

    assert any("CreateObservations not checked" in n and "writes = true" in n for n in notes("data-array-shifted"))
    assert not [n for n in notes("ok") if "CreateObservations" in n]
    assert any("is 4, but the dataArray has 3 rows" in t for t in run.messages("data-array-count-wrong", ARRAY))
    assert any("when read normally" in t for t in run.messages("data-array-shifted", ARRAY))
    assert any(
        "created by CreateObservations is not among" in t for t in run.messages("create-observations-lost", ARRAY)
    )
    patched = run.messages("json-patch-ignored", CUD + "update-entity-jsonpatch")
    assert any("/description is" in t and "changed by JSON PATCH" in t for t in patched)


def test_an_unreachable_mqtt_endpoint_is_an_error(run: FinishedRun) -> None:
    outcomes = run.outcomes("mqtt-unreachable")
    assert {s: outcomes[s] for s in MQTT} == dict.fromkeys(MQTT, "error")
    reasons = [run.records[("mqtt-unreachable", s)]["reason"]["text"] for s in MQTT]
    assert all("declared MQTT endpoint mqtt://127.0.0.1:" in r and "cannot be reached" in r for r in reasons), reasons


def test_an_oversized_mqtt_packet_is_an_error_not_read(run: FinishedRun) -> None:
    outcomes = run.outcomes("mqtt-oversize")
    assert {s: outcomes[s] for s in MQTT} == dict.fromkeys(MQTT, "error")
    reasons = [run.records[("mqtt-oversize", s)]["reason"]["text"] for s in MQTT]
    assert all("announced a packet of 268435455 bytes" in r and "mqtt_max_packet" in r for r in reasons), reasons


def test_mqtt_findings_name_the_topic(run: FinishedRun) -> None:
    selected = run.messages("mqtt-ignores-select", MQTT_RECEIVE)
    assert any("?$select=" in t and "not selected" in t for t in selected), selected
    assert len([t for t in run.messages("mqtt-silent", MQTT_RECEIVE) if "no Observation" in t]) == 2
    assert any("was not created" in t for t in run.messages("mqtt-no-create", MQTT_CREATE))
