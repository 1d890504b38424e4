"""Helpers for the NGSI-LD suite tests (no tests here): vendors files, runs, results by requirement."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from conformance.suites.ngsild.catalogue import BASE, STANDARD
from tests.suites.sensorthings_support import FinishedRun

ROOT = Path(__file__).resolve().parents[2]


def short(uri: str) -> str:
    """``5.7.1/retrieve`` for the full requirement URI."""
    return uri.removeprefix(BASE + "/clause-")


ALL = {short(r.uri) for r in STANDARD.requirements}


def record(run: FinishedRun, vendor: str, requirement: str) -> dict[str, Any]:
    """One result record of a run."""
    return run.records[(vendor, requirement)]


def vendors_file(targets: dict[str, tuple[str, str]], path: Path) -> Path:
    """A vendors file: vendor id → (apiRoot, options as a TOML inline table body)."""
    blocks = [
        f'[[vendors]]\nid = "{vendor}"\nname = "{vendor}"\nversion = "1"\n\n[[vendors.targets]]\n'
        f'standard = "ngsi-ld"\nurl = "{url}"\noptions = {{ {options} }}\n'
        for vendor, (url, options) in targets.items()
    ]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def run_suite(targets: dict[str, tuple[str, str]], folder: Path, *extra: str) -> FinishedRun:
    """``conformance run`` of the NGSI-LD standard over the targets."""
    vendors = vendors_file(targets, folder / "vendors.toml")
    out = folder / "out"
    command = [sys.executable, "-m", "conformance", "run", "--vendors", str(vendors), "--out", str(out), "--quiet"]
    done = subprocess.run(
        [*command, "--lang", "en", *extra],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    records = {}
    results = out / "results.jsonl"
    for line in results.read_text(encoding="utf-8").splitlines() if results.exists() else []:
        record = json.loads(line)
        if "outcome" in record:
            records[(record["vendor"], short(record["requirement"]))] = record
    return FinishedRun(done.returncode, records, done.stderr)
