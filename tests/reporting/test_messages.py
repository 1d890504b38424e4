"""Reports render every message of a results file from the catalogue in its header, in the chosen language: reasons,
notes, findings, phrases as expected or actual values, what was examined. The results file keeps code, parameters
and the English text."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from conformance.core.evidence import Locator
from conformance.core.harnessmessages import HARNESS, msg
from conformance.core.judgement import Examined
from conformance.core.messages import Catalogue
from conformance.core.outcomes import Outcome
from conformance.core.results import Finding, ResultsFile, read_run, write_run
from conformance.harness.outcome import classify
from conformance.reporting.files import render
from conformance.reporting.i18n import Labels
from conformance.reporting.merge import merge_runs
from conformance.reporting.model import build_report
from tests.reporting.samples import FEAT, header, result, vendor

THIRD = Catalogue.of(
    {
        "city.form-missing": ("the application form {form} is missing", "das Antragsformular {form} fehlt"),
        "city.forms": ("application forms", "Antragsformulare"),
        "city.a-form": ("an application form", "ein Antragsformular"),
        "city.cut": (
            "sampling cut: fetched {count} of {total} files",
            "Stichprobe: {count} von {total} Dateien abgerufen",
        ),
    }
)


def run_with_messages() -> ResultsFile:
    """A run of a suite no report machine has installed: its wordings exist only in the results header."""
    unclaimed = msg("not-claimed", cls="html", source=msg("source-vendors-file"))
    finding = Finding(
        "missing",
        THIRD("city.form-missing", form="A-17"),
        "",
        Locator("https://city.example/forms"),
        THIRD("city.a-form"),
        None,
    )
    results = (
        replace(
            result("alpha", 0, Outcome.PASS),
            examined=(Examined(12, THIRD("city.forms")),),
            notes=(THIRD("city.cut", count=3, total=26),),
        ),
        replace(result("alpha", 6, Outcome.NOT_APPLICABLE), reason=unclaimed),
        replace(result("alpha", 1, Outcome.ERROR), reason=msg("error.TargetUnreachable", detail="connection refused")),
        replace(
            result("alpha", 4, Outcome.FAIL),
            reason=msg("more-findings", text=finding.message, count=601),
            findings=(finding,),
            findings_omitted=601,
        ),
    )
    return ResultsFile(replace(header([vendor("alpha", "Alpha")]), messages=HARNESS.merged(THIRD)), results)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> ResultsFile:
    path = tmp_path_factory.mktemp("m") / "results.jsonl"
    write_run(path, run_with_messages())
    return read_run(path)


GERMAN = (
    "das Antragsformular A-17 fehlt (+601 weitere)",
    "das Antragsformular A-17 fehlt",
    "ein Antragsformular",
    "Stichprobe: 3 von 26 Dateien abgerufen",
    "12 Antragsformulare",
    "Konformität zur Klasse html nicht erklärt (Lieferantendatei)",
    "nicht erreichbar: connection refused",
)
ENGLISH = (
    "the application form A-17 is missing (+601 more)",
    "an application form",
    "sampling cut: fetched 3 of 26 files",
    "12 application forms",
    "class html not claimed (the vendors file)",
    "TargetUnreachable: connection refused",
)


def test_the_german_matrix_renders_every_message_from_the_header(stored: ResultsFile) -> None:
    text = " ".join(lxml.html.fromstring(render(build_report(stored), "html", "de")).text_content().split())
    for part in (*GERMAN, "601 weitere Befunde, nicht aufgeführt"):
        assert part in text, part
    for english in ENGLISH:
        assert english not in text, english


def test_the_english_matrix_shows_the_english_wording(stored: ResultsFile) -> None:
    text = " ".join(lxml.html.fromstring(render(build_report(stored), "html", "en")).text_content().split())
    for part in (*ENGLISH, "601 further findings, not listed"):
        assert part in text, part


def test_csv_junit_json_and_markdown_are_german_too(stored: ResultsFile) -> None:
    report = build_report(stored)
    rows = list(csv.DictReader(io.StringIO(render(report, "csv", "de", for_file=False).decode())))
    fail = next(r for r in rows if r["outcome"] == "fail")
    assert fail["reason"] == GERMAN[0] and fail["findings"] == GERMAN[1] and fail["expected"] == GERMAN[2]
    assert fail["findings_omitted"] == "601"
    passed = next(r for r in rows if r["outcome"] == "pass")
    assert passed["notes"] == GERMAN[3] and passed["examined"] == GERMAN[4]
    junit = render(report, "junit", "de").decode()
    assert GERMAN[0] in junit and "erwartet: ein Antragsformular" in junit and "[fehlt]" in junit
    matrix = json.loads(render(report, "json", "de"))
    requirement = next(
        r
        for v in matrix["vendors"]
        for c in v["cells"]
        for r in c["requirements"]
        if r["outcome"] == "pass" and r["examined"]
    )
    assert requirement["examined"] == [{"count": 12, "text": "Antragsformulare"}]
    assert matrix["notes"] == [{"vendor": "alpha", "requirement": f"{FEAT}/req/core/root-op", "text": GERMAN[3]}]


def test_the_results_file_keeps_code_parameters_and_english(stored: ResultsFile) -> None:
    fail = next(r for r in stored.results if r.outcome is Outcome.FAIL)
    assert fail.reason is not None and fail.reason.code == "harness.more-findings"
    assert fail.reason.text == ENGLISH[0] and fail.reason.params["count"] == 601
    assert fail.findings[0].message.code == "city.form-missing" and fail.findings[0].message.params == {"form": "A-17"}


def test_a_code_the_header_lacks_falls_back_to_its_english_text(stored: ResultsFile) -> None:
    bare = ResultsFile(replace(stored.header, messages=Catalogue()), stored.results)
    text = lxml.html.fromstring(render(build_report(bare), "html", "de")).text_content()
    assert "the application form A-17 is missing" in text


def test_a_harness_fault_reads_in_german() -> None:
    try:
        raise KeyError("links")
    except KeyError:
        excinfo = pytest.ExceptionInfo.from_current()
    reason = classify(excinfo).reason
    assert reason is not None and reason.code == "harness.fault"
    assert Labels("de", HARNESS).msg(reason) == "Fehler im Prüfwerkzeug: KeyError: 'links'"


def test_a_third_party_catalogue_survives_a_merge(tmp_path: Path, stored: ResultsFile) -> None:
    other = ResultsFile(
        replace(header([vendor("beta", "Beta")], run_id="run-0002-bbbb"), messages=HARNESS),
        (result("beta", 0, Outcome.PASS),),
    )
    merged = merge_runs([stored, other]).run
    write_run(tmp_path / "m.jsonl", merged)
    assert "city.form-missing" in read_run(tmp_path / "m.jsonl").header.messages
    assert GERMAN[0] in render(build_report(merged), "html", "de").decode()
