"""Negative controls of the xdomea message checks: each deliberate break fires its rule and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conformance.core.packs import default_store
from conformance.suites.xdomea import SUITE, validator
from conformance.suites.xdomea.catalogue import BASE, RULES
from conformance.suites.xdomea.checks import counts
from conformance.suites.xdomea.messages import MESSAGES
from conformance.suites.xdomea.validator import in_memory, validate
from conformance.xml import exports
from conformance.xml.report import DocumentReport, Source
from tests.samples import xdomea as samples

PACKAGE = frozenset({samples.PRIMARY})
BASELINE = {"XOEV-CODE-LIST-UNKNOWN"}
STAAT = '<xdomea:Staat listVersionID="7">'


def _rules(data: bytes, package: frozenset[str] | None = PACKAGE) -> set[str]:
    return {f.rule for f in _german(in_memory("m.xml", data, package)).findings} - BASELINE


def _german(report: DocumentReport) -> DocumentReport:
    """Every finding of the checks (not libxml2's schema messages) is a message code of the suite, worded in
    German from its parameters."""
    for found in report.findings:
        if found.rule not in ("XSD", "XML"):
            assert found.code in MESSAGES and not found.code.startswith("xml."), found
            assert MESSAGES.render(found.text, "en") == found.message
            assert MESSAGES.render(found.text, "de") != found.message, found
    return report


def _break(message: str, old: str, new: str, count: int = 1) -> bytes:
    data = samples.repaired(message).decode()
    assert old in data
    return data.replace(old, new, count).encode()


@pytest.mark.parametrize("message", samples.MESSAGES)
def test_repaired_messages_are_valid_and_accepted(message: str) -> None:
    report = in_memory(message, samples.repaired(message), PACKAGE)
    assert report.valid and report.accepted and report.scenario == f"Aussonderung.{message}"
    assert {f.rule for f in report.findings} == BASELINE and all(f.severity == "warning" for f in report.findings)


BREAKS = (  # text in the repaired 0501 → its replacement → the one rule that fires
    ("<code>0501</code>", "<code>0503</code>", "XDOMEA-NACHRICHTENTYP"),
    ("<xdomea:ProzessID>242f44e8-", "<xdomea:ProzessID>242f44e|-", "XDOMEA-PROZESSID"),
    (
        "<xdomea:Erstellungszeitpunkt>2020-07-24T17:21:25",
        "<xdomea:Erstellungszeitpunkt>2999-01-01T00:00:00Z",
        "XDOMEA-ERSTELLUNGSZEITPUNKT",
    ),
    ("<xdomea:Produktname>LAThDMeACU-Dummy</xdomea:Produktname>", "", "XDOMEA-SYSTEM"),
    ("<code>02</code>", "<code>10</code>", "XOEV-CODE-MEMBER"),
    ('<xdomea:Staat listVersionID="7">', '<xdomea:Staat listVersionID="6">', "XOEV-CODE-VERSION-UNKNOWN"),
    ('<xdomea:Staat listVersionID="7">', '<xdomea:Staat listVersionID=" ">', "XOEV-CODE-REF-MISSING"),
    ("d9fc876a-3838-4e15-9203-15c703afe730", "bf675c60-12c2-4ab1-826f-dcdf306d1733", "XDOMEA-ID-DOPPELT"),
    (
        "http://xdomea.de/schemata/300/xdomea-Nachrichten-AussonderungDurchfuehren.xsd",
        "http://xdomea.de/schemata/300/xdomea-Nachrichten-AbgabeDurchfuehren.xsd",
        "XDOMEA-SCHEMALOCATION",
    ),
)


@pytest.mark.parametrize(("old", "new", "rule"), BREAKS)
def test_each_break_fires_its_rule_only(old: str, new: str, rule: str) -> None:
    assert _rules(samples.repaired("Anbieteverzeichnis.0501")) == set()
    assert _rules(_break("Anbieteverzeichnis.0501", old, new)) == {rule}


def test_a_0503_with_a_dateiformat_version_not_held_offline_is_accepted_with_information() -> None:
    """DateiformatCodeType fixes listURI but declares listVersionID use="required" without a fixed value (XÖV code
    type 3): the sender names the version, and urn:xoev-de:xdomea:codeliste:dateiformat_2.0 exists. The pack holds
    only 1.0, so the code's membership is not checked, which is information, not a rejection."""
    old = '<xdomea:Name listURI="urn:xoev-de:xdomea:codeliste:dateiformat" listVersionID="1.0">'
    data = _break("Aussonderung.0503", old, old.replace('"1.0"', '"2.0"'))
    report = _german(in_memory("0503.xml", data, PACKAGE))
    [info] = [f for f in report.findings if f.rule != "XOEV-CODE-LIST-UNKNOWN"]
    assert report.valid and report.accepted and not report.errors
    assert (info.rule, info.severity, info.source) == ("XOEV-CODE-VERSION-UNKNOWN", "information", "codelist")
    assert "'2.0'" in info.message and "not checked" in info.message and info.location.endswith("xdomea:Name")


@pytest.mark.parametrize("location", ["/dev/null", "xdomea.xsd", ""])
def test_a_schema_location_hint_other_than_the_group_schema_is_information_only(location: str) -> None:
    """xsi:schemaLocation is a hint to the processor (XML Schema Part 1 §4.3.2) that the schema cannot constrain."""
    hint = f"urn:xoev-de:xdomea:schema:3.0.0 {location}".strip()
    data = _break(
        "Aussonderung.0503",
        "urn:xoev-de:xdomea:schema:3.0.0 http://xdomea.de/schemata/300/xdomea-Nachrichten-AussonderungDurchfuehren.xsd",
        hint,
    )
    report = _german(in_memory("0503.xml", data, PACKAGE))
    [info] = report.fired("XDOMEA-SCHEMALOCATION")
    assert report.valid and report.accepted and info.severity == "information"
    assert {f.rule for f in report.findings} - BASELINE == {"XDOMEA-SCHEMALOCATION"}


def _without_agency() -> bytes:
    data = samples.repaired("Anbieteverzeichnis.0501").decode()
    sender = data.split("<xdomea:Absender>")[1].split("</xdomea:Absender>")[0]
    stripped = re.sub(
        r"<xdomea:(Behoerdenkennung|Institution|Organisationseinheit)>.*?</xdomea:\1>", "", sender, flags=re.S
    )
    return data.replace(sender, stripped).encode()


def test_a_sender_that_names_no_agency_is_a_hint() -> None:
    report = _german(in_memory("m.xml", _without_agency(), PACKAGE))
    [hint] = [f for f in report.findings if f.rule == "XDOMEA-KONTAKT"]
    assert hint.severity == "warning" and hint.location.endswith("xdomea:Absender") and report.accepted


def _other_prefix() -> bytes:
    data = samples.repaired("Anbieteverzeichnis.0501")
    for old, new in ((b"<xdomea:", b"<xd:"), (b"</xdomea:", b"</xd:"), (b"xmlns:xdomea=", b"xmlns:xd=")):
        data = data.replace(old, new)
    return data


def test_another_prefix_is_reported_although_the_schema_accepts_it() -> None:
    report = _german(in_memory("m.xml", _other_prefix(), PACKAGE))
    assert report.valid and {f.rule for f in report.findings} - BASELINE == {"XDOMEA-PREFIX"}


def test_a_missing_primary_document_is_reported_only_for_0503() -> None:
    assert _rules(samples.repaired("Aussonderung.0503"), frozenset()) == {"XDOMEA-PRIMAERDOKUMENT"}
    assert _rules(samples.repaired("Anbieteverzeichnis.0501"), frozenset()) == set()
    assert _rules(samples.repaired("Aussonderung.0503"), None) == set()


def _older_version() -> DocumentReport:
    path = default_store().path(
        "xdomea-toolkit-templates", "message_generation/pattern/xdomea_2.4.0/xx_Aussonderung.Aussonderung.0503.xml"
    )
    return _german(validate(Source(path.name, data=path.read_bytes())))


def test_an_older_version_is_named() -> None:
    report = _older_version()
    [version] = [f for f in report.findings if f.rule == "XDOMEA-VERSION"]
    assert "xdomea 2.4.0" in version.message and not report.valid and not report.accepted


def _foreign_list() -> bytes:
    return _break(
        "Anbieteverzeichnis.0501",
        STAAT,
        STAAT.replace("listVersionID", 'listURI="urn:de:example:staaten" listVersionID'),
    )


def test_a_code_naming_another_list_than_the_schema_fixes_is_an_unknown_list() -> None:
    """Staat is code type 3: the schema fixes its list, so another listURI is a schema error, and the code's list
    is not one of xdomea 3.0.0 (an error, unlike the hint for a foreign list of code type 4)."""
    report = in_memory("m.xml", _foreign_list(), PACKAGE)
    assert {(f.rule, f.severity) for f in report.findings if f.is_error} == {
        ("XSD", "error"),
        ("XOEV-CODE-LIST-UNKNOWN", "error"),
    }


def test_every_requirement_fails_under_a_negative_control() -> None:
    """The negative controls above give, for every requirement of the catalogue, a finding of one of its rules that
    counts against its obligation (as the suite's check judges it): every check can fail. The schemaLocation hint
    is no requirement (no normative text of xdomea 3.0.0 on it): information beside Konformitaet/Schema."""
    reports = [in_memory("m.xml", _break("Anbieteverzeichnis.0501", old, new), PACKAGE) for old, new, _ in BREAKS]
    reports += [in_memory("m.xml", data, PACKAGE) for data in (_without_agency(), _other_prefix(), _foreign_list())]
    reports += [in_memory("m.xml", samples.repaired("Aussonderung.0503"), frozenset()), _older_version()]
    failed = {
        row.section
        for row in RULES
        for report in reports
        if any(f.rule in row.rules and counts(f, row.obligation) for f in report.findings)
    }
    assert {f"{BASE}/{s}" for s in failed} == {r.uri for r in SUITE.standards[0].requirements}
    assert [row.section for row in RULES if "XDOMEA-SCHEMALOCATION" in row.rules] == ["Konformitaet/Schema"]


def test_files_are_checked_with_their_folder_as_package(tmp_path: Path) -> None:
    (tmp_path / "0503.xml").write_bytes(samples.repaired("Aussonderung.0503"))
    assert "XDOMEA-PRIMAERDOKUMENT" in {f.rule for f in validate(Source.file(tmp_path / "0503.xml")).findings}
    (tmp_path / samples.PRIMARY).write_bytes(b"%PDF")
    assert validate(Source.file(tmp_path / "0503.xml")).accepted


def test_a_large_message_is_checked_record_by_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.xml"
    count = samples.write_large(path, 0.5)
    data = path.read_bytes()
    duplicate = re.findall(rb"<xdomea:ID>([0-9a-f-]{36})</xdomea:ID>", data)[5]
    path.write_bytes(
        data.replace(b"<code>02</code>", b"<code>002</code>", 1).replace(
            b"</xdomea:Schriftgutobjekt>",
            b"</xdomea:Schriftgutobjekt><xdomea:Schriftgutobjekt><xdomea:Dokument>"
            b"<xdomea:Identifikation><xdomea:ID>" + duplicate + b"</xdomea:ID></xdomea:Identifikation>"
            b"</xdomea:Dokument></xdomea:Schriftgutobjekt>",
            1,
        )
    )
    expected = validate(Source(path.name, data=path.read_bytes()))
    monkeypatch.setattr(exports, "IN_MEMORY_BYTES", 1000)
    streamed = validate(Source.file(path))
    [split] = exports.validate_export([str(path)], validator.ID, workers=2)
    assert count > 100 and streamed.valid == split.valid == expected.valid and not streamed.accepted
    for report in (streamed, split):
        assert sorted((f.rule, f.line) for f in report.findings if f.rule != "XSD") == sorted(
            (f.rule, f.line) for f in expected.findings if f.rule != "XSD"
        )
    assert {"XOEV-CODE-MEMBER", "XDOMEA-ID-DOPPELT"} <= {f.rule for f in split.findings}
    judged = {c.ids: c.nodes for c in expected.contexts}
    assert judged[("XDOMEA-ID-DOPPELT",)] > count
    assert {c.ids: c.nodes for c in streamed.contexts} == {c.ids: c.nodes for c in split.contexts} == judged
