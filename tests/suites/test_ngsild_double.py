"""The NGSI-LD suite against the reference broker double: the conformant tenant passes, each defect is caught.

One double serves a conformant tenant, a read-only tenant and one tenant per defect; the suite runs once over
all of them through the ``conformance run`` CLI. For every defect the exact set of failing requirements is
asserted: the intended one, plus only the consequences the same defect really has on other requirements.
Tenants whose defect breaks a write requirement run with ``writes = true``; the others read only (their write
checks are not applicable), which keeps the run short.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from conformance.demo.ngsild.defects import DEFECTS
from conformance.demo.ngsild.server import NgsiLdTestServer
from conformance.suites.ngsild.catalogue import STANDARD, WRITE
from conformance.suites.ngsild.contexts import CORE_URL
from conformance.suites.ngsild.writes import PREFIX, probe
from tests.suites.ngsild_support import ALL, FinishedRun, record, run_suite, short
from tests.suites.ows_support import assert_every_check_can_fail

WRITES = {short(r.uri) for r in STANDARD.requirements if r.cls == WRITE}
TEMPORAL = "5.7.4/temporal-query"
LEFTOVER = PREFIX + "killed-run"
LD = {"Content-Type": "application/ld+json"}
NEEDS_USER_CONTEXT = {"4.9/q", "4.9/q-or", "4.10/geoproperty", "6.3.5/compaction", "5.7.5/types"}

CAUGHT: dict[str, set[str]] = {
    "create-no-location": {"5.6.1/create"},
    "create-200": {"5.6.1/create"},
    # the second creation of the batch succeeds as a replacement, so the batch reports no error either
    "create-duplicate-overwrites": {"5.6.1/already-exists", "5.6.7/batch-partial"},
    "non-uri-id-accepted": {"5.6.1/non-uri-id"},
    "content-type-ignored": {"6.3.4/content-type"},
    "missing-entity-500": {"5.7.1/not-found"},
    # every provoked error is an HTML page: each check of an error response sees it
    "problem-details-html": {"5.7.1/not-found", "5.2.4/bad-id", "5.5.2/problem-details", "6.3.5/context-unavailable"},
    # BadRequestData is right for the non-URI id; the other two provoked errors get the wrong type
    "wrong-error-type": {"5.7.1/not-found", "6.3.5/context-unavailable"},
    "retrieve-attrs-ignored": {"5.7.1/retrieve-attrs"},
    "retrieve-without-type": {"5.7.1/retrieve"},
    "keyvalues-ignored": {"6.3.7/key-values"},
    "sysattrs-ignored": {"6.3.11/sys-attrs"},
    "type-filter-ignored": {"5.7.2/query-type"},
    # every entity comes back, so both q checks see entities that do not satisfy their expression
    "q-ignored": {"4.9/q", "4.9/q-or"},
    "q-or-as-and": {"4.9/q-or"},
    "q-numbers-as-text": {"4.9/q", "4.9/q-or"},
    "idpattern-ignored": {"5.7.2/query-id-pattern"},
    "query-attrs-ignored": {"5.7.2/query-attrs"},
    "near-in-kilometres": {"4.10/near"},
    "within-ignored": {"4.10/within"},
    "geoproperty-ignored": {"4.10/geoproperty"},
    "limit-ignored": {"6.3.10/paging"},
    "offset-ignored": {"6.3.10/paging"},
    "count-wrong": {"6.3.13/count"},
    "count-missing": {"6.3.13/count"},
    "json-without-link": {"6.3.6/json-link"},
    "jsonld-without-context": {"6.3.6/ld-context"},
    "accept-ignored": {"6.3.6/ld-context"},
    "link-context-ignored": {"6.3.5/link-context"},
    "body-context-ignored": {"6.3.5/body-context"},
    # the entities' attribute names come as IRIs, which /attributes (compacted right) does not list
    "compaction-core-only": {"6.3.5/compaction", "5.7.8/attributes"},
    "mixed-context-accepted": {"6.3.5/mixed-context"},
    "ld-without-context-accepted": {"6.3.5/ld-needs-context"},
    "unavailable-context-ignored": {"6.3.5/context-unavailable"},
    "update-appends": {"5.6.2/update"},
    "no-overwrite-ignored": {"5.6.3/no-overwrite"},
    "partial-update-replaces": {"5.6.4/partial-update"},
    "delete-missing-attr-204": {"5.6.5/delete-attribute"},
    "delete-keeps-entity": {"5.6.6/delete"},
    "modifiedat-frozen": {"4.8/modified-at"},
    "observedat-dropped": {"5.2.5/observed-at"},
    "datasetid-merged": {"4.5.5/dataset-id"},
    "relationship-as-property": {"4.5.3/relationship"},
    "batch-partial-success": {"5.6.7/batch-partial"},
    "batch-create-200": {"5.6.7/batch-create"},
    "types-full-iris": {"5.7.5/types"},
    "attributes-without-relationships": {"5.7.8/attributes"},
}

WRITE_DEFECTS = {d for d, failing in CAUGHT.items() if failing <= WRITES}


@pytest.fixture(scope="module")
def double() -> Iterator[NgsiLdTestServer]:
    tenants = {"ok": frozenset(), "readonly": frozenset(), **{d: frozenset({d}) for d in CAUGHT}}
    server = NgsiLdTestServer(tenants).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def run(double: NgsiLdTestServer, tmp_path_factory: pytest.TempPathFactory) -> FinishedRun:
    leftover = {**probe(LEFTOVER), "@context": CORE_URL}
    created = requests.post(f"{double.url('ok')}/ngsi-ld/v1/entities", json=leftover, timeout=30, headers=LD)
    assert created.status_code == 201
    context = f'user_context = "{double.context_url}"'
    targets = {name: (double.url(name), f"{context}, writes = true") for name in ("ok", *WRITE_DEFECTS)}
    targets |= {name: (double.url(name), context) for name in set(CAUGHT) - WRITE_DEFECTS}
    targets["readonly"] = (double.url("readonly"), "")
    targets["cut"] = (double.url("readonly"), f"{context}, max_population = 5")
    targets["temporal"] = (double.url("readonly"), "temporal = true")
    targets["nobroker"] = (double.url("nobody"), "")
    targets["badcontext"] = (double.url("readonly"), f'user_context = "{double.origin}/contexts/none/x.jsonld"')
    return run_suite(targets, tmp_path_factory.mktemp("ngsild-double"))


def test_every_defect_has_an_expectation() -> None:
    assert set(CAUGHT) == set(DEFECTS)


def test_every_check_can_fail() -> None:
    """The defects, and the tenant that declares a temporal API the double lacks (asserted below), fail every
    requirement."""
    assert_every_check_can_fail({**CAUGHT, "temporal": {TEMPORAL}}, {*DEFECTS, "temporal"}, ALL)


def test_conformant_double_passes_every_check_it_offers(run: FinishedRun) -> None:
    assert run.outcomes("ok") == {**dict.fromkeys(ALL, "pass"), TEMPORAL: "not_applicable"}, run.stderr[-2000:]
    assert all(e["count"] > 0 for (v, _), r in run.records.items() if v == "ok" for e in r["examined"])


@pytest.mark.parametrize("defect", sorted(CAUGHT))
def test_each_defect_fails_exactly_its_requirements(run: FinishedRun, defect: str) -> None:
    assert run.failing(defect) == CAUGHT[defect]
    others = {s: o for s, o in run.outcomes(defect).items() if s not in CAUGHT[defect] and s != TEMPORAL}
    assert set(others.values()) <= {"pass", "not_applicable"}, others


def test_compaction_defect_leaves_short_name_checks_nothing_to_judge(run: FinishedRun) -> None:
    outcomes = run.outcomes("compaction-core-only")
    assert {outcomes[s] for s in ("4.9/q", "4.9/q-or", "4.10/geoproperty")} == {"not_applicable"}


def test_without_opt_in_nothing_is_written_and_read_checks_run(run: FinishedRun) -> None:
    outcomes = run.outcomes("readonly")
    assert {outcomes[s] for s in WRITES} == {"not_applicable"}
    assert all("option writes" in record(run, "readonly", s)["reason"]["text"] for s in WRITES)
    read = ALL - WRITES - NEEDS_USER_CONTEXT - {TEMPORAL}
    assert {outcomes[s] for s in read} == {"pass"}


def test_without_user_context_short_name_checks_say_what_they_looked_for(run: FinishedRun) -> None:
    reasons = {s: record(run, "readonly", s)["reason"]["text"] for s in NEEDS_USER_CONTEXT}
    assert all("user_context" in text for text in reasons.values()), reasons
    assert {run.outcomes("readonly")[s] for s in NEEDS_USER_CONTEXT} == {"not_applicable"}


def test_suite_entities_are_removed_also_those_of_a_killed_run(double: NgsiLdTestServer, run: FinishedRun) -> None:
    left = [i for i in double.views["ok"].broker.entities if "WechselbarProbe" in i]
    assert run.outcomes("ok")["5.6.1/create"] == "pass"
    assert left == []
    notes = [n["text"] for (v, _), r in run.records.items() if v == "ok" for n in r["notes"]]
    assert [n for n in notes if "left by an earlier run" in n] == [
        f"removed entities of the suite left by an earlier run: {LEFTOVER}"
    ]


def test_every_result_states_the_declared_version(run: FinishedRun) -> None:
    notes = [n["text"] for n in record(run, "ok", "5.7.1/retrieve")["notes"]]
    assert any("declares API version 1.6.1" in n and "V1.6.1" in n for n in notes), notes


def test_findings_name_the_query_and_entity(run: FinishedRun) -> None:
    texts = [f["text"] for f in record(run, "q-numbers-as-text", "4.9/q")["findings"]]
    assert texts and all(t.startswith("q=") and "does not satisfy it" in t for t in texts)


@pytest.mark.parametrize(("vendor", "said"), [("nobroker", "EntityTypeList"), ("badcontext", "user_context")])
def test_a_target_without_anything_to_judge_ends_every_check_with_the_reason(
    run: FinishedRun, vendor: str, said: str
) -> None:
    assert set(run.outcomes(vendor).values()) == {"error"}
    assert all(said in r["reason"]["text"] for (v, _), r in run.records.items() if v == vendor)


def test_a_cut_population_is_said_and_judges_only_what_came(run: FinishedRun) -> None:
    outcomes = run.outcomes("cut")
    assert "fail" not in outcomes.values() and outcomes["4.9/q"] == "pass"
    notes = [n["text"] for n in record(run, "cut", "4.9/q")["notes"]]
    assert any("read 5 entities of type OffStreetParking, not all (option max_population)" in n for n in notes), notes


def test_the_temporal_api_is_judged_only_where_declared(run: FinishedRun) -> None:
    assert run.outcomes("ok")[TEMPORAL] == "not_applicable"
    assert run.failing("temporal") == {TEMPORAL}
    texts = [f["text"] for f in record(run, "temporal", TEMPORAL)["findings"]]
    assert texts and all("answered HTTP 422" in t for t in texts), texts
