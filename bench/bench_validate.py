"""``conformance validate`` on a whole corpus against a straightforward pipeline over the same files, in one run.

Usage: ``python bench/bench_validate.py [--repeat 5] [PATH ...]`` (default: every corpus in ``../shared/corpora``).
Both sides are fresh processes started one after the other, interleaved, on the same files:

- wechselbar: ``python -m conformance validate --format json --standard xrechnung PATH ...`` (its default
  workers: up to two processes);
- yardstick: ``python bench/plain_pipeline.py`` with the same files and the stylesheets and schemas wechselbar
  runs (scenario match, lxml XSD, CEN XSLT, XRechnung XSLT on saxonche; one process, no findings, no lines).

Prints Markdown: medians of wall time and CPU time (user + system, the children included), the ratio, the
accepted counts of both sides, and the load average before and after. Both sides run with Python's byte-code
cache on, as in an installation (``PYTHONDONTWRITEBYTECODE`` is dropped for them).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from conformance.core.packs import default_store
from conformance.xml.archives import Document
from conformance.xml.exports import documents
from conformance.xml.scenarios import all_scenarios

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))
PLAIN = ROOT / "bench" / "plain_pipeline.py"
# Byte code cached as in any installation (a machine may disable it, e.g. for tests): both sides load
# compiled modules; the warm-up run writes them.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def manifest(paths: list[str]) -> dict[str, Any]:
    """The files (as wechselbar expands the paths) and, per scenario, its match, XSD, stylesheets and levels."""
    store = default_store()
    files = [item.name for item in documents(paths, "xrechnung-3.0") if isinstance(item, Document)]
    scenarios = []
    for scenario in all_scenarios():
        schema = scenario.config.schema(scenario.schema)
        scenarios.append(
            {
                "match": scenario.match,
                "namespaces": {p: u for p, u in scenario.namespaces.items() if p},
                "xsd": str(store.path(schema.pack, schema.path)),
                "levels": dict(scenario.custom_levels),
                "xslt": [str(scenario.config.resolve_file(location)) for _, location in scenario.schematron],
            }
        )
    return {"files": files, "scenarios": scenarios}


def timed(argv: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the process and its children) and stdout of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=ROOT, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{argv[:4]} failed: {done.stderr[-2000:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, done.stdout


def ours(paths: list[str]) -> tuple[float, float, int, int]:
    """One ``conformance validate`` run: wall, CPU, documents, accepted."""
    wall, cpu, out = timed(
        [sys.executable, "-m", "conformance", "validate", "--format", "json", "--standard", "xrechnung", *paths]
    )
    lines = [json.loads(line) for line in out.splitlines()]
    return wall, cpu, len(lines), sum(line["accepted"] for line in lines)


def plain(path: Path) -> tuple[float, float, int, int]:
    """One run of the straightforward pipeline: wall, CPU, documents, accepted."""
    wall, cpu, out = timed([sys.executable, str(PLAIN), str(path)])
    counts = json.loads(out)
    return wall, cpu, counts["documents"], counts["accepted"]


def load() -> str:
    """The load average (1, 5, 15 minutes), as ``uptime`` shows it."""
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    """Measure interleaved rounds and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "corpora")])
    args = parser.parse_args()
    started = load()
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as folder:
        path = Path(folder) / "manifest.json"
        path.write_text(json.dumps(manifest(args.paths)), encoding="utf-8")
        ours(args.paths)  # builds and caches the stylesheets once, as any first run does
        runs: dict[str, list[tuple[float, float, int, int]]] = {"ours": [], "plain": []}
        for round_ in range(args.repeat):
            for side in ("ours", "plain") if round_ % 2 == 0 else ("plain", "ours"):
                runs[side].append(ours(args.paths) if side == "ours" else plain(path))
    print(table(runs, started))


def table(runs: dict[str, list[tuple[float, float, int, int]]], started: str) -> str:
    """The Markdown rows: medians, ratios and counts."""
    wall = {side: statistics.median(r[0] for r in found) for side, found in runs.items()}
    cpu = {side: statistics.median(r[1] for r in found) for side, found in runs.items()}
    (_, _, docs, ok), (_, _, plain_docs, plain_ok) = runs["ours"][-1], runs["plain"][-1]
    ratios = [r[0] / p[0] for r, p in zip(runs["ours"], runs["plain"], strict=True)]
    return "\n".join(
        [
            f"Medians of {len(runs['ours'])} interleaved rounds, fresh processes; {os.cpu_count()} cores.",
            "",
            "| run | documents | accepted | wall s | CPU s |",
            "|---|---:|---:|---:|---:|",
            f"| straightforward pipeline (yardstick) | {plain_docs} | {plain_ok} | {wall['plain']:.2f} | "
            f"{cpu['plain']:.2f} |",
            f"| `conformance validate` | {docs} | {ok} | {wall['ours']:.2f} | {cpu['ours']:.2f} |",
            "",
            f"Ratio of the medians: {wall['ours'] / wall['plain']:.2f}× wall, {cpu['ours'] / cpu['plain']:.2f}× "
            f"CPU; per round: {', '.join(f'{r:.2f}×' for r in ratios)}.",
            f"Load average (1/5/15 min): {started} at the start, {load()} at the end.",
        ]
    )


if __name__ == "__main__":
    main()
