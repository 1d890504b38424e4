"""One invoice on one core and on two: the XRechnung pipeline with and without its helper process, interleaved.

Usage: ``python bench/bench_xrechnung_split.py [--repeat 3] [--cold 6]``.
Warm: each of the 86 test-suite instances validated in one process (``cores=1``) and with the CEN stylesheet in the
helper process (``cores=2``), the two in random order per invoice, after a warm-up pass of both; wall time, this
process's CPU time and the helper's CPU time (from ``/proc``, in clock ticks, so only its sum over a pass counts).
Cold: ``conformance validate`` of one invoice in a fresh process, ``--workers 1`` (no helper) against the default
(two processes), alternating; wall time and the CPU time of the process and its children.
Prints Markdown for the "XRechnung pipeline" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from statistics import mean, median

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault(
    "WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(ROOT.parent / "shared" / p) for p in ("packs", "corpora"))
)
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_xrechnung import instances  # noqa: E402

from conformance.xml import parallel, pipeline  # noqa: E402
from conformance.xml.report import Source  # noqa: E402

Row = tuple[list[float], list[float], float]  # wall ms per invoice, CPU ms here per invoice, CPU ms in all


def helper_cpu() -> float:
    """Milliseconds of CPU the helper process has used so far (0 without one)."""
    helper = parallel.helpers().current
    if helper is None:
        return 0.0
    fields = Path(f"/proc/{helper.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def once(data: bytes, cores: int, row: Row) -> Row:
    """Validate one invoice, adding its wall and CPU milliseconds to ``row``."""
    wall, cpu, total = row
    began, used, helped = time.perf_counter(), time.process_time(), helper_cpu()
    assert pipeline.validate(Source("invoice", data=data), cores=cores).accepted
    wall.append((time.perf_counter() - began) * 1000)
    cpu.append((time.process_time() - used) * 1000)
    return wall, cpu, total + cpu[-1] + helper_cpu() - helped


def warm(repeat: int) -> dict[int, Row]:
    """Both ways over the instances, ``repeat`` passes after a warm-up pass, in random order per invoice."""
    datas = [path.read_bytes() for path in instances()]
    parallel.helpers().get()
    for data in datas:
        for cores in (1, 2):
            pipeline.validate(Source("warm-up", data=data), cores=cores)
    rows: dict[int, Row] = {1: ([], [], 0.0), 2: ([], [], 0.0)}
    order = random.Random(7)
    for _ in range(repeat):
        for data in datas:
            for cores in order.sample((1, 2), 2):
                rows[cores] = once(data, cores, rows[cores])
    return rows


def cold(runs: int, invoice: Path) -> dict[str, list[tuple[float, float]]]:
    """Wall and CPU seconds of ``conformance validate`` in a fresh process, one process against two, alternating."""
    found: dict[str, list[tuple[float, float]]] = {"--workers 1": [], "default (2)": []}
    command = [str(Path(sys.executable).with_name("conformance")), "validate", str(invoice)]
    for _ in range(runs):
        for name, extra in (("--workers 1", ["--workers", "1"]), ("default (2)", [])):
            before, began = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            subprocess.run([*command, *extra], check=True, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            found[name].append((time.perf_counter() - began, cpu))
    return found


def table(head: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table, the first column left-aligned and the others right-aligned."""
    return ["| " + " | ".join(row) + " |" for row in (head, ["---"] + ["---:"] * (len(head) - 1), *rows)]


def report(rows: dict[int, Row], started: dict[str, list[tuple[float, float]]]) -> str:
    """The Markdown tables."""
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    names = {1: "one process", 2: "CEN in the helper process"}
    warm_rows = [
        [names[c], *(f"{v:.2f} ms" for v in (median(w), mean(w), median(cpu), total / len(w)))]
        for c, (w, cpu, total) in rows.items()
    ]
    cold_rows = [[n, *(f"{median(x[i] for x in t):.2f} s" for i in (0, 1))] for n, t in started.items()]
    return "\n".join(
        [
            f"{time.strftime('%Y-%m-%d %H:%M')}, load average at the end {load}; {os.cpu_count()} cores.",
            "",
            *table(
                ["warm, per invoice", "median wall", "mean wall", "median CPU here", "mean CPU with helper"], warm_rows
            ),
            "",
            *table(["`conformance validate`, one invoice, fresh process", "median wall", "median CPU"], cold_rows),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cold", type=int, default=6)
    args = parser.parse_args()
    rows = warm(args.repeat)
    print(report(rows, cold(args.cold, instances()[0]) if args.cold else {}))


if __name__ == "__main__":
    main()
