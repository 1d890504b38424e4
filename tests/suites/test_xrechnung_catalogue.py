"""The XRechnung 3.0 catalogue: classes per syntax and profile, rule requirements with the scenario's severity."""

from __future__ import annotations

from collections import Counter

from conformance.core.outcomes import Obligation
from conformance.harness.registry import standards
from conformance.suites.xrechnung import STANDARD
from conformance.suites.xrechnung.catalogue import BASE, UNAVAILABLE, members, rows


def _req(cls: str, rule: str) -> Obligation:
    return STANDARD.requirement(f"{BASE}/req/{cls}/{rule}").obligation


def test_the_standard_is_registered_with_one_class_per_syntax_and_profile() -> None:
    assert UNAVAILABLE == ""
    assert standards()["xrechnung-3.0"] is STANDARD
    assert [c.short for c in STANDARD.classes] == [
        "export",
        "ubl-invoice-cius",
        "ubl-invoice-extension",
        "ubl-invoice-cvd",
        "ubl-creditnote-cius",
        "ubl-creditnote-cvd",
        "cii-cius",
        "cii-extension",
        "cii-cvd",
    ]


def test_requirements_are_unique_and_stated() -> None:
    uris = Counter(r.uri for r in STANDARD.requirements)
    assert max(uris.values()) == 1
    assert all(r.statement and r.spec_url for r in STANDARD.requirements)
    assert {r.cls for r in STANDARD.requirements} == {c.uri for c in STANDARD.classes}


def test_every_class_has_the_schema_and_the_xrechnung_cen_and_peppol_rules() -> None:
    for cls in STANDARD.classes[1:]:
        assert _req(cls.short, "XSD") is Obligation.MUSS
        assert _req(cls.short, "BR-DE-15") is Obligation.MUSS
        assert _req(cls.short, "BR-01") is Obligation.MUSS
        assert _req(cls.short, "PEPPOL-EN16931-R001") is Obligation.MUSS


def test_severity_follows_the_scenario_custom_levels() -> None:
    assert _req("ubl-invoice-cius", "BR-CL-21") is Obligation.SOLL
    assert _req("ubl-invoice-extension", "BR-CL-21") is Obligation.KANN
    assert _req("ubl-invoice-cius", "UBL-CR-646") is Obligation.MUSS
    assert _req("ubl-invoice-extension", "UBL-CR-646") is Obligation.KANN
    assert _req("cii-cius", "CII-SR-452") is Obligation.MUSS
    assert _req("ubl-invoice-cvd", "BR-CL-13") is Obligation.KANN
    assert _req("ubl-invoice-cius", "BR-CL-13") is Obligation.MUSS


def test_warning_level_syntax_rules_are_grouped_per_family() -> None:
    group = members("ubl-invoice-cius", "UBL-CR")
    assert len(group) > 600 and "UBL-CR-001" in group and "UBL-CR-646" not in group
    assert _req("ubl-invoice-cius", "UBL-CR") is Obligation.SOLL
    assert all(
        r["level"] != "warning" or "members" in r or not r["rule"].startswith(("UBL-CR-", "CII-SR-")) for r in rows()
    )


def test_statements_are_the_rule_messages() -> None:
    statement = STANDARD.requirement(f"{BASE}/req/ubl-invoice-cius/BR-DE-15").statement
    assert "Buyer reference" in statement and not statement.startswith("[")
