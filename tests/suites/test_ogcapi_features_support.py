"""Helpers for the OGC API Features suite tests (no tests here): vendors files, runs, results by requirement."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.core.messages import Message
from conformance.suites.ogcapi_features import STANDARD, SUITE

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "http://www.opengis.net/spec/ogcapi-features-1/1.0/"


@dataclass(frozen=True)
class FinishedRun:
    """A finished run: the exit code, the output folder and the result records by (vendor, short URI)."""

    code: int
    out: Path
    records: dict[tuple[str, str], dict[str, Any]]
    stderr: str = ""

    def outcome(self, vendor: str, short: str) -> str:
        """The outcome of one requirement, e.g. ``req/core/root-op``."""
        return str(self.records[(vendor, short)]["outcome"])

    def failing(self, vendor: str) -> set[str]:
        """The short URIs a vendor failed."""
        return {short for (v, short), r in self.records.items() if v == vendor and r["outcome"] == "fail"}

    def outcomes(self, vendor: str) -> dict[str, str]:
        """Short URI → outcome for one vendor."""
        return {short: r["outcome"] for (v, short), r in self.records.items() if v == vendor}


def short(uri: str) -> str:
    """``req/core/root-op`` for the full requirement URI."""
    return uri.removeprefix(PREFIX)


ALL = {short(r.uri) for r in STANDARD.requirements}


def vendors_file(path: Path, targets: dict[str, str], http: str = "", options: str = "") -> Path:
    """One vendor per (id → base URL) target of the Features standard."""
    blocks = [f"[http]\n{http}\n"] if http else []
    for vendor, url in targets.items():
        blocks.append(
            f'[[vendors]]\nid = "{vendor}"\nname = "{vendor}"\nversion = "1"\n\n'
            f'[[vendors.targets]]\nstandard = "ogcapi-features-1"\nurl = "{url}"\n{options}'
        )
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def records(results: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """The result records of a results file by (vendor, short URI)."""
    out = {}
    for line in results.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "outcome" in record:
            out[(record["vendor"], short(record["requirement"]))] = record
    return out


def run_cli(vendors: Path, out: Path, *extra: str) -> FinishedRun:
    """``conformance run`` in a child process (the real CLI path: plugin, results file, reports)."""
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
        *extra,
    ]
    done = subprocess.run(
        command, cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=600, check=False
    )
    results = out / "results.jsonl"
    return FinishedRun(done.returncode, out, records(results) if results.exists() else {}, done.stderr)


def run_pytest(vendors: Path, results: Path, *extra: str) -> FinishedRun:
    """The suite through plain pytest and the plugin, with extra pytest options (e.g. -k)."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-q",
        "--pyargs",
        "conformance.suites.ogcapi_features",
        "--conformance-vendors",
        str(vendors),
        "--conformance-results",
        str(results),
        *extra,
    ]
    done = subprocess.run(
        command, cwd=results.parent, env=dict(os.environ), capture_output=True, text=True, timeout=600, check=False
    )
    return FinishedRun(done.returncode, results.parent, records(results) if results.exists() else {}, done.stdout)


def evidence_complete(record: dict[str, Any]) -> bool:
    """Every violation of a fail names where (URL) and points at a captured HTTP exchange."""
    found = record["findings"]
    return bool(found) and all(
        v["locator"].get("where") and isinstance(v.get("exchange"), int) and record["exchanges"][v["exchange"]]["url"]
        for v in found
    )


def codes(message: Message) -> set[str]:
    """The code of a message and of every message among its parameters."""
    found = {message.code}
    for value in message.params.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Message):
                found |= codes(item)
    return found


def german(violation: dict[str, Any]) -> str | None:
    """A stored finding rendered in German from the suite's catalogue; None unless every code in it is known."""
    message = Message.from_json(violation)
    if not codes(message) <= set(SUITE.messages.templates):
        return None
    return SUITE.messages.render(message, "de")


def untranslated(records: Iterable[dict[str, Any]]) -> list[str]:
    """The findings of the records without a German rendering of their own (schema findings are the validator's
    words and stay as written)."""
    found = [v for r in records for v in r["findings"]]
    return sorted(
        v["text"] for v in found if german(v) is None or (german(v) == v["text"] and v["code"] != "features.schema")
    )
