"""Properties of the aggregation into matrix cells, the verdicts, the exit code and the merge of runs."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.core.outcomes import Obligation, Outcome
from conformance.core.results import Result, ResultsFile
from conformance.reporting.matrix import OBLIGATIONS, WORST_FIRST, Cell, Counts, State, build_matrix
from conformance.reporting.merge import merge_runs
from conformance.reporting.model import build_report
from conformance.reporting.text import cell_text, exact
from conformance.reporting.verdict import EXIT_ERROR, EXIT_FAIL, EXIT_OK, VerdictState, exit_code, vendor_verdicts
from tests.reporting.strategies import ALL_CLASSES, runs

SETTINGS = settings(max_examples=150)


def expected_outcomes(
    run: ResultsFile, vendor: str, standard: str, cls: str, target: str
) -> dict[str, tuple[str, Outcome]]:
    """Per requirement of one target, computed independently: the obligation and the worst outcome of its results."""
    found: dict[str, list[Result]] = {}
    for r in run.results:
        if (r.vendor, r.standard, r.cls, r.target) == (vendor, standard, cls, target):
            found.setdefault(r.requirement, []).append(r)
    return {req: (rs[0].obligation, min((r.outcome for r in rs), key=WORST_FIRST.index)) for req, rs in found.items()}


def expected_state(outcomes: dict[str, tuple[str, Outcome]]) -> State:
    """The colour rules, written out: red a MUSS fail; amber errors, waivers, skips, unverified rules or other
    fails; grey nothing."""
    values = set(outcomes.values())
    if ("MUSS", Outcome.FAIL) in values:
        return State.FAIL
    if {o for _, o in values} & {Outcome.ERROR, Outcome.WAIVED, Outcome.SKIP, Outcome.NOT_VERIFIED, Outcome.FAIL}:
        return State.WARN
    return State.PASS if any(o is Outcome.PASS for _, o in values) else State.NONE


@SETTINGS
@given(runs())
def test_cells_count_each_requirement_of_each_target_once_and_follow_the_colour_rules(run: ResultsFile) -> None:
    matrix = build_matrix(run)
    assert {row.id for row in matrix.rows} >= {r.vendor for r in run.results}
    for row in matrix.rows:
        for lane in row.lanes:
            for column in matrix.columns_of(lane.standard):
                cell = row.cell(column, lane.target)
                wanted = expected_outcomes(run, row.id, column.standard, column.uri, lane.target)
                counts = cell.counts
                assert counts.total == len(wanted) == len(cell.requirements)
                for obligation in OBLIGATIONS:
                    mine = [o for ob, o in wanted.values() if ob == obligation]
                    assert counts.passed(obligation) == mine.count(Outcome.PASS)
                    assert counts.judged(obligation) == sum(o.is_verdict or o is Outcome.ERROR for o in mine)
                    assert sum(counts.get(obligation, o) for o in Outcome) == len(mine)
                assert cell.state is expected_state(wanted)


@SETTINGS
@given(runs())
def test_every_result_lands_in_exactly_one_cell_and_every_target_in_its_own_lane(run: ResultsFile) -> None:
    matrix = build_matrix(run)
    placed = [
        res for row in matrix.rows for cell in row.cells.values() for req in cell.requirements for res in req.results
    ]
    assert sorted(placed, key=repr) == sorted(run.results, key=repr)
    assert {(c.standard, c.uri) for c in matrix.columns} >= {(r.standard, r.cls) for r in run.results}
    for row in matrix.rows:
        lanes = [(lane.standard, lane.target) for lane in row.lanes]
        assert len(lanes) == len(set(lanes))
        assert set(lanes) >= {(r.standard, r.target) for r in run.results if r.vendor == row.id}
        assert set(lanes) >= {(t["standard"], t["target"]) for t in row.vendor["targets"]}
        assert all(key[2] for key in row.cells) and {(s, t) for s, _, t in row.cells} <= set(lanes)


@SETTINGS
@given(runs())
def test_a_lane_total_is_the_sum_of_its_class_cells(run: ResultsFile) -> None:
    matrix = build_matrix(run)
    for row in matrix.rows:
        for lane in row.lanes:
            parts = [row.cell(c, lane.target).counts for c in matrix.columns_of(lane.standard)]
            total = row.lane_counts(lane)
            assert total == sum(parts, Counts())
            if any(p.state is State.FAIL for p in parts):
                assert total.state is State.FAIL
            if all(p.state is State.NONE for p in parts):
                assert total.state is State.NONE


@SETTINGS
@given(runs())
def test_cell_texts_are_exact_without_percentages_and_leave_not_applicable_out_of_the_headline(
    run: ResultsFile,
) -> None:
    for row in build_matrix(run).rows:
        for lane in row.lanes:
            counts = row.lane_counts(lane)
            text, full = cell_text(counts, "de"), exact(counts, "de")
            assert "%" not in text and "(" not in text
            judged = any(counts.judged(o) for o in OBLIGATIONS)
            assert ("nicht anwendbar" in text) == (not judged and counts.outcome(Outcome.NOT_APPLICABLE) > 0)
            numbers = [int(n) for n in re.findall(r"(\d+) [^,·]+", full)]
            assert sum(numbers) == counts.total


@SETTINGS
@given(runs())
def test_exit_code_follows_the_verdicts(run: ResultsFile) -> None:
    verdicts = vendor_verdicts(run)
    code = exit_code(run, verdicts)
    states = {v.state for v in verdicts}
    required = (
        [r for r in run.results if (r.profile_obligation, r.obligation) == ("MUSS", "MUSS")]
        if run.header.profile is not None
        else list(run.results)
    )
    if any(r.outcome is Outcome.FAIL for r in required):
        assert code == EXIT_FAIL
    if code == EXIT_OK:
        assert run.complete and states <= {VerdictState.MEETS}
        assert all(r.outcome not in (Outcome.FAIL, Outcome.ERROR) for r in required)
    if not run.complete:
        assert code in (EXIT_FAIL, EXIT_ERROR)
    assert (code == EXIT_FAIL) == (VerdictState.FAILS in states)


@SETTINGS
@given(runs())
def test_a_vendor_meets_the_profile_only_if_every_target_does(run: ResultsFile) -> None:
    profile = run.header.profile
    for verdict, row in zip(vendor_verdicts(run), build_matrix(run).rows, strict=True):
        if profile is None or verdict.state is not VerdictState.MEETS:
            continue
        for item in (i for i in profile.items if i.obligation is Obligation.MUSS):
            listed = [t for t in row.vendor["targets"] if t["standard"] == item.standard]
            assert listed
            classes = item.classes or [c for s, c in ALL_CLASSES if s == item.standard]
            for target in listed:
                assert target["claims"] is None or set(classes) <= set(target["claims"])
                assert all((item.standard, c, target["target"]) in row.cells for c in classes)
        mine = [r for r in run.results if r.vendor == row.id and (r.profile_obligation, r.obligation) == ("MUSS",) * 2]
        assert all(r.outcome not in (Outcome.FAIL, Outcome.ERROR, Outcome.SKIP) for r in mine)


def covers(run: ResultsFile, current: str, replacement: str) -> bool:
    """The cover rule, written out: each target of A has a target of B (same standard) passing all it passes."""

    def passes(vendor: str) -> dict[tuple[str, str], set[str]]:
        found: dict[tuple[str, str, str], list[Outcome]] = {}
        for r in run.results:
            if r.vendor == vendor:
                found.setdefault((r.standard, r.target, r.requirement), []).append(r.outcome)
        out: dict[tuple[str, str], set[str]] = {}
        for (standard, target, req), outcomes in found.items():
            out.setdefault((standard, target), set())
            if min(outcomes, key=WORST_FIRST.index) is Outcome.PASS:
                out[(standard, target)].add(req)
        return out

    mine, theirs = passes(current), passes(replacement)
    return all(
        any(s == standard and wanted <= have for (s, _), have in theirs.items())
        for (standard, _), wanted in mine.items()
        if wanted
    )


@SETTINGS
@given(runs())
def test_switchability_without_a_profile_follows_the_cover_rule(run: ResultsFile) -> None:
    switch = build_report(ResultsFile(replace(run.header, profile=None), run.results)).switch
    ids = [str(v["id"]) for v in run.header.vendors]
    for a in ids:
        for b in (b for b in ids if b != a):
            assert switch.pair(a, b).ok == covers(run, a, b), (a, b)
    for group in switch.groups:
        assert all(switch.pair(a, b).ok for a in group for b in group if a != b)
    grouped = [v for g in switch.groups for v in g]
    assert len(grouped) == len(set(grouped))


def split(run: ResultsFile, parts: int, seed: int) -> list[ResultsFile]:
    """Cut a run into per-job runs (random vendor subsets, overlapping results), each with its own id and time."""
    chooser = random.Random(seed)
    pieces = []
    for index in range(parts):
        keep = tuple(
            replace(r, outcome=chooser.choice(list(Outcome))) if chooser.random() < 0.3 else r
            for r in run.results
            if chooser.random() < 0.6
        )
        head = replace(run.header, run_id=f"job-{index:04d}-{seed}", started=f"2026-03-0{index + 1}T10:00:00+00:00")
        pieces.append(ResultsFile(head, keep))
    return pieces


@SETTINGS
@given(runs(), st.integers(1, 4), st.integers(0, 10_000), st.randoms(use_true_random=False))
def test_merge_does_not_depend_on_the_order_of_its_inputs(
    run: ResultsFile, parts: int, seed: int, rnd: random.Random
) -> None:
    pieces = split(run, parts, seed)
    first = merge_runs(pieces)
    shuffled = list(pieces)
    rnd.shuffle(shuffled)
    again = merge_runs(shuffled)
    assert again == first
    keys = {(r.vendor, r.test_id, r.requirement, r.target) for p in pieces for r in p.results}
    assert len(first.run.results) == len(keys)
    assert sorted(first.run.header.merged_from) == sorted(p.header.run_id for p in pieces)
    assert sum(len(d.dropped) for d in first.duplicates) == sum(len(p.results) for p in pieces) - len(keys)
    latest = {}
    for piece in sorted(pieces, key=lambda p: p.header.started):
        latest.update({(r.vendor, r.test_id, r.requirement, r.target): r for r in piece.results})
    assert sorted(first.run.results, key=repr) == sorted(latest.values(), key=repr)


@SETTINGS
@given(runs())
def test_merging_a_run_with_itself_changes_no_cell(run: ResultsFile) -> None:
    merged = merge_runs([run, run]).run
    before, after = build_matrix(run), build_matrix(merged)
    for row in before.rows:
        other = next(r for r in after.rows if r.id == row.id)
        assert other.lanes == row.lanes
        for lane in row.lanes:
            assert other.lane_counts(lane) == row.lane_counts(lane)
    assert exit_code(merged) == exit_code(run)


def test_worst_outcome_order_and_empty_cell() -> None:
    assert WORST_FIRST[0] is Outcome.FAIL and WORST_FIRST[-1] is Outcome.NOT_APPLICABLE
    assert Cell().state is State.NONE and Cell().counts.total == 0
