"""The suite contract end to end with pytester: generated items, outcomes from judgements, the observation
cache, capping, and collection refusing a suite whose checks do not match its catalogue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conformance.core.paths import schemas_dir
from conformance.harness import registry
from conformance.harness.registry import Registered
from conformance.harness.suite import Check, checks_of
from tests.core.httpdouble import serve
from tests.harness import contractsuite
from tests.harness.test_plugin import vendors_file

pytest_plugins = ["pytester"]
SUITE_FILE = Path(contractsuite.__file__)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def register(monkeypatch: pytest.MonkeyPatch, suite: contractsuite.CitySuite) -> None:
    monkeypatch.setenv("WB_TEST_TOKEN", "tok-4711")
    known = registry.unlisted()  # a suite without standards metadata: found by loading it
    city = Registered("city", "tests.harness.contractsuite", suite.standards, suite=suite)
    monkeypatch.setattr(registry, "unlisted", lambda: (*known, city))


def run(pytester: pytest.Pytester, base: str, *extra: str) -> tuple[pytest.RunResult, list[dict[str, Any]]]:
    results = pytester.path / "results.jsonl"
    vendors = vendors_file(pytester.path, base, standard="city-1")
    outcome = pytester.runpytest(
        "-p",
        "no:cacheprovider",
        str(SUITE_FILE),
        "--conformance-vendors",
        str(vendors),
        "--conformance-results",
        str(results),
        *extra,
    )
    lines = results.read_text(encoding="utf-8").splitlines() if results.exists() else []
    return outcome, [json.loads(line) for line in lines]


@pytest.fixture
def records(pytester: pytest.Pytester, base: str, monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], Any]:
    register(monkeypatch, contractsuite.CitySuite())
    _, lines = run(pytester, base)
    validator = Draft202012Validator(json.loads((schemas_dir() / "results.schema.json").read_text(encoding="utf-8")))
    assert [e.message for line in lines for e in validator.iter_errors(line)] == []
    return {(r["vendor"], r["requirement"].rsplit("/", 1)[1]): r for r in lines[1:]}


def test_items_are_generated_with_stable_ids(records: dict[tuple[str, str], Any]) -> None:
    assert len(records) == 2 * len(contractsuite.NAMES)
    assert records[("good", "ok")]["test_id"] == "city-1::ok[good]"
    assert records[("good", "ok")]["revision"] == 2 and records[("good", "wrong")]["revision"] == 1


def test_outcomes_follow_the_judgement(records: dict[tuple[str, str], Any]) -> None:
    outcomes = {name: records[("good", name)]["outcome"] for name in contractsuite.NAMES}
    assert outcomes == {
        "ok": "pass",
        "wrong": "fail",
        "many": "fail",
        "nothing": "not_applicable",
        "na": "not_applicable",
        "crash": "error",
        "silent": "error",
    }
    assert records[("good", "ok")]["examined"] == [
        {"count": 1, "message": {"code": "city.responses", "params": {}, "text": "responses"}}
    ]
    wrong = records[("good", "wrong")]
    assert wrong["reason"]["text"] == "/status answered HTTP 500"
    assert wrong["findings"][0]["code"] == "city.status" and wrong["findings"][0]["params"]["status"] == 500
    assert wrong["exchanges"][wrong["findings"][0]["exchange"]]["status"] == 500


def test_nothing_examined_is_not_applicable_naming_what_was_looked_for(records: dict[tuple[str, str], Any]) -> None:
    nothing = records[("good", "nothing")]
    assert nothing["reason"]["text"] == "nothing examined: looked for records of type meeting"
    assert nothing["reason"]["params"]["looked_for"][0]["code"] == "city.records"
    assert nothing["examined"][0]["count"] == 0
    assert records[("good", "na")]["reason"]["text"] == "no temporal data"
    assert records[("good", "silent")]["reason"]["text"] == "harness fault: the check names nothing it looked for"
    assert records[("good", "crash")]["reason"]["text"].startswith("harness fault: KeyError")


def test_findings_are_capped_in_one_place(records: dict[tuple[str, str], Any]) -> None:
    many = records[("good", "many")]
    assert len(many["findings"]) == 50 and many["findings_omitted"] == 70
    assert many["reason"]["text"] == "value 0 is wrong (+119 more)"
    assert "only the first 50 of 120 findings are kept" in [n["text"] for n in many["notes"]]
    assert all(v["text"].startswith("value ") for v in many["findings"])


def test_the_observation_is_made_once_and_its_failure_ends_every_check(records: dict[tuple[str, str], Any]) -> None:
    assert records[("good", "ok")]["notes"] == [records[("good", "ok")]["notes"][0]]
    gone = [records[("gone", name)] for name in contractsuite.NAMES]
    assert {r["outcome"] for r in gone} == {"error"}
    assert len({json.dumps(r["reason"]) for r in gone}) == 1
    assert gone[0]["reason"]["code"] == "harness.error.TargetUnreachable"


def test_the_observation_is_shared_by_the_checks_of_a_target(
    pytester: pytest.Pytester, base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []

    def probe(ctx: contractsuite.Ctx) -> Any:
        seen.append(ctx.observation["number"])
        return ctx.judge([], ctx.examined(1, "city.responses"))

    checks = {
        f"{contractsuite.BASE}/req/{n}": Check(f"{contractsuite.BASE}/req/{n}", probe, name=n)
        for n in contractsuite.NAMES
    }
    register(monkeypatch, contractsuite.CitySuite(checks))
    run(pytester, base, "--conformance-vendor", "good")
    assert len(seen) == len(contractsuite.NAMES) and len(set(seen)) == 1


@pytest.mark.parametrize("change", ["missing", "extra"])
def test_collection_refuses_checks_that_do_not_match_the_catalogue(
    pytester: pytest.Pytester, base: str, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    checks = dict(contractsuite.CitySuite().checks(contractsuite.STANDARD))
    if change == "missing":
        del checks[f"{contractsuite.BASE}/req/nothing"]
    else:
        checks["urn:test:city-1/req/other"] = Check("urn:test:city-1/req/other", contractsuite.ok)
    suite = contractsuite.CitySuite(checks)
    register(monkeypatch, suite)
    outcome, _ = run(pytester, base)
    assert outcome.ret == pytest.ExitCode.USAGE_ERROR
    named = "requirement urn:test:city-1/req/nothing has no check" if change == "missing" else "check other names"
    assert named in outcome.stderr.str()
    with pytest.raises(Exception, match=named):
        checks_of(suite, contractsuite.STANDARD)
