"""The OParl catalogue: standards, classes, requirement ids, obligations, and one test per requirement."""

from __future__ import annotations

import pytest

from conformance.core.outcomes import Obligation
from conformance.harness.registry import standards, suite_module
from conformance.harness.suite import checks_of
from conformance.suites.oparl import OPARL_10, OPARL_11, STANDARDS, SUITE
from conformance.suites.oparl.catalogue import RULES, SPEC
from conformance.suites.oparl.checks import RULE_CHECKS
from conformance.suites.oparl.facts import TYPES

NEW_IN_11 = {
    "internal-not-deleted",
    "deleted-with-modified-since",
    "deleted-hidden",
    "omit-internal",
    "embedded-modified",
    "person-location-object",
    "agenda-order",
    "empty-string",
    "error-object",
    "error-object-status",
    "location-geojson-recommended",
}


def test_both_versions_are_registered_standards() -> None:
    known = standards()
    assert known["oparl-1.1"] is OPARL_11 and known["oparl-1.0"] is OPARL_10
    assert suite_module("oparl-1.1") == suite_module("oparl-1.0") == "conformance.suites.oparl"


@pytest.mark.parametrize("standard", STANDARDS, ids=lambda s: s.id)
def test_one_class_per_object_type_plus_protocol_classes(standard: object) -> None:
    classes = {c.short: c for c in standard.classes}  # type: ignore[attr-defined]
    assert set(TYPES) <= set(classes)
    assert {"transport", "json", "paginierung", "filter", "dateien", "geloescht", "fehler", "integritaet"} <= set(
        classes
    )
    version = standard.version  # type: ignore[attr-defined]
    assert classes["Meeting"].uri == f"https://schema.oparl.org/{version}/Meeting"
    assert classes["paginierung"].uri == f"{SPEC[version]}#paginierung"


def test_requirement_ids_name_the_section_and_are_unique() -> None:
    for standard in STANDARDS:
        uris = [r.uri for r in standard.requirements]
        assert len(uris) == len(set(uris))
        for req in standard.requirements:
            new = " neu in OParl 1.1 (§" in req.uri
            assert req.uri.startswith(f"OParl {standard.version} §") or new, req.uri
            assert req.spec_url.startswith(SPEC["1.1" if new else standard.version] + "#")
            assert req.cls in {c.uri for c in standard.classes}
            assert req.statement and req.obligation in set(Obligation)
    assert OPARL_11.requirement("§2.5.4 Paginierung/next").obligation is Obligation.MUSS
    assert OPARL_11.requirement("§2.3.2 HTTP und HTTPS/https").obligation is Obligation.SOLL
    assert OPARL_11.requirement("§2.5.4 Paginierung/first-last").obligation is Obligation.KANN


def test_rules_new_in_11_are_marked_as_such_in_10() -> None:
    keys_10 = {r.uri.rsplit("/", 1)[1]: r for r in OPARL_10.requirements}
    keys_11 = {r.uri.rsplit("/", 1)[1] for r in OPARL_11.requirements}
    assert set(keys_10) == keys_11 and len(keys_11) == len(RULES)
    assert {k for k, r in keys_10.items() if " neu in OParl 1.1 " in r.uri} == NEW_IN_11
    assert all(keys_10[k].statement.startswith("Neu in OParl 1.1, in OParl 1.0 keine Anforderung") for k in NEW_IN_11)


def test_every_requirement_has_exactly_one_check_per_version() -> None:
    for standard in STANDARDS:
        checks = checks_of(SUITE, standard)
        assert set(checks) == {r.uri for r in standard.requirements}
        assert len({c.name for c in checks.values()}) == len(RULES)
        assert set(RULE_CHECKS) == {r.key for r in RULES}
