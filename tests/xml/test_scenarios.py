"""Scenario selection, customLevel overrides and processing errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.xml import kosit, pipeline, saxon, scenarios
from conformance.xml.kosit import Configuration, replace_tokens
from conformance.xml.report import Source
from conformance.xml.schematron import Rules
from tests.xml.corpora import suite_instances, xrechnung

EXTENSION = "04.05a-INVOICE_uncefact.xml"


def _instance(name: str) -> bytes:
    return next(p for p in suite_instances() if p.name == name).read_bytes()


def test_the_configuration_has_eleven_scenarios_without_tokens() -> None:
    found = scenarios.scenarios(xrechnung())
    assert len(found) == 11
    assert all("@" not in s.match for s in found)
    assert {s.config.standard for s in found} == {"xrechnung-3.0"}


def test_tokens_are_replaced_and_unknown_tokens_kept() -> None:
    assert replace_tokens("a @x@ b @y@", {"x": "1"}) == "a 1 b @y@"


def test_custom_level_downgrades_a_fatal_rule_to_information() -> None:
    report = pipeline.validate(Source(EXTENSION, data=_instance(EXTENSION)))
    assert report.scenario == "EN16931 XRechnung Extension (CII)"
    assert report.accepted and not report.valid
    assert {f.severity for f in report.fired("BR-CL-10")} == {"information"}


def test_several_matching_scenarios_are_ambiguous() -> None:
    one = scenarios.scenarios(xrechnung())[0]
    chooser = scenarios.Selector((one, one))
    with pytest.raises(scenarios.NoScenario, match="more than one scenario"):
        chooser.select(saxon.parse(_instance("01.01a-INVOICE_ubl.xml")))


def test_a_failing_stylesheet_rejects_with_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.xsl"
    broken.write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:template match="/"><xsl:sequence select="error((), \'boom\')"/></xsl:template>'
        "</xsl:stylesheet>"
    )
    original = Configuration.stylesheet

    def stylesheet(self: Configuration, location: str, store: object = None) -> Rules:
        return Rules("broken", broken) if "XRechnung" in location else original(self, location)

    monkeypatch.setattr(Configuration, "stylesheet", stylesheet)
    report = pipeline.validate(Source("x.xml", data=_instance("01.01a-INVOICE_ubl.xml")))
    assert not report.valid and not report.accepted
    assert report.error and "processing error" in report.error and "boom" in report.error
    assert report.fired("PROCESSING")


def test_schematron_is_skipped_when_the_schema_fails() -> None:
    data = _instance("01.01a-INVOICE_ubl.xml").replace(b"<cbc:BuyerReference>", b"<cbc:Nope/><cbc:BuyerReference>")
    run = pipeline.execute(Source("x.xml", data=data))
    assert run.schema and not run.steps and not run.rules
    assert not pipeline.verdict(run).accepted


def test_a_second_configuration_version_is_added_as_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = kosit.FOLDER / "xrechnung-3.0.toml"
    (tmp_path / shipped.name).write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    variant = shipped.read_text(encoding="utf-8").replace('id = "xrechnung-3.0"', 'id = "xrechnung-9.9"')
    variant = variant.replace('standard = "xrechnung-3.0"', 'standard = "xrechnung-9.9"')
    (tmp_path / "xrechnung-9.9.toml").write_text(
        variant.replace("kosit:xrechnung_3.0", "kosit:xrechnung_9.9"), encoding="utf-8"
    )
    monkeypatch.setattr(kosit, "FOLDER", tmp_path)
    kosit.configurations.cache_clear()
    scenarios.selector.cache_clear()
    try:
        old = pipeline.validate(Source("a.xml", data=_instance("01.01a-INVOICE_ubl.xml")))
        new = pipeline.validate(
            Source(
                "b.xml",
                data=_instance("01.01a-INVOICE_ubl.xml").replace(b"kosit:xrechnung_3.0", b"kosit:xrechnung_9.9"),
            )
        )
    finally:
        kosit.configurations.cache_clear()
        scenarios.selector.cache_clear()
    assert (old.standard, old.accepted) == ("xrechnung-3.0", True)
    assert new.standard == "xrechnung-9.9" and new.scenario == "EN16931 XRechnung (UBL Invoice)"


def test_every_shipped_scenario_requires_one_of_three_root_elements() -> None:
    roots = {scenarios.required_root(s) for s in scenarios.scenarios(xrechnung())}
    assert roots == {
        "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice",
        "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote",
        "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice",
    }


@pytest.mark.parametrize(
    ("match", "root"),
    [
        ("exists(/p:R[q:a = 'x|y (z]'])", "{urn:p}R"),
        ("/p:R/q:a[. = 'x']", "{urn:p}R"),
        ("exists(/p:R) or exists(/p:S)", None),
        ("/p:R | /p:S", None),
        ("//p:R", None),
        ("exists(/x:R)", None),
        ("/p:R/*", None),
        ("count(/p:R) = 0", None),
        ("not(/p:R)", None),
    ],
)
def test_a_required_root_is_derived_only_from_a_single_path(match: str, root: str | None) -> None:
    scenario = scenarios.Scenario("s", xrechnung(), match, {"p": "urn:p", "q": "urn:q"})
    assert scenarios.required_root(scenario) == root


def test_a_document_no_scenario_can_take_is_refused_before_saxon_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(data: bytes, build: bool = False) -> None:
        raise AssertionError("Saxon parsed a document no scenario can take")

    monkeypatch.setattr(saxon, "parse", unexpected)
    report = pipeline.validate(Source("other.xml", data=b"<r xmlns='urn:other'><a/></r>"))
    assert not report.accepted and report.scenario is None
    assert report.error == "unknown document type: none of the loaded scenarios matches the document"
