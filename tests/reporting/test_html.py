"""The HTML matrix: self-contained, escaped, navigable without scripts, with evidence and both languages."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources

import lxml.html
import pytest

from conformance.core.outcomes import Obligation, Outcome
from conformance.core.results import ResultsFile, WaiverRecord, WaiverStatus
from conformance.reporting.html import render_html
from conformance.reporting.model import build_report
from tests.reporting.samples import FEAT, HOSTILE, header, result, sample_run, vendor


@pytest.fixture(scope="module")
def html_de() -> str:
    return render_html(build_report(sample_run()), "de")


def spec_urls(run: ResultsFile) -> set[str]:
    urls = {r.spec_url for r in run.results}
    for std in run.header.standards:
        urls |= {std["spec_url"], *(c["spec_url"] for c in std["classes"])}
    return urls


def table(doc: lxml.html.HtmlElement, kind: str) -> list[list[str]]:
    """The text of each cell of the overview or the class tables."""
    return [
        [" ".join(c.text_content().split()) for c in tr] for tr in doc.xpath(f"//table[contains(@class,'{kind}')]//tr")
    ]


def test_only_the_print_script_no_external_assets_and_links_only_to_the_standards(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    (script,) = doc.xpath("//script")
    fixed = resources.files("conformance.reporting").joinpath("templates", "print.js").read_text(encoding="utf-8")
    assert script.text.strip() == fixed.strip() and not script.attrib
    assert doc.xpath("//img | //iframe | //object | //embed | //link | //base | //form") == []
    assert doc.xpath("//@src | //@srcset | //@action | //@formaction") == []
    assert not [a for a in doc.xpath("//@*") if a.attrname.startswith("on")]
    allowed = spec_urls(sample_run())
    for href in doc.xpath("//@href"):
        assert href.startswith("#") or href in allowed, href
    css = " ".join(doc.xpath("//style/text()"))
    assert "url(" not in css and "@import" not in css


def test_every_anchor_leads_somewhere(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    targets = {h[1:] for h in doc.xpath("//@href") if h.startswith("#")}
    assert targets and targets <= set(ids)
    overview = doc.xpath("//table[contains(@class,'overview')]//td[contains(@class,'cell')]//a/@href")
    assert len(overview) == 2 + 2 + 1
    classes = doc.xpath("//table[contains(@class,'classes')]//td[contains(@class,'cell')]/a/@href")
    assert len(classes) == 3 * 3 + 2 * 1 and all(c[1:] in ids for c in classes)


def test_vendor_strings_are_escaped_everywhere(html_de: str) -> None:
    assert "<script>alert" not in html_de and "<img src=x" not in html_de
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html_de
    assert "\x00" not in html_de and "\x07" not in html_de
    hostile_text = lxml.html.fromstring(html_de).text_content()
    assert HOSTILE.split("\x00")[0] in hostile_text


def test_a_hostile_spec_url_or_target_is_not_a_link() -> None:
    run = sample_run()
    bad = replace(run.results[0], spec_url="javascript:alert(1)", target="javascript:alert(2)")
    page = render_html(build_report(ResultsFile(run.header, (bad, *run.results[1:]))), "de")
    assert 'href="javascript:' not in page and "javascript:alert(2)" in lxml.html.fromstring(page).text_content()


def test_rows_name_the_product_first_then_vendor_and_version(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    row = doc.xpath("//table[contains(@class,'overview')]//th[@class='vendor' and @scope='row']")[0]
    assert row.xpath("string(.//strong[@class='product'])") == "Geoportal"
    assert " ".join(row.xpath("string(.//span[@class='by'])").split()) == "Alpha GmbH · Version 2.4.1"
    heads = table(doc, "classes")[0]
    assert heads[1:] == [
        "Geoportal 2.4.1 – Alpha GmbH",
        f"Geoportal 2.4.1 – {HOSTILE.split(chr(0))[0]}\ufffd\ufffd",
        "Geoportal 2.4.1 – Gamma AG",
    ]


def test_cells_show_counts_per_obligation_never_a_bare_percentage(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    overview = table(doc, "overview")
    assert overview[1][2:] == ["✔4/4 MUSS · 2/2 SOLL", "!1/1 MUSS1 übersprungenℹ 1 Hinweis zur Stichprobe"]
    assert overview[2][2] == "✘3/4 MUSS · 0/2 SOLL1 zugelassene Abweichung"
    assert overview[3][2:] == ["!0/4 MUSS · 0/2 SOLL6 Fehler ohne Urteil", "–kein Prüfziel"]
    classes = table(doc, "classes")
    assert classes[1] == [
        "Kern ↗",
        "✔3/3 MUSS · 1/1 SOLL",
        "!3/3 MUSS · 0/1 SOLL1 zugelassene Abweichung",
        "!0/3 MUSS · 0/1 SOLL4 Fehler ohne Urteil",
    ]
    assert classes[3][1] == "–1 nicht anwendbar"
    cells = [c for row in overview + classes for c in row]
    assert not any(re.search(r"\d\s*%", c) for c in cells)
    states = doc.xpath("//td[contains(@class,'cell')]/@class")
    assert {c.split()[-1] for c in states} == {"s-pass", "s-fail", "s-warn", "s-none"}


def test_not_applicable_counts_stay_exact_in_tooltip_and_details(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    alpha = doc.xpath("//table[contains(@class,'overview')]//td[contains(@class,'cell')]/a")[0]
    assert "nicht anwendbar" not in alpha.text_content()
    assert alpha.get("title") == (
        "alle MUSS-Anforderungen erfüllt. MUSS: 4 erfüllt, 1 nicht anwendbar · SOLL: 2 erfüllt"
    )
    lane = doc.get_element_by_id("s-0-0").getnext()
    assert lane.text_content() == "MUSS: 4 erfüllt, 1 nicht anwendbar · SOLL: 2 erfüllt"


def test_evidence_of_a_fail_is_one_click_away(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    beta_geojson = doc.get_element_by_id("c-1-0-1")
    assert "0/1 MUSS" in beta_geojson.text_content()
    req = next(
        d
        for d in doc.xpath("//details[contains(@class,'req')]")
        if "/req/geojson/content" in d.xpath("string(summary)") and d.get("id", "").startswith("r-1-")
    )
    text = req.text_content()
    for part in (
        "nicht erfüllt",
        "Features ausgeliefert als application/json",
        "Medientyp",
        "application/geo+json",
        '"content-type"',
        "https://v.example/collections/a/items#/features/0",
        "GET https://v.example/collections/a/items?f=json",
        "Content-Type: application/json",
        '{"type": "FeatureCollection"}',
        "Authorization: [redacted]",
    ):
        assert part in text, part
    assert req.xpath(".//a[@href='https://docs.ogc.org/is/17-069r4/17-069r4.html#req-4']")
    assert req.xpath(".//a[starts-with(@href, '#')]/@href")[0][1:] in doc.xpath("//@id")


def test_fails_come_first_with_full_evidence_and_passes_are_one_line_each(html_de: str) -> None:
    doc = lxml.html.fromstring(html_de)
    full = section(doc, "c-1-0-1")
    assert [e.xpath("string(summary/strong)") for e in full] == ["MUSS", "SOLL"]
    assert all(e.xpath(".//div[@class='violation']") for e in full)
    alpha_core = doc.get_element_by_id("c-0-0-0").xpath("following-sibling::div[@class='compact'][1]")[0]
    lines = alpha_core.xpath("./details[contains(@class,'compact')]")
    assert len(lines) == 4 and all(line.xpath("string(summary/span[1])") == "erfüllt" for line in lines)
    assert "Test" in lines[0].text_content() and "GET https://alpha.example/" in lines[0].text_content()


def section(doc: lxml.html.HtmlElement, anchor: str) -> list[lxml.html.HtmlElement]:
    """The elements under a class heading, up to the next heading."""
    found, node = [], doc.get_element_by_id(anchor).getnext()
    while node is not None and node.tag not in ("h3", "h4", "h5"):
        found.append(node)
        node = node.getnext()
    return [e for e in found if e.tag != "p"]


def big_run(per_class: int) -> ResultsFile:
    """Three vendors; each claims only core, so html is not applicable for many requirements of one reason."""
    results = []
    for vid in ("alpha", "beta", "gamma"):
        results += [result(vid, i, Outcome.PASS) for i in range(4)]
        results += [
            replace(
                result(vid, 6, Outcome.NOT_APPLICABLE, reason="class html not claimed"),
                requirement=f"{FEAT}/req/html/r-{k}",
                test_id=f"t::html[{vid}-{k}]",
            )
            for k in range(per_class)
        ]
        results.append(replace(result(vid, 7, Outcome.SKIP, reason="no System"), test_id=f"t::s[{vid}]"))
    return ResultsFile(header([vendor(v, v.title()) for v in ("alpha", "beta", "gamma")]), tuple(results))


def test_a_class_all_not_applicable_is_one_line_listing_its_requirements() -> None:
    doc = lxml.html.fromstring(render_html(build_report(big_run(500)), "de"))
    groups = doc.xpath("//div[@class='group']")
    assert len(groups) == 3 + 3
    html_group = groups[0]
    line = " ".join(html_group.xpath("string(p)").split())
    assert line == "nicht anwendbar 500 Anforderungen: class html not claimed"
    ids = html_group.xpath("string(.//p[@class='ids'])")
    assert ids.startswith("MUSS (500): /req/html/r-0, /req/html/r-1, /req/html/r-2,") and "/req/html/r-499" in ids
    assert not [d for d in doc.xpath("//details[contains(@class,'req')]") if "/req/html/r-" in d.text_content()]
    skipped = " ".join(groups[1].xpath("string(p)").split())
    assert skipped == "übersprungen 1 Anforderung: no System"


def test_collapsing_keeps_the_page_small_as_not_applicable_requirements_grow() -> None:
    small = len(render_html(build_report(big_run(10)), "de"))
    large = len(render_html(build_report(big_run(2010)), "de"))
    assert (large - small) / (3 * 2000) < 40


def several_targets() -> ResultsFile:
    """Alpha offers two Features APIs: the first passes core, the second fails root-op."""
    labels = ("https://alpha.example/api-a", "https://alpha.example/api-b")
    alpha = vendor("alpha", "Alpha GmbH", targets={"ogcapi-features-1": labels})
    profile = {
        "id": "p",
        "name": "Tender",
        "items": [{"standard": "ogcapi-features-1", "classes": [f"{FEAT}/conf/core"], "obligation": "MUSS"}],
    }
    results = [
        replace(
            result("alpha", i, Outcome.FAIL if (i, k) == (0, 1) else Outcome.PASS),
            target=label,
            test_id=f"t{i}[{k}]",
            profile_obligation=Obligation.MUSS,
        )
        for i in range(4)
        for k, label in enumerate(labels)
    ]
    return ResultsFile(header([alpha], profile), tuple(results))


def test_several_targets_of_one_standard_get_their_own_cells_and_verdict_lines() -> None:
    doc = lxml.html.fromstring(render_html(build_report(several_targets()), "de"))
    parts = doc.xpath("//table[contains(@class,'overview')]//td[contains(@class,'multi')]/div")
    texts = [" ".join(p.text_content().split()) for p in parts]
    assert texts == [
        "https://alpha.example/api-a✔3/3 MUSS · 1/1 SOLL",
        "https://alpha.example/api-b✘2/3 MUSS · 1/1 SOLL",
    ]
    assert [p.get("class") for p in parts] == ["part s-pass", "part s-fail"]
    heads = table(doc, "classes")[0]
    assert heads[1:] == ["Geoportal 2.4.1https://alpha.example/api-a", "Geoportal 2.4.1https://alpha.example/api-b"]
    decision = " ".join(doc.get_element_by_id("verdict-0").text_content().split())
    assert "erfüllt das Profil nicht" in decision
    assert "Prüfziel: https://alpha.example/api-b – nicht erfüllt: MUSS /req/core/root-op" in decision
    findings = " ".join(doc.get_element_by_id("findings-0").text_content().split())
    assert "nicht erfüllt · MUSS: /req/core/root-op Prüfziel: https://alpha.example/api-b" in findings


def test_verdicts_switchability_waivers_notes_and_metadata_are_shown(html_de: str) -> None:
    text = " ".join(lxml.html.fromstring(html_de).text_content().split())
    for part in (
        "erfüllt das Profil",
        "erfüllt das Profil nicht",
        "kein Urteil möglich",
        "Was zum Profil fehlt",
        "Mit Profil: B kann A ersetzen",
        "Ausschreibung Geodaten 2026",
        "angewendet",
        "fix in 2.5",
        "Stichprobe: 5 von ? Seiten durchlaufen",
        "a" * 64,
        "geojson-schema",
        "1.0.5",
        "run-0001-aaaa",
        "2026-03-02T10:05:00+00:00",
        "Das Profil „Ausschreibung Geodaten 2026“ fordert:",
    ):
        assert part in text, part
    assert "UNVOLLSTÄNDIGER LAUF" not in text
    trs = lxml.html.fromstring(html_de).xpath("//section[@id='verdicts']//tr")
    rows = [[c.text_content() for c in tr] for tr in trs]
    assert rows == [["ogcapi-features-1", "Kern, GeoJSON", "MUSS"], ["ogcapi-features-1", "HTML", "SOLL"]]


def readable(page: str) -> str:
    """The text of a page as a reader sees it: without its style sheet and its script."""
    doc = lxml.html.fromstring(page)
    for hidden in doc.xpath("//script | //style"):
        hidden.drop_tree()
    return " ".join(doc.text_content().split())


def test_german_and_english_labels() -> None:
    run = sample_run(profile=False)
    de, en = (readable(render_html(build_report(run), lang)) for lang in ("de", "en"))
    for word in (
        "erfüllt",
        "nicht erfüllt",
        "Fehler – kein Urteil möglich",
        "übersprungen",
        "nicht anwendbar",
        "Abweichung zugelassen",
        "MUSS",
        "SOLL",
        "Ohne Profil: B kann A ersetzen, wenn B jede Anforderung",
        "ohne Beanstandung",
        "6 Fehler ohne Urteil",
        "Produkt und Anbieter",
    ):
        assert word in de, word
    for word in (
        "passed",
        "failed",
        "error – no verdict",
        "skipped",
        "not applicable",
        "waived",
        "SHALL",
        "SHOULD",
        "Without a profile: B can replace A if B passes every requirement A passes",
        "6 errors, no verdict",
        "Product and vendor",
    ):
        assert word in en, word
    assert not re.search(r"\([^()]*\(", de) and not re.search(r"\([^()]*\(", en)
    assert "Wechselbarkeitsmatrix" in de and "Switchability matrix" in en
    assert lxml.html.fromstring(render_html(build_report(run), "en")).get("lang") == "en"


def test_incomplete_run_is_marked_prominently() -> None:
    page = render_html(build_report(sample_run(finished=False)), "de")
    doc = lxml.html.fromstring(page)
    banner = doc.xpath("//*[@role='alert']")
    assert banner and "UNVOLLSTÄNDIGER LAUF" in banner[0].text_content()
    assert "UNVOLLSTÄNDIGER LAUF" in doc.findtext(".//title")
    assert "nicht beendet" in doc.text_content()


def test_waivers_that_expired_or_now_pass_are_reported() -> None:
    run = sample_run()
    waiver = WaiverRecord("alpha", f"{FEAT}/req/core/root-op", "old", "2025-01-01", WaiverStatus.UNUSED_PASSES)
    expired = replace(waiver, vendor="beta", status=WaiverStatus.EXPIRED)
    changed = [
        replace(r, waiver=waiver) if (r.vendor, r.requirement) == ("alpha", waiver.requirement) else r
        for r in run.results
    ]
    changed.append(
        replace(
            changed[0],
            vendor="beta",
            outcome=Outcome.FAIL,
            waiver=expired,
            test_id="t-expired",
            target="https://beta.example/ogcapi-features-1",
        )
    )
    text = lxml.html.fromstring(render_html(build_report(ResultsFile(run.header, tuple(changed))), "de")).text_content()
    expired_text, passes_text = "abgelaufen – zählt wieder als nicht erfüllt", "jetzt erfüllt – Ausnahme kann entfallen"
    assert expired_text in text and passes_text in text
    assert text.index(expired_text) < text.index(passes_text)
