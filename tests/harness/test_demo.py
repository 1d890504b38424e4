"""`conformance demo` writes the matrix through the normal run path: one vendor meets the profile, two do not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conformance.core.results import read_run
from conformance.reporting.verdict import EXIT_OK, VerdictState, vendor_verdicts


def test_demo_writes_the_matrix(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "conformance", "demo", "--out", "demo", "--quiet"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600, check=False, env=dict(os.environ))
    assert done.returncode == EXIT_OK, done.stderr[-3000:]
    matrix = tmp_path / "demo" / "matrix.html"
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == str(matrix.resolve())
    assert lines[-3] == "Exit-Code 1" and lines[-2].startswith("Die Demo endet mit Exit-Code 0: sie lief vollständig")
    assert "Exit-Code 1 oben ist das Urteil" in lines[-2]
    run = read_run(tmp_path / "demo" / "results.jsonl")
    assert run.complete and {r.vendor for r in run.results} == {"kartenwerk", "geomax", "kartolight"}
    assert {r.standard for r in run.results} == {"ogcapi-features-1", "openapi-3", "oparl-1.1", "xrechnung-3.0"}
    failed = {r.vendor for r in run.results
              if r.outcome.value in ("fail", "error") and r.obligation == r.profile_obligation == "MUSS"}
    assert failed == {"geomax", "kartolight"}
    assert any(r.outcome.value == "waived" for r in run.results if r.vendor == "geomax")
    html = matrix.read_text(encoding="utf-8")
    assert "Kartenwerk GmbH" in html and "erfüllt das Profil" in html
    states = {v.vendor: v.state for v in vendor_verdicts(run)}
    assert states == {"kartenwerk": VerdictState.MEETS, "geomax": VerdictState.FAILS,
                      "kartolight": VerdictState.FAILS}
    for path in (tmp_path / "demo").iterdir():
        assert "demo-token-geomax" not in path.read_text(encoding="utf-8", errors="replace")
