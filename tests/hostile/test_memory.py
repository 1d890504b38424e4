"""Oversized bodies cost at most twice the size cap in memory, however many there are.

The same run (OGC API Features, OpenAPI and OParl against a target that answers every request with an endless
body) is made twice, with a size cap of 64 KiB and of 16 MiB; the child's peak RSS (from wait4, the largest
process of the run) may grow by at most 2 × 16 MiB. A body read up to the cap must not outlive the request that read it
(before, each of a dozen exceptions kept its chunks alive).
"""

from __future__ import annotations

from pathlib import Path

from tests.hostile.runs import SETTINGS, run_cli, vendor
from tests.hostile.server import CORE, serve, standard
from tests.hostile.test_hostile_vendors import OPTIONS

MODES = ("endless-body",)
SMALL, LARGE = 64 * 1024, 16 * 1024**2


def _peak_kb(folder: Path, cap: int) -> int:
    with serve() as server:
        text = "".join(
            vendor(
                f"{mode}-{suite}",
                standard(suite),
                server.url(mode, suite),
                {**SETTINGS, "max_response_bytes": cap},
                None,
                OPTIONS[suite],
            )
            for mode in MODES
            for suite in CORE
        )
        done = run_cli(folder, text)
    assert done.run.complete and {r.outcome.value for r in done.run.results} == {"error"}, done.output[-2000:]
    assert all("exceeds the cap" in r.reason_text or "could not be read" in r.reason_text for r in done.run.results)
    return done.peak_kb


def test_oversized_bodies_cost_at_most_twice_the_cap(tmp_path: Path) -> None:
    baseline = _peak_kb(tmp_path / "small", SMALL)
    peak = _peak_kb(tmp_path / "large", LARGE)
    assert peak - baseline <= 2 * LARGE // 1024, (baseline, peak)
