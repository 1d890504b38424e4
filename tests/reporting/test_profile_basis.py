"""A profile line may name the source that sets its obligation (``basis``); the tender text renders it beside the
classes. The GDI-DE profile cites the INSPIRE Technical Guidance for the WFS classes it requires and says where no
source was found (those classes are SOLL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conformance.cli import main
from conformance.core.config import ConfigError
from conformance.core.outcomes import Obligation
from conformance.core.profile import load_profile
from conformance.harness.registry import standards

ROOT = Path(__file__).resolve().parents[2]
GDI = ROOT / "profiles" / "geodatendienste.toml"
TG = "INSPIRE Technical Guidance for the implementation of INSPIRE Download Services, Version 3.3.0"


def render(path: Path, lang: str) -> str:
    result = CliRunner().invoke(main, ["profile", "render", str(path), "--lang", lang, "--format", "md"])
    assert result.exit_code == 0, result.output
    return result.output


def wfs_lines() -> dict[str, tuple[Obligation, str]]:
    profile = load_profile(GDI, standards())
    base = "urn:wechselbar:wfs-2.0/conf/"
    return {
        item.classes[0].removeprefix(base): (item.obligation, item.basis)
        for item in profile.items
        if item.standard == "wfs-2.0"
    }


def test_the_gdi_profile_cites_the_technical_guidance_for_each_required_wfs_class() -> None:
    lines = wfs_lines()
    assert set(lines) == {"simple", "basic", "paging", "post", "soap"}
    assert lines["simple"][0] == lines["basic"][0] == Obligation.MUSS
    assert TG in lines["simple"][1] and "TG Requirement 46" in lines["simple"][1]
    assert TG in lines["basic"][1] and "TG Requirement 62" in lines["basic"][1]
    for cls in ("paging", "post", "soap"):
        assert lines[cls][0] == Obligation.SOLL and lines[cls][1].startswith("Keine Quelle gefunden"), cls


def test_the_tender_text_renders_each_source_beside_its_classes() -> None:
    german, english = render(GDI, "de"), render(GDI, "en")
    assert f"Grundlage (Basis-WFS, gefordert (MUSS)): {TG}" in german
    assert f"Basis (Basic WFS, required (MUST)): {TG}" in english
    assert "Grundlage (Blättern in Antworten, empfohlen (SOLL)): Keine Quelle gefunden" in german


def test_a_profile_without_sources_renders_none_and_an_empty_source_is_refused(tmp_path: Path) -> None:
    assert "Grundlage (" not in render(ROOT / "profiles" / "ratsinformationssystem.toml", "de")
    broken = tmp_path / "p.toml"
    broken.write_text(
        'name = "p"\n[[requirements]]\nstandard = "wfs-2.0"\nobligation = "MUSS"\nbasis = ""\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError):
        load_profile(broken, standards())
