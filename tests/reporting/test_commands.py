"""``conformance report`` and ``conformance merge`` through the CLI, on stored and killed runs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import lxml.html
import pytest
from click.testing import CliRunner, Result

from conformance.cli import main
from conformance.core.results import ResultsFile, read_run, write_run
from tests.reporting.samples import sample_run, vendor

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "results.schema.json"


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def stored(tmp_path: Path, run: ResultsFile, name: str = "results.jsonl") -> Path:
    path = tmp_path / name
    write_run(path, run)
    return path


def killed(tmp_path: Path) -> Path:
    """A run killed mid-way: no end time in the header, and a torn last line."""
    path = stored(tmp_path, sample_run(finished=False))
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"record": "result", "vendor": "alp')
    return path


def test_report_html_to_stdout(tmp_path: Path) -> None:
    result = cli("report", str(stored(tmp_path, sample_run())))
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>") and "Wechselbarkeitsmatrix" in result.stdout


@pytest.mark.parametrize(
    ("suffix", "start"),
    [(".md", "## "), (".csv", "\ufeffvendor,"), (".json", "{"), (".xml", "<?xml"), (".html", "<!DOCTYPE html>")],
)
def test_report_format_follows_the_output_suffix(tmp_path: Path, suffix: str, start: str) -> None:
    out = tmp_path / "out" / f"report{suffix}"
    result = cli("report", str(stored(tmp_path, sample_run())), "-o", str(out), "--lang", "en")
    assert result.exit_code == 0 and str(out) in result.stderr
    assert out.read_text(encoding="utf-8").startswith(start)


def test_report_explicit_format_and_run_folder(tmp_path: Path) -> None:
    stored(tmp_path, sample_run())
    result = cli("report", str(tmp_path), "--format", "junit")
    assert result.exit_code == 0 and result.stdout.startswith("<?xml") and "<testsuites" in result.stdout
    csv_out = cli("report", str(tmp_path), "--format", "csv")
    assert csv_out.stdout.startswith("vendor,")


def test_report_renders_a_killed_run_marked_incomplete(tmp_path: Path) -> None:
    path = killed(tmp_path)
    result = cli("report", str(path))
    assert result.exit_code == 0
    assert "UNVOLLSTÄNDIGER LAUF" in result.stdout and "UNVOLLSTÄNDIGER LAUF" in result.stderr
    assert "incomplete record skipped" in result.stderr
    summary = cli("report", str(path), "--format", "md", "--lang", "en")
    assert "INCOMPLETE RUN" in summary.stdout


def test_report_exit_code_flag_gives_the_verdict(tmp_path: Path) -> None:
    assert cli("report", str(stored(tmp_path, sample_run())), "--exit-code").exit_code == 1
    run = sample_run(finished=False)
    passing = replace(
        run,
        results=tuple(r for r in run.results if r.vendor == "alpha"),
        header=replace(run.header, vendors=run.header.vendors[:1]),
    )
    assert cli("report", str(stored(tmp_path, passing, "p.jsonl")), "--exit-code").exit_code == 3


def test_report_of_something_else_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text('{"hello": "world"}\n', encoding="utf-8")
    result = cli("report", str(path))
    assert result.exit_code == 2 and "not a readable wechselbar results file" in result.stderr


def per_vendor(tmp_path: Path) -> list[Path]:
    run = sample_run()
    paths = []
    for index, vid in enumerate(("alpha", "beta", "gamma")):
        head = replace(
            run.header,
            run_id=f"job-{vid}-0001",
            started=f"2026-03-02T1{index}:00:00+00:00",
            vendors=tuple(v for v in run.header.vendors if v["id"] == vid),
        )
        paths.append(
            stored(tmp_path, ResultsFile(head, tuple(r for r in run.results if r.vendor == vid)), f"{vid}.jsonl")
        )
    return paths


def test_merge_per_vendor_jobs_into_one_matrix(tmp_path: Path) -> None:
    out = tmp_path / "merged" / "results.jsonl"
    result = cli("merge", *map(str, per_vendor(tmp_path)), "-o", str(out))
    assert result.exit_code == 1
    merged = read_run(out)
    assert [v["id"] for v in merged.header.vendors] == ["alpha", "beta", "gamma"]
    assert merged.header.merged_from == ("job-alpha-0001", "job-beta-0001", "job-gamma-0001")
    assert len(merged.results) == len(sample_run().results) and merged.complete
    assert {p.name for p in out.parent.iterdir()} >= {
        "matrix.html",
        "summary.md",
        "results.csv",
        "matrix.json",
        "junit.xml",
    }
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for line in out.read_text(encoding="utf-8").splitlines():
        validator.validate(json.loads(line))
    assert "Matrix:" in result.stdout


def test_merge_reports_duplicates_and_keeps_the_later_run(tmp_path: Path) -> None:
    run = sample_run()
    later = replace(
        run,
        header=replace(run.header, run_id="rerun-0002", started="2026-03-05T10:00:00+00:00"),
        results=tuple(
            replace(r, outcome=r.outcome.PASS, findings=(), exchanges=()) for r in run.results if r.vendor == "beta"
        ),
    )
    out = tmp_path / "m"
    result = cli(
        "merge", str(stored(tmp_path, later, "b.jsonl")), str(stored(tmp_path, run, "a.jsonl")), "-o", str(out)
    )
    assert result.exit_code == 3
    assert result.stderr.count("duplicate: beta") == 6 and "kept pass from run rerun-0002" in result.stderr
    assert all(r.outcome.value == "pass" for r in read_run(out / "results.jsonl").results if r.vendor == "beta")


def test_merge_refuses_runs_of_different_profiles(tmp_path: Path) -> None:
    run = sample_run()
    assert run.header.profile is not None
    other = replace(
        run, header=replace(run.header, run_id="other-0001", profile=replace(run.header.profile, name="Anderes Profil"))
    )
    result = cli(
        "merge",
        str(stored(tmp_path, run, "a.jsonl")),
        str(stored(tmp_path, other, "b.jsonl")),
        "-o",
        str(tmp_path / "out.jsonl"),
    )
    assert result.exit_code == 2 and "different profiles" in result.stderr and "Anderes Profil" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_merge_refuses_one_vendor_in_two_product_versions(tmp_path: Path) -> None:
    run = sample_run(profile=False)
    newer = {**vendor("alpha", "Alpha GmbH"), "version": "3.0.0"}
    other = replace(run, header=replace(run.header, run_id="other-0001", vendors=(newer,)))
    result = cli(
        "merge",
        str(stored(tmp_path, run, "a.jsonl")),
        str(stored(tmp_path, other, "b.jsonl")),
        "-o",
        str(tmp_path / "out.jsonl"),
    )
    assert result.exit_code == 2 and "vendor 'alpha' has version" in result.stderr


def test_merge_of_a_killed_run_stays_incomplete(tmp_path: Path) -> None:
    first = killed(tmp_path)
    result = cli("merge", str(first), str(per_vendor(tmp_path)[0]), "-o", str(tmp_path / "m" / "r.jsonl"))
    assert result.exit_code == 1
    merged = read_run(tmp_path / "m" / "r.jsonl")
    assert not merged.complete and "UNVOLLSTÄNDIGER LAUF" in (tmp_path / "m" / "matrix.html").read_text("utf-8")
    assert "incomplete record skipped" in result.stderr


FORMAT1 = Path(__file__).resolve().parent / "data" / "format1-demo.jsonl"


def test_a_format_1_file_renders_as_a_german_report_with_its_stored_english_texts() -> None:
    result = cli("report", str(FORMAT1), "--format", "html", "--lang", "de")
    assert result.exit_code == 0
    text = " ".join(lxml.html.fromstring(result.stdout).text_content().split())
    assert "nicht erfüllt" in text
    assert "Diese Ergebnisdatei ist älter als die Meldungscodes" in text
    assert "sampling cut" in text, "a format-1 text is shown as stored"
    english = cli("report", str(FORMAT1), "--format", "html", "--lang", "en")
    assert "predates message codes" not in english.stdout and "älter als die Meldungscodes" not in english.stdout


def test_a_run_with_message_codes_carries_no_format_1_note(tmp_path: Path) -> None:
    shown = cli("report", str(stored(tmp_path, sample_run())), "--format", "html", "--lang", "de")
    assert shown.exit_code == 0 and "älter als die Meldungscodes" not in shown.stdout


def test_a_file_of_an_unknown_format_is_refused_naming_the_format(tmp_path: Path) -> None:
    path = tmp_path / "future.jsonl"
    path.write_text('{"record": "header", "format": "wechselbar-results/3"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(path)])
    assert result.exit_code == 2
    assert "format 'wechselbar-results/3' cannot be read by wechselbar" in " ".join(result.stderr.split())
