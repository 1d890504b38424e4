"""What a run shows: under a terminal one progress display and the summary, pytest's own output only with -v;
piped, no control sequences and no pytest output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.core.results import read_run
from conformance.demo.features_server import FeaturesTestServer
from conformance.reporting.verdict import EXIT_FAIL
from tests.harness.terminal import run_in_terminal, screen

WRONG = frozenset({"wrong-items-media-type", "no-limit-validation", "bbox-ignored", "no-404", "invalid-geojson"})
PYTEST_OUTPUT = re.compile(r"^[.FsExX]{5,}|= FAILURES =|\d+ (?:passed|failed)(?:, \d+ \w+)* in \d|Traceback", re.M)


@pytest.fixture(scope="module")
def server() -> Iterator[FeaturesTestServer]:
    test_double = FeaturesTestServer({"ok": frozenset(), "wrong": WRONG}).start()
    yield test_double
    test_double.stop()


@pytest.fixture
def folder(tmp_path: Path, server: FeaturesTestServer) -> Path:
    body = "".join(
        f'[[vendors]]\nid = "{vid}"\nname = "{vid.title()} GmbH"\nversion = "1.0"\n'
        f'[[vendors.targets]]\nstandard = "ogcapi-features-1"\nurl = "{server.url(vid)}"\n\n'
        for vid in ("ok", "wrong")
    )
    (tmp_path / "vendors.toml").write_text(body, encoding="utf-8")
    return tmp_path


def command(*extra: str) -> list[str]:
    return [sys.executable, "-m", "conformance", "run", "--vendors", "vendors.toml", "--out", "out", *extra]


def records(folder: Path) -> int:
    return len(read_run(folder / "out" / "results.jsonl").results)


def test_terminal_shows_one_progress_display_and_the_summary(folder: Path) -> None:
    code, raw = run_in_terminal(command(), folder, dict(os.environ))
    lines = [line for line in screen(raw) if line.strip()]
    assert code == EXIT_FAIL, "\n".join(lines)
    total = records(folder)
    assert total > 40
    progress = [line for line in lines if "Prüfungen" in line]
    assert len(progress) == 1 and f"{total}/{total}" in progress[0], lines
    status = lines[lines.index(progress[0]) + 1]
    assert status.startswith("1 Standard · 2 Ziele · ") and " erfüllt" in status and "nicht erfüllt" in status
    assert not PYTEST_OUTPUT.search(raw), raw[:2000]
    assert any("Exit-Code 1" in line for line in lines)
    assert len(lines) < 30, "\n".join(lines)


def test_verbose_shows_pytest_output_instead(folder: Path) -> None:
    code, raw = run_in_terminal(command("-v", "--lang", "en"), folder, dict(os.environ))
    assert code == EXIT_FAIL
    assert "= FAILURES =" in raw and re.search(r"\d+ failed", raw)
    assert "checks" not in "\n".join(screen(raw)).split("Switchability")[0].splitlines()[-1:]


def test_piped_output_carries_no_control_sequences_and_no_pytest_output(folder: Path) -> None:
    done = subprocess.run(
        command("--lang", "en"),
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=dict(os.environ),
    )
    assert done.returncode == EXIT_FAIL, done.stderr
    assert "\x1b" not in done.stdout + done.stderr
    assert not PYTEST_OUTPUT.search(done.stdout + done.stderr), done.stdout[:2000]
    total = records(folder)
    assert done.stderr.count(f"{total}/{total}") == 1, done.stderr
    assert "1 standard · 2 targets · " in done.stderr
    assert done.stdout.splitlines()[-1] == "Exit code 1"
