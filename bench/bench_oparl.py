"""OParl: bulk schema validation against jsonschema-rs, and crawls of a 10k-object test double.

Usage: ``python bench/bench_oparl.py [--objects 100000] [--crawl-size 10000] [--latency-ms 0 20] [--repeat 3]``.
Prints Markdown for the OParl section of BENCHMARKS.md.

1. Schema validation: about 100k objects of all twelve OParl 1.1 types, rendered by the test double from a
   generated data set (plus a variant in which about 2 % of the objects are invalid). wechselbar's path is
   ``TypeValidator.violations`` (jsonschema-rs says valid/invalid, jsonschema details the invalid ones); the
   yardstick is ``jsonschema_rs`` ``is_valid`` with the same schemas and registry, on the same objects, in
   the same run. Pure jsonschema (no fast path) is timed on a slice and scaled, for comparison.
2. Crawl: the OParl test double (child process on 127.0.0.1) serves one 1.1 endpoint of about 10k objects in
   pages of 100; the suite's crawl (System → body list → all eleven lists → embedded objects) runs with 1 and
   with 4 concurrent requests, without added latency and with a per-request latency like a remote server.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))
os.environ.setdefault("WECHSELBAR_CACHE", str(ROOT / ".cache" / "wechselbar"))

from conformance.demo.oparl_render import View  # noqa: E402
from conformance.demo.oparl_sessions import build  # noqa: E402
from conformance.harness.runconfig import load_run_config  # noqa: E402
from conformance.suites.oparl.checks_schema import validate_all  # noqa: E402
from conformance.suites.oparl.fetch import Fetched  # noqa: E402
from conformance.suites.oparl.objects import Seen  # noqa: E402
from conformance.suites.oparl.run import OParlRun  # noqa: E402
from conformance.suites.oparl.schemas import validator  # noqa: E402

BROKEN = frozenset({"nulls"})


def corpus(count: int, defects: frozenset[str] = frozenset()) -> list[tuple[str, dict[str, Any]]]:
    """Exactly ``count`` rendered OParl 1.1 objects (each as fetched by its id), all twelve types mixed."""
    found: list[tuple[str, dict[str, Any]]] = []
    seed = 1
    while len(found) < count:
        view = View(build("1.1", f"https://oparl{seed}.beispielstadt.example/oparl", count, seed), defects)
        found += [(r.type, view.object(key)) for key, r in view.data.records.items()]
        seed += 1
    return found[:count]


def best(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` timings, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def suite_path(objects: list[tuple[str, dict[str, Any]]], detail: int) -> int:
    """The suite's schema rules over all objects: every object checked, ``detail`` invalid ones per type detailed."""
    source = Fetched("https://oparl.beispielstadt.example/oparl/body/1/papers")
    by_kind: dict[str, list[Seen]] = {}
    for kind, obj in objects:
        by_kind.setdefault(kind, []).append(Seen(obj, kind, source, "/data/0", "list"))
    counted: list[int] = []
    found = sum(1 for kind, seen in by_kind.items() for _ in validate_all("1.1", kind, seen, detail, counted))
    return found + sum(counted)


def schema_rows(objects: list[tuple[str, dict[str, Any]]], repeat: int) -> dict[str, float]:
    """Seconds for wechselbar's path, for jsonschema-rs alone, and for jsonschema alone (scaled)."""
    pairs = [(validator("1.1", kind), obj) for kind, obj in objects]
    ours = best(lambda: suite_path(objects, 100), repeat)
    every = best(lambda: suite_path(objects, 10**9), repeat)
    rs = best(lambda: sum(1 for v, o in pairs if not v.fast.is_valid(o)), repeat)
    step = max(1, len(pairs) // 3000)
    sample = pairs[::step]
    slow = best(lambda: sum(1 for v, o in sample if not v.detailed.is_valid(o)), 1) * len(pairs) / len(sample)
    invalid = sum(1 for v, o in pairs if not v.fast.is_valid(o))
    return {"objects": len(pairs), "invalid": invalid, "ours": ours, "every": every, "rs": rs, "jsonschema": slow}


def start_double(size: int, latency: float) -> tuple[subprocess.Popen[str], str]:
    """The test double as a child process; returns it and the System URL."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "conformance.demo.oparl_server",
            "--tenant",
            "bench:1.1",
            "--size",
            str(size),
            "--page-size",
            "100",
            "--latency-ms",
            str(latency),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    info = json.loads(process.stdout.readline())
    return process, info["systems"]["bench"]


def crawl_once(url: str, workers: int, folder: Path) -> tuple[float, int, int]:
    """One crawl in this process; returns seconds, objects met and requests sent."""
    vendors = folder / f"v{workers}.toml"
    vendors.write_text(
        f'[[vendors]]\nid = "bench"\nname = "bench"\nversion = "1"\n[[vendors.targets]]\n'
        f'standard = "oparl-1.1"\nurl = "{url}"\n[vendors.targets.options]\n'
        f"concurrency = {workers}\nmax_pages = 1000\nmax_objects = 1000000\n",
        encoding="utf-8",
    )
    target = load_run_config(vendors).context(("bench", 0))
    start = time.perf_counter()
    run = OParlRun(target, "1.1")
    seconds = time.perf_counter() - start
    return seconds, len(run.crawl.objects), len(run.fetcher.responses)


def suite_once(url: str, folder: Path) -> float:
    """Wall time of the whole OParl 1.1 suite (every rule, default options) in a child pytest."""
    vendors = folder / "suite.toml"
    vendors.write_text(
        f'[[vendors]]\nid = "bench"\nname = "bench"\nversion = "1"\n[[vendors.targets]]\n'
        f'standard = "oparl-1.1"\nurl = "{url}"\n',
        encoding="utf-8",
    )
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--pyargs",
            "conformance.suites.oparl",
            "--conformance-vendors",
            str(vendors),
            "--conformance-results",
            str(folder / "results.jsonl"),
        ],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - start


def crawl_rows(size: int, latencies: list[float], repeat: int) -> list[dict[str, float]]:
    """Median crawl times with 1 and 4 workers per latency, and one run of the whole suite."""
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        for latency in latencies:
            process, url = start_double(size, latency)
            try:
                row: dict[str, float] = {"latency": latency}
                for workers in (1, 4):
                    runs = [crawl_once(url, workers, Path(temp)) for _ in range(repeat)]
                    row[f"t{workers}"] = statistics.median(r[0] for r in runs)
                    row["objects"], row["requests"] = runs[0][1], runs[0][2]
                row["suite"] = suite_once(url, Path(temp))
                rows.append(row)
            finally:
                os.kill(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
    return rows


def report(valid: dict[str, float], mixed: dict[str, float], crawls: list[dict[str, float]]) -> str:
    """The Markdown section."""
    lines = [
        "| corpus | objects | invalid | jsonschema-rs (yardstick) | wechselbar (suite) | ratio | "
        "detail for every invalid one | jsonschema only |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in (("all valid", valid), ("with defects", mixed)):
        lines.append(
            f"| {name} | {row['objects']:.0f} | {row['invalid']:.0f} | {row['rs']:.2f} s | "
            f"{row['ours']:.2f} s | {row['ours'] / row['rs']:.2f}× | {row['every']:.2f} s "
            f"({row['every'] / row['rs']:.1f}×) | {row['jsonschema']:.0f} s "
            f"({row['jsonschema'] / row['rs']:.0f}×) |"
        )
    lines += [
        "",
        "| added latency | objects met | requests | 1 request at a time | 4 concurrent | objects/s (4) | "
        "speed-up 1→4 | whole 1.1 suite |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in crawls:
        lines.append(
            f"| {row['latency']:.0f} ms | {row['objects']:.0f} | {row['requests']:.0f} | {row['t1']:.2f} s | "
            f"{row['t4']:.2f} s | {row['objects'] / row['t4']:.0f} | {row['t1'] / row['t4']:.2f}× | "
            f"{row['suite']:.1f} s |"
        )
    return "\n".join(lines)


def main() -> None:
    """Run both benchmarks and print the Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--crawl-size", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=float, nargs="+", default=[0.0, 20.0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    valid = schema_rows(corpus(args.objects), args.repeat)
    mixed = schema_rows(corpus(args.objects, BROKEN), args.repeat)
    crawls = crawl_rows(args.crawl_size, args.latency_ms, args.repeat)
    print(report(valid, mixed, crawls))


if __name__ == "__main__":
    main()
