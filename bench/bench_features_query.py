"""OGC API – Features Part 3 (Filtering) and CQL2, with and without Part 2: wall time and requests against the
conformant Features test double, beside the bare replay of the same requests.

Usage: ``python bench/bench_features_query.py [--repeat 3]``. Prints Markdown for the section
"OGC API – Features Parts 2 and 3" of BENCHMARKS.md. Each run is the real CLI (``conformance run``, one worker)
in a child process; the double counts every request in its handler. Yardstick, in the same run: the very
requests of that run replayed one after another by a bare requests.Session, with no checks (and no filter
evaluation). Scenarios are interleaved; the medians are shown.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_features import ROOT, Sample, replay

from conformance.demo.features_handler import Handler
from conformance.demo.features_server import FeaturesTestServer

SCENARIOS = {
    "Part 3 + CQL2": ("ogcapi-features-3", "cql2"),
    "Parts 2, 3 + CQL2": ("ogcapi-features-2", "ogcapi-features-3", "cql2"),
}


def vendors_file(path: Path, url: str, standards: tuple[str, ...]) -> Path:
    """One vendor with a target per standard."""
    blocks = ['[[vendors]]\nid = "double"\nname = "double"\nversion = "1"\n']
    blocks += [f'[[vendors.targets]]\nstandard = "{s}"\nurl = "{url}"\n' for s in standards]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def suite_run(folder: Path, url: str, standards: tuple[str, ...], seen: list[str], root: str) -> Sample:
    """One CLI run; the requests the double served during it, and their bare replay."""
    start = len(seen)
    out = folder / f"out-{len(standards)}"
    command = [
        sys.executable,
        "-m",
        "conformance",
        "run",
        "--vendors",
        str(vendors_file(folder / "v.toml", url, standards)),
    ]
    began = time.perf_counter()
    done = subprocess.run(
        [*command, "--out", str(out), "--quiet"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    sample = Sample(time.perf_counter() - began)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"conformance run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    sample.sent = {root: seen[start:]}
    sample.replay = replay(sample.sent)
    return sample


def measure(repeat: int) -> dict[str, list[Sample]]:
    """Samples per scenario over ``repeat`` interleaved rounds."""
    seen: list[str] = []

    class Counting(Handler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            seen.append(self.path)

    server = FeaturesTestServer({"double": frozenset()})
    server.httpd.RequestHandlerClass = Counting
    server.start()
    samples: dict[str, list[Sample]] = {name: [] for name in SCENARIOS}
    try:
        with tempfile.TemporaryDirectory() as temp:
            for _ in range(repeat):
                for name, standards in SCENARIOS.items():
                    sample = suite_run(
                        Path(temp), server.url("double"), standards, seen, f"http://127.0.0.1:{server.port}"
                    )
                    samples[name].append(sample)
    finally:
        server.stop()
    return samples


def report(samples: dict[str, list[Sample]], repeat: int) -> str:
    """The Markdown table."""
    load = os.getloadavg()
    lines = [
        f"Median of {repeat} interleaved runs; {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min).",
        "",
        "| standards | wall time | requests | bare replay of the same requests (yardstick) | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, rows in samples.items():
        seconds, sent = statistics.median(s.seconds for s in rows), statistics.median(s.requests for s in rows)
        floor = statistics.median(s.replay for s in rows)
        lines.append(f"| {name} | {seconds:.2f} s | {sent:.0f} | {floor:.2f} s | {seconds / floor:.2f}× |")
    return "\n".join(lines)


def main() -> None:
    """Measure and print the Markdown section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    print(report(measure(repeat), repeat))


if __name__ == "__main__":
    main()
