"""Wall time of the DCAT-AP.de suite on a generated catalogue of 10,000 datasets, beside pyshacl on the same shapes
and data as yardstick (the recipe of the packs' README: SEMIC 3.0.0 shapes with the German overlay, vocabularies
in the data graph, FOAF/vCard/ORG as ontology, ``inference='rdfs'``).

Usage: ``python bench/bench_dcat.py [--datasets 10000] [--pyshacl-datasets 1000]``. The catalogue (Turtle, one
distribution per dataset) is written to a temporary folder. wechselbar is measured twice: the whole suite run
(``pytest --pyargs conformance.suites.dcat_ap_de`` on a vendors file naming the file: every check, results file)
and the reading and validation alone. pyshacl runs in its own process on ``--pyshacl-datasets`` datasets (0 skips
it; it grows about linearly, so a smaller size keeps the bench short). Prints Markdown.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))
sys.path.insert(0, str(ROOT))

ENGINE = """
import sys
from pathlib import Path
from conformance.suites.dcat_ap_de.rdf import read_file
from conformance.suites.dcat_ap_de.validate import validate
_, outcome = validate(read_file(Path(sys.argv[1])))
print(len(outcome.results))
"""
PYSHACL = """
import sys
from pathlib import Path
import pyshacl
from rdflib import Graph
from conformance.core.packs import default_store
from conformance.suites.dcat_ap_de import shapes, vocabularies as v
store = default_store()
shacl, ontology, data = Graph(), Graph(), Graph()
sources = [(shapes.BASE_PACK, shapes.BASE_FILE)]
sources += [(shapes.DE_PACK, shapes.DE_SHAPES + n) for n in shapes.DE_FILES]
for pack, path in sources:
    shacl.parse(store.path(pack, path))
for pack, path in v.ONTOLOGY_FILES:
    ontology.parse(store.path(pack, path))
data.parse(sys.argv[1], format="turtle")
for pack, path in v.VOCABULARY_FILES:
    data.parse(store.path(pack, path), format="xml")
conforms, report, _ = pyshacl.validate(data, shacl_graph=shacl, ont_graph=ontology, inference="rdfs")
print(conforms)
"""
VENDORS = """[[vendors]]
id = "bench"
name = "Generated catalogue"
version = "1"
[[vendors.targets]]
standard = "dcat-ap-de-3.0"
paths = ["{path}"]
"""


def timed(argv: list[str], cwd: Path) -> tuple[tuple[float, float], str]:
    """Wall time and CPU time (user + system) of a fresh process, and its last output line."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False, timeout=7200)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed = (time.perf_counter() - start, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stdout[-2000:] + done.stderr[-2000:])
    return elapsed, (done.stdout.strip().splitlines() or [""])[-1]


def main() -> None:
    """Generate, measure, print Markdown."""
    from conformance.demo.dcat_catalogue import catalogue  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", type=int, default=10_000)
    parser.add_argument("--pyshacl-datasets", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-dcat-") as tmp:
        folder = Path(tmp)
        big = folder / "catalogue.ttl"
        big.write_text(catalogue(args.datasets), encoding="utf-8")
        (folder / "vendors.toml").write_text(VENDORS.format(path=big), encoding="utf-8")
        suite, _ = timed(
            [
                *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--pyargs"),
                "conformance.suites.dcat_ap_de",
                *("--conformance-vendors", str(folder / "vendors.toml")),
                *("--conformance-results", str(folder / "r.jsonl")),
            ],
            folder,
        )
        size = f"{big.stat().st_size // 1024} KiB"
        rows = [("wechselbar, whole suite run (every check, results file)", args.datasets, size, suite)]
        rows.append(("wechselbar, reading and validation alone", args.datasets, size, run(ENGINE, big)))
        if args.pyshacl_datasets:
            small = folder / "small.ttl"
            small.write_text(catalogue(args.pyshacl_datasets), encoding="utf-8")
            small_size = f"{small.stat().st_size // 1024} KiB"
            rows.append(
                ("pyshacl (yardstick), same shapes and data", args.pyshacl_datasets, small_size, run(PYSHACL, small))
            )
            rows.append(
                ("wechselbar, reading and validation alone", args.pyshacl_datasets, small_size, run(ENGINE, small))
            )
        print("| tool | datasets | file size | wall time | CPU time |")
        print("|---|---:|---:|---:|---:|")
        for name, count, where, (wall, cpu) in rows:
            print(f"| {name} | {count} | {where} | {wall:.1f} s | {cpu:.1f} s |")


def run(script: str, catalogue: Path) -> tuple[float, float]:
    """Wall and CPU time of a fresh process running a measuring script on a catalogue."""
    return timed([sys.executable, "-c", script, str(catalogue)], ROOT)[0]


if __name__ == "__main__":
    main()
