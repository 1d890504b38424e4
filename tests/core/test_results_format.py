"""Results file format 2: every record typed, written and read in one place, each line checked against the schema
on reading; format 1 files still read (their texts as legacy messages); any other format refused by name."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conformance.core.evidence import LEGACY, Exchange, Locator
from conformance.core.harnessmessages import msg
from conformance.core.judgement import Examined
from conformance.core.messages import Message
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.results import (
    FORMAT,
    Finding,
    ResultsFile,
    ResultsFileError,
    WaiverRecord,
    WaiverStatus,
    read_run,
    write_run,
)
from tests.reporting.samples import SAMPLE, header, result, sample_run, vendor

FORMAT1 = Path(__file__).resolve().parents[1] / "reporting" / "data" / "format1-demo.jsonl"


def full_result() -> ResultsFile:
    """A result with every member set: messages nested in parameters, a phrase as expected value, a waiver."""
    phrase = msg("class-claimed", cls="urn:x/conf/core")
    finding = Finding(
        "missing",
        msg("required-not-claimed"),
        "urn:x/req/a",
        Locator("https://x.example/", "", None, 3, 7),
        phrase,
        None,
        0,
    )
    waiver = WaiverRecord("alpha", "urn:x/req/a", "fix in 2.5", "2026-12-31", WaiverStatus.EXPIRED, "T-1")
    reason = msg("waiver-expired", date="2026-12-31", text=msg("required-not-claimed"))
    item = replace(
        result("alpha", 0, Outcome.FAIL),
        reason=reason,
        findings=(finding,),
        waiver=waiver,
        notes=(SAMPLE("sample.sampling-cut", count=3, total=26),),
        profile_obligation=Obligation.MUSS,
        examined=(Examined(0, SAMPLE("sample.features")),),
        findings_omitted=4,
        revision=2,
        exchanges=(Exchange("GET", "https://x.example/", None, error="connect timeout"),),
    )
    return ResultsFile(header([vendor("alpha", "Alpha")]), (item, result("alpha", 1, Outcome.PASS)))


def test_every_member_survives_writing_and_reading(tmp_path: Path) -> None:
    run = full_result()
    write_run(tmp_path / "r.jsonl", run)
    again = read_run(tmp_path / "r.jsonl")
    assert again == run
    finding = again.results[0].findings[0]
    assert isinstance(finding.expected, Message) and finding.actual is None and finding.locator.line == 3
    lines = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
    head, first = json.loads(lines[0]), json.loads(lines[1])
    assert head["format"] == FORMAT == "wechselbar-results/2"
    assert head["messages"]["sample.features"] == {
        "en": "features on the first page",
        "de": "Features auf der ersten Seite",
    }
    assert first["findings"][0]["code"] == "harness.required-not-claimed"
    assert first["findings"][0]["expected"] == {"message": phrase_json()}
    assert first["reason"]["params"]["text"]["code"] == "harness.required-not-claimed"


def phrase_json() -> dict[str, object]:
    return msg("class-claimed", cls="urn:x/conf/core").to_json()


def test_data_that_looks_like_a_message_stays_data(tmp_path: Path) -> None:
    hostile = {"code": "harness.fault", "params": {"error": "x"}, "text": "x"}
    item = replace(
        result("alpha", 0, Outcome.FAIL), findings=(Finding("value", msg("fault", error="e"), actual=hostile),)
    )
    write_run(tmp_path / "r.jsonl", ResultsFile(header([]), (item,)))
    assert read_run(tmp_path / "r.jsonl").results[0].findings[0].actual == hostile


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("", "empty file"),
        ('{"record": "result"}\n', "no header record on line 1"),
        ("not json\n", "line 1 is not JSON"),
        (
            '{"record": "header", "format": "wechselbar-results/3"}\n',
            "format 'wechselbar-results/3' cannot be read by wechselbar",
        ),
        ('{"record": "header"}\n', "format None cannot be read"),
    ],
)
def test_what_is_not_a_results_file_is_refused_naming_why(tmp_path: Path, content: str, said: str) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsFileError, match=said.replace("(", r"\(")):
        read_run(path)


def lines_of(tmp_path: Path) -> list[dict[str, object]]:
    write_run(tmp_path / "r.jsonl", sample_run())
    return [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]


def rewritten(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_an_invalid_record_is_refused_naming_line_and_path(tmp_path: Path) -> None:
    records = lines_of(tmp_path)
    records[3]["findings"] = [
        {
            "kind": "x",
            "code": "c",
            "params": {},
            "text": "t",
            "requirement": "",
            "locator": {"line": "seven"},
            "expected": None,
            "actual": None,
        }
    ]
    with pytest.raises(
        ResultsFileError,
        match=r"line 4: not a valid result record of wechselbar-results/2 at "
        r"/findings/0/locator/line: \"seven\" is not of type \"integer\"",
    ):
        read_run(rewritten(tmp_path, records))


def test_a_fail_without_a_finding_and_an_unknown_member_are_invalid(tmp_path: Path) -> None:
    records = lines_of(tmp_path)
    failing = next(i for i, r in enumerate(records) if r.get("outcome") == "fail")
    records[failing]["findings"] = []
    with pytest.raises(ResultsFileError, match=f"line {failing + 1}: .* at /findings"):
        read_run(rewritten(tmp_path, records))
    records = lines_of(tmp_path)
    records[0]["colour"] = "red"
    with pytest.raises(ResultsFileError, match="line 1: not a valid header record"):
        read_run(rewritten(tmp_path, records))


def test_a_duplicate_result_and_a_second_header_are_refused(tmp_path: Path) -> None:
    records = lines_of(tmp_path)
    with pytest.raises(ResultsFileError, match=r"line 23: a second result of .* for gamma .*line 22"):
        read_run(rewritten(tmp_path, [*records, records[-1]]))
    with pytest.raises(ResultsFileError, match="line 3: a second header record"):
        read_run(rewritten(tmp_path, [*records[:2], records[0], *records[2:]]))


def test_a_broken_line_inside_the_file_is_fatal_a_torn_last_line_is_not(tmp_path: Path) -> None:
    path = rewritten(tmp_path, lines_of(tmp_path))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + lines[5][:40], encoding="utf-8")
    assert read_run(path).problems == ("line 23: incomplete record skipped (the run was interrupted)",)
    path.write_text("".join([*lines[:5], lines[5][:40] + "\n", *lines[6:]]), encoding="utf-8")
    with pytest.raises(ResultsFileError, match="line 6 is not JSON"):
        read_run(path)


def test_a_format_1_file_still_reads_with_its_texts_as_legacy_messages() -> None:
    run = read_run(FORMAT1)
    assert json.loads(FORMAT1.read_text(encoding="utf-8").splitlines()[0])["format"] == "wechselbar-results/1"
    assert len(run.results) == 59 and run.header.profile is not None and not run.header.messages
    failing = [r for r in run.results if r.outcome is Outcome.FAIL]
    assert failing and all(r.reason and r.reason.code == LEGACY and r.reason.text for r in failing)
    assert all(f.message.code == LEGACY for r in failing for f in r.findings)
    assert any(n.code == LEGACY and n.text.startswith("sampling cut") for r in run.results for n in r.notes)
    waived = [r for r in run.results if r.waiver]
    assert waived and waived[0].waiver and waived[0].waiver.status is WaiverStatus.APPLIED
    assert all(isinstance(r.obligation, Obligation) for r in run.results)


def test_a_format_1_file_is_checked_against_its_own_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.jsonl"
    shutil.copy(FORMAT1, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[2])
    broken["outcome"] = "splendid"
    path.write_text("\n".join([*lines[:2], json.dumps(broken), *lines[3:]]) + "\n", encoding="utf-8")
    with pytest.raises(ResultsFileError, match="line 3: not a valid result record of wechselbar-results/1 at /outcome"):
        read_run(path)


def test_a_format_1_file_written_again_is_format_2(tmp_path: Path) -> None:
    run = read_run(FORMAT1)
    write_run(tmp_path / "new.jsonl", run)
    again = read_run(tmp_path / "new.jsonl")
    assert again == run
    assert json.loads((tmp_path / "new.jsonl").read_text(encoding="utf-8").splitlines()[0])["format"] == FORMAT
