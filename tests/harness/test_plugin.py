"""The plugin end to end with pytester, on a suite on the contract (pluginsuite): outcomes, evidence, claims,
profile, waivers, notes, the results file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conformance.core.paths import schemas_dir
from conformance.core.results import read_run
from conformance.harness import registry
from conformance.harness.registry import Registered
from tests.core.httpdouble import serve
from tests.harness import pluginsuite

pytest_plugins = ["pytester"]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def vendors_file(tmp: Path, base: str, claims: str = "", standard: str = pluginsuite.ID) -> Path:
    path = tmp / "vendors.toml"
    path.write_text(
        f'''
[[vendors]]
id = "good"
name = "Good GmbH"
version = "1.0"
auth = {{ type = "bearer", token = "${{WB_TEST_TOKEN}}" }}
http = {{ read_timeout = 2, retries = 0, test_deadline = 10 }}
[[vendors.targets]]
standard = "{standard}"
url = "{base}"
{claims}

[[vendors]]
id = "gone"
name = "Gone AG"
version = "2.0"
http = {{ connect_timeout = 0.5, retries = 0 }}
[[vendors.targets]]
standard = "{standard}"
url = "http://127.0.0.1:9"
''',
        encoding="utf-8",
    )
    return path


def outcomes(results: Path) -> dict[tuple[str, str], dict[str, object]]:
    return {(r["vendor"], r["requirement"].rsplit("/", 1)[1]): r for r in _records(results)[1:]}


def _records(results: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def run(pytester: pytest.Pytester, base: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WB_TEST_TOKEN", "tok-SECRET-4711")
    known = registry.unlisted()  # a suite without standards metadata: found by loading it
    town = Registered("town", "tests.harness.pluginsuite", pluginsuite.SUITE.standards, suite=pluginsuite.SUITE)
    monkeypatch.setattr(registry, "unlisted", lambda: (*known, town))

    def go(*extra: str, claims: str = "") -> Path:
        results = pytester.path / "results.jsonl"
        results.unlink(missing_ok=True)
        vendors = vendors_file(pytester.path, base, claims)
        pytester.runpytest(
            "-p",
            "no:cacheprovider",
            pluginsuite.__file__,
            "--conformance-vendors",
            str(vendors),
            "--conformance-results",
            str(results),
            *extra,
        )
        return results

    return go


def test_outcomes_are_kept_apart(run) -> None:  # type: ignore[no-untyped-def]
    found = outcomes(run())
    good = {name: found[("good", name)]["outcome"] for (v, name) in found if v == "good"}
    assert good == {
        "ok": "pass",
        "wrong": "fail",
        "two-violations": "fail",
        "crash": "error",
        "slow": "error",
        "na": "not_applicable",
        "html-page": "pass",
    }
    for name in ("ok", "wrong", "slow"):
        assert found[("gone", name)]["outcome"] == "error"
    assert "connection failed" in found[("gone", "ok")]["reason"]["text"]  # type: ignore[index]


def test_fail_carries_evidence(run) -> None:  # type: ignore[no-untyped-def]
    found = outcomes(run())
    wrong = found[("good", "wrong")]
    violation = wrong["findings"][0]  # type: ignore[index]
    assert violation["expected"] == {"data": 200} and violation["actual"] == {"data": 500}
    assert violation["requirement"].endswith("/req/wrong")
    exchange = wrong["exchanges"][violation["exchange"]]  # type: ignore[index]
    assert exchange["status"] == 500 and exchange["url"].endswith("/status?code=500")
    assert len(found[("good", "two-violations")]["findings"]) == 2  # type: ignore[arg-type]
    assert found[("good", "crash")]["reason"]["code"] == "harness.fault"  # type: ignore[index]


def test_claims_give_not_applicable_or_profile_fail(run, pytester: pytest.Pytester) -> None:  # type: ignore[no-untyped-def]
    found = outcomes(run(claims='claims = ["core"]'))
    assert found[("good", "html-page")]["outcome"] == "not_applicable"
    profile = pytester.path / "profile.toml"
    profile.write_text(
        f'name = "Tender"\n[[requirements]]\nstandard = "{pluginsuite.ID}"\n'
        'classes = ["core", "html"]\nobligation = "MUSS"\n',
        encoding="utf-8",
    )
    found = outcomes(run("--conformance-profile", str(profile), claims='claims = ["core"]'))
    html = found[("good", "html-page")]
    assert html["outcome"] == "fail"
    assert html["findings"][0]["text"] == "required by the profile, not claimed"  # type: ignore[index]
    assert html["findings"][0]["code"] == "harness.required-not-claimed"  # type: ignore[index]


def test_notes_are_recorded(run) -> None:  # type: ignore[no-untyped-def]
    notes = outcomes(run())[("good", "html-page")]["notes"]
    assert [(n["code"], n["text"]) for n in notes] == [("town.sampled", "sampled 1 of 3 pages")]  # type: ignore[index]


def test_waivers_applied_expired_and_unused(run, pytester: pytest.Pytester) -> None:  # type: ignore[no-untyped-def]
    base = f"{pluginsuite.BASE}/req/"
    waivers = pytester.path / "waivers.toml"
    waivers.write_text(
        "".join(
            f'[[waivers]]\nvendor = "good"\nrequirement = "{base}{name}"\nreason = "known"\nexpires = {date}\n'
            for name, date in (("wrong", "2030-01-01"), ("two-violations", "2020-01-01"), ("ok", "2030-01-01"))
        ),
        encoding="utf-8",
    )
    found = outcomes(run("--conformance-waivers", str(waivers), "--conformance-today", "2026-11-25"))
    assert found[("good", "wrong")]["outcome"] == "waived"
    assert found[("good", "wrong")]["waiver"]["status"] == "applied"  # type: ignore[index]
    assert found[("good", "two-violations")]["outcome"] == "fail"
    assert found[("good", "two-violations")]["waiver"]["status"] == "expired"  # type: ignore[index]
    assert found[("good", "ok")]["waiver"]["status"] == "unused-passes"  # type: ignore[index]


def test_results_file_matches_its_schema_and_hides_secrets(run) -> None:  # type: ignore[no-untyped-def]
    results = run()
    schema = json.loads((schemas_dir() / "results.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    records = _records(results)
    for record in records:
        assert not list(validator.iter_errors(record)), record
    assert records[0]["record"] == "header" and records[0]["finished"]
    assert "tok-SECRET-4711" not in results.read_text(encoding="utf-8")
    assert read_run(results).complete


def test_vendor_and_standard_selection(run) -> None:  # type: ignore[no-untyped-def]
    found = outcomes(run("--conformance-vendor", "good"))
    assert {v for v, _ in found} == {"good"}


def test_config_error_is_a_usage_error(pytester: pytest.Pytester) -> None:
    bad = pytester.path / "bad.toml"
    bad.write_text('[[vendors]]\nid = "x"\n', encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider", "--conformance-vendors", str(bad))
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*invalid configuration in*bad.toml*", "*vendors[[]0[]]: *version* is a required property"]
    )


def test_inert_without_options(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_one():\n    assert 1 + 1 == 2\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_a_session_stopped_early_is_marked_interrupted_not_finished(run) -> None:  # type: ignore[no-untyped-def]
    stopped = read_run(run("-x"))
    assert not stopped.complete and stopped.header.finished is None
    assert stopped.header.interrupted is not None and "stopping after 1 failures" in stopped.header.interrupted["by"]
