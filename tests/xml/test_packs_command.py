"""``conformance packs``: list, sync from a mirror, build a mirror for air-gapped machines, verify."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conformance.cli import main


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WECHSELBAR_CACHE", str(tmp_path / "cache"))
    return tmp_path


def test_list_shows_every_locked_pack_as_json() -> None:
    result = CliRunner().invoke(main, ["packs", "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    packs = {p["id"]: p for p in json.loads(result.output)}
    assert {"ubl-2.1", "schxslt", "en16931-cen-tests"} <= set(packs)
    assert len(packs["schxslt"]["digest"]) == 64


def test_sync_builds_a_mirror_that_an_offline_machine_can_sync_from(
    empty_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mirror = empty_cache / "usb-stick"
    runner = CliRunner()
    made = runner.invoke(main, ["packs", "sync", "schxslt", "--offline", "--build-mirror", str(mirror)])
    assert made.exit_code == 0, made.output
    assert (mirror / "schxslt" / "core/src/main/resources/xslt/2.0/pipeline-for-svrl.xsl").is_file()
    monkeypatch.setenv("WECHSELBAR_PACK_MIRROR", "")
    monkeypatch.setenv("WECHSELBAR_CACHE", str(empty_cache / "air-gapped"))
    assert runner.invoke(main, ["packs", "sync", "schxslt", "--offline"]).exit_code == 2
    synced = runner.invoke(main, ["packs", "sync", "schxslt", "--offline", "--mirror", str(mirror)])
    assert synced.exit_code == 0, synced.output
    assert runner.invoke(main, ["packs", "verify", "schxslt"]).exit_code == 0


def test_verify_reports_a_changed_file(empty_cache: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["packs", "sync", "schxslt", "--offline"]).exit_code == 0
    readme = next((empty_cache / "cache").rglob("schxslt/*/README.md"))
    os.chmod(readme, 0o644)
    readme.write_text("changed")
    result = runner.invoke(main, ["packs", "verify", "schxslt"])
    assert result.exit_code == 1 and "sha256 mismatch" in result.output


def test_a_tampered_mirror_is_refused(empty_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mirror = empty_cache / "mirror"
    runner = CliRunner()
    assert runner.invoke(main, ["packs", "sync", "schxslt", "--offline", "--build-mirror", str(mirror)]).exit_code == 0
    (mirror / "schxslt" / "README.md").write_text("tampered")
    monkeypatch.setenv("WECHSELBAR_PACK_MIRROR", "")
    monkeypatch.setenv("WECHSELBAR_CACHE", str(empty_cache / "other"))
    result = runner.invoke(main, ["packs", "sync", "schxslt", "--offline", "--mirror", str(mirror)])
    assert result.exit_code == 2 and "sha256" in result.output


def test_unknown_pack_is_a_usage_error() -> None:
    assert CliRunner().invoke(main, ["packs", "verify", "no-such-pack"]).exit_code == 2
