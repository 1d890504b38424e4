"""Every suite that speaks HTTP, run by the CLI against the modes of the hostile server (server.py).

OGC API Features, OpenAPI and OParl meet every mode, in four groups; the services (WMS 1.3.0, WFS 2.0,
SensorThings 1.1, OGC API Records) meet a few modes of each kind (stuck, refused, broken, answering), in two more
groups. Each group is one ``conformance run`` (computed once per session, also under xdist),
with small deadlines (connect 1 s, read 2 s, test_deadline 4 s, max_timeouts 2). For every mode: the run ends,
with no traceback and no harness fault; nothing passes where no real answer was given; a stuck target costs
at most ``max_timeouts`` requests that time out; no form of the vendors' secrets reaches any file the run wrote;
memory stays bounded. The wall-clock bound is only a safety net (checks × deadline), not a timing claim.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conformance.reporting.verdict import EXIT_ERROR, EXIT_FAIL
from tests.hostile.runs import SETTINGS, leaks, run_cli, secret_forms, vendor
from tests.hostile.server import CORE, MODES, SERVICES, serve, standard
from tests.suites.test_oparl_support import shared

MODE_GROUPS = {
    "stuck": ("drip-body", "drip-headers", "silent"),
    "refused": ("redirect-loop", "redirect-foreign", "endless-body", "gzip-bomb", "deflate-bomb", "429-storm"),
    "broken": ("truncated-json", "deep-json", "big-number"),
    "answering": ("flaky-503", "pagination-cycle", "pagination-endless", "header-echo"),
}
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    **{name: (modes, CORE) for name, modes in MODE_GROUPS.items()},
    "services-unanswered": (("silent", "drip-headers", "redirect-foreign", "gzip-bomb", "429-storm"), SERVICES),
    "services-answering": (("truncated-json", "header-echo"), SERVICES),
}
STUCK = frozenset(MODE_GROUPS["stuck"])
OPTIONS = {
    "ogc": {"max_collections": 1, "max_features": 1, "max_pages": 6, "page_limit": 20},
    "openapi": {"max_operations": 2, "positive_cases": 1, "negative_cases": 1, "max_requests": 20},
    "oparl": {"crawl_deadline": 6, "max_bodies": 1, "max_pages": 6, "concurrency": 2},
    "wms": {"max_layers": 1, "max_crs": 1, "max_formats": 1, "max_styles": 1, "max_links": 1, "image_size": 32},
    "wfs": {"max_types": 1, "page_size": 5, "max_pages": 2},
    "sta": {"max_entities": 1, "max_links": 1, "page_size": 2, "max_pages": 3},
    "rec": {"max_collections": 1, "max_features": 1, "max_pages": 3, "page_limit": 3},
}
USER, PASSWORD, TOKEN = "stadt", "Geheim/P@ss+w0rt=42", "tok/Hostile+7f3a=9c"
AUTH = (
    {"type": "basic", "username": USER, "password": "${HOSTILE_PASSWORD}"},
    {"type": "bearer", "token": "${HOSTILE_TOKEN}"},
)
CEILING_KB = 512 * 1024  # openapi-3's case generation alone peaks near 320 MiB
RUNS: dict[str, dict[str, Any]] = {}


def test_every_mode_is_in_one_group_and_every_service_meets_each_kind() -> None:
    assert sorted(m for group in MODE_GROUPS.values() for m in group) == sorted(MODES)
    service_modes = {m for modes, suites in GROUPS.values() if suites == SERVICES for m in modes}
    assert all(service_modes & set(modes) for modes in MODE_GROUPS.values())


def _vendors(base_url: Callable[[str, str], str], modes: tuple[str, ...], suites: tuple[str, ...]) -> str:
    """One vendor per mode and suite, Basic auth and bearer tokens alternating (each mode has both)."""
    return "".join(
        vendor(
            f"{mode}-{suite}",
            standard(suite),
            base_url(mode, suite),
            SETTINGS,
            AUTH[(number + index) % 2],
            OPTIONS[suite],
        )
        for number, mode in enumerate(modes)
        for index, suite in enumerate(suites)
    )


def _run_group(group: str, folder: Path) -> dict[str, Any]:
    with serve() as server:
        started = time.monotonic()
        done = run_cli(
            folder,
            _vendors(server.url, *GROUPS[group]),
            {"HOSTILE_PASSWORD": PASSWORD, "HOSTILE_TOKEN": TOKEN},
            "--workers",
            "2",
        )
        wall = time.monotonic() - started
        requests = dict(server.httpd.requests)
    return {
        "code": done.code,
        "output": done.output[-3000:],
        "complete": done.run.complete,
        "wall": wall,
        "peak_kb": done.peak_kb,
        "requests": requests,
        "leaks": leaks(done.files, secret_forms(USER, PASSWORD, TOKEN), folder),
        "records": [
            {
                "vendor": r.vendor,
                "requirement": r.requirement,
                "outcome": r.outcome.value,
                "reason": r.reason_text,
                "notes": [n.text for n in r.notes],
                "statuses": [e.status for e in r.exchanges],
            }
            for r in done.run.results
        ],
    }


@pytest.fixture(params=sorted(GROUPS))
def group(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    name = str(request.param)
    if name not in RUNS:
        RUNS[name] = shared(tmp_path_factory.getbasetemp(), f"hostile-{name}", lambda folder: _run_group(name, folder))
    return name, RUNS[name]


def _by_vendor(run: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for record in run["records"]:
        found.setdefault(record["vendor"], []).append(record)
    return found


def _mode(vendor_id: str) -> str:
    return next(m for m in sorted(MODES, key=len, reverse=True) if vendor_id.startswith(m + "-"))


def test_the_run_ends_complete_without_traceback_or_harness_fault(group: tuple[str, dict[str, Any]]) -> None:
    name, run = group
    assert run["code"] in (EXIT_FAIL, EXIT_ERROR) and run["complete"], run["output"]
    assert "Traceback" not in run["output"]
    faults = [(r["vendor"], r["requirement"], r["reason"]) for r in run["records"] if "harness fault" in r["reason"]]
    assert faults == []
    modes, suites = GROUPS[name]
    wanted = {f"{m}-{s}" for m in modes for s in suites}
    assert wanted <= set(_by_vendor(run))


def test_nothing_passes_without_a_real_answer(group: tuple[str, dict[str, Any]]) -> None:
    """Where the server never gives a complete answer, every check is an error; elsewhere a pass needs a 2xx."""
    _, run = group
    for vendor_id, records in _by_vendor(run).items():
        outcomes = {r["outcome"] for r in records}
        if not MODES[_mode(vendor_id)].answers:
            assert outcomes == {"error"}, (vendor_id, outcomes)
        elif "pass" in outcomes:
            statuses = {s for r in records for s in r["statuses"] if isinstance(s, int)}
            assert any(200 <= s < 300 for s in statuses), (vendor_id, statuses)


def test_every_service_notices_a_spoilt_answer(group: tuple[str, dict[str, Any]]) -> None:
    """A service target whose answers are spoilt ends at least one check as an error or a fail, never all passes
    (echoed headers spoil nothing a standard forbids: that mode is about secrets)."""
    name, run = group
    if GROUPS[name][1] != SERVICES:
        pytest.skip("the services groups")
    for vendor_id, records in _by_vendor(run).items():
        if _mode(vendor_id) != "header-echo":
            assert {r["outcome"] for r in records} & {"error", "fail"}, vendor_id


def test_a_stuck_target_costs_at_most_max_timeouts_timed_out_requests(group: tuple[str, dict[str, Any]]) -> None:
    """Behaviour: the server counts the requests of a stuck target. Time: a generous safety net only (checks ×
    deadline, for stuck targets max_timeouts × deadline plus half a second per check)."""
    name, run = group
    modes, suites = GROUPS[name]
    per_timeout, deadline = SETTINGS["retries"] + 1, SETTINGS["test_deadline"]
    for mode in set(modes) & STUCK:
        for suite in suites:
            assert run["requests"].get(f"{mode}/{suite}", 0) <= SETTINGS["max_timeouts"] * per_timeout, (mode, suite)
    crawls = len(modes) * OPTIONS["oparl"]["crawl_deadline"]
    checks = len(run["records"])
    per_target = SETTINGS["max_timeouts"] * deadline * len(modes) * len(suites) + checks * 0.5
    assert run["wall"] < 120 + crawls + (per_target if set(modes) <= STUCK else checks * deadline)


def test_pagination_that_never_ends_is_cut_and_reported(group: tuple[str, dict[str, Any]]) -> None:
    """A cycle fails the paging requirement; endless pages are cut by max_pages, and the cut is stated."""
    name, run = group
    if name != "answering":
        pytest.skip("only the answering group pages")
    found = {(r["vendor"], r["requirement"].rsplit("/", 1)[-1]): r for r in run["records"]}
    assert found[("pagination-cycle-ogc", "fc-next-2")]["outcome"] == "fail"
    assert found[("pagination-cycle-oparl", "terminates")]["outcome"] == "fail"
    assert found[("pagination-endless-ogc", "fc-next-2")]["outcome"] == "fail"
    endless = found[("pagination-endless-oparl", "terminates")]
    assert endless["outcome"] == "fail" or any("sampling cut: walked" in n for n in endless["notes"]), endless


def test_peak_memory_is_bounded(group: tuple[str, dict[str, Any]]) -> None:
    """A sanity ceiling for every mode; the 2 × max_response_bytes bound is held in test_memory."""
    _, run = group
    assert run["peak_kb"] < CEILING_KB + 2 * SETTINGS["max_response_bytes"] // 1024


def test_no_form_of_a_secret_reaches_any_file(group: tuple[str, dict[str, Any]]) -> None:
    _, run = group
    assert run["leaks"] == []
