"""The matrix page for the reader: the decision first, identical causes told once, everything else collapsed below a
table of contents, and nothing hidden from print."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from conformance.core.harnessmessages import msg
from conformance.core.outcomes import Outcome
from conformance.core.results import Result, ResultsFile
from conformance.reporting.grouping import bundles, cause
from conformance.reporting.html import render_html
from conformance.reporting.model import build_report
from conformance.reporting.verdict import Missing
from tests.reporting.browser import CHROMIUM, MISSING, PRINT, measure
from tests.reporting.samples import FEAT, SAMPLE, result, sample_run

GAMMA = "https://gamma.example/ogcapi-features-1"
FIRST = msg("request-failed", method="GET", url=GAMMA, problem=msg("connection-failed"))
CHECKS = 49
ALPHA = "Geoportal 2.4.1 – Alpha GmbH"


def unreachable(index: int, k: int) -> Result:
    """Check ``k`` of the unreachable vendor gamma: the first request failed, later ones were refused."""
    detail = FIRST if k == 0 else msg("unreachable-earlier", host="gamma.example", cause=FIRST)
    found = result("gamma", index, Outcome.ERROR, reason=msg("error.TargetUnreachable", detail=detail))
    return replace(found, requirement=f"{found.requirement}-{k}", test_id=f"t::gamma[{k}]")


def gamma_down() -> ResultsFile:
    """The sample run with gamma unreachable on 49 SHALL requirements of core and GeoJSON."""
    run = sample_run()
    profile = run.header.profile
    assert profile is not None
    gone = [unreachable((0, 4)[k % 2], k) for k in range(CHECKS)]
    gone = [replace(r, profile_obligation=profile.obligation(r.standard, r.cls)) for r in gone]
    return ResultsFile(run.header, (*(r for r in run.results if r.vendor != "gamma"), *gone))


def page(run: ResultsFile, lang: str = "de") -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render_html(build_report(run), lang))


def words(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def test_a_refusal_after_an_earlier_failure_has_the_first_failure_as_its_cause() -> None:
    later = msg("error.TargetUnreachable", detail=msg("unreachable-earlier", host="gamma.example", cause=FIRST))
    assert cause(later) == msg("error.TargetUnreachable", detail=FIRST)
    assert cause(later) == cause(msg("error.TargetUnreachable", detail=FIRST))
    assert cause(SAMPLE("sample.expected-geojson")) == SAMPLE("sample.expected-geojson")


def test_missing_items_with_one_cause_are_one_bundle_the_others_one_per_standard() -> None:
    down = msg("error.TargetUnreachable", detail=FIRST)
    items = [Missing("error", "ogcapi-features-1", requirement=f"r{k}", reason=down, target=GAMMA) for k in range(3)]
    items += [Missing("failed", "oparl-1.1", requirement=f"o{k}", reason=SAMPLE("sample.features")) for k in (1, 2)]
    items += [Missing("failed", "oparl-1.1", requirement="o3", reason=SAMPLE("sample.expected-geojson"))]
    found = bundles(items)
    assert [(b.kind, b.cause, len(b.items)) for b in found] == [
        ("error", down, 3),
        ("failed", SAMPLE("sample.features"), 2),
        ("failed", None, 1),
    ]
    assert found[0].targets == (GAMMA,) and found[0].standards == ("ogcapi-features-1",)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("de", f"nicht erreichbar: GET {GAMMA}: keine Verbindung · {CHECKS} Anforderungen"),
        ("en", f"unreachable: GET {GAMMA}: connection failed · {CHECKS} requirements"),
    ],
)
def test_an_unreachable_vendor_shows_one_reason_with_its_url_and_the_count(lang: str, line: str) -> None:
    doc = page(gamma_down(), lang)
    decision = doc.get_element_by_id("verdict-2")
    causes = decision.xpath(".//li[@class='cause']")
    assert len(causes) == 1 and line in words(causes[0]), words(decision)
    assert f"{GAMMA}" in words(causes[0]).split("·")[-1]
    findings = doc.get_element_by_id("findings-2").xpath(".//li[@class='cause']")
    assert len(findings) == 1 and line in words(findings[0])
    assert len(findings[0].xpath(".//p[@class='ids']")[0].text_content().split(", ")) == CHECKS
    text = words(doc)
    assert "schon zuvor" not in text and "earlier in this run" not in text
    cells = doc.get_element_by_id("v-2").xpath(".//div[@class='group']")
    assert len(cells) == 2 and text.count(GAMMA + ": ") == 2 + len(cells)
    assert all(line.split(" · ", maxsplit=1)[0] in words(cell) for cell in cells)


def test_the_decision_comes_first_and_the_table_of_contents_leads_to_every_section() -> None:
    doc = page(sample_run())
    sections = doc.xpath("//main/section/@id")
    assert sections[0] == "decision" and doc.xpath("//section[@id='decision']//table[@class='switch']")
    toc = [a.get("href")[1:] for a in doc.xpath("//nav[@class='toc']//a")]
    assert set(sections) <= set(toc) and "switch" in toc
    rows = doc.xpath("//section[@id='decision']//table[@class='decision']/tbody/tr")
    assert [words(r.xpath("td[1]")[0]) for r in rows] == [
        "erfüllt das Profil",
        "erfüllt das Profil nicht",
        "kein Urteil möglich",
    ]
    beta = words(rows[1].xpath("td[2]")[0])
    assert "OGCAPI-FEATURES-1 (de) 1.0 – nicht erfüllt: MUSS /req/geojson/content" in beta, beta


def test_class_tables_findings_and_evidence_are_collapsed_and_print_expands_them() -> None:
    doc = page(sample_run())
    assert not doc.xpath("//details[@open]")
    for section in ("classes", "details"):
        tables = doc.xpath(f"//section[@id='{section}']//table | //section[@id='{section}']//h4")
        assert tables and all(t.xpath("ancestor::details") for t in tables), section
    assert len(doc.xpath("//section[@id='verdicts']/details[@class='vendor']")) == 3
    assert all(d.xpath("summary//span[contains(@class,'badge')]") for d in doc.xpath("//details[@class='vendor']"))
    css = " ".join(doc.xpath("//style/text()"))
    printed = re.search(r"@media print \{(.*)\}", css, re.S)
    assert printed and re.search(r"details::details-content \{[^}]*content-visibility: visible", printed.group(1))


@pytest.mark.skipif(CHROMIUM is None, reason=MISSING)
def test_printing_opens_every_collapsed_section_in_the_browser_and_closes_them_again(tmp_path: Path) -> None:
    page = tmp_path / "matrix.html"
    page.write_text(render_html(build_report(sample_run()), "de"), encoding="utf-8")
    found = measure(page, PRINT, tmp_path)
    assert found["details"] > 3 and found["loaded"]["open"] == 1 and found["loaded"]["hidden"] > 0, found
    assert found["printing"] == {"open": found["details"], "first": True, "hidden": 0}, found
    assert found["printed"] == found["loaded"], found


def test_sampling_notes_are_one_line_per_vendor_and_standard_with_counts() -> None:
    run = sample_run()
    cut, other = SAMPLE("sample.sampling-cut", count=5, total=26), SAMPLE("sample.features")
    alpha = ("alpha", "ogcapi-features-1")
    noted = [replace(r, notes=(cut,)) if (r.vendor, r.standard) == alpha else r for r in run.results]
    noted.append(replace(result("beta", 7, Outcome.PASS), notes=(cut, other)))
    doc = page(ResultsFile(run.header, tuple(noted)))
    rows = [[words(c) for c in tr] for tr in doc.xpath("//section[@id='notes']//tbody/tr")]
    assert rows == [
        [ALPHA, "OGCAPI-FEATURES-1 (de) 1.0", "Stichprobe: 5 von 26 Seiten durchlaufen (7 Anforderungen)"],
        [ALPHA, "OPARL-1.1 (de)", "Stichprobe: 5 von ? Seiten durchlaufen (1 Anforderung)"],
        [
            rows[2][0],
            "OPARL-1.1 (de)",
            "Features auf der ersten Seite (1 Anforderung); Stichprobe: 5 von 26 Seiten durchlaufen (1 Anforderung)",
        ],
    ]
    assert doc.xpath("//section[@id='notes']/details/table")


def test_findings_not_sharing_a_cause_keep_their_own_reasons() -> None:
    doc = page(sample_run())
    beta = words(doc.get_element_by_id("findings-1"))
    assert "nicht erfüllt · MUSS: /req/geojson/content – application/geo+json erwartet" in beta, beta
    assert FEAT not in words(doc.get_element_by_id("verdict-1"))
