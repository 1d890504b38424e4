"""The OGC API Features suite against its test double: conformant passes everything, each defect is caught.

One double serves a conformant tenant and one tenant per defect; the suite runs once over all of them
through the ``conformance run`` CLI, and the tests read its results file. For every defect the exact set of
failing requirements is asserted: the intended one, plus only the consequences that the same defect really
has on other requirements (each explained below).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.demo.features_server import DEFECTS, KARTOLIGHT_DEFECTS, FeaturesTestServer
from tests.suites.ows_support import assert_every_check_can_fail
from tests.suites.test_ogcapi_features_support import (
    ALL,
    FinishedRun,
    evidence_complete,
    run_cli,
    run_pytest,
    untranslated,
    vendors_file,
)
from tests.targets.servers import free_port

ITEMS_DOWN = {
    "req/core/fc-op",
    "req/core/fc-response",
    "req/core/fc-limit-definition",
    "req/core/fc-limit-response-1",
    "req/core/fc-bbox-definition",
    "req/core/fc-bbox-response",
    "req/core/fc-time-definition",
    "req/core/fc-time-response",
    "req/core/query-param-invalid",
    "req/core/http",
    "req/oas30/oas-impl",
}
CAUGHT: dict[str, set[str]] = {
    "wrong-items-media-type": {"req/geojson/definition"},
    "no-limit-validation": {"req/core/query-param-invalid"},
    "limit-ignored": {"req/core/fc-limit-response-1"},
    # bbox and datetime together then select features outside the box
    "bbox-ignored": {"req/core/fc-bbox-response", "req/core/fc-response"},
    "antimeridian-bbox-wrong": {"req/core/fc-bbox-response"},
    "invalid-bbox-accepted": {"req/core/query-param-invalid"},
    "datetime-ignored": {"req/core/fc-time-response"},
    "invalid-datetime-accepted": {"req/core/query-param-invalid"},
    "unknown-params-ignored": {"req/core/query-param-unknown"},
    "broken-paging-duplicates": {"rec/core/fc-next-2"},
    "paging-cycle": {"rec/core/fc-next-2"},
    "no-next-link": {"rec/core/fc-next-1"},
    "wrong-number-matched": {"req/core/fc-numberMatched"},
    "wrong-number-returned": {"req/core/fc-numberReturned"},
    "wrong-timestamp": {"req/core/fc-timeStamp"},
    # nothing but the landing page is judged without one: every other check ends as an error
    "landing-404": {"req/core/root-op"},
    "missing-conformance-link": {"req/core/root-success"},
    # the conformance declaration as HTML is missing too, and /conformance is a documented operation
    "no-conformance": {
        "req/core/conformance-op",
        "req/core/conformance-success",
        "req/html/definition",
        "req/oas30/oas-impl",
    },
    "no-api-definition": {"req/core/root-success", "req/oas30/oas-definition-1"},
    "openapi-invalid": {"req/oas30/oas-definition-2"},
    # the undeclared error codes are used for error situations too
    "openapi-missing-status": {"req/oas30/completeness", "req/oas30/exceptions-codes"},
    "missing-self-links": {"req/core/fc-md-links", "req/core/fc-links", "req/core/f-links"},
    # without a type no alternate link can be recognised as HTML, and service-desc has no OpenAPI type
    "links-without-type": {
        "req/core/fc-md-links",
        "req/core/fc-md-items-links",
        "req/core/fc-links",
        "req/core/fc-rel-type",
        "req/core/f-links",
        "req/oas30/oas-definition-1",
    },
    # the 400 for an unknown feature is not declared for the feature operation
    "no-404": {"req/core/http", "req/oas30/completeness", "req/oas30/exceptions-codes"},
    "extent-too-small": {"req/core/fc-md-extent"},
    "collection-mismatch": {"req/core/sfc-md-success"},
    "invalid-geojson": {"req/geojson/content"},
    # latitude-first coordinates leave CRS84, the extent and every bbox answer (alone or with datetime)
    "axis-order-swapped": {
        "req/core/crs84",
        "req/core/fc-md-extent",
        "req/core/fc-bbox-response",
        "req/core/fc-response",
    },
    "no-html": set(),
    "html-missing-links": {"req/html/content"},
    "500-on-items": ITEMS_DOWN,
    "no-head": {"rec/core/head"},
    "no-etag": {"rec/core/etag"},
    "etag-ignored": {"req/core/http"},
    "exception-body-invalid": {"req/oas30/exceptions-codes"},
    "openapi-unserved-path": {"req/oas30/oas-impl"},
    "security-not-enforced": {"req/oas30/security"},
    "bbox-six-rejected": {"req/core/fc-bbox-definition"},
    "bbox-drops-unlocated": {"req/core/fc-bbox-response"},
    # the response check sends the empty-string open ends too
    "datetime-empty-bound-rejected": {"req/core/fc-time-definition", "req/core/fc-time-response"},
    "limit-default-ignored": {"req/core/fc-limit-response-1"},
    "filters-combined-or": {"req/core/fc-response"},
    # an unknown feature gets the 500 too, the documented feature operation fails, and so does its HTML
    "feature-500": {
        "req/core/f-op",
        "req/core/f-success",
        "req/core/http",
        "req/oas30/oas-impl",
        "req/html/definition",
    },
    "feature-wrong-id": {"req/core/f-success"},
    # the OpenAPI requirement names the media type of the definition too
    "api-definition-media-type": {"req/core/api-definition-success", "req/oas30/oas-definition-1"},
    "api-definition-link-broken": {"req/core/api-definition-op", "req/core/api-definition-success"},
    "collections-duplicate-id": {"req/core/fc-md-items"},
    # the collection's path is a documented operation
    "collection-404": {"req/core/sfc-md-op", "req/core/sfc-md-success", "req/oas30/oas-impl"},
    "next-pages-oversized": {"rec/core/fc-next-3"},
    "collections-500": {"req/core/fc-md-op", "req/core/fc-md-success"},
    # the JSON encoding's content check validates the collections document too
    "collections-without-links": {"req/core/fc-md-success", "req/core/fc-md-links", "req/geojson/content"},
}
EVIDENCE = {  # defect → (requirement, a phrase of one violation message)
    "no-head": ("rec/core/head", "HEAD is not supported (HTTP 405)"),
    "etag-ignored": ("req/core/http", "(the current entity-tag) was answered with 200"),
    "exception-body-invalid": ("req/oas30/exceptions-codes", "'code' is a required property"),
    "openapi-unserved-path": ("req/oas30/oas-impl", "GET /collections/strassenbaeume/items answered 404"),
    "security-not-enforced": ("req/oas30/security", "documented as requiring apiKey, but was served without"),
    "bbox-six-rejected": ("req/core/fc-bbox-definition", "bbox=-180,-90,-10000,180,90,10000 on haltestellen"),
    "bbox-drops-unlocated": ("req/core/fc-bbox-response", "(Gesamtstadt (ohne Geometrie)) has no geometry"),
    "datetime-empty-bound-rejected": ("req/core/fc-time-definition", "datetime=/2026-"),
    "limit-default-ignored": ("req/core/fc-limit-response-1", "no limit (the declared default or maximum applies)"),
    "filters-combined-or": ("req/core/fc-response", "a request combining bbox and datetime (both must match)"),
    "feature-wrong-id": ("req/core/f-success", "asked for feature h001, got id 'row-h001'"),
    "api-definition-link-broken": ("req/core/api-definition-op", "GET service-desc link: expected HTTP 200, got 404"),
    "collections-duplicate-id": ("req/core/fc-md-items", "collection id 'haltestellen' is listed twice"),
    "collection-404": ("req/core/sfc-md-op", "GET /collections/baustellen: expected HTTP 200, got 404"),
    "next-pages-oversized": ("rec/core/fc-next-3", "page 2 of haltestellen has 20 features, more than limit=10"),
    "collections-500": ("req/core/fc-md-op", "GET /collections: expected HTTP 200, got 500"),
    "landing-404": ("req/core/root-op", "GET /: expected HTTP 200, got 404"),
    "collections-without-links": ("req/core/fc-md-success", "'links' is a required property"),
}
ERRORS_ONLY = {"slow", "drop-connection"}
# former passes that examined nothing: without next links no page is reached through one
UNEXAMINED = {"no-next-link": {"rec/core/fc-next-2", "rec/core/fc-next-3"}}
# requirements no defect of the double fails, with the reason
WITHOUT_NEGATIVE_CONTROL: dict[str, str] = {}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FinishedRun]:
    folder = tmp_path_factory.mktemp("features-double")
    server = FeaturesTestServer({"ok": frozenset(), **{d: frozenset({d}) for d in CAUGHT}}).start()
    try:
        targets = {name: server.url(name) for name in server.views}
        vendors = vendors_file(folder / "vendors.toml", {**targets, "gone": f"http://127.0.0.1:{free_port()}/gone"})
        yield run_cli(vendors, folder / "out")
    finally:
        server.stop()


def test_every_defect_has_an_expectation() -> None:
    assert set(CAUGHT) | ERRORS_ONLY == set(DEFECTS)
    assert set(KARTOLIGHT_DEFECTS) <= set(DEFECTS)


def test_every_check_can_fail() -> None:
    assert_every_check_can_fail(CAUGHT, set(DEFECTS) - ERRORS_ONLY, ALL, WITHOUT_NEGATIVE_CONTROL)


def test_conformant_double_passes_the_whole_suite(run: FinishedRun) -> None:
    assert run.outcomes("ok") == dict.fromkeys(ALL, "pass"), run.stderr[-2000:]
    assert all(e["count"] > 0 for r in run.records.values() if r["vendor"] == "ok" for e in r["examined"])


@pytest.mark.parametrize("defect", sorted(UNEXAMINED))
def test_a_check_with_nothing_to_judge_is_not_applicable_naming_what_it_looked_for(
    run: FinishedRun, defect: str
) -> None:
    for short in UNEXAMINED[defect]:
        record = run.records[(defect, short)]
        assert record["outcome"] == "not_applicable", record
        assert record["reason"]["text"] == "nothing examined: looked for pages reached through next links"
        assert record["examined"][0]["count"] == 0


@pytest.mark.parametrize("defect", sorted(CAUGHT))
def test_defect_is_caught_under_its_requirements(run: FinishedRun, defect: str) -> None:
    assert run.failing(defect) == CAUGHT[defect]
    for requirement in CAUGHT[defect]:
        assert evidence_complete(run.records[(defect, requirement)]), run.records[(defect, requirement)]


@pytest.mark.parametrize("defect", sorted(EVIDENCE))
def test_new_checks_name_the_deviation(run: FinishedRun, defect: str) -> None:
    short, phrase = EVIDENCE[defect]
    messages = [v["text"] for v in run.records[(defect, short)]["findings"]]
    assert any(phrase in m for m in messages), messages


def test_conformant_double_is_judged_on_http_and_security(run: FinishedRun) -> None:
    # entity-tags sent: conditional GET exercised
    notes = [n["text"] for n in run.records[("ok", "req/core/http")]["notes"]]
    assert notes == ["the API is served over plain HTTP: the HTTPS part of the requirement does not apply"]
    assert run.outcome("ok", "req/oas30/security") == "pass"  # an optional API key is declared


def test_no_html_makes_the_html_class_not_applicable(run: FinishedRun) -> None:
    outcomes = run.outcomes("no-html")
    assert outcomes["req/html/definition"] == outcomes["req/html/content"] == "not_applicable"
    assert all(o == "pass" for short, o in outcomes.items() if not short.startswith("req/html/"))


def test_items_down_leaves_dependent_checks_unjudged(run: FinishedRun) -> None:
    outcomes = run.outcomes("500-on-items")
    assert {s for s, o in outcomes.items() if o == "skip"} >= {
        "req/core/fc-links",
        "rec/core/fc-next-2",
        "req/core/f-op",
        "req/geojson/content",
    }
    assert "pass" not in {outcomes[s] for s in ("req/core/fc-rel-type", "req/core/crs84", "req/core/fc-md-extent")}


def test_a_landing_page_that_answers_404_fails_root_op_and_leaves_the_rest_unjudged(run: FinishedRun) -> None:
    """The server answered, so root-op has a verdict; nothing else can be judged: one error reason for the rest."""
    records = {short: r for (vendor, short), r in run.records.items() if vendor == "landing-404"}
    assert records.pop("req/core/root-op")["outcome"] == "fail"
    assert len(records) == len(ALL) - 1 and {r["outcome"] for r in records.values()} == {"error"}
    [reason] = {r["reason"]["text"] for r in records.values()}
    assert reason.startswith("TargetUnreachable: the landing page http://") and "answered HTTP 404" in reason


def test_an_unreachable_target_ends_every_check_with_one_reason(run: FinishedRun) -> None:
    """No answer at all: no fail, no pass, one error reason for every check, root-op included."""
    records = [r for (vendor, _), r in run.records.items() if vendor == "gone"]
    assert len(records) == len(ALL) and {r["outcome"] for r in records} == {"error"}
    [reason] = {r["reason"]["text"] for r in records}
    assert reason.startswith("TargetUnreachable:"), reason


def test_exit_code_reports_failures(run: FinishedRun) -> None:
    assert run.code == 1


@pytest.mark.parametrize("defect", sorted(ERRORS_ONLY))
def test_slow_and_dropping_vendors_give_errors_not_fails(tmp_path_factory: pytest.TempPathFactory, defect: str) -> None:
    folder = tmp_path_factory.mktemp(defect)
    server = FeaturesTestServer({defect: frozenset({defect})}, latency=1.5).start()
    try:
        vendors = vendors_file(
            folder / "vendors.toml",
            {defect: server.url(defect)},
            http="read_timeout = 1\ntest_deadline = 2\nretries = 0",
        )
        found = run_pytest(vendors, folder / "results.jsonl", "-k", "core-root-op or core-fc-md-op")
    finally:
        server.stop()
    assert {r["outcome"] for r in found.records.values()} == {"error"}, found.stderr[-2000:]
    assert len(found.records) == 2


def test_declared_classes_the_vendors_file_does_not_claim_are_noted(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("unclaimed")
    server = FeaturesTestServer({"ok": frozenset()}).start()
    try:
        vendors = vendors_file(folder / "vendors.toml", {"ok": server.url("ok")}, options='claims = ["core"]')
        found = run_pytest(vendors, folder / "results.jsonl", "-k", "conformance-success or html-content")
    finally:
        server.stop()
    success = found.records[("ok", "req/core/conformance-success")]
    assert success["outcome"] == "pass", found.stderr[-2000:]
    [note] = [n["text"] for n in success["notes"] if n["text"].startswith("declared by the API but not claimed")]
    assert "/conf/html" in note and "/conf/geojson" in note and "/conf/core" not in note
    assert found.records[("ok", "req/html/content")]["outcome"] == "not_applicable"


def test_every_finding_reads_in_german_in_german_reports(run: FinishedRun) -> None:
    """Each finding the defects provoke renders in German from the suite's catalogue (schema findings carry
    jsonschema's own words as their parameter)."""
    found = {v["text"] for r in run.records.values() for v in r["findings"] if v["kind"] != "schema"}
    assert len(found) > 100
    assert untranslated(run.records.values()) == []


def test_checks_that_cannot_read_the_api_definition_say_what_went_unchecked(run: FinishedRun) -> None:
    """A check that passes on what it could judge names the part it could not (never a silent partial pass)."""
    notes = {
        short: " ".join(n["text"] for n in record["notes"])
        for (vendor, short), record in run.records.items()
        if vendor == "no-api-definition"
    }
    for short, what in (
        ("req/core/fc-bbox-definition", "the declaration of bbox was not checked"),
        ("req/core/fc-limit-definition", "the declaration of limit was not checked"),
        ("req/core/fc-time-definition", "the declaration of datetime was not checked"),
        ("req/core/fc-limit-response-1", "a declared default or maximum of limit"),
        ("req/core/query-param-unknown", "was taken as undeclared"),
    ):
        assert run.outcome("no-api-definition", short) == "pass" and what in notes[short], (short, notes[short])
    notes_cycle = run.records[("paging-cycle", "req/core/fc-bbox-response")]["notes"]
    assert "could not be walked to the end" in " ".join(n["text"] for n in notes_cycle)
