"""The results file: appended and flushed per record, readable after a kill, redacted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conformance.core.outcomes import Outcome
from conformance.core.results import Header, Result, ResultsWriter, read_run, write_run
from conformance.core.secrets import Redactor


def result(name: str, outcome: Outcome = Outcome.PASS) -> Result:
    return Result("acme", "ogcapi-features-1", "1.0", "http://c", f"http://r/{name}", "MUSS", "s", outcome,
                  f"t::{name}", reason="token tok-99999 leaked")


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
