"""The legacy wordings: plain English texts (format 1 files, suites not yet on message codes) rendered in German
where a template knows them."""

from __future__ import annotations

import pytest

from conformance.reporting.findings import german
from conformance.reporting.reasons import localise

GERMAN = [
    (
        "class urn:x/conf/cii-cvd not claimed (the vendors file)",
        "Konformität zur Klasse urn:x/conf/cii-cvd nicht erklärt (Lieferantendatei)",
    ),
    (
        "class html not claimed (the implementation's declaration)",
        "Konformität zur Klasse html nicht erklärt (Konformitätserklärung der Implementierung)",
    ),
    ("required by the profile, not claimed", "vom Profil gefordert, Konformität aber nicht erklärt"),
    (
        "waived until 2027-03-31: Korrektur zugesagt (finding: asked for geo+json (+2 more))",
        "ausgenommen bis 2027-03-31: Korrektur zugesagt (Befund: asked for geo+json (+2 weitere))",
    ),
    (
        "waiver expired on 2026-01-31; class html not claimed (the vendors file)",
        "Ausnahme abgelaufen am 2026-01-31; Konformität zur Klasse html nicht erklärt (Lieferantendatei)",
    ),
    ("vendor acme gives no URL for oparl-1.1", "Lieferant acme nennt keine URL für oparl-1.1"),
    (
        "vendor acme names no export paths or URLs for xrechnung-3.0",
        "Lieferant acme nennt keine Exportdateien für xrechnung-3.0",
    ),
    ("rejected: 2 error(s): BR-CO-15, BR-CO-16", "abgelehnt: 2 Fehler: BR-CO-15, BR-CO-16"),
    (
        "TargetUnreachable: GET https://geo.example/: connection refused",
        "nicht erreichbar: GET https://geo.example/: connection refused",
    ),
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


def test_oparl_findings_read_in_german_with_their_variable_parts_kept() -> None:
    assert german("the listed Paper is not retrievable under its id (HTTP 404)") == (
        "das gelistete Objekt (Paper) ist unter seiner id nicht abrufbar (HTTP 404)"
    )
    assert german("links.last of https://ris.example/papers does not lead to the last page") == (
        "links.last von https://ris.example/papers führt nicht zur Seite last"
    )
    assert german("JSON is served as no media type [response from the cache, stored 2026-11-20 10:00]") == (
        "JSON wird ohne Medientyp ausgeliefert [Antwort aus dem Zwischenspeicher, gespeichert 2026-11-20 10:00]"
    )
    assert german("GET /items: the body is not JSON (Expecting value)") is None
    assert localise("Meeting ends before it begins (+2 more)", "de") == "Meeting endet, bevor es beginnt (+2 weitere)"
    assert localise("Meeting ends before it begins (+2 more)", "en") == "Meeting ends before it begins (+2 more)"
