"""OGC API – Features suite against a local pygeoapi 0.21.0: wall time, requests, requests/s, 1 and 2 workers.

Usage: ``python bench/bench_features.py [--repeat 3]``. Prints Markdown for the section
"OGC API – Features suite against pygeoapi" of BENCHMARKS.md.

pygeoapi (gunicorn, 2 workers, the test configuration of tests/targets/pygeoapi.py) runs on 127.0.0.1 with an
access log, so every request the suite sends is counted on the server side. Each run is the real CLI,
``conformance run --workers N`` in a child process (start-up, pytest, checks, results file and all reports).
Yardstick, in the same run: the very requests of that suite run (read back from the access log) replayed one
after another by a bare requests.Session, with no checks; the ratio is the suite's cost over that floor.
Runs of 1 and 2 workers are interleaved; the medians are shown.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))
os.environ.setdefault("WECHSELBAR_CACHE", str(ROOT / ".cache" / "wechselbar"))
sys.path.insert(0, str(ROOT))

from tests.targets.pygeoapi import serve, venv  # noqa: E402

REQUEST = re.compile(r'"GET (\S+) HTTP/1\.[01]"')
WORKERS = (1, 2)


def vendors(folder: Path, url: str) -> Path:
    """A vendors file with pygeoapi as the only vendor."""
    path = folder / "vendors.toml"
    path.write_text(f'[[vendors]]\nid = "pygeoapi"\nname = "pygeoapi"\nversion = "0.21.0"\n\n'
                    f'[[vendors.targets]]\nstandard = "ogcapi-features-1"\nurl = "{url}"\n', encoding="utf-8")
    return path


def logged(log: Path, start: int) -> list[str]:
    """The request targets logged since byte offset ``start`` (once the log has stopped growing)."""
    size = -1
    while size != log.stat().st_size:
        size = log.stat().st_size
        time.sleep(0.5)
    with log.open("rb") as handle:
        handle.seek(start)
        text = handle.read().decode("utf-8", errors="replace")
    return REQUEST.findall(text)


def suite_run(folder: Path, url: str, log: Path, workers: int) -> tuple[float, list[str], int]:
    """One CLI run: seconds, the requests it sent, its exit code."""
    start = log.stat().st_size
    command = [sys.executable, "-m", "conformance", "run", "--vendors", str(vendors(folder, url)),
               "--out", str(folder / f"out-{workers}"), "--workers", str(workers), "--quiet"]
    began = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    if done.returncode not in (0, 1):
        raise RuntimeError(f"conformance run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds, logged(log, start), done.returncode


def replay(url: str, targets: list[str]) -> float:
    """Seconds for a bare session to GET the same request targets one after another."""
    session = requests.Session()
    began = time.perf_counter()
    for target in targets:
        session.get(url + target, timeout=60).content  # noqa: B018
    return time.perf_counter() - began


def startup() -> float:
    """Seconds for one Python process to start pytest with the plugins and collect the suite (no requests)."""
    command = [sys.executable, "-m", "pytest", "--co", "-q", "-p", "no:cacheprovider", "-p", "no:schemathesis",
               "--pyargs", "conformance.suites.ogcapi_features"]
    began = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - began


def measure(repeat: int) -> dict[int, dict[str, float]]:
    """Median figures per worker count over ``repeat`` interleaved runs."""
    folder_venv = venv()
    if folder_venv is None:
        raise SystemExit("pygeoapi is not installed: run .ci/install-targets.sh")
    samples: dict[int, list[tuple[float, int, float]]] = {w: [] for w in WORKERS}
    starts = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        log = folder / "access.log"
        log.touch()
        with serve(folder_venv, folder, access_log=log) as url:
            for _ in range(repeat):
                starts.append(startup())
                for workers in WORKERS:
                    seconds, sent, _ = suite_run(folder, url, log, workers)
                    samples[workers].append((seconds, len(sent), replay(url, sent)))
    figures = {w: {"seconds": statistics.median(s[0] for s in rows), "requests": statistics.median(s[1] for s in rows),
                   "replay": statistics.median(s[2] for s in rows)} for w, rows in samples.items()}
    figures[0] = {"seconds": statistics.median(starts)}
    return figures


def report(figures: dict[int, dict[str, float]], repeat: int) -> str:
    """The Markdown table."""
    lines = [f"Median of {repeat} interleaved runs; {os.cpu_count()} cores, Python {platform.python_version()}.", "",
             "| workers | wall time | requests | requests/s | bare replay of the same requests (yardstick) | "
             "ratio |", "|---:|---:|---:|---:|---:|---:|"]
    for workers, row in figures.items():
        if not workers:
            continue
        lines.append(f"| {workers} | {row['seconds']:.2f} s | {row['requests']:.0f} | "
                     f"{row['requests'] / row['seconds']:.0f} | {row['replay']:.2f} s | "
                     f"{row['seconds'] / row['replay']:.2f}× |")
    one, two = figures[1]["seconds"], figures[2]["seconds"]
    lines += ["", f"Speed-up from 1 to 2 workers: {one / two:.2f}× (wall time {one:.2f} s → {two:.2f} s). "
              f"Start-up floor, same run: one process starting pytest and collecting the suite takes "
              f"{figures[0]['seconds']:.2f} s; each xdist worker pays it again."]
    return "\n".join(lines)


def main() -> None:
    """Measure and print the Markdown section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(report(measure(args.repeat), args.repeat))


if __name__ == "__main__":
    main()
