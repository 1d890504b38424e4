"""Vendor verdicts, exit codes and the switchability view on hand-made runs."""

from __future__ import annotations

from dataclasses import replace

from conformance.core.outcomes import Outcome
from conformance.core.results import ResultsFile
from conformance.reporting.model import build_report
from conformance.reporting.verdict import EXIT_ERROR, EXIT_FAIL, EXIT_OK, VerdictState, exit_code, vendor_verdicts
from tests.reporting.samples import FEAT, header, profile_obligation, result, sample_run, vendor

CORE, GEOJSON, HTML = (f"{FEAT}/conf/{c}" for c in ("core", "geojson", "html"))


def profile(*items: tuple[str, list[str], str]) -> dict[str, object]:
    return {"id": "p", "name": "Tender", "items": [{"standard": s, "classes": c, "obligation": o} for s, c, o in items]}


def run_of(
    prof: dict[str, object] | None,
    vendors: list[dict[str, object]],
    outcomes: dict[str, list[Outcome]],
    finished: str | None = "2026-03-02T11:00:00+00:00",
) -> ResultsFile:
    results = [result(vid, i, o) for vid, found in outcomes.items() for i, o in enumerate(found)]
    if prof is not None:
        results = [replace(r, profile_obligation=profile_obligation(prof, r.standard, r.cls)) for r in results]
    return ResultsFile(header(vendors, prof, finished), tuple(results))


def states(run: ResultsFile) -> dict[str, VerdictState]:
    return {v.vendor: v.state for v in vendor_verdicts(run)}


def test_sample_run_verdicts_and_exit_code() -> None:
    run = sample_run()
    report = build_report(run)
    assert {v.vendor: v.state for v in report.verdicts} == {
        "alpha": VerdictState.MEETS,
        "beta": VerdictState.FAILS,
        "gamma": VerdictState.UNDECIDED,
    }
    beta = report.verdict("beta")
    assert [m.requirement.rsplit("/", 2)[-2:] for m in beta.missing] == [["geojson", "content"]]
    assert [m.kind for m in beta.recommended] == ["untested", "failed"]
    assert beta.waived == (f"{FEAT}/rec/core/fc-md-descriptions",)
    assert {m.kind for m in report.verdict("gamma").missing} == {"error"}
    assert report.exit_code == EXIT_FAIL


def test_a_failed_recommendation_in_a_required_class_does_not_fail_the_profile() -> None:
    prof = profile(("ogcapi-features-1", [CORE], "MUSS"))
    ok = [Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.FAIL]
    run = run_of(prof, [vendor("alpha", "A", [CORE])], {"alpha": ok})
    verdict = vendor_verdicts(run)[0]
    assert verdict.state is VerdictState.MEETS
    assert [m.obligation for m in verdict.recommended] == ["SOLL"]
    assert exit_code(run) == EXIT_OK


def test_required_class_not_claimed_and_standard_without_target_fail() -> None:
    prof = profile(("ogcapi-features-1", [CORE, HTML], "MUSS"), ("oparl-1.1", [], "MUSS"))
    vendors = [vendor("alpha", "A", [CORE], ("ogcapi-features-1",))]
    run = run_of(prof, vendors, {"alpha": [Outcome.PASS] * 3})
    missing = vendor_verdicts(run)[0].missing
    assert [(m.kind, m.cls or m.standard) for m in missing] == [("not-claimed", HTML), ("no-target", "oparl-1.1")]
    assert exit_code(run) == EXIT_FAIL


def test_claimed_but_untested_required_class_leaves_no_verdict() -> None:
    prof = profile(("ogcapi-features-1", [CORE, GEOJSON], "MUSS"))
    run = run_of(prof, [vendor("alpha", "A", None)], {"alpha": [Outcome.PASS] * 4})
    assert [m.kind for m in vendor_verdicts(run)[0].missing] == ["untested"]
    assert exit_code(run) == EXIT_ERROR


def test_skip_of_a_required_requirement_leaves_no_verdict_but_a_skip_without_profile_does_not() -> None:
    outcomes = {"alpha": [Outcome.PASS, Outcome.SKIP, Outcome.PASS, Outcome.PASS]}
    prof = profile(("ogcapi-features-1", [CORE], "MUSS"))
    assert exit_code(run_of(prof, [vendor("alpha", "A")], outcomes)) == EXIT_ERROR
    assert exit_code(run_of(None, [vendor("alpha", "A")], outcomes)) == EXIT_OK


def test_incomplete_run_never_exits_zero_but_a_fail_still_shows() -> None:
    passing = run_of(None, [vendor("alpha", "A")], {"alpha": [Outcome.PASS]}, finished=None)
    assert states(passing) == {"alpha": VerdictState.UNDECIDED} and exit_code(passing) == EXIT_ERROR
    failing = run_of(None, [vendor("alpha", "A")], {"alpha": [Outcome.FAIL]}, finished=None)
    assert exit_code(failing) == EXIT_FAIL


def test_waived_required_requirement_meets_the_profile_and_is_listed() -> None:
    prof = profile(("ogcapi-features-1", [CORE], "MUSS"))
    run = run_of(prof, [vendor("alpha", "A", [CORE])], {"alpha": [Outcome.WAIVED, Outcome.PASS, Outcome.PASS]})
    verdict = vendor_verdicts(run)[0]
    assert verdict.state is VerdictState.MEETS and len(verdict.waived) == 1


def test_switchability_with_a_profile_blocks_on_what_the_replacement_lacks() -> None:
    report = build_report(sample_run())
    switch = report.switch
    assert switch.with_profile and switch.groups == ()
    assert switch.pair("beta", "alpha").ok
    assert [b.kind for b in switch.pair("alpha", "beta").blockers] == ["failed"]
    assert {b.kind for b in switch.pair("alpha", "gamma").blockers} == {"error"}


def test_switchability_without_a_profile_compares_passed_requirements() -> None:
    same = [Outcome.PASS, Outcome.PASS, Outcome.FAIL]
    run = run_of(
        None,
        [vendor(v, v) for v in ("a", "b", "c")],
        {"a": same, "b": same, "c": [Outcome.PASS, Outcome.ERROR, Outcome.PASS]},
    )
    switch = build_report(run).switch
    assert not switch.with_profile
    assert switch.groups == (("a", "b"),)
    assert switch.pair("a", "b").ok and switch.pair("b", "a").ok and switch.pair("a", "b").compared == 2
    blockers = switch.pair("a", "c").blockers
    assert [(b.kind, b.requirement.rsplit("/", 1)[-1]) for b in blockers] == [("error", "root-success")]
    assert [b.requirement.rsplit("/", 1)[-1] for b in switch.pair("c", "a").blockers] == ["fc-limit-default"]


API_A, API_B = "https://alpha.example/api-a", "https://alpha.example/api-b"


def two_apis(claims_b: list[str] | None, outcomes_b: list[Outcome], prof: dict[str, object] | None) -> ResultsFile:
    """Alpha offers two Features APIs: api-a passes root-op, root-success, fc-limit-default; api-b as given."""
    alpha = vendor("alpha", "A", targets={"ogcapi-features-1": (API_A, API_B)})
    alpha["targets"][0]["claims"], alpha["targets"][1]["claims"] = [CORE], claims_b
    results = [replace(result("alpha", i, Outcome.PASS), target=API_A, test_id=f"a{i}") for i in range(3)]
    results += [replace(result("alpha", i, o), target=API_B, test_id=f"b{i}") for i, o in enumerate(outcomes_b)]
    if prof is not None:
        results = [replace(r, profile_obligation=profile_obligation(prof, r.standard, r.cls)) for r in results]
    return ResultsFile(header([alpha], prof), tuple(results))


def test_every_target_must_meet_the_profile_and_each_finding_names_its_target() -> None:
    prof = profile(("ogcapi-features-1", [CORE], "MUSS"))
    failing = vendor_verdicts(two_apis([CORE], [Outcome.PASS, Outcome.FAIL, Outcome.PASS], prof))[0]
    assert failing.state is VerdictState.FAILS
    assert [(m.kind, m.requirement.rsplit("/", 1)[-1], m.target) for m in failing.missing] == [
        ("failed", "root-success", API_B)
    ]
    passing = vendor_verdicts(two_apis([CORE], [Outcome.PASS] * 3, prof))[0]
    assert passing.state is VerdictState.MEETS


def test_claims_are_read_per_target() -> None:
    prof = profile(("ogcapi-features-1", [CORE], "MUSS"))
    verdict = vendor_verdicts(two_apis([GEOJSON], [], prof))[0]
    assert verdict.state is VerdictState.FAILS
    assert [(m.kind, m.cls, m.target) for m in verdict.missing] == [("not-claimed", CORE, API_B)]
    untested = two_apis(None, [], prof)
    assert [(m.kind, m.target) for m in vendor_verdicts(untested)[0].missing] == [("untested", API_B)]
    assert exit_code(untested) == EXIT_ERROR


def test_without_a_profile_each_target_of_a_needs_a_covering_target_of_b() -> None:
    beta = vendor("beta", "B", targets={"ogcapi-features-1": ("https://beta.example/one",)})
    both = two_apis(None, [Outcome.FAIL, Outcome.PASS, Outcome.PASS, Outcome.PASS], None)
    beta_results = [replace(result("beta", i, Outcome.PASS), target="https://beta.example/one") for i in range(3)]
    run = ResultsFile(header([both.header.vendors[0], beta], None), (*both.results, *beta_results))
    switch = build_report(run).switch
    blockers = switch.pair("alpha", "beta").blockers
    assert [(b.kind, b.requirement.rsplit("/", 1)[-1], b.target) for b in blockers] == [
        ("no-result", "fc-md-descriptions", "https://beta.example/one")
    ]
    assert switch.pair("beta", "alpha").ok and switch.pair("beta", "alpha").compared == 3
    assert switch.groups == ()
