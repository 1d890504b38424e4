"""Where one invoice's time goes: each step of the XRechnung pipeline timed on its own, beside the whole.

Usage: ``python bench/bench_xrechnung_parts.py [--repeat 2]``. Over the 86 XRechnung test-suite instances, warm (a
first pass compiles and caches everything), one process: the hardened lxml parse, the Saxon parse, the scenario
selection, the XSD, each Schematron stylesheet (SaxonC-HE), reading the SVRL and the rule-context counts, and
``pipeline.validate`` as a whole. Prints the median and mean per step in milliseconds, wall time and the process's
CPU time (which other processes on a busy machine inflate far less), and each step's share of the summed steps (by
CPU time), as Markdown for the "XRechnung pipeline" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault(
    "WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(ROOT.parent / "shared" / p) for p in ("packs", "corpora"))
)
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_xrechnung import instances  # noqa: E402

from conformance.xml import contexts, pipeline, saxon, svrl, xsd  # noqa: E402
from conformance.xml.report import Source  # noqa: E402
from conformance.xml.scenarios import selector  # noqa: E402

STEPS = ("lxml parse", "Saxon parse", "scenario", "XSD", "CEN XSLT", "XRechnung XSLT", "SVRL and contexts")


Times = dict[str, list[tuple[float, float]]]


def timed(found: Times, name: str, step: Callable[[], Any]) -> Any:
    """Run one step, adding its wall and CPU milliseconds to ``found[name]``."""
    began, cpu = time.perf_counter(), time.process_time()
    result = step()
    found[name].append(((time.perf_counter() - began) * 1000, (time.process_time() - cpu) * 1000))
    return result


def steps(data: bytes, found: Times) -> None:
    """One invoice, step by step, as ``pipeline.execute`` runs it."""
    tree, _ = timed(found, STEPS[0], lambda: xsd.parse(Source("invoice", data=data)))
    node = timed(found, STEPS[1], lambda: saxon.parse(data))
    scenario = timed(found, STEPS[2], lambda: selector().select(node))
    timed(found, STEPS[3], lambda: xsd.validate(tree, scenario.config.schema(scenario.schema), data))
    rules = [scenario.config.stylesheet(location) for _, location in scenario.schematron]
    reports = [timed(found, name, lambda r=rule: r.run(node)) for name, rule in zip(STEPS[4:6], rules, strict=True)]
    prefixes = svrl.prefixes_of(tree.getroot())
    for rule, report in zip(rules, reports, strict=True):
        root = timed(found, STEPS[6], lambda r=report: svrl.parse(r))
        timed(found, STEPS[6], lambda r=root, t=rule.table: (svrl.fired(r, prefixes), contexts.read(r, t)))


def measure(repeat: int) -> Times:
    """Milliseconds (wall, CPU) per step and for the whole pipeline, over ``repeat`` warm passes."""
    datas = [path.read_bytes() for path in instances()]
    for data in datas:
        pipeline.validate(Source("warm-up", data=data))
    found: Times = {name: [] for name in (*STEPS, "whole pipeline")}
    for _ in range(repeat):
        for data in datas:
            steps(data, found)
            timed(found, "whole pipeline", lambda d=data: pipeline.validate(Source("invoice", data=d)))
    return found


def report(found: Times) -> str:
    """The Markdown table; a step run twice per invoice (SVRL of two stylesheets) is summed per invoice."""
    invoices = len(found["whole pipeline"])
    total = sum(cpu for name in STEPS for _, cpu in found[name]) / invoices
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"{invoices} invoice runs, warm; load average at the end {load}; {os.cpu_count()} cores.",
        "",
        "| step | median wall | mean wall per invoice | median CPU | mean CPU per invoice | share of the steps (CPU) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, times in found.items():
        wall, cpu = [w for w, _ in times], [c for _, c in times]
        share = f"{sum(cpu) / invoices / total:.0%}" if name in STEPS else "–"
        lines.append(
            f"| {name} | {statistics.median(wall):.2f} ms | {sum(wall) / invoices:.2f} ms "
            f"| {statistics.median(cpu):.2f} ms | {sum(cpu) / invoices:.2f} ms | {share} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    print(report(measure(parser.parse_args().repeat)))


if __name__ == "__main__":
    main()
