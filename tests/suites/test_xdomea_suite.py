"""The xdomea 3.0.0 suite end to end: the toolkit templates fail where they deviate, a repaired export passes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conformance.core.outcomes import Outcome
from conformance.core.packs import default_store
from conformance.core.results import Result
from conformance.suites.xdomea import STANDARD
from conformance.suites.xdomea.catalogue import RULES
from tests.samples import xdomea as samples
from tests.suites.document_support import run_suite

VENDORS = """
[[vendors]]
id = "toolkit"
name = "xdomea toolkit templates"
version = "3b2559e"
[[vendors.targets]]
standard = "xdomea-3.0.0"
paths = ["{templates}"]

[[vendors]]
id = "repaired"
name = "Repaired export"
version = "1"
[[vendors.targets]]
standard = "xdomea-3.0.0"
paths = ["export.zip", "more/*.xml"]

[[vendors]]
id = "empty"
name = "An export folder without messages"
version = "1"
[[vendors.targets]]
standard = "xdomea-3.0.0"
paths = ["empty"]

[[vendors]]
id = "archive"
name = "0503 with a later dateiformat version and a local schemaLocation"
version = "1"
[[vendors.targets]]
standard = "xdomea-3.0.0"
paths = ["archive"]
"""
DATEIFORMAT = '<xdomea:Name listURI="urn:xoev-de:xdomea:codeliste:dateiformat" listVersionID="1.0">'
GROUP_SCHEMA = "http://xdomea.de/schemata/300/xdomea-Nachrichten-AussonderungDurchfuehren.xsd"


def _archive_message() -> bytes:
    """A 0503 that uses dateiformat version 2.0 (the sender's choice, XÖV code type 3) and a local schema hint."""
    data = samples.repaired("Aussonderung.0503").decode()
    assert DATEIFORMAT in data and GROUP_SCHEMA in data
    return data.replace(DATEIFORMAT, DATEIFORMAT.replace('"1.0"', '"2.0"')).replace(GROUP_SCHEMA, "/dev/null").encode()


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Result]:
    folder = tmp_path_factory.mktemp("xdomea-suite")
    first = f"{samples.TEMPLATES}/xx_Aussonderung.{samples.MESSAGES[0]}.xml"
    templates = default_store().path("xdomea-toolkit-templates", first)
    with zipfile.ZipFile(folder / "export.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for message in samples.MESSAGES[:3]:
            archive.writestr(f"abgabe/{message}.xml", samples.repaired(message))
        archive.writestr(f"abgabe/{samples.PRIMARY}", b"%PDF-1.4 sample")
    (folder / "more").mkdir()
    (folder / "more" / "0504.xml").write_bytes(samples.repaired(samples.MESSAGES[3]))
    (folder / "archive").mkdir()
    (folder / "empty").mkdir()
    (folder / "archive" / "0503.xml").write_bytes(_archive_message())
    (folder / "archive" / samples.PRIMARY).write_bytes(b"%PDF-1.4 sample")
    (folder / "vendors.toml").write_text(VENDORS.format(templates=templates.parent), encoding="utf-8")
    run = run_suite("xdomea", folder)
    return {(r.vendor, r.requirement.split("xdomea_3.0.0/")[1]): r for r in run.results}


def test_every_requirement_is_tested_for_every_vendor(results: dict[tuple[str, str], Result]) -> None:
    assert set(results) == {(v, r.section) for v in ("toolkit", "repaired", "archive", "empty") for r in RULES}
    assert {r.standard for r in results.values()} == {STANDARD.id}


def test_the_toolkit_channel_code_002_is_reported(results: dict[tuple[str, str], Result]) -> None:
    result = results["toolkit", "Codelisten/Wert"]
    assert result.outcome is Outcome.FAIL
    kanal = [v for v in result.findings if v.locator.xpath.endswith("xdomea:Kommunikation/xdomea:Kanal")]
    assert len(kanal) == 8 and all("'002'" in v.text for v in kanal)
    assert {v.locator.line for v in kanal} == {64, 136}
    assert all(v.locator.where.endswith(".xml") for v in kanal)


def test_the_toolkit_deviations_fail_with_located_evidence(results: dict[tuple[str, str], Result]) -> None:
    types = results["toolkit", "Baukasten/NkBasisType/Nachrichtentyp"]
    assert types.outcome is Outcome.FAIL
    assert sorted(Path(v.locator.where).name for v in types.findings) == [
        "xx_Aussonderung.AnbietungEmpfangBestaetigen.0504.xml",
        "xx_Aussonderung.Bewertungsverzeichnis.0502.xml",
    ]
    assert results["toolkit", "Codelisten/Angabe"].outcome is Outcome.FAIL
    missing = results["toolkit", "Nachrichten/Aussonderung.Aussonderung.0503/Primaerdokument"]
    assert missing.outcome is Outcome.FAIL and missing.findings[0].kind == "missing"
    for section in ("Konformitaet/Schema", "Konformitaet/Version", "Baukasten/NkBasisType/ProzessID"):
        assert results["toolkit", section].outcome is Outcome.PASS, section


def test_a_repaired_export_passes_every_requirement(results: dict[tuple[str, str], Result]) -> None:
    outcomes = {section: r.outcome for (vendor, section), r in results.items() if vendor == "repaired"}
    assert set(outcomes.values()) == {Outcome.PASS}, outcomes
    notes = [n.text for n in results["repaired", "Codelisten/Version"].notes]
    assert any("not counted" in n for n in notes) and "4 document(s) checked" in notes


def test_a_version_not_held_offline_and_a_local_schema_hint_are_noted_not_failed(
    results: dict[tuple[str, str], Result],
) -> None:
    outcomes = {section: r.outcome for (vendor, section), r in results.items() if vendor == "archive"}
    assert set(outcomes.values()) == {Outcome.PASS}, outcomes
    assert any("hint(s) of this rule are not counted" in n.text for n in results["archive", "Codelisten/Version"].notes)
    hints = [n.text for n in results["archive", "Konformitaet/Schema"].notes if "xsi:schemaLocation" in n.text]
    assert hints == [
        "xsi:schemaLocation gives '/dev/null' for urn:xoev-de:xdomea:schema:3.0.0, not the schema of the message "
        "group (xdomea-Nachrichten-AussonderungDurchfuehren.xsd); a hint only, the location is not constrained by "
        "the XML Schema"
    ]
    assert not any(section == "Konformitaet/schemaLocation" for _, section in results)


def test_an_export_without_messages_is_not_applicable(results: dict[tuple[str, str], Result]) -> None:
    found = {section: r for (vendor, section), r in results.items() if vendor == "empty"}
    assert {r.outcome for r in found.values()} == {Outcome.NOT_APPLICABLE}
    assert found["Konformitaet/Schema"].reason_text == "nothing examined: looked for messages of the export"
    assert found["Codelisten/Wert"].reason_text == "nothing examined: looked for XÖV code elements in the messages"
    assert found["Baukasten/NkBasisType/ProzessID"].reason_text == (
        "the export holds no message of the kind this requirement covers (0501, 0502, 0503, 0504)"
    )


def test_each_check_counts_the_elements_its_rules_judged(results: dict[tuple[str, str], Result]) -> None:
    counts = {section: r.examined[0].count for (vendor, section), r in results.items() if vendor == "repaired"}
    assert counts["Konformitaet/Schema"] == counts["Konformitaet/Version"] == 4
    assert counts["Baukasten/NkBasisType/Nachrichtentyp"] == 4 and counts["Codelisten/Wert"] > 4
    assert counts["Nachrichten/Aussonderung.Aussonderung.0503/Primaerdokument"] == 1
    assert all(r.revision == 2 for r in results.values())
