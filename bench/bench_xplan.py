"""``conformance validate --standard xplangml-6.0`` on a generated Bebauungsplan with many objects, beside
``xmllint --noout --nonet --schema XPlanung-Operationen.xsd`` on the same file as yardstick, in one run.

Usage: ``python bench/bench_xplan.py [--objects 20164] [--version 6.0] [--repeat 3]``. The plan is generated in a
temporary folder (deleted afterwards) by ``tests/samples/xplangml.py``: a BP_Plan, a BP_Bereich and ``--objects``
BP_BaugebietsTeilFlaechen tiling the Geltungsbereich (a square number). xmllint reads the OGC schemas offline
through the pack's XML catalog (``XML_CATALOG_FILES``). Each side is a fresh process, measured by ``os.wait4``
(wall time and peak RSS); the median of ``--repeat`` interleaved runs is printed as Markdown with the ratio to
xmllint. xmllint only validates against the schema; wechselbar also checks ids, references, every geometry, the
Flächenschluss and the Geltungsbereich.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench_geojson import MIB, measured

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from conformance.core.packs import default_store  # noqa: E402
from conformance.suites.xplangml.catalogue import SCHEMAS  # noqa: E402
from tests.samples.xplangml import valid  # noqa: E402


def sides(path: Path, standard: str) -> dict[str, list[str]]:
    """The two command lines: wechselbar's validate and xmllint with the pack schema."""
    store = default_store()
    schema = store.path(standard, SCHEMAS[standard])
    os.environ["XML_CATALOG_FILES"] = str(store.pack_dir("ogc-xml-schemas") / "catalog.xml")
    ours = [sys.executable, "-m", "conformance", "validate", "--standard", standard, "--format", "json"]
    return {
        "wechselbar validate (XSD and rules)": [*ours, "--workers", "1", str(path)],
        "xmllint --schema (yardstick, XSD only)": ["xmllint", "--noout", "--nonet", "--schema", str(schema), str(path)],
    }


def main() -> None:
    """Generate the plan, measure both sides interleaved, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objects", type=int, default=20164, help="plan objects in the generated plan")
    parser.add_argument("--version", choices=("6.0", "5.4"), default="6.0")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    standard = f"xplangml-{args.version}"
    with tempfile.TemporaryDirectory(prefix="bench-xplan-") as folder:
        path = Path(folder) / "plan.gml"
        path.write_bytes(valid(args.version, args.objects))
        commands = sides(path, standard)
        runs: dict[str, list[tuple[float, int, int]]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, argv in commands.items():
                runs[name].append(measured(argv))
        report(path.stat().st_size, args.objects, runs)


def report(size: int, objects: int, runs: dict[str, list[tuple[float, int, int]]]) -> None:
    """The Markdown table: medians per side and the ratio of wall times."""
    print(f"{objects} objects, {size / MIB:.1f} MiB; load average {os.getloadavg()[0]:.1f}\n")
    print("| run | wall s (median) | peak RSS MiB | exit status |")
    print("|---|---:|---:|---|")
    walls = {}
    for name, found in runs.items():
        walls[name] = statistics.median(w for w, _, _ in found)
        rss = max(r for _, r, _ in found) / 1024
        print(f"| {name} | {walls[name]:.2f} | {rss:.0f} | {sorted({s for _, _, s in found})} |")
    ours, theirs = walls.values()
    print(f"\nRatio wechselbar / xmllint (wall): {ours / theirs:.2f}×")


if __name__ == "__main__":
    main()
