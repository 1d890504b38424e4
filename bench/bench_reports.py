"""Reports: size of every format and render time in Python and in a browser, for one results file.

Usage: ``python bench/bench_reports.py [--results RESULTS.jsonl] [--repeat 5]``. Without ``--results`` the script
runs ``conformance demo`` into a temporary folder first. Prints Markdown for the Reports section of BENCHMARKS.md.

Yardsticks, taken in the same run: the size of the results file the reports are derived from; reading that
results file (Python); and headless Chromium loading and rendering an empty page (its start-up floor), beside the
time it takes to load, lay out and screenshot matrix.html.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))

from conformance.core.results import ResultsFile, read_run  # noqa: E402
from conformance.reporting.files import FORMATS, render  # noqa: E402
from conformance.reporting.model import build_report  # noqa: E402

CHROMIUM = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,2400",
)


def median(fn: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` timings, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def demo_results(folder: Path) -> Path:
    """Run the demo into a folder and return its results file."""
    subprocess.run(
        [sys.executable, "-m", "conformance", "demo", "--out", str(folder), "--quiet"],
        check=True,
        capture_output=True,
        cwd=folder.parent,
    )
    return folder / "results.jsonl"


def python_rows(path: Path, run: ResultsFile, repeat: int) -> list[str]:
    """Size and render time of each format; the yardsticks are the results file's size and reading it."""
    size, read = path.stat().st_size, median(lambda: read_run(path), repeat)
    rows = [f"| results.jsonl (yardstick) | {_size(size)} | 1.00× | {read:.2f} s (read) | 1.00× |"]
    took = median(lambda: build_report(ResultsFile(run.header, run.results)), repeat)
    rows.append(f"| aggregation, shared by every format | – | – | {took:.2f} s | {took / read:.2f}× |")
    report = build_report(run)
    for fmt, (name, _) in FORMATS.items():
        data = render(report, fmt, "de")
        took = median(lambda fmt=fmt: render(report, fmt, "de"), repeat)
        rows.append(f"| {name} | {_size(len(data))} | {len(data) / size:.3f}× | {took:.2f} s | {took / read:.2f}× |")
    return rows


def _size(count: int) -> str:
    return f"{count / 1e6:.2f} MB" if count >= 100_000 else f"{count / 1e3:.1f} kB"


def browser_rows(html: bytes, folder: Path, repeat: int) -> list[str]:
    """Headless Chromium: load and screenshot matrix.html, and an empty page as the start-up floor."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        return ["Chromium not found: no browser figures."]
    (folder / "matrix.html").write_bytes(html)
    (folder / "empty.html").write_text("<!DOCTYPE html><title>x</title><p>x</p>", encoding="utf-8")

    def shot(name: str) -> None:
        subprocess.run(
            [
                binary,
                *CHROMIUM,
                f"--user-data-dir={folder / 'profile'}",
                f"--screenshot={folder / 'shot.png'}",
                (folder / name).as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )

    shot("empty.html")
    empty, matrix = median(lambda: shot("empty.html"), repeat), median(lambda: shot("matrix.html"), repeat)
    return [
        f"| empty page (yardstick) | {empty:.2f} s | 1.00× |",
        f"| matrix.html | {matrix:.2f} s | {matrix / empty:.2f}× |",
    ]


def main() -> None:
    """Measure and print the Markdown section."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        path = args.results or demo_results(folder / "demo")
        run = read_run(path)
        print(
            f"{len(run.results)} results, {len(run.header.vendors)} vendors; median of {args.repeat} runs; "
            f"load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}.\n"
        )
        print("| file | size | of results.jsonl | render time (Python) | of reading results.jsonl |")
        print("|---|---:|---:|---:|---:|")
        print("\n".join(python_rows(path, run, args.repeat)))
        print("\n| headless Chromium: load, lay out, screenshot | time | ratio |\n|---|---:|---:|")
        print("\n".join(browser_rows(render(build_report(run), "html", "de"), folder, args.repeat)))


if __name__ == "__main__":
    main()
