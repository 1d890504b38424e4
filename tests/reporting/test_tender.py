"""Tender texts: every example profile renders to Markdown, HTML and ODT in German and English; the ODT is opened
with odfpy and holds the standards, classes, requirement counts, waiver policy, command, version and pack hashes."""

from __future__ import annotations

import zipfile
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner
from odf import teletype
from odf.opendocument import load
from odf.table import TableCell, TableRow
from odf.text import H, P

from conformance.cli import main
from conformance.core.outcomes import Obligation
from conformance.core.packs import lock
from conformance.core.profile import load_profile
from conformance.harness.registry import standards

ROOT = Path(__file__).resolve().parents[2]
PROFILES = sorted((ROOT / "profiles").glob("*.toml"))


def render(*args: str) -> bytes:
    result = CliRunner().invoke(main, ["profile", "render", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def odt_text(path: Path) -> tuple[list[str], list[list[str]]]:
    doc = load(str(path))
    lines = [teletype.extractText(e) for e in doc.text.childNodes if e.qname[1] in ("h", "p")]
    rows = [
        [teletype.extractText(c) for c in row.getElementsByType(TableCell)] for row in doc.getElementsByType(TableRow)
    ]
    assert doc.getElementsByType(H) and doc.getElementsByType(P)
    return lines, rows


def test_the_example_profiles_are_valid_and_name_existing_standards() -> None:
    names = {p.name for p in PROFILES}
    assert {
        "ratsinformationssystem.toml",
        "e-rechnungseingang.toml",
        "dms-aussonderung.toml",
        "geodatendienste.toml",
    } <= names
    known = standards()
    for path in PROFILES:
        profile = load_profile(path, known)
        assert profile.waiver_policy and profile.items, path.name


def test_the_odt_holds_standards_classes_counts_policy_command_and_pack_hashes(tmp_path: Path) -> None:
    out = tmp_path / "rats.odt"
    render(str(ROOT / "profiles" / "ratsinformationssystem.toml"), "--lang", "de", "--format", "odt", "-o", str(out))
    with zipfile.ZipFile(out) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    lines, rows = odt_text(out)
    oparl = standards()["oparl-1.1"]
    assert lines[0] == "Leistungsbeschreibung: Ratsinformationssystem mit OParl-1.1-Schnittstelle"
    assert f"{oparl.title_de}, Version 1.1" in lines and f"Spezifikation: {oparl.spec_url}" in lines
    by_class = {row[0]: row[1:] for row in rows}
    for cls in oparl.classes:
        counts = Counter(r.obligation for r in oparl.requirements if r.cls == cls.uri)
        wanted = ["gefordert (MUSS)", *(str(counts[o]) for o in (Obligation.MUSS, Obligation.SOLL, Obligation.KANN))]
        assert by_class[f"{cls.title_de} ({cls.uri}; {cls.spec_url or oparl.spec_url})"] == wanted, cls.short
    assert any(line.startswith("Abweichungen von MUSS-Anforderungen sind nur bis zur Abnahme") for line in lines)
    assert any(
        f"wechselbar {version('wechselbar')}" in line and "--profile ratsinformationssystem.toml" in line
        for line in lines
    )
    pack = lock()["geojson-schema"]
    assert [pack.version, pack.digest] in [row[1:] for row in rows]


def test_classes_outside_the_profile_are_left_out_and_obligations_shown(tmp_path: Path) -> None:
    text = render(str(ROOT / "profiles" / "e-rechnungseingang.toml"), "--lang", "en", "--format", "md").decode()
    assert "| UBL Invoice (CIUS) (" in text and "| required (MUST) |" in text
    assert "| UBL Invoice (Extension) (" in text and "| recommended (SHOULD) |" in text
    assert "(CVD)" not in text
    assert "## How conformance is checked" in text and lock()["ubl-2.1"].digest in text


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_profile_renders_in_every_format(path: Path, lang: str, tmp_path: Path) -> None:
    page = render(str(path), "--lang", lang, "--format", "html").decode()
    assert page.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in page and "<table>" in page
    out = tmp_path / "profile.odt"
    render(str(path), "--lang", lang, "--format", "odt", "-o", str(out))
    lines, rows = odt_text(out)
    heading = "Leistungsbeschreibung: " if lang == "de" else "Tender specification: "
    assert lines[0].startswith(heading) and len(rows) > 2


def test_odt_without_a_file_goes_to_standard_output_when_it_is_not_a_terminal() -> None:
    data = render(str(ROOT / "profiles" / "dms-aussonderung.toml"), "--format", "odt")
    assert data.startswith(b"PK") and b"application/vnd.oasis.opendocument.text" in data[:100]
