"""The CLI end to end against fake vendors (the features test double): exit codes, results, reports, secrets."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from lxml import etree

from conformance.core.paths import schemas_dir
from conformance.core.results import read_run
from conformance.demo.features_server import FeaturesTestServer
from conformance.reporting.verdict import EXIT_ERROR, EXIT_FAIL, EXIT_OK, EXIT_USAGE

TOKEN = "tok-ci-9f8e7d6c5b4a"
WRONG = frozenset({"wrong-items-media-type", "no-limit-validation", "bbox-ignored", "no-404", "invalid-geojson"})
PROFILE = (
    'name = "Tender"\n[[requirements]]\nstandard = "ogcapi-features-1"\nclasses = ["core", "geojson"]\n'
    'obligation = "MUSS"\n'
)


@pytest.fixture(scope="module")
def server() -> Iterator[FeaturesTestServer]:
    tenants = {"ok": frozenset(), "wrong": WRONG, "crash": frozenset({"500-on-items"}), "slow": frozenset({"slow"})}
    test_double = FeaturesTestServer(tenants, latency=0.6).start()
    yield test_double
    test_double.stop()


def vendor(vid: str, url: str, extra: str = "") -> str:
    return (
        f'[[vendors]]\nid = "{vid}"\nname = "{vid.title()} GmbH"\nversion = "1.0"\n{extra}'
        f'[[vendors.targets]]\nstandard = "ogcapi-features-1"\nurl = "{url}"\n\n'
    )


def conformance(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conformance", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "WB_TOKEN": TOKEN, **(env or {})},
        timeout=600,
        check=False,
    )


def run_one(tmp_path: Path, body: str, *extra: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "vendors.toml").write_text(body, encoding="utf-8")
    (tmp_path / "profile.toml").write_text(PROFILE, encoding="utf-8")
    return conformance("run", "--vendors", "vendors.toml", "--out", "out", "--quiet", *extra, cwd=tmp_path)


def test_conformant_vendor_exits_0(tmp_path: Path, server: FeaturesTestServer) -> None:
    done = run_one(tmp_path, vendor("ok", server.url("ok")), "--profile", "profile.toml")
    assert done.returncode == EXIT_OK, done.stdout + done.stderr
    run = read_run(tmp_path / "out" / "results.jsonl")
    assert run.complete and {r.outcome.value for r in run.results} == {"pass"}


def test_wrong_vendor_exits_1_with_evidence(tmp_path: Path, server: FeaturesTestServer) -> None:
    done = run_one(tmp_path, vendor("wrong", server.url("wrong")), "--profile", "profile.toml")
    assert done.returncode == EXIT_FAIL
    validator = Draft202012Validator(
        json.loads((schemas_dir() / "results.schema.json").read_text(encoding="utf-8")),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    for line in (tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines():
        assert not list(validator.iter_errors(json.loads(line))), line[:300]
    fails = [r for r in read_run(tmp_path / "out" / "results.jsonl").results if r.outcome.value == "fail"]
    assert {r.requirement.rsplit("/req/", 1)[1] for r in fails} >= {"geojson/definition", "core/fc-bbox-response"}
    for result in fails:
        assert result.findings and all(f.locator.where for f in result.findings)
        assert result.exchanges, result.requirement


def test_unreachable_and_crashing_vendors_give_errors_not_fails(tmp_path: Path, server: FeaturesTestServer) -> None:
    body = vendor("gone", "http://127.0.0.1:9", "http = { connect_timeout = 1, retries = 0 }\n")
    done = run_one(tmp_path, body)
    assert done.returncode == EXIT_ERROR
    outcomes = {r.outcome.value for r in read_run(tmp_path / "out" / "results.jsonl").results}
    assert "fail" not in outcomes and "pass" not in outcomes and "error" in outcomes


def test_slow_vendor_hits_the_deadline_as_error(tmp_path: Path, server: FeaturesTestServer) -> None:
    body = vendor("slow", server.url("slow"), "http = { read_timeout = 0.2, retries = 0, test_deadline = 0.5 }\n")
    done = run_one(tmp_path, body, "--standard", "ogcapi-features-1")
    assert done.returncode == EXIT_ERROR
    results = read_run(tmp_path / "out" / "results.jsonl").results
    assert results and all(r.outcome.value in ("error", "skip", "not_applicable") for r in results)
    assert any("read timeout" in r.reason_text or "deadline" in r.reason_text for r in results)


def test_config_error_exits_2_and_names_file_and_key(tmp_path: Path) -> None:
    done = run_one(tmp_path, '[[vendors]]\nid = "x"\nname = "X"\nversion = "1"\ntargets = []\n')
    assert done.returncode == EXIT_USAGE
    assert "vendors.toml" in done.stderr and "vendors[0].targets" in done.stderr
    assert not (tmp_path / "out" / "results.jsonl").exists()


def test_secrets_never_reach_any_output(tmp_path: Path, server: FeaturesTestServer) -> None:
    api_key = 'auth = { type = "api-key", header = "X-Key", value = "${WB_TOKEN}" }\n'
    body = vendor("ok", server.url("ok"), 'auth = { type = "bearer", token = "${WB_TOKEN}" }\n') + vendor(
        "wrong", server.url("wrong"), api_key
    )
    done = run_one(tmp_path, body)
    assert done.returncode == EXIT_FAIL
    files = list((tmp_path / "out").iterdir())
    assert {f.name for f in files} >= {
        "results.jsonl",
        "matrix.html",
        "summary.md",
        "results.csv",
        "matrix.json",
        "junit.xml",
    }
    for path in files:
        assert TOKEN not in path.read_text(encoding="utf-8", errors="replace"), path.name
    assert TOKEN not in done.stdout + done.stderr


def test_junit_has_one_testcase_per_vendor_and_requirement(tmp_path: Path, server: FeaturesTestServer) -> None:
    run_one(tmp_path, vendor("ok", server.url("ok")) + vendor("wrong", server.url("wrong")))
    run = read_run(tmp_path / "out" / "results.jsonl")
    tree = etree.parse(str(tmp_path / "out" / "junit.xml"), etree.XMLParser(resolve_entities=False))
    cases = tree.findall(".//testcase")
    assert len(cases) == len({(r.vendor, r.requirement) for r in run.results})
    uris = {p.get("value") for p in tree.findall(".//property[@name='requirement']")}
    assert uris == {r.requirement for r in run.results}
    assert len(tree.findall(".//testcase/failure")) == sum(r.outcome.value == "fail" for r in run.results)


def test_workers_give_the_same_outcomes(tmp_path: Path, server: FeaturesTestServer) -> None:
    body = vendor("ok", server.url("ok")) + vendor("wrong", server.url("wrong"))
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    run_one(tmp_path / "one", body)
    run_one(tmp_path / "two", body, "--workers", "2")

    def outcomes(folder: Path) -> dict[tuple[str, str], str]:
        return {(r.vendor, r.test_id): r.outcome.value for r in read_run(folder / "out" / "results.jsonl").results}

    assert outcomes(tmp_path / "one") == outcomes(tmp_path / "two")


def test_per_vendor_runs_merge_into_one_matrix(tmp_path: Path, server: FeaturesTestServer) -> None:
    for vid in ("ok", "wrong"):
        (tmp_path / vid).mkdir()
        run_one(tmp_path / vid, vendor(vid, server.url(vid)))
    done = conformance(
        "merge", "ok/out/results.jsonl", "wrong/out/results.jsonl", "-o", "merged/results.jsonl", cwd=tmp_path
    )
    assert done.returncode in (EXIT_OK, EXIT_FAIL), done.stderr
    merged = read_run(tmp_path / "merged" / "results.jsonl")
    assert {r.vendor for r in merged.results} == {"ok", "wrong"}
    html = (tmp_path / "merged" / "matrix.html").read_text(encoding="utf-8")
    assert "Ok GmbH" in html and "Wrong GmbH" in html


def test_killed_run_still_renders(tmp_path: Path, server: FeaturesTestServer) -> None:
    (tmp_path / "vendors.toml").write_text(
        vendor("slow", server.url("slow"), "http = { read_timeout = 10 }\n"), encoding="utf-8"
    )
    results = tmp_path / "out" / "results.jsonl"
    child = subprocess.Popen(
        [sys.executable, "-m", "conformance", "run", "--vendors", "vendors.toml", "--out", "out", "--quiet"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and _lines(results) < 3:
            time.sleep(0.2)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert _lines(results) >= 3
    run = read_run(results)
    assert not run.complete and run.results
    done = conformance("report", "out/results.jsonl", "--format", "html", "-o", "again.html", cwd=tmp_path)
    assert done.returncode == EXIT_OK, done.stderr
    assert "unvollständig" in (tmp_path / "again.html").read_text(encoding="utf-8").lower()
    md = conformance("report", "out/results.jsonl", "--format", "md", "--lang", "en", cwd=tmp_path)
    assert "incomplete" in md.stdout.lower()


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def test_list_shows_requirement_uris(tmp_path: Path) -> None:
    done = conformance("list", "--standard", "ogcapi-features-1", "--format", "json", cwd=tmp_path)
    data = json.loads(done.stdout)
    uris = {r["uri"] for r in data[0]["requirements"]}
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/req/core/root-op" in uris
    options = {o["name"]: o["default"] for o in data[0]["options"]}
    assert options["max_pages"] == 30 and options["max_collections"] == 5
    text = conformance("list", "--standard", "ogcapi-features-1", cwd=tmp_path).stdout
    assert "options (vendors file: [[vendors.targets]] options = { name = value })" in text
    assert "max_pages = 30 — pages walked per collection" in " ".join(text.split())
