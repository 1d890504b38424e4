"""Fail-fast: a target that stopped answering costs a few deadlines, not one per check."""

from __future__ import annotations

import socket
from collections import Counter
from pathlib import Path

import pytest

from conformance.core.outcomes import Outcome
from tests.hostile.runs import SETTINGS, run_cli, vendor

STOPPED = "TargetStopped: target stopped answering after 2 timeouts"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_target_that_accepts_and_never_answers_stops_after_max_timeouts(tmp_path: Path, workers: str) -> None:
    """With workers too: all checks of one target share a worker, so its timeouts are counted together."""
    with socket.create_server(("127.0.0.1", 0), backlog=512) as silent:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        http = {**SETTINGS, "test_deadline": 2, "max_timeouts": 2}
        done = run_cli(tmp_path, vendor("silent", "ogcapi-features-1", url, http), None, "--workers", workers)
    results = done.run.results
    assert len(results) > 10 and {r.outcome for r in results} == {Outcome.ERROR}, done.output[-2000:]
    reasons = Counter(r.reason_text for r in results)
    assert reasons[STOPPED] >= len(results) - 2, reasons
    assert all(
        r.reason_text.startswith(("DeadlineExceeded:", "TargetUnreachable:"))
        for r in results
        if r.reason_text != STOPPED
    ), reasons
    assert "Traceback" not in done.output
