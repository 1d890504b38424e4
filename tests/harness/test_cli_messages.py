"""Messages a new user reads: run --help, unknown classes, validate's verdict lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conformance.cli import main
from conformance.commands.validate import _print_text, _renderer
from conformance.core.config import ConfigError
from conformance.core.profile import load_profile
from conformance.harness.registry import standards
from conformance.xml.report import DocumentReport, Finding


def test_run_help_names_the_exit_codes_and_the_pack_mirror() -> None:
    text = CliRunner().invoke(main, ["run", "--help"]).output
    for code, meaning in (
        ("0", "profile"),
        ("1", "failed"),
        ("2", "configuration"),
        ("3", "unreachable"),
        ("130, 143", "SIGTERM"),
    ):
        assert any(line.strip().startswith(code) and meaning in line for line in text.splitlines()), (code, text)
    assert "WECHSELBAR_PACK_MIRROR" in text and "WECHSELBAR_CACHE" in text


def test_an_unknown_class_in_a_profile_lists_the_valid_ones(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(
        'name = "P"\n[[requirements]]\nstandard = "ogcapi-features-1"\nclasses = ["cor"]\nobligation = "MUSS"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_profile(path, standards())
    message = str(caught.value)
    assert "'cor'" in message
    assert all(cls.short in message for cls in standards()["ogcapi-features-1"].classes), message


def test_an_unknown_claim_in_the_vendors_file_lists_the_valid_ones(tmp_path: Path) -> None:
    (tmp_path / "vendors.toml").write_text(
        '[[vendors]]\nid = "x"\nname = "X"\nversion = "1"\n[[vendors.targets]]\nstandard = "ogcapi-features-1"\n'
        'url = "http://127.0.0.1:9"\nclaims = ["geo-json"]\n',
        encoding="utf-8",
    )
    done = CliRunner().invoke(main, ["run", "--vendors", str(tmp_path / "vendors.toml")])
    assert done.exit_code == 2
    assert "'geo-json'" in done.output and "known: core, " in done.output and "geojson" in done.output


def report(valid: bool, accepted: bool, *severities: str, error: str | None = None) -> DocumentReport:
    findings = tuple(
        Finding(f"R-{i}", severity, "/Invoice", f"message {i}", source="schematron")
        for i, severity in enumerate(severities)
    )
    return DocumentReport("doc.xml", "xrechnung-3.0", valid, accepted, "s", findings, error)


@pytest.mark.parametrize(
    ("document", "de", "en"),
    [
        (report(True, True), "angenommen (gültig)", "accepted (valid)"),
        (report(False, True, "information"), "angenommen, mit Hinweisen", "accepted, with notes"),
        (report(True, True, "warning", "information"), "angenommen, mit Warnungen", "accepted, with warnings"),
        (report(False, False, "error"), "abgewiesen (ungültig)", "rejected (invalid)"),
    ],
)
def test_validate_words_each_verdict(
    document: DocumentReport, de: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang, expected in (("de", de), ("en", en)):
        _print_text([document], lang, _renderer(document.standard, lang))
        first = capsys.readouterr().out.splitlines()[0]
        assert first.startswith(expected + " doc.xml"), first
    assert "ungültig" not in de or not document.accepted


def test_validate_names_a_non_xml_file_once(tmp_path: Path) -> None:
    (tmp_path / "notes.xml").write_text("hello, not XML", encoding="utf-8")
    done = CliRunner().invoke(main, ["validate", "--lang", "en", str(tmp_path / "notes.xml")])
    assert done.exit_code == 1
    assert done.output.count("Start tag expected") == 1, done.output
