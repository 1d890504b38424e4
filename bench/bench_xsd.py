"""XSD validation of a large generated xdomea 3.0.0 export against ``xmllint --noout --schema``, and scaling.

Usage: ``python bench/bench_xsd.py [--size-mb 200] [--scale-mb 80] [--repeat 5] [--no-scaling]``. Needs
``xmllint`` (Debian: libxml2-utils) and GNU ``time``. Every run is a child process measured by GNU time
(wall, user+system CPU, peak RSS). GNU time's CPU figures already include every child the runner waited
for (the pool's workers), and its peak RSS is the largest of those processes; the runner reports its own
peak and its largest worker's, for the sum over processes. Prints Markdown.

Modes measured on the same file and schema:
- ``xmllint``: ``xmllint --noout --schema xdomea.xsd FILE`` (parses into a tree, then validates);
- ``fast``: wechselbar's XSD verdict: the schema compiled in the system libxml2 through ctypes, the file
  validated without a tree (``fastxsd.clean``);
- ``beside``/``after``: ``fast_records`` (no record checks): the fast verdict in a thread beside the strict
  non-validating lxml pass that hands out the records, or before it;
- ``xsd``: how the full validation reads a large message: one strict validating lxml parse gives the
  well-formedness and the XSD verdict, record by record (``stream_validate``, no record checks);
- ``xsd-1``/``xsd-2``: the previous design, for comparison: a well-formedness pass and a validating pass,
  one after the other in one process, or side by side in two;
- ``export``: ``validate_export`` as ``conformance validate`` runs it: XSD, code lists and message checks; the
  message is alone on two cores, so the fast verdict runs beside the records pass; ``export-after`` the same with
  the verdict first (not adopted: the validators keep the single parse on one core), ``export-single`` the single
  validating lxml parse without the fast verdict (how one core and pool workers read).

``--modes`` picks a subset (comma-separated), e.g. to split a long series into short calls.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from conformance.core.packs import default_store
from conformance.suites.xdomea.validator import SCHEMA

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.samples.xdomea import write_large  # noqa: E402

TIME = "/usr/bin/time"
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))

# Byte code cached as in any installation (a machine may disable it, e.g. for tests).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
RUNNER = """
import json, resource, sys
from concurrent.futures import ProcessPoolExecutor
from conformance.suites.xdomea.validator import SCHEMA, record_tags
from conformance.xml.archives import Document
from conformance.xml.exports import validate_export
from conformance.xml.stream import fast_records, records_pass, stream_validate, xsd_pass
from conformance.xml.xsd import compiled
from conformance.xml import fastxsd
class Null:
    def record(self, element, xpath): return []
    def finish(self, root): return []
def records(path, tags):
    return records_pass(Document(path).open, Null(), tags).findings
def xsd(path, tags):
    return xsd_pass(Document(path).open, compiled(SCHEMA), tags).findings
mode, path = sys.argv[1], sys.argv[2]
if mode == "tree":
    from conformance.core.xmlsafe import parse_file
    from pathlib import Path
    schema = compiled(SCHEMA)
    found = [] if schema.validate(parse_file(Path(path), max_bytes=2**40)) else list(schema.error_log)
elif mode == "fast":
    fastxsd.fast_schema(SCHEMA)
    found = [] if fastxsd.clean(SCHEMA, Document(path).open) else [None]
elif mode.startswith("export"):
    import conformance.suites.xdomea.validator as xdomea
    if mode == "export-single":
        xdomea.for_document = lambda ref, doc: None
    if mode == "export-after":
        import conformance.xml.stream as stream
        beside = stream.fast_records
        stream.fast_records = lambda *args, **kwargs: beside(*args, **{**kwargs, "beside": False})
    [report] = validate_export([path], "xdomea-3.0.0", workers=2)
    found = report.findings
else:
    compiled(SCHEMA)
    _, tags = record_tags(Document(path))
    if mode in ("beside", "after"):
        fast = fastxsd.fast_schema(SCHEMA)
        passed = fast_records(Document(path).open, fast, Null, tags, beside=mode == "beside")
        found = passed.findings if passed is not None else [None]
    elif mode == "xsd":
        found = stream_validate(Document(path).open, compiled(SCHEMA), Null, tags)
    elif mode == "xsd-1":
        found = records(path, tags) + xsd(path, tags)
    else:
        with ProcessPoolExecutor(2) as pool:
            parts = [pool.submit(records, path, tags), pool.submit(xsd, path, tags)]
            found = [f for part in parts for f in part.result()]
print(json.dumps({"errors": sum(getattr(f, "is_error", True) for f in found),
                  "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""
MODES = {
    "xmllint": "xmllint --noout --schema",
    "xmllint-stream": "xmllint --stream --noout --schema (reference)",
    "tree": "lxml tree + XMLSchema.validate, in memory (reference)",
    "fast": "wechselbar XSD: system libxml2 via ctypes, no tree",
    "beside": "fast verdict beside a non-validating records pass, 2 threads (reference)",
    "after": "fast verdict, then a non-validating records pass, 1 thread (reference)",
    "xsd": "one validating lxml parse, records handed out (as the full validation reads)",
    "xsd-1": "previous design: two passes in turn, 1 process (reference)",
    "xsd-2": "previous design: two passes side by side, 2 processes (reference)",
    "export": "wechselbar full xdomea validation (XSD, code lists, message checks; fast verdict beside the records)",
    "export-after": "full xdomea validation, fast verdict first, then the records pass (not adopted, reference)",
    "export-single": "full xdomea validation, one validating lxml parse (one core and pool workers, reference)",
}


def measure(argv: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds and peak RSS (KiB) of a command, and its stdout, via GNU time.

    GNU time is a small parent: a child's peak RSS includes its parent's at the moment it was started,
    so measuring from this (larger) Python process would put a floor under every figure."""
    with tempfile.NamedTemporaryFile("r") as stats, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        done = subprocess.run(
            [TIME, "-f", "%e %U %S %M", "-o", stats.name, *argv], stdout=out, stderr=err, check=False, env=ENV
        )
        out.seek(0)
        err.seek(0)
        text, problem = out.read().decode(), err.read().decode(errors="replace")
        wall, user, system, peak = stats.read().split()[-4:]
    if done.returncode != 0:
        raise SystemExit(f"{argv[0]} failed: {problem[-2000:] or text[-2000:]}")
    return float(wall), float(user) + float(system), int(peak), text


def run(mode: str, path: Path, schema: Path) -> dict[str, float]:
    """One measured run: wall and CPU seconds, peak RSS of the largest process, sum over processes (MiB)."""
    if mode.startswith("xmllint"):
        stream = ["--stream"] if mode == "xmllint-stream" else []
        seconds, cpu, own, _ = measure(["xmllint", *stream, "--noout", "--schema", str(schema), str(path)])
        return {"s": seconds, "cpu": cpu, "peak": own / 1024, "sum": own / 1024}
    seconds, cpu, peak, out = measure([sys.executable, "-c", RUNNER, mode, str(path)])
    result = json.loads(out)
    if result["errors"]:
        raise SystemExit(f"{mode}: the generated export has {result['errors']} errors")
    workers = 2 if mode == "xsd-2" else 0
    return {
        "s": seconds,
        "cpu": cpu,
        "peak": peak / 1024,
        "sum": (result["self_kb"] + workers * result["children_kb"]) / 1024,
    }


def comparison(path: Path, schema: Path, repeat: int, objects: int, modes: list[str]) -> list[str]:
    """The Markdown rows of the head-to-head run (medians of interleaved repeats), with ratios to xmllint."""
    samples: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
    for round_ in range(repeat):
        for mode in modes[round_ % len(modes) :] + modes[: round_ % len(modes)]:
            samples[mode].append(run(mode, path, schema))
    keys = ("s", "cpu", "peak", "sum")
    figures = {m: {k: statistics.median(r[k] for r in samples[m]) for k in keys} for m in modes}
    base = figures["xmllint"]
    rows = [
        f"File: {path.stat().st_size / 1024**2:.0f} MiB xdomea 0501 message, {objects} objects; "
        f"medians of {repeat} interleaved runs.",
        "",
        "| run | wall s | × xmllint | CPU s | × xmllint | peak RSS MiB | × xmllint | RSS all processes MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for mode in modes:
        label, f = MODES[mode], figures[mode]
        rows.append(
            f"| {label} | {f['s']:.2f} | {f['s'] / base['s']:.2f} | {f['cpu']:.2f} | "
            f"{f['cpu'] / base['cpu']:.2f} | {f['peak']:.0f} | {f['peak'] / base['peak']:.3f} | "
            f"{f['sum']:.0f} |"
        )
    return rows


def scaling(folder: Path, schema: Path, base_mb: float) -> list[str]:
    """Time and peak memory at 1×, 4× and 16× the base size: full validation, XSD only, and xmllint."""
    rows = [
        "| size | MiB | full validation s | s per GiB | RSS all processes MiB | XSD s "
        "| s per GiB | peak RSS MiB | xmllint s | xmllint peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for factor in (1, 4, 16):
        path = folder / f"scale-{factor}.xml"
        write_large(path, base_mb * factor)
        full, xsd, theirs = (run(mode, path, schema) for mode in ("export", "fast", "xmllint"))
        gib = path.stat().st_size / 1024**3
        rows.append(
            f"| {factor}× | {gib * 1024:.0f} | {full['s']:.2f} | {full['s'] / gib:.1f} | {full['sum']:.0f} | "
            f"{xsd['s']:.2f} | {xsd['s'] / gib:.1f} | {xsd['peak']:.0f} | {theirs['s']:.2f} | "
            f"{theirs['peak']:.0f} |"
        )
        path.unlink()
    return rows


def main() -> None:
    """Generate the export, measure, print the Markdown section body."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=200)
    parser.add_argument("--scale-mb", type=float, default=80)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated subset; xmllint is always run")
    parser.add_argument("--file", type=Path, help="an existing generated export to reuse (kept)")
    args = parser.parse_args()
    modes = ["xmllint", *(m for m in args.modes.split(",") if m != "xmllint")]
    if not shutil.which("xmllint") or not Path(TIME).exists():
        raise SystemExit("xmllint or GNU time not found: apt-get install -y libxml2-utils time")
    schema = default_store().path(SCHEMA.pack, SCHEMA.path)
    load = _load()
    with tempfile.TemporaryDirectory(prefix="bench-xsd-") as tmp:
        path = args.file or Path(tmp) / "export-0501.xml"
        objects = write_large(path, args.size_mb) if args.file is None or not path.exists() else _objects(path)
        print("\n".join(comparison(path, schema, args.repeat, objects, modes)))
        if args.file is None:
            path.unlink()
        if not args.no_scaling:
            print()
            print("\n".join(scaling(Path(tmp), schema, args.scale_mb)))
    version = subprocess.run(["xmllint", "--version"], capture_output=True, text=True, check=False).stderr
    tool = version.splitlines()[0] if version else "xmllint"
    print(
        f"\n{tool}; {os.cpu_count()} cores; Python {sys.version.split()[0]}; "
        f"load average (1/5/15 min) {load} at the start, {_load()} at the end"
    )


def _objects(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(chunk.count(b"<xdomea:Schriftgutobjekt>") for chunk in iter(lambda: stream.read(1 << 20), b""))


def _load() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
