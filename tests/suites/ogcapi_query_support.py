"""Helpers for the tests of the Part 2, Part 3 and CQL2 suite (no tests here): vendors files and results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.core.messages import Message
from conformance.suites.ogcapi_features_query import CQL2_STANDARD, CRS_STANDARD, FILTER_STANDARD, SUITE
from tests.suites.test_ogcapi_features_support import ROOT, codes

STANDARDS = (CRS_STANDARD, FILTER_STANDARD, CQL2_STANDARD)
BASES = {s.id: s.requirements[0].uri.split("/req/")[0] + "/req/" for s in STANDARDS}
ALL = {s.id: {r.uri.split("/req/", 1)[1] for r in s.requirements} for s in STANDARDS}


@dataclass(frozen=True)
class Results:
    """The records of one run by (vendor, standard, requirement short name), and the CLI's stderr."""

    records: dict[tuple[str, str, str], dict[str, Any]]
    stderr: str

    def outcomes(self, vendor: str) -> dict[tuple[str, str], str]:
        """(standard, short) → outcome for one vendor."""
        return {(s, r): rec["outcome"] for (v, s, r), rec in self.records.items() if v == vendor}

    def outcome(self, vendor: str, standard: str, short: str) -> str:
        """The outcome of one requirement."""
        return str(self.records[(vendor, standard, short)]["outcome"])

    def failing(self, vendor: str) -> set[str]:
        """The short requirement names a vendor failed (any of the three standards)."""
        return {r for (s, r), o in self.outcomes(vendor).items() if o == "fail"}


def vendors_file(path: Path, targets: dict[str, str], claims: dict[str, str] | None = None, options: str = "") -> Path:
    """One vendor per (id → base URL), with a target for each of the three standards."""
    blocks = []
    for vendor, url in targets.items():
        blocks.append(f'[[vendors]]\nid = "{vendor}"\nname = "{vendor}"\nversion = "1"\n')
        for standard in STANDARDS:
            claim = (claims or {}).get(standard.id, "")
            blocks.append(
                f'[[vendors.targets]]\nstandard = "{standard.id}"\nurl = "{url}"\n{claim}\n'
                + (f"options = {{ {options} }}\n" if options else "")
            )
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def run(vendors: Path, out: Path) -> Results:
    """``conformance run`` in a child process; the records of its results file."""
    command = [sys.executable, "-m", "conformance", "run", "--vendors", str(vendors), "--out", str(out)]
    done = subprocess.run(
        [*command, "--quiet", "--lang", "en"],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    found = {}
    results = out / "results.jsonl"
    for line in results.read_text(encoding="utf-8").splitlines() if results.exists() else []:
        record = json.loads(line)
        if "outcome" in record:
            standard = next(s for s, base in BASES.items() if record["requirement"].startswith(base))
            found[(record["vendor"], standard, record["requirement"].removeprefix(BASES[standard]))] = record
    return Results(found, done.stderr)


def german(violation: dict[str, Any]) -> str | None:
    """A stored finding in German from the suite's catalogue; None unless every code in it is known."""
    message = Message.from_json(violation)
    if not codes(message) <= set(SUITE.messages.templates):
        return None
    return SUITE.messages.render(message, "de")
