"""Helpers for the WMS and WFS suite tests (no tests here): vendors files, and CLI runs whose records are keyed by
(vendor, requirement name), the part of the URI after ``/req/``."""

from __future__ import annotations

from pathlib import Path

from tests.suites import test_ogcapi_features_support as features

Run = features.Run
evidence_complete = features.evidence_complete


def vendors_file(path: Path, standard: str, targets: dict[str, str], options: str = "") -> Path:
    """One vendor per (id → URL) target of a standard."""
    blocks = [
        f'[[vendors]]\nid = "{vendor}"\nname = "{vendor}"\nversion = "1"\n\n[[vendors.targets]]\n'
        f'standard = "{standard}"\nurl = "{url}"\n{options}'
        for vendor, url in targets.items()
    ]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def run_cli(vendors: Path, out: Path, *extra: str) -> Run:
    """``conformance run`` in a child process (plugin, results file, reports)."""
    done = features.run_cli(vendors, out, *extra)
    named = {(vendor, uri.split("/req/", 1)[1]): record for (vendor, uri), record in done.records.items()}
    return Run(done.code, done.out, named, done.stderr)
