"""Report details a new reader tripped over: versions named once, the obligation a requirement has in the profile,
required but unclaimed classes, locations, absent values, durations, unreachable vendors on the terminal."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

import lxml.html
from rich.console import Console

from conformance.core.evidence import Locator, legacy
from conformance.core.outcomes import Outcome
from conformance.core.results import Finding, Result, ResultsFile
from conformance.reporting.html import render_html
from conformance.reporting.model import build_report
from conformance.reporting.summary import print_summary
from tests.reporting.samples import FEAT, header, profile_obligation, result, sample_run, vendor

PROFILE = {
    "id": "p",
    "name": "Profil",
    "items": [
        {
            "standard": "ogcapi-features-1",
            "classes": [f"{FEAT}/conf/core", f"{FEAT}/conf/geojson"],
            "obligation": "MUSS",
        }
    ],
}


def doc(run: ResultsFile, lang: str = "de") -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render_html(build_report(run), lang))


def evidence(page: lxml.html.HtmlElement, vendor_index: int, requirement: str) -> lxml.html.HtmlElement:
    return next(
        d
        for d in page.xpath("//details[contains(@class,'req')]")
        if requirement in d.xpath("string(summary)") and d.get("id", "").startswith(f"r-{vendor_index}-")
    )


def term(details: lxml.html.HtmlElement, name: str) -> list[str]:
    return [" ".join(dd.text_content().split()) for dd in details.xpath(f".//dt[.='{name}']/following-sibling::dd[1]")]


def with_profile(results: list[Result], vendors: list[dict[str, Any]]) -> ResultsFile:
    found = [replace(r, profile_obligation=profile_obligation(PROFILE, r.standard, r.cls)) for r in results]
    return ResultsFile(header(vendors, PROFILE), tuple(found))


def test_a_recommendation_in_a_required_class_reads_soll_in_the_profile() -> None:
    page = doc(sample_run())
    recommendation = evidence(page, 1, "/rec/geojson/mediatype")
    assert term(recommendation, "Im Profil") == ["SOLL (Klasse im Profil: MUSS)"]
    assert term(evidence(page, 1, "/req/geojson/content"), "Im Profil") == ["MUSS"]


def test_a_required_class_the_vendor_does_not_claim_is_not_shown_as_not_applicable() -> None:
    unclaimed = f"class {FEAT}/conf/geojson not claimed (the vendors file)"
    results = [
        *(result("alpha", i, Outcome.PASS) for i in range(4)),
        *(result("alpha", i, Outcome.NOT_APPLICABLE, reason=unclaimed) for i in (4, 5)),
    ]
    page = doc(
        with_profile(
            results, [vendor("alpha", "Alpha GmbH", claims=[f"{FEAT}/conf/core"], standards_=("ogcapi-features-1",))]
        )
    )
    heading = page.get_element_by_id("c-0-0-1")
    text = " ".join(heading.text_content().split())
    assert "nicht anwendbar" not in text and "Klasse gefordert, Konformität aber nicht erklärt" in text
    assert "s-fail" in heading.xpath("string(.//span[contains(@class,'badge')]/@class)")
    overview = page.xpath("//td[.//a[@href='#c-0-0-1']]")
    assert overview and "s-fail" in overview[0].get("class", "")
    assert "nicht anwendbar" not in " ".join(overview[0].text_content().split())


def test_a_location_at_the_document_root_does_not_end_in_a_bare_hash() -> None:
    root = Finding(
        "header", legacy("no ETag header"), "", Locator("https://v.example/collections/", ""), "an ETag header", None
    )
    run = sample_run()
    failing = replace(run.results[-7], findings=(root,), exchanges=())
    page = doc(ResultsFile(run.header, (*run.results[:-7], failing, *run.results[-6:])))
    text = evidence(page, 1, "/rec/geojson/mediatype").text_content()
    assert "https://v.example/collections/" in text and "collections/#" not in text


def test_an_absent_value_is_named_not_left_empty() -> None:
    missing = Finding(
        "header", legacy("no ETag header"), "", Locator("https://v.example/collections"), "an ETag header", None
    )
    run = sample_run()
    failing = replace(run.results[-7], findings=(missing,), exchanges=())
    page = doc(ResultsFile(run.header, (*run.results[:-7], failing, *run.results[-6:])))
    pair = evidence(page, 1, "/rec/geojson/mediatype").xpath(".//div[@class='evidence-pair']/div")
    assert [(d.text.strip(), d.xpath("string(pre)")) for d in pair] == [
        ("erwartet", "an ETag header"),
        ("vorgefunden", "nicht vorhanden"),
    ]


def test_durations_below_a_millisecond_and_checks_that_never_ran() -> None:
    run = sample_run()
    quick = replace(run.results[-7], duration_ms=0.3)
    never = replace(
        run.results[-8],
        outcome=Outcome.NOT_APPLICABLE,
        duration_ms=0.0,
        findings=(),
        reason=legacy("class not claimed"),
    )
    page = doc(ResultsFile(run.header, (*run.results[:-8], never, quick, *run.results[-6:])))
    assert term(evidence(page, 1, "/rec/geojson/mediatype"), "Dauer") == ["< 1 ms"]
    line = next(
        d
        for d in page.xpath("//details[contains(@class,'compact')]")
        if "/req/geojson/content" in d.xpath("string(summary)") and "[beta]" in d.text_content()
    )
    assert term(line, "Test") == [never.test_id]


def test_headings_name_a_version_the_title_already_gives_once() -> None:
    run = sample_run()
    titled = tuple(
        {**s, "title_de": "XRechnung 3.0", "version": "3.0.2"}
        if s["id"] == "oparl-1.1"
        else {**s, "title_de": "API-Konformität zur OpenAPI-3.0/3.1-Beschreibung", "version": "3.x"}
        for s in run.header.standards
    )
    page = doc(ResultsFile(replace(run.header, standards=titled), run.results))
    headings = [" ".join(h.text_content().split()) for h in page.xpath("//h3")]
    assert any(h.startswith("XRechnung 3.0.2") for h in headings), headings
    assert not any("3.0 3.0.2" in h or "Beschreibung 3.x" in h for h in headings), headings


def test_the_terminal_names_an_unreachable_vendor_and_its_url() -> None:
    out = io.StringIO()
    print_summary(build_report(sample_run()), {}, "de", Console(file=out, width=100, highlight=False))
    text = out.getvalue()
    gamma = next(line for line in text.splitlines() if "nicht erreichbar" in line)
    assert "https://gamma.example/ogcapi-features-1" in gamma and "connection refused" in gamma
    out = io.StringIO()
    print_summary(build_report(sample_run()), {}, "en", Console(file=out, width=100, highlight=False))
    assert any(
        "unreachable" in line and "https://gamma.example/ogcapi-features-1" in line
        for line in out.getvalue().splitlines()
    )
