"""``conformance run --resume``: an interrupted run is finished without repeating or losing what it recorded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conformance.core.evidence import legacy
from conformance.core.packs import default_store
from conformance.core.results import ResultsFile, read_run, write_run

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "demo" / "exports"
VENDORS = """
[[vendors]]
id = "{vendor}"
name = "{vendor}"
version = "1"
[[vendors.targets]]
standard = "xrechnung-3.0"
paths = ["exports/{vendor}-*.xml"]
claims = ["ubl-invoice-cius"]
"""


def conformance(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "conformance",
            "run",
            "--vendors",
            "vendors.toml",
            "--out",
            "out",
            "--quiet",
            "--lang",
            "en",
            *args,
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ResultsFile]:
    """A finished run of two vendors' e-invoice exports (its records are the reference)."""
    default_store().pack_dir("xrechnung-schematron")
    folder = tmp_path_factory.mktemp("resume")
    shutil.copytree(EXPORTS, folder / "exports")
    (folder / "vendors.toml").write_text(
        "".join(VENDORS.format(vendor=v) for v in ("geomax", "kartenwerk")), encoding="utf-8"
    )
    done = conformance(folder)
    assert done.returncode == 1, done.stderr[-2000:]
    return folder, read_run(folder / "out" / "results.jsonl")


def _interrupt(folder: Path, run: ResultsFile, kept: int) -> ResultsFile:
    """The results file as a run killed after ``kept`` records leaves it; each kept record is marked, so a
    test that ran again would show (the later result would replace the marked one)."""
    marked = tuple(replace(r, notes=(*r.notes, legacy("recorded before the interruption"))) for r in run.results[:kept])
    cut = ResultsFile(replace(run.header, finished=None), marked)
    write_run(folder / "out" / "results.jsonl", cut)
    return cut


def test_a_resumed_run_adds_only_what_was_missing(complete: tuple[Path, ResultsFile]) -> None:
    folder, reference = complete
    cut = _interrupt(folder, reference, 1000)
    done = conformance(folder, "--resume")
    assert done.returncode == 1, done.stderr[-2000:]
    resumed = read_run(folder / "out" / "results.jsonl")
    assert resumed.complete and resumed.header.merged_from
    assert sorted(r.test_id for r in resumed.results) == sorted(r.test_id for r in reference.results)
    assert {(r.test_id, r.outcome) for r in resumed.results} == {(r.test_id, r.outcome) for r in reference.results}
    marked = [r for r in resumed.results if legacy("recorded before the interruption") in r.notes]
    assert sorted(r.test_id for r in marked) == sorted(r.test_id for r in cut.results)
    assert read_run(folder / "out" / "results.interrupted.jsonl").results == cut.results
    assert (folder / "out" / "matrix.html").exists()


def test_resume_refuses_a_finished_run_a_changed_vendors_file_and_a_missing_folder(
    complete: tuple[Path, ResultsFile], tmp_path: Path
) -> None:
    folder, reference = complete
    write_run(folder / "out" / "results.jsonl", reference)
    (folder / "out" / "results.interrupted.jsonl").unlink(missing_ok=True)
    finished = conformance(folder, "--resume")
    assert finished.returncode == 2 and "holds a finished run" in finished.stderr
    _interrupt(folder, reference, 10)
    vendors = folder / "vendors.toml"
    original = vendors.read_text(encoding="utf-8")
    vendors.write_text(original.replace('version = "1"', 'version = "2"', 1), encoding="utf-8")
    try:
        changed = conformance(folder, "--resume")
    finally:
        vendors.write_text(original, encoding="utf-8")
    assert changed.returncode == 2 and "the vendors file changed since the interrupted run" in changed.stderr
    (tmp_path / "vendors.toml").write_text(original, encoding="utf-8")
    missing = conformance(tmp_path, "--resume")
    assert missing.returncode == 2 and "nothing to resume" in missing.stderr
