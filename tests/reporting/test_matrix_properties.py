"""Properties of the aggregation into matrix cells, the verdicts, the exit code and the merge of runs."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.core.outcomes import Outcome
from conformance.core.results import Result, Run
from conformance.reporting.matrix import OBLIGATIONS, WORST_FIRST, Cell, Counts, State, build_matrix
from conformance.reporting.merge import merge_runs
from conformance.reporting.text import cell_text
from conformance.reporting.verdict import EXIT_ERROR, EXIT_FAIL, EXIT_OK, VerdictState, exit_code, vendor_verdicts
from tests.reporting.strategies import runs

SETTINGS = settings(max_examples=150, deadline=None)


def expected_outcomes(run: Run, vendor: str, standard: str, cls: str) -> dict[str, tuple[str, Outcome]]:
    """Per requirement, computed independently: the obligation and the worst outcome of its results."""
    found: dict[str, list[Result]] = {}
    for r in run.results:
        if (r.vendor, r.standard, r.cls) == (vendor, standard, cls):
            found.setdefault(r.requirement, []).append(r)
    return {req: (rs[0].obligation, min((r.outcome for r in rs), key=WORST_FIRST.index)) for req, rs in found.items()}


def expected_state(outcomes: dict[str, tuple[str, Outcome]]) -> State:
    """The colour rules, written out: red a MUSS fail; amber errors, waivers, skips or other fails; grey nothing."""
    values = set(outcomes.values())
    if ("MUSS", Outcome.FAIL) in values:
        return State.FAIL
    if {o for _, o in values} & {Outcome.ERROR, Outcome.WAIVED, Outcome.SKIP, Outcome.FAIL}:
        return State.WARN
    return State.PASS if any(o is Outcome.PASS for _, o in values) else State.NONE


@SETTINGS
@given(runs())
def test_cells_count_each_requirement_once_and_follow_the_colour_rules(run: Run) -> None:
    matrix = build_matrix(run)
    assert {row.id for row in matrix.rows} >= {r.vendor for r in run.results}
    for row in matrix.rows:
        for column in matrix.columns:
            cell = row.cell(column)
            wanted = expected_outcomes(run, row.id, column.standard, column.uri)
            counts = cell.counts
            assert counts.total == len(wanted) == len(cell.requirements)
            for obligation in OBLIGATIONS:
                mine = [o for ob, o in wanted.values() if ob == obligation]
                assert counts.passed(obligation) == mine.count(Outcome.PASS)
                assert counts.judged(obligation) == sum(o.is_verdict or o is Outcome.ERROR for o in mine)
                assert sum(counts.get(obligation, o) for o in Outcome) == len(mine)
            assert cell.state is expected_state(wanted)
            assert "%" not in cell_text(counts, "de")


@SETTINGS
@given(runs())
def test_every_result_lands_in_exactly_one_cell(run: Run) -> None:
    matrix = build_matrix(run)
    placed = [res for row in matrix.rows for cell in row.cells.values() for req in cell.requirements
              for res in req.results]
    assert sorted(placed, key=repr) == sorted(run.results, key=repr)
    assert {(c.standard, c.uri) for c in matrix.columns} >= {(r.standard, r.cls) for r in run.results}


@SETTINGS
@given(runs())
def test_a_standard_cell_is_the_sum_of_its_class_cells(run: Run) -> None:
    matrix = build_matrix(run)
    for row in matrix.rows:
        for standard in matrix.standards:
            parts = [row.cell(c).counts for c in matrix.columns_of(standard)]
            total = row.standard_counts(standard)
            assert total == sum(parts, Counts())
            if any(p.state is State.FAIL for p in parts):
                assert total.state is State.FAIL
            if all(p.state is State.NONE for p in parts):
                assert total.state is State.NONE


@SETTINGS
@given(runs())
def test_exit_code_follows_the_verdicts(run: Run) -> None:
    verdicts = vendor_verdicts(run)
    code = exit_code(run, verdicts)
    states = {v.state for v in verdicts}
    required = [r for r in run.results if (r.profile_obligation, r.obligation) == ("MUSS", "MUSS")] \
        if run.header.profile is not None else list(run.results)
    if any(r.outcome is Outcome.FAIL for r in required):
        assert code == EXIT_FAIL
    if code == EXIT_OK:
        assert run.complete and states <= {VerdictState.MEETS}
        assert all(r.outcome not in (Outcome.FAIL, Outcome.ERROR) for r in required)
    if not run.complete:
        assert code in (EXIT_FAIL, EXIT_ERROR)
    assert (code == EXIT_FAIL) == (VerdictState.FAILS in states)


def split(run: Run, parts: int, seed: int) -> list[Run]:
    """Cut a run into per-job runs (random vendor subsets, overlapping results), each with its own id and time."""
    chooser = random.Random(seed)
    pieces = []
    for index in range(parts):
        keep = tuple(replace(r, outcome=chooser.choice(list(Outcome))) if chooser.random() < 0.3 else r
                     for r in run.results if chooser.random() < 0.6)
        head = replace(run.header, run_id=f"job-{index:04d}-{seed}", started=f"2026-03-0{index + 1}T10:00:00+00:00")
        pieces.append(Run(head, keep))
    return pieces


@SETTINGS
@given(runs(), st.integers(1, 4), st.integers(0, 10_000), st.randoms(use_true_random=False))
def test_merge_does_not_depend_on_the_order_of_its_inputs(run: Run, parts: int, seed: int, rnd: random.Random) -> None:
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
def test_merging_a_run_with_itself_changes_no_cell(run: Run) -> None:
    merged = merge_runs([run, run]).run
    before, after = build_matrix(run), build_matrix(merged)
    for row in before.rows:
        other = next(r for r in after.rows if r.id == row.id)
        for column in before.columns:
            assert other.cell(column).counts == row.cell(column).counts
    assert exit_code(merged) == exit_code(run)


def test_worst_outcome_order_and_empty_cell() -> None:
    assert WORST_FIRST[0] is Outcome.FAIL and WORST_FIRST[-1] is Outcome.NOT_APPLICABLE
    assert Cell().state is State.NONE and Cell().counts.total == 0
