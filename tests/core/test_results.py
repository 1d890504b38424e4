"""The results file: appended and flushed per record, readable after a kill, redacted."""

from __future__ import annotations

import json
import os
import signal
from dataclasses import replace
from pathlib import Path

import pytest

from conformance.core.evidence import Locator
from conformance.core.harnessmessages import msg
from conformance.core.interrupt import Interrupted, Signals
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.results import (
    Finding,
    Header,
    Result,
    ResultsFile,
    ResultsWriter,
    read_header,
    read_run,
    restamp,
    write_run,
)
from conformance.core.secrets import Redactor
from conformance.reporting.merge import merge_runs


def result(name: str, outcome: Outcome = Outcome.PASS) -> Result:
    finding = Finding("value", msg("fault", error="token tok-99999 leaked"), locator=Locator("http://x/"))
    return Result(
        "acme",
        "ogcapi-features-1",
        "1.0",
        "http://c",
        f"http://r/{name}",
        Obligation.MUSS,
        "s",
        outcome,
        f"t::{name}",
        reason=msg("fault", error="token tok-99999 leaked"),
        findings=(finding,) if outcome is Outcome.FAIL else (),
    )


def test_records_are_on_disk_before_the_run_ends(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    writer = ResultsWriter(path, Header("run-123456", "0.1", "2026-11-25T10:00:00+00:00"), Redactor(["tok-99999"]))
    writer.add(result("a"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["requirement"] == "http://r/a"
    assert not read_run(path).complete
    writer.finish("2026-11-25T10:01:00+00:00")
    run = read_run(path)
    assert run.complete and run.header.finished == "2026-11-25T10:01:00+00:00"
    assert "tok-99999" not in path.read_text(encoding="utf-8")


def test_torn_last_line_is_skipped_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    run = read_run_after_write(path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"record": "result", "vendor": "ac')
    torn = read_run(path)
    assert len(torn.results) == len(run.results)
    assert torn.problems == ("line 4: incomplete record skipped (the run was interrupted)",)


def read_run_after_write(path: Path):  # type: ignore[no-untyped-def]
    writer = ResultsWriter(path, Header("run-123456", "0.1", "2026-11-25T10:00:00+00:00"), Redactor())
    writer.add(result("a"))
    writer.add(result("b", Outcome.FAIL))
    return read_run(path)


def test_round_trip_and_rewrite(tmp_path: Path) -> None:
    run = read_run_after_write(tmp_path / "a.jsonl")
    write_run(tmp_path / "b.jsonl", run)
    assert read_run(tmp_path / "b.jsonl") == run
    assert run.results[1].outcome is Outcome.FAIL


def test_not_a_results_file(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"record": "result"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="no header record"):
        read_run(path)


def test_an_interrupted_run_is_marked_and_never_complete(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    writer = ResultsWriter(path, Header("run-123456", "0.1", "2026-11-25T10:00:00+00:00"), Redactor(["tok-99999"]))
    writer.add(result("a"))
    writer.interrupt("2026-11-25T10:00:30+00:00", "SIGTERM")
    run = read_run(path)
    assert not run.complete and run.header.finished is None
    assert run.header.interrupted == {"at": "2026-11-25T10:00:30+00:00", "by": "SIGTERM"}
    assert [r.test_id for r in run.results] == ["t::a"] and "tok-99999" not in path.read_text(encoding="utf-8")


def test_restamp_keeps_whole_records_drops_a_torn_one_and_creates_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    run = read_run_after_write(path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"record": "result", "vendor": "ac')
    stamped = replace(run.header, interrupted={"at": "2026-11-25T10:00:30+00:00", "by": "SIGINT"})
    restamp(path, stamped)
    again = read_run(path)
    assert again.header == stamped and again.results == run.results and not again.problems
    assert read_header(path) == stamped
    restamp(tmp_path / "new" / "r.jsonl", stamped)
    assert read_run(tmp_path / "new" / "r.jsonl") == ResultsFile(stamped, ())
    assert read_header(tmp_path / "missing.jsonl") is None


def test_a_signal_inside_a_critical_block_is_raised_when_the_block_ends() -> None:
    signals = Signals()
    with signals.installed():
        with pytest.raises(Interrupted) as raised, signals.critical():
            os.kill(os.getpid(), signal.SIGTERM)
            held = True
        assert held and raised.value.signum == signal.SIGTERM and signals.name() == "SIGTERM"
        with pytest.raises(Interrupted):
            os.kill(os.getpid(), signal.SIGINT)
            raise AssertionError("outside a critical block the signal is raised at once")
    assert signal.getsignal(signal.SIGTERM) is not signals._handle


def test_a_merge_with_an_interrupted_run_stays_interrupted(tmp_path: Path) -> None:
    run = read_run_after_write(tmp_path / "a.jsonl")
    done = replace(run.header, run_id="run-done", finished="2026-11-25T10:01:00+00:00")
    stopped = replace(run.header, interrupted={"at": "2026-11-25T10:00:30+00:00", "by": "SIGINT"})
    merged = merge_runs([ResultsFile(done, run.results), ResultsFile(stopped, ())]).run
    assert not merged.complete and merged.header.interrupted == stopped.interrupted
