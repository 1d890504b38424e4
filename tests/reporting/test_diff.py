"""Comparing two runs: regressions, fixes, new errors, coverage, verdicts, caveats and the exit code."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from conformance.cli import main
from conformance.core.outcomes import Outcome
from conformance.core.results import ResultsFile, write_run
from conformance.reporting.diff import Change, classify, compare
from conformance.reporting.diffreport import render_diff_markdown
from tests.reporting.samples import header, result, sample_run, vendor, violation

P, F, E, S, N, W = (Outcome.PASS, Outcome.FAIL, Outcome.ERROR, Outcome.SKIP, Outcome.NOT_APPLICABLE, Outcome.WAIVED)


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        (P, F, Change.REGRESSED),
        (N, F, Change.REGRESSED),
        (W, F, Change.REGRESSED),
        (E, F, Change.REGRESSED),
        (F, P, Change.FIXED),
        (F, W, Change.FIXED),
        (P, E, Change.NEW_ERROR),
        (F, E, Change.NEW_ERROR),
        (P, N, Change.CHANGED),
        (F, S, Change.CHANGED),
        (E, P, Change.CHANGED),
        (None, F, Change.ADDED),
        (P, None, Change.REMOVED),
        (F, F, None),
        (P, P, None),
    ],
)
def test_each_transition_has_its_kind(before: Outcome | None, after: Outcome | None, change: Change | None) -> None:
    assert classify(before, after) is change


def _later(run: ResultsFile) -> ResultsFile:
    """alpha regresses on root-op and errs on root-success; beta's GeoJSON failure is fixed; gamma is gone."""
    changed = {("alpha", 0): Outcome.FAIL, ("alpha", 1): Outcome.ERROR}
    results = []
    for r in run.results:
        if r.vendor == "gamma":
            continue
        index = int(r.test_id.split("test_")[1].split(".")[0])
        fixed = r.vendor == "beta" and index == 4
        later = replace(r, outcome=Outcome.PASS, reason=None, findings=()) if fixed else r
        later = replace(later, outcome=changed.get((r.vendor, index), later.outcome))
        if later.outcome is Outcome.FAIL and not later.findings:  # every fail carries evidence
            later = replace(later, findings=(violation(),), reason=violation().message)
        results.append(later)
    return ResultsFile(replace(run.header, run_id="run-0002-bbbb", started="2026-04-02T10:00:00+00:00"), tuple(results))


def test_a_later_run_is_compared_requirement_by_requirement() -> None:
    before = sample_run()
    diff = compare(before, _later(before))
    pairs = {(d.vendor, d.requirement.rsplit("/", 1)[1], d.change) for d in diff.deltas}
    assert {
        ("alpha", "root-op", Change.REGRESSED),
        ("alpha", "root-success", Change.NEW_ERROR),
        ("beta", "content", Change.FIXED),
    } <= pairs
    assert {d.change for d in diff.deltas if d.vendor == "gamma"} == {Change.REMOVED}
    assert len(diff.of(Change.REMOVED)) == 6 and diff.unchanged == len(before.results) - 6 - 3
    assert diff.regressed
    verdicts = {v.vendor: (v.before, v.after, v.lost) for v in diff.verdicts}
    assert verdicts["alpha"] == ("meets", "fails", True) and verdicts["beta"] == ("fails", "meets", False)
    assert verdicts["gamma"] == ("undecided", "undecided", False)


def test_the_same_run_twice_has_no_change() -> None:
    run = sample_run()
    diff = compare(run, run)
    assert diff.deltas == () and not diff.regressed and diff.unchanged == len(run.results) and diff.caveats == ()


def test_a_moved_endpoint_still_compares_but_two_targets_stay_apart() -> None:
    before = ResultsFile(header([vendor("alpha", "A")]), (result("alpha", 0, Outcome.PASS),))
    moved = ResultsFile(
        header([vendor("alpha", "A")]), (result("alpha", 0, Outcome.FAIL, target="https://new.example/api"),)
    )
    assert [d.change for d in compare(before, moved).deltas] == [Change.REGRESSED]
    two = (result("alpha", 0, Outcome.PASS), result("alpha", 0, Outcome.PASS, target="https://second.example/api"))
    later = (result("alpha", 0, Outcome.PASS), result("alpha", 0, Outcome.FAIL, target="https://second.example/api"))
    [delta] = compare(
        ResultsFile(header([vendor("alpha", "A")]), two), ResultsFile(header([vendor("alpha", "A")]), later)
    ).deltas
    assert delta.target == "https://second.example/api" and delta.change is Change.REGRESSED


def test_caveats_name_suite_packs_profile_and_an_incomplete_run() -> None:
    before = sample_run()
    packs = ({"id": "geojson-schema", "version": "1.0.6", "digest": "c" * 64},)
    after = ResultsFile(
        replace(before.header, suite_version="0.2.0", packs=packs, profile=None, finished=None), before.results
    )
    kinds = {(c.kind, c.subject) for c in compare(before, after).caveats}
    assert kinds == {("suite-version", ""), ("pack", "geojson-schema"), ("profile", ""), ("incomplete", "after")}
    text = render_diff_markdown(compare(before, after), "de")
    assert "Version der Prüfsuite: 0.1.0 → 0.2.0" in text and "Artefakt-Paket geojson-schema: 1.0.5" in text


def test_markdown_puts_verdicts_and_regressions_first_and_cuts_long_sections() -> None:
    before = sample_run()
    text = render_diff_markdown(compare(before, _later(before)), "en", max_rows=1)
    assert (
        text.index("### Profile verdict") < text.index("### Regressed: now failing (1)") < text.index("### Fixed (1)")
    )
    assert "| Geoportal 2.4.1 | meets the profile | **⚠** does not meet the profile |" in text
    assert "| Geoportal 2.4.1 | ogcapi-features-1 | 6 | 0 |" not in text and "| 0 | 0 | 6 |" in text
    assert "SHALL /req/core/root-op | passed | failed |" in text


def _files(tmp_path: Path, before: ResultsFile, after: ResultsFile) -> list[str]:
    write_run(tmp_path / "a.jsonl", before)
    write_run(tmp_path / "b.jsonl", after)
    return [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]


def test_exit_codes_and_json_list_every_change(tmp_path: Path) -> None:
    before = sample_run()
    runner = CliRunner()
    same = runner.invoke(main, ["diff", *_files(tmp_path, before, before)])
    assert same.exit_code == 0 and "Kein Profilurteil hat sich geändert." in same.output
    done = runner.invoke(
        main, ["diff", "--format", "json", "--max-rows", "1", *_files(tmp_path, before, _later(before))]
    )
    assert done.exit_code == 1
    data = json.loads(done.output)
    assert data["regressed"] is True and len(data["changes"]) == 9
    assert {"vendor": "alpha", "before": "meets", "after": "fails"} in data["verdicts"]
    unfinished = ResultsFile(replace(before.header, finished=None), before.results)
    assert runner.invoke(main, ["diff", *_files(tmp_path, before, unfinished)]).exit_code == 3
    erring = ResultsFile(
        before.header,
        tuple(replace(r, outcome=E) if r.vendor == "beta" and r.outcome is P else r for r in before.results),
    )
    assert runner.invoke(main, ["diff", *_files(tmp_path, before, erring)]).exit_code == 3


def test_long_sections_are_cut_with_a_pointer_to_the_json() -> None:
    before = ResultsFile(header([vendor("alpha", "A")]), tuple(result("alpha", i, Outcome.PASS) for i in range(6)))
    after = ResultsFile(header([vendor("alpha", "A")]), tuple(result("alpha", i, Outcome.FAIL) for i in range(6)))
    text = render_diff_markdown(compare(before, after), "en", max_rows=2)
    assert "### Regressed: now failing (6)" in text and text.count("| passed | failed |") == 2
    assert "_… and 4 more (all with --format json)_" in text
