"""Harness reasons are rendered in the report's language; the results file keeps them as written."""

from __future__ import annotations

from dataclasses import replace

import lxml.html
import pytest

from conformance.core.outcomes import Outcome
from conformance.core.results import Run
from conformance.harness.outcome import classify
from conformance.reporting.files import render
from conformance.reporting.findings import german
from conformance.reporting.html import render_html
from conformance.reporting.reasons import localise
from tests.reporting.samples import FEAT, header, result, vendor

GERMAN = [
    ("class urn:x/conf/cii-cvd not claimed (the vendors file)",
     "Konformität zur Klasse urn:x/conf/cii-cvd nicht erklärt (Lieferantendatei)"),
    ("class html not claimed (the implementation's declaration)",
     "Konformität zur Klasse html nicht erklärt (Konformitätserklärung der Implementierung)"),
    ("required by the profile, not claimed", "vom Profil gefordert, Konformität aber nicht erklärt"),
    ("waived until 2027-03-31: Korrektur zugesagt (finding: asked for geo+json (+2 more))",
     "ausgenommen bis 2027-03-31: Korrektur zugesagt (Befund: asked for geo+json (+2 weitere))"),
    ("waiver expired on 2026-01-31; class html not claimed (the vendors file)",
     "Ausnahme abgelaufen am 2026-01-31; Konformität zur Klasse html nicht erklärt (Lieferantendatei)"),
    ("vendor acme gives no URL for oparl-1.1", "Lieferant acme nennt keine URL für oparl-1.1"),
    ("vendor acme names no export paths or URLs for xrechnung-3.0",
     "Lieferant acme nennt keine Exportdateien für xrechnung-3.0"),
    ("rejected: 2 error(s): BR-CO-15, BR-CO-16", "abgelehnt: 2 Fehler: BR-CO-15, BR-CO-16"),
    ("TargetUnreachable: GET https://geo.example/: connection refused",
     "nicht erreichbar: GET https://geo.example/: connection refused"),
    ("DeadlineExceeded: 120 s", "Zeitlimit der Prüfung überschritten: 120 s"),
    ("harness fault: KeyError: 'links'", "Fehler im Prüfwerkzeug: KeyError: 'links'"),
]


@pytest.mark.parametrize(("written", "german"), GERMAN)
def test_harness_wordings_are_german_in_german_reports_and_unchanged_in_english(written: str, german: str) -> None:
    assert localise(written, "de") == german
    assert localise(written, "en") == written


def test_a_suite_s_own_wording_stays_as_written() -> None:
    for text in ("GET /items: the body is not JSON (Expecting value)", "", "class html not claimed (somewhere)"):
        assert localise(text, "de") == text


def test_classify_writes_reasons_the_patterns_know() -> None:
    try:
        raise KeyError("links")
    except KeyError:
        excinfo = pytest.ExceptionInfo.from_current()
    reason = classify(excinfo).reason_text
    assert localise(reason, "de") == "Fehler im Prüfwerkzeug: KeyError: 'links'"


def _run() -> Run:
    results = (result("alpha", 0, Outcome.PASS),
               replace(result("alpha", 6, Outcome.NOT_APPLICABLE, reason="class html not claimed (the vendors file)"),
                       requirement=f"{FEAT}/req/html/definition"),
               result("alpha", 1, Outcome.ERROR))
    return Run(header([vendor("alpha", "Alpha")]), results)


def test_german_matrix_csv_and_junit_show_the_translation_and_results_keep_the_original() -> None:
    run = _run()
    text = lxml.html.fromstring(render_html(run, "de")).text_content()
    assert "Konformität zur Klasse html nicht erklärt (Lieferantendatei)" in text
    assert "nicht erreichbar: connection refused" in text and "TargetUnreachable" not in text
    assert "class html not claimed" in lxml.html.fromstring(render_html(run, "en")).text_content()
    assert "nicht erreichbar: connection refused" in render(run, "csv", "de").decode()
    assert "nicht erreichbar: connection refused" in render(run, "junit", "de").decode()
    assert run.results[1].reason == "class html not claimed (the vendors file)"


def test_oparl_findings_read_in_german_with_their_variable_parts_kept() -> None:
    assert german("the listed Paper is not retrievable under its id (HTTP 404)") == (
        "das gelistete Objekt (Paper) ist unter seiner id nicht abrufbar (HTTP 404)")
    assert german("links.last of https://ris.example/papers does not lead to the last page") == (
        "links.last von https://ris.example/papers führt nicht zur Seite last")
    assert german("JSON is served as no media type [response from the cache, stored 2026-11-20 10:00]") == (
        "JSON wird ohne Medientyp ausgeliefert [Antwort aus dem Zwischenspeicher, gespeichert 2026-11-20 10:00]")
    assert german("GET /items: the body is not JSON (Expecting value)") is None
    assert localise("Meeting ends before it begins (+2 more)", "de") == "Meeting endet, bevor es beginnt (+2 weitere)"
    assert localise("Meeting ends before it begins (+2 more)", "en") == "Meeting ends before it begins (+2 more)"
