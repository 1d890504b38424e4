"""``conformance validate --standard xplangml-6.0`` on a generated Bebauungsplan with many objects, beside ``xmllint
--noout --nonet --schema XPlanung-Operationen.xsd`` on the same file as yardstick, in one run.

Usage: ``python bench/bench_xplan.py [--objects 20164] [--version 6.0] [--repeat 3] [--before DIR]``. The plan is
generated in a temporary folder (deleted afterwards) by ``tests/samples/xplangml.py``: a BP_Plan, a BP_Bereich and
``--objects`` BP_BaugebietsTeilFlaechen tiling the Geltungsbereich (a square number). xmllint reads the OGC schemas
offline through the pack's XML catalog (``XML_CATALOG_FILES``). Each side is a fresh process, measured by
``os.wait4`` (wall time and peak RSS); the median of ``--repeat`` interleaved runs is printed as Markdown with the
ratio to xmllint. xmllint only validates against the schema; wechselbar also checks ids, references, every geometry,
the Flächenschluss and the Geltungsbereich. ``--before DIR`` runs wechselbar once more with the ``conformance``
package of another checkout (DIR on ``PYTHONPATH``), e.g. the code before a change, in the same interleaved turns.
Every side runs in a temporary working directory, so that the checkout the bench is started from does not shadow it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_geojson import MIB

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from conformance.core.packs import default_store  # noqa: E402
from conformance.suites.xplangml.catalogue import SCHEMAS  # noqa: E402
from tests.samples.xplangml import valid  # noqa: E402

Side = tuple[list[str], dict[str, str]]


def sides(path: Path, standard: str, before: Path | None) -> dict[str, Side]:
    """The command lines with their environments: wechselbar's validate (and the one of ``before``), xmllint."""
    store = default_store()
    schema = store.path(standard, SCHEMAS[standard])
    env = {**os.environ, "XML_CATALOG_FILES": str(store.pack_dir("ogc-xml-schemas") / "catalog.xml")}
    ours = [sys.executable, "-m", "conformance", "validate", "--standard", standard, "--format", "json"]
    ours += ["--workers", "1", str(path)]
    found = {"wechselbar validate (XSD and rules)": (ours, env)}
    if before is not None:
        found["wechselbar validate, before"] = (ours, {**env, "PYTHONPATH": str(before.resolve())})
    xmllint = ["xmllint", "--noout", "--nonet", "--schema", str(schema), str(path)]
    return found | {"xmllint --schema (yardstick, XSD only)": (xmllint, env)}


def measured(side: Side, cwd: str) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and exit status of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(side[0], env=side[1], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main() -> None:
    """Generate the plan, measure both sides interleaved, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objects", type=int, default=20164, help="plan objects in the generated plan")
    parser.add_argument("--version", choices=("6.0", "5.4"), default="6.0")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout's root, measured beside this one")
    args = parser.parse_args()
    standard = f"xplangml-{args.version}"
    with tempfile.TemporaryDirectory(prefix="bench-xplan-") as folder:
        path = Path(folder) / "plan.gml"
        path.write_bytes(valid(args.version, args.objects))
        commands = sides(path, standard, args.before)
        runs: dict[str, list[tuple[float, int, int]]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, side in commands.items():
                runs[name].append(measured(side, folder))
        report(path.stat().st_size, args.objects, runs)


def report(size: int, objects: int, runs: dict[str, list[tuple[float, int, int]]]) -> None:
    """The Markdown table: medians of wall time, the largest peak RSS, and each wechselbar side beside xmllint."""
    print(f"{objects} objects, {size / MIB:.1f} MiB; load average {os.getloadavg()[0]:.1f}\n")
    print("| run | wall s (median) | peak RSS MiB | exit status |")
    print("|---|---:|---:|---|")
    walls = {name: statistics.median(w for w, _, _ in found) for name, found in runs.items()}
    peaks = {name: max(r for _, r, _ in found) for name, found in runs.items()}
    for name, found in runs.items():
        print(f"| {name} | {walls[name]:.2f} | {peaks[name] / 1024:.0f} | {sorted({s for _, _, s in found})} |")
    yardstick = list(runs)[-1]
    for name in list(runs)[:-1]:
        wall, peak = walls[name] / walls[yardstick], peaks[name] / peaks[yardstick]
        print(f"\n{name} / xmllint: wall {wall:.2f}×, peak RSS {peak:.2f}×")


if __name__ == "__main__":
    main()
