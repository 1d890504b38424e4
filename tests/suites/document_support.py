"""Running a document suite end to end: the suite's package through plain pytest and the plugin in a child
process, on a vendors file in a folder, and the results file read back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conformance.core.results import ResultsFile, read_run


def run_suite(package: str, folder: Path, *extra: str) -> ResultsFile:
    """Run ``conformance.suites.<package>`` on ``folder/vendors.toml`` (paths relative to the folder)."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--pyargs",
        f"conformance.suites.{package}",
    ]
    command += [*extra, "--conformance-vendors", str(folder / "vendors.toml")]
    command += ["--conformance-results", str(folder / "r.jsonl")]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    return read_run(folder / "r.jsonl")
