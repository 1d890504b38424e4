"""Helpers for the SensorThings suite tests (no tests here): vendors files, runs, results by requirement."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.suites.sensorthings import STANDARD

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "http://www.opengis.net/spec/iot_sensing/1.1/req/"


def short(uri: str) -> str:
    """``request-data/top`` for the full requirement URI."""
    return uri.removeprefix(PREFIX)


ALL = {short(r.uri) for r in STANDARD.requirements}


@dataclass(frozen=True)
class FinishedRun:
    """A finished run: exit code, results by (vendor, short URI), stderr."""

    code: int
    records: dict[tuple[str, str], dict[str, Any]]
    stderr: str = ""

    def outcomes(self, vendor: str) -> dict[str, str]:
        """Short URI → outcome for one vendor."""
        return {s: r["outcome"] for (v, s), r in self.records.items() if v == vendor}

    def failing(self, vendor: str) -> set[str]:
        """The short URIs a vendor failed."""
        return {s for s, outcome in self.outcomes(vendor).items() if outcome == "fail"}

    def messages(self, vendor: str, requirement: str) -> list[str]:
        """The violation messages of one result."""
        return [v["text"] for v in self.records[(vendor, requirement)]["findings"]]


WRITES = "options = { writes = true }\n"


LOOPBACK = 'http = { allowed_hosts = ["127.0.0.1"] }\n'  # any port of 127.0.0.1 (an MQTT broker's too)


def run_suite(
    targets: dict[str, str], folder: Path, options: str | Mapping[str, str] = "", extra: str = ""
) -> FinishedRun:
    """``conformance run`` of the SensorThings standard over the targets (vendor id → service root); ``options``
    are the target lines of every vendor, or per vendor id (none for a vendor not named); ``extra`` are lines of
    every vendor's own table (``LOOPBACK``, say)."""
    lines = options if isinstance(options, Mapping) else dict.fromkeys(targets, options)
    blocks = [
        f'[[vendors]]\nid = "{vendor}"\nname = "{vendor}"\nversion = "1"\n{extra}\n[[vendors.targets]]\n'
        f'standard = "sensorthings-1.1"\nurl = "{url}"\n{lines.get(vendor, "")}'
        for vendor, url in targets.items()
    ]
    vendors = folder / "vendors.toml"
    vendors.write_text("\n".join(blocks), encoding="utf-8")
    out = folder / "out"
    command = [
        sys.executable,
        "-m",
        "conformance",
        "run",
        "--vendors",
        str(vendors),
        "--out",
        str(out),
        "--quiet",
        "--lang",
        "en",
    ]
    done = subprocess.run(
        command, cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=900, check=False
    )
    records = {}
    results = out / "results.jsonl"
    for line in results.read_text(encoding="utf-8").splitlines() if results.exists() else []:
        record = json.loads(line)
        if "outcome" in record:
            records[(record["vendor"], short(record["requirement"]))] = record
    return FinishedRun(done.returncode, records, done.stderr)
