"""Markdown, CSV, JSON and JUnit reports, the report files and the console summary."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from rich.console import Console

from conformance.core.evidence import legacy
from conformance.core.harnessmessages import HARNESS, msg
from conformance.core.outcomes import Outcome
from conformance.core.results import Finding, ResultsFile
from conformance.reporting.files import write_all
from conformance.reporting.i18n import Labels
from conformance.reporting.jsonmatrix import render_json
from conformance.reporting.junit import render_junit
from conformance.reporting.markdown import render_markdown
from conformance.reporting.model import build_report
from conformance.reporting.summary import print_summary
from conformance.reporting.tabular import FIELDS, render_csv
from conformance.reporting.text import short_requirement, value
from tests.reporting.samples import FEAT, HOSTILE, sample_run

XSD = Path(__file__).with_name("junit.xsd")


def test_markdown_is_short_escaped_and_complete() -> None:
    text = render_markdown(build_report(sample_run()), "de")
    lines = text.splitlines()
    assert len(lines) < 25 and len(text) < 4000
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == 2 + 3
    assert all(line.replace("\\|", "").count("|") == table[0].count("|") for line in table)
    assert "<script>" not in text and "<img" not in text and "&lt;script&gt;" in text
    assert table[2].startswith("| **Geoportal** 2.4.1 · Alpha GmbH | ✔ erfüllt das Profil | ✔ 4/4 MUSS · 2/2 SOLL |")
    assert "✘ erfüllt das Profil nicht" in text and "nicht anwendbar" in text and "nicht anwendbar)" not in text
    assert "| ! 0/4 MUSS · 0/2 SOLL · 6 Fehler ohne Urteil | – kein Prüfziel |" in table[4]
    assert "– Was zum Profil fehlt:\n  - ogcapi-features-1 – nicht erfüllt: MUSS /req/geojson/content" in text
    assert "UNVOLLSTÄNDIG" not in text and "Exit-Code 1" in text


def test_markdown_incomplete_and_english() -> None:
    text = render_markdown(build_report(sample_run(profile=False, finished=False)), "en")
    assert "**⚠ INCOMPLETE RUN**" in text.splitlines()[2]
    assert "✘ requirements failed" in text and "SHALL" in text and "MUSS" not in text


def test_csv_has_one_row_per_result_and_defuses_formulas() -> None:
    run = sample_run()
    evil = replace(run.results[0], reason=legacy('=HYPERLINK("http://evil")'), vendor="alpha")
    rows = list(
        csv.DictReader(io.StringIO(render_csv(build_report(ResultsFile(run.header, (evil, *run.results[1:]))), "de")))
    )
    assert len(rows) == len(run.results) and tuple(rows[0]) == FIELDS
    assert {r["vendor"] for r in rows} == {"alpha", "beta", "gamma"}
    assert any(r["reason"] == '\'=HYPERLINK("http://evil")' for r in rows)
    fail = next(r for r in rows if r["requirement"].endswith("/req/geojson/content") and r["vendor"] == "beta")
    assert fail["outcome"] == "fail" and fail["outcome_label"] == "nicht erfüllt"
    assert fail["expected"] == "application/geo+json" and "application/json" in fail["actual"]
    assert fail["http"] == "GET https://v.example/collections/a/items?f=json → 200"
    assert fail["class"] == "geojson" and fail["profile_obligation"] == "MUSS" and fail["run_complete"] == "yes"
    assert all("\x00" not in v for r in rows for v in r.values())


def test_json_matrix_has_every_lane_cell_verdict_and_pair() -> None:
    data = json.loads(render_json(build_report(sample_run()), "en"))
    assert data["format"] == "wechselbar-matrix/2" and data["exit_code"] == 1 and data["run"]["complete"]
    assert len(data["columns"]) == 4
    assert [len(v["cells"]) for v in data["vendors"]] == [4, 4, 3]
    alpha = data["vendors"][0]
    assert alpha["verdict"]["state"] == "meets" and alpha["label"] == "Geoportal 2.4.1 – Alpha GmbH"
    assert alpha["cells"][0]["text"] == "3/3 SHALL · 1/1 SHOULD" and alpha["cells"][0]["state"] == "pass"
    assert alpha["cells"][0]["counts"]["MUSS"]["pass"] == 3
    assert alpha["cells"][0]["target"] == "https://alpha.example/ogcapi-features-1"
    lane = alpha["lanes"][0]
    assert (lane["standard"], lane["target"]) == ("ogcapi-features-1", "https://alpha.example/ogcapi-features-1")
    assert lane["counts"]["MUSS"] == {
        "pass": 4,
        "fail": 0,
        "error": 0,
        "skip": 0,
        "not_applicable": 1,
        "not_verified": 0,
        "waived": 0,
    }
    beta = data["vendors"][1]["verdict"]["missing"][0]
    assert beta["kind"] == "failed" and beta["target"] == "https://beta.example/ogcapi-features-1"
    assert len(data["switchability"]["pairs"]) == 6 and data["switchability"]["rule"] == "profile"
    assert data["waivers"][0]["status"] == "applied" and data["notes"][0]["vendor"] == "alpha"


@pytest.fixture(scope="module")
def junit() -> etree._Element:
    return etree.fromstring(render_junit(build_report(sample_run()), "de"))


def test_junit_validates_against_the_common_shape(junit: etree._Element) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(junit), schema.error_log


def test_junit_has_one_testcase_per_vendor_and_requirement(junit: etree._Element) -> None:
    run = sample_run()
    cases = junit.findall("testsuite/testcase")
    assert len(cases) == len({(r.vendor, r.requirement) for r in run.results}) == len(run.results)
    assert junit.get("tests") == str(len(cases)) and junit.get("failures") == "2" and junit.get("errors") == "6"
    assert junit.get("skipped") == "3"
    names = {(c.get("classname"), c.get("name")) for c in cases}
    assert len(names) == len(cases)
    assert ("beta.ogcapi-features-1.geojson", f"{FEAT}/req/geojson/content") in names
    assert {s.get("timestamp") for s in junit.findall("testsuite")} == {"2026-03-02T10:00:00"}


def test_junit_outcomes_and_properties(junit: etree._Element) -> None:
    def case(vendor: str, tail: str) -> etree._Element:
        return next(
            c
            for c in junit.iter("testcase")
            if c.get("classname").startswith(vendor + ".") and c.get("name").endswith(tail)
        )

    failed = case("beta", "/req/geojson/content")
    props = {p.get("name"): p.get("value") for p in failed.findall("properties/property")}
    assert props["requirement"].endswith("/req/geojson/content") and props["class"].endswith("/conf/geojson")
    assert props["obligation"] == "MUSS" and props["profile_obligation"] == "MUSS"
    failure = failed.find("failure")
    assert failure is not None and "erwartet: application/geo+json" in failure.text
    assert "- [Medientyp] Features ausgeliefert als application/json" in failure.text
    assert "GET https://v.example/collections/a/items?f=json -> 200" in failure.text
    assert case("gamma", "/req/core/root-op").find("error") is not None
    assert case("beta", "/rec/core/fc-md-descriptions").find("skipped").get("type") == "waived"
    assert case("alpha", "/req/html/content").find("skipped").get("message").startswith("nicht anwendbar")
    assert case("alpha", "/req/core/root-op").find("*[last()]").tag == "properties"
    hostile = case("beta", "/rec/geojson/mediatype").find("failure").text
    assert HOSTILE.split("\x00")[0] in hostile and "\x00" not in hostile


def test_write_all_writes_every_format_next_to_the_results(tmp_path: Path) -> None:
    paths = write_all(build_report(sample_run()), tmp_path, "de")
    assert {p.name for p in paths.values()} == {"matrix.html", "summary.md", "results.csv", "matrix.json", "junit.xml"}
    assert all(p.parent == tmp_path and p.stat().st_size > 200 for p in paths.values())
    assert paths["csv"].read_bytes().startswith(b"\xef\xbb\xbf")
    assert (paths["csv"].stat().st_mode & 0o777) == 0o644


def test_console_summary_shows_cells_verdicts_and_the_matrix_path(tmp_path: Path) -> None:
    console = Console(record=True, width=200, color_system=None)
    print_summary(build_report(sample_run(finished=False)), {"html": tmp_path / "matrix.html"}, "de", console)
    text = console.export_text()
    assert "UNVOLLSTÄNDIGER LAUF" in text and f"Matrix: {tmp_path / 'matrix.html'}" in text
    assert re.search(r"Geoportal +ogcapi-features-1 .*\n 2\.4\.1 +oparl-1\.1 .*\n Alpha GmbH ", text)
    assert re.search(r"ogcapi-features-1 +✔ 4/4 +2/2 *\n", text)
    assert (
        "erfüllt das Profil nicht" in text
        and "Exit-Code 1" in text
        and "nicht anwendbar" not in text.split("MUSS, SOLL:")[0]
    )


@pytest.mark.parametrize("width", [80, 160])
def test_console_table_fits_the_terminal_one_line_per_vendor_target(width: int) -> None:
    console = Console(record=True, width=width, color_system=None)
    print_summary(build_report(sample_run()), {}, "en", console)
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= width
    head = lines[: lines.index(next(x for x in lines if x.startswith("SHALL, SHOULD:")))]
    table = " ".join(" ".join(head).split())
    assert "6 errors" in table and "verdict" in table and "1 skipped" in table and "1 waived" in table
    rows = [line for line in head if re.search(r"(ogcapi-features-1|oparl-1\.1) ", line)]
    assert len(rows) == 2 + 2 + 1
    assert all(re.search(r"(ogcapi-features-1|oparl-1\.1) +[✔✘!–]( \d+/\d+)? ", line) for line in rows)


def test_error_outcome_without_evidence_still_renders() -> None:
    run = sample_run()
    bare = replace(
        run.results[0], outcome=Outcome.ERROR, findings=(Finding("x", legacy("m"), exchange=99),), exchanges=()
    )
    only = ResultsFile(run.header, (bare,))
    assert etree.fromstring(render_junit(build_report(only), "en")).find("testsuite/testcase/error") is not None
    assert render_csv(build_report(only), "en").count("\r\n") == 2


def test_requirements_are_shortened_to_their_path_or_section() -> None:
    assert short_requirement(f"{FEAT}/req/core/root-op") == "/req/core/root-op"
    assert short_requirement("OParl 1.1 §2.3.2 HTTP und HTTPS/one-scheme") == "§2.3.2 HTTP und HTTPS/one-scheme"
    assert short_requirement("urn:xoev-de:xdomea:kosit:standard:xdomea_3.0.0/Konformitaet/Schema") == "Schema"


def test_a_phrase_as_expected_or_actual_shows_in_the_report_s_language_data_as_it_is() -> None:
    phrase = msg("class-claimed", cls="html")
    assert value(phrase, Labels("en", HARNESS)) == "class html claimed"
    assert value(phrase, Labels("de", HARNESS)) == "Konformität zur Klasse html erklärt"
    assert value({"limit": 10}, Labels("de")).startswith("{")
    assert value(phrase.to_json(), Labels("de", HARNESS)).startswith("{"), "data that looks like a message is data"


def test_an_interrupted_run_carries_the_banner_in_every_format(tmp_path: Path) -> None:
    run = sample_run(profile=False)
    stop = {"at": "2026-11-25T10:00:30+00:00", "by": "SIGTERM"}
    stopped = ResultsFile(replace(run.header, finished=None, interrupted=stop), run.results)
    paths = write_all(build_report(stopped), tmp_path, "en")
    said = "Stopped by SIGTERM (2026-11-25T10:00:30+00:00); “conformance run --resume”"
    for fmt in ("html", "md"):
        text = paths[fmt].read_text(encoding="utf-8")
        assert "INCOMPLETE RUN" in text and said in text, fmt
    rows = list(csv.DictReader(io.StringIO(paths["csv"].read_text(encoding="utf-8-sig"))))
    assert rows[0]["outcome"] == "incomplete" and said in rows[0]["reason"] and not rows[0]["vendor"]
    assert len(rows) == len(run.results) + 1 and {r["run_complete"] for r in rows} == {"no"}
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["run"]["interrupted"] == stop and not data["run"]["complete"] and said in data["run"]["banner"]
    junit = etree.parse(str(paths["junit"]), etree.XMLParser(resolve_entities=False)).getroot()
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(junit)
    assert junit.find("testsuite").get("name") == "wechselbar.run" and junit.get("errors") == str(
        1 + sum(r.outcome is Outcome.ERROR for r in run.results)
    )
    assert said in junit.find("testsuite/testcase/error").get("message")
    console = Console(record=True, width=400, color_system=None)
    print_summary(build_report(stopped), paths, "en", console, code=143)
    text = console.export_text()
    assert "INCOMPLETE RUN" in text and said in text and "Exit code 143" in text
