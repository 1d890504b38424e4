"""The HTML matrix: self-contained, escaped, navigable without scripts, with evidence and both languages."""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
import pytest

from conformance.core.outcomes import Outcome
from conformance.core.results import Run
from conformance.reporting.html import render_html
from tests.reporting.samples import FEAT, HOSTILE, sample_run


@pytest.fixture(scope="module")
def html_de() -> str:
    return render_html(sample_run(), "de")


def spec_urls(run: Run) -> set[str]:
    urls = {r.spec_url for r in run.results}
    for std in run.header.standards:
        urls |= {std["spec_url"], *(c["spec_url"] for c in std["classes"])}
    return urls


def test_no_scripts_no_external_assets_and_links_only_to_the_standards(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    assert doc.xpath("//script | //img | //iframe | //object | //embed | //link | //base | //form") == []
    assert doc.xpath("//@src | //@srcset | //@action | //@formaction") == []
    assert not [a for a in doc.xpath("//@*") if a.attrname.startswith("on")]
    allowed = spec_urls(sample_run())
    for href in doc.xpath("//@href"):
        assert href.startswith("#") or href in allowed, href
    css = " ".join(doc.xpath("//style/text()"))
    assert "url(" not in css and "@import" not in css


def test_every_anchor_leads_somewhere(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    ids = set(doc.xpath("//@id"))
    targets = {h[1:] for h in doc.xpath("//@href") if h.startswith("#")}
    assert targets and targets <= ids
    cells = doc.xpath("//table[contains(@class,'matrix')]//td[contains(@class,'cell')]/a/@href")
    assert len(cells) == 3 * 4 and all(c[1:] in ids for c in cells)


def test_vendor_strings_are_escaped_everywhere(html_de: str) -> None:
    assert "<script>alert" not in html_de and "<img src=x" not in html_de
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html_de
    assert "\x00" not in html_de and "\x07" not in html_de
    hostile_text = lxml.html.fromstring(html_de).text_content()
    assert HOSTILE.split("\x00")[0] in hostile_text


def test_a_hostile_spec_url_is_not_a_link() -> None:
    run = sample_run()
    bad = replace(run.results[0], spec_url="javascript:alert(1)")
    page = render_html(Run(run.header, (bad, *run.results[1:])), "de")
    assert "javascript:" not in page


def test_cells_show_counts_per_obligation_never_a_bare_percentage(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    cells = [" ".join(td.text_content().split()) for td in doc.xpath("//td[contains(@class,'cell')]")]
    assert cells[:2] == ["✔3/3 MUSS · 1/1 SOLL", "✔1/1 MUSS · 1/1 SOLL"]
    assert "✘0/1 MUSS · 0/1 SOLL" in cells
    assert "!0/3 MUSS · 0/1 SOLL4 Fehler (kein Urteil)" in cells
    assert not any(re.search(r"\d\s*%", c) for c in cells)
    classes = doc.xpath("//td[contains(@class,'cell')]/@class")
    assert {c.split()[-1] for c in classes} == {"s-pass", "s-fail", "s-warn", "s-none"}


def test_evidence_of_a_fail_is_one_click_away(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    beta_geojson = doc.get_element_by_id("c-1-1")
    assert "0/1 MUSS" in beta_geojson.text_content()
    req = next(d for d in doc.xpath("//details[contains(@class,'req')]") if "/req/geojson/content" in
               d.xpath("string(summary)") and d.get("id").startswith("r-1-"))
    text = req.text_content()
    for part in ("nicht erfüllt", "items served as application/json", "application/geo+json", '"content-type"',
                 "https://v.example/collections/a/items#/features/0", "GET https://v.example/collections/a/items?f=json",
                 "Content-Type: application/json", '{"type": "FeatureCollection"}', "Authorization: [redacted]"):
        assert part in text, part
    assert req.xpath(".//a[@href='https://docs.ogc.org/is/17-069r4/17-069r4.html#req-4']")


def test_verdicts_switchability_waivers_notes_and_metadata_are_shown(html_de: str) -> None:
    text = " ".join(lxml.html.fromstring(html_de).text_content().split())
    for part in ("erfüllt das Profil", "erfüllt das Profil nicht", "kein Urteil möglich", "Es fehlt",
                 "Mit Profil: B kann A ersetzen", "Ausschreibung Geodaten 2026", "angewendet", "fix in 2.5",
                 "sampling cut: walked 5 of ? pages", "a" * 64, "geojson-schema", "1.0.5", "run-0001-aaaa",
                 "2026-03-02T10:05:00+00:00", "Das Profil fordert (Ausschreibung Geodaten 2026)"):
        assert part in text, part
    assert "UNVOLLSTÄNDIGER LAUF" not in text
    table = lxml.html.fromstring(html_de).xpath("//section[@id='verdicts']//tr")
    rows = [[c.text_content() for c in tr] for tr in table]
    assert rows == [["ogcapi-features-1", "Kern, GeoJSON", "MUSS"], ["ogcapi-features-1", "HTML", "SOLL"]]


def test_german_and_english_labels() -> None:
    run = sample_run(profile=False)
    de = lxml.html.fromstring(render_html(run, "de")).text_content()
    en = lxml.html.fromstring(render_html(run, "en")).text_content()
    for word in ("erfüllt", "nicht erfüllt", "Fehler (kein Urteil)", "übersprungen", "nicht anwendbar",
                 "ausgenommen (Waiver)", "MUSS", "SOLL", "Ohne Profil: B kann A ersetzen, wenn B jede Anforderung"):
        assert word in de, word
    for word in ("passed", "failed", "error (no verdict)", "skipped", "not applicable", "waived", "SHALL",
                 "SHOULD", "Without a profile: B can replace A if B passes every requirement A passes"):
        assert word in en, word
    assert "Wechselbarkeitsmatrix" in de and "Switchability matrix" in en
    assert lxml.html.fromstring(render_html(run, "en")).get("lang") == "en"


def test_incomplete_run_is_marked_prominently() -> None:
    page = render_html(sample_run(finished=False), "de")
    doc = lxml.html.fromstring(page)
    banner = doc.xpath("//*[@role='alert']")
    assert banner and "UNVOLLSTÄNDIGER LAUF" in banner[0].text_content()
    assert "UNVOLLSTÄNDIGER LAUF" in doc.findtext(".//title")
    assert "nicht beendet" in doc.text_content()


def test_waivers_that_expired_or_now_pass_are_reported() -> None:
    run = sample_run()
    waiver = {"vendor": "alpha", "requirement": f"{FEAT}/req/core/root-op", "reason": "old", "expires": "2025-01-01",
              "ticket": "", "status": "unused-passes"}
    expired = {**waiver, "vendor": "beta", "status": "expired"}
    changed = [replace(r, waiver=waiver) if (r.vendor, r.requirement) == ("alpha", waiver["requirement"]) else r
               for r in run.results]
    changed.append(replace(changed[0], vendor="beta", outcome=Outcome.FAIL, waiver=expired, test_id="t-expired"))
    text = lxml.html.fromstring(render_html(Run(run.header, tuple(changed)), "de")).text_content()
    assert "besteht jetzt: Waiver entfernen" in text and "abgelaufen (Fehlschlag zählt)" in text
    assert text.index("abgelaufen (Fehlschlag zählt)") < text.index("besteht jetzt: Waiver entfernen")
