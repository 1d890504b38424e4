"""The XRechnung pipeline against Saxon-HE (Java) running the same stylesheets on the same files, in one run.

Usage: ``python bench/bench_xrechnung.py [--lines 20000] [--write]``. Needs Java and Saxon-HE
(Debian: libsaxonhe-java, ``/usr/share/java/Saxon-HE.jar``). Prints Markdown; ``--write`` also replaces
the figures in the "XRechnung pipeline" section of BENCHMARKS.md.

Figures:
- per invoice: median over the 86 XRechnung test-suite instances after a warm-up pass; wechselbar runs the
  whole pipeline (parse, scenario, XSD, CEN and XRechnung Schematron, findings); Saxon-HE Java runs only
  the two stylesheets (tree build + execution, as reported by ``-t``), second pass over the same files;
- one generated 20,000-line invoice (about 30 MB), valid, and the same invoice with a CEN and an
  XRechnung rule firing on every line: ``conformance validate`` as a fresh process, against Saxon-HE Java
  running the two stylesheets on it (two JVMs, one after the other);
- the whole corpus (1,140 CEN unit tests, 63 CEN examples, 86 test-suite instances) on two cores in a
  fresh process (compiling included), against Saxon-HE Java running the same stylesheets over the same
  files (one JVM per stylesheet).
Saxon-HE Java runs the stylesheets wechselbar runs (its equivalent rewrites included) and, as a second
yardstick, the official ones as the KoSIT configuration builds them (no rewrites).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from conformance.core.packs import default_store
from conformance.xml import parallel, pipeline, saxon
from conformance.xml.kosit import configuration
from conformance.xml.report import Source
from conformance.xml.schematron import Rules, compile_schematron

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.samples.xrechnung import write_large_invoice  # noqa: E402
from tests.xml import vefa  # noqa: E402

SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))
SAXON = Path("/usr/share/java/Saxon-HE.jar")
CEN = {
    "ubl": "resources/ubl/2.1/xsl/EN16931-UBL-validation.xsl",
    "cii": "resources/cii/16b/xsl/EN16931-CII-validation.xsl",
}
XR = {
    "ubl": "resources/xrechnung/@xrechnung.version@/xsl/XRechnung-UBL-validation.xsl",
    "cii": "resources/xrechnung/@xrechnung.version@/xsl/XRechnung-CII-validation.xsl",
}
Sheets = Callable[[str], Path]

CORPUS_RUNNER = """
import sys, time
from concurrent.futures import ProcessPoolExecutor
sys.path.insert(0, sys.argv[1])
from bench.bench_xrechnung import corpus_chunk
start = time.perf_counter()
with ProcessPoolExecutor(2) as pool:
    counts = list(pool.map(corpus_chunk, [0, 1]))
print(time.perf_counter() - start, sum(counts))
"""


def stylesheet(location: str) -> Path:
    """The built or pack stylesheet behind a scenario location (as wechselbar runs it)."""
    return configuration("xrechnung-3.0").resolve_file(location)


def official(work: Path) -> Sheets:
    """The stylesheets as the KoSIT configuration builds them, without wechselbar's rewrites."""
    config, store = configuration("xrechnung-3.0"), default_store()
    recipe = config.builds["cen-rules"]
    post = store.path(config.scenarios_pack, recipe["stylesheet"])
    folder = work / "official"
    folder.mkdir(exist_ok=True)
    for location in (*CEN.values(), *XR.values()):
        built, target = stylesheet(location), folder / Path(location).name
        if location in CEN.values():
            target.write_text(
                saxon.build_step(post, store.path(recipe["pack"], recipe["files"][built.name])), encoding="utf-8"
            )
        else:
            sch = built.parent / "tree/build/schematron" / built.stem.split("-")[1].lower() / f"{built.stem}.sch"
            compile_schematron(sch, target, compact=True, indexed=False)
    return lambda location: folder / Path(location).name


def syntax(path: Path) -> str:
    """``cii`` for UN/CEFACT CII documents, else ``ubl``."""
    return "cii" if b"CrossIndustryInvoice" in path.read_bytes()[:4000] else "ubl"


def instances() -> list[Path]:
    """The 86 test-suite instances."""
    return sorted((default_store().pack_dir("xrechnung-testsuite") / "src/test").rglob("*.xml"))


def ours_per_invoice(paths: list[Path], cores: int = 2) -> list[float]:
    """Milliseconds per invoice for the whole pipeline, second pass (the first pass warms up); with ``cores=2``
    the helper process is started first and runs the CEN stylesheet, as in a long-running process that validates
    invoice after invoice (a small invoice alone never starts it)."""
    sources = [Source(p.name, data=p.read_bytes()) for p in paths]
    if cores > 1:
        parallel.helpers().get()
    for source in sources:
        assert pipeline.validate(source, cores=cores).accepted, source.name
    times = []
    for source in sources:
        start = time.perf_counter()
        pipeline.validate(source, cores=cores)
        times.append((time.perf_counter() - start) * 1000)
    return times


def java(xsl: Path, source: Path, out: Path) -> tuple[float, str]:
    """Wall seconds and stderr of one Saxon-HE Java run (``-t`` timing on)."""
    if source.is_dir():
        out.mkdir(exist_ok=True)
    start = time.perf_counter()
    done = subprocess.run(
        ["java", "-cp", str(SAXON), "net.sf.saxon.Transform", f"-s:{source}", f"-xsl:{xsl}", f"-o:{out}", "-t"],
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, done.stderr


def java_per_file(stderr: str) -> dict[str, float]:
    """Milliseconds (tree build + execution) per processed file, from Saxon's ``-t`` output."""
    found: dict[str, float] = {}
    for block in stderr.split("Processing file:")[1:]:
        name = block.split()[0].rsplit("/", 1)[-1]
        found[name] = sum(float(v) for v in re.findall(r"(?:Tree built in|Execution time:) ([\d.]+)ms", block))
    return found


def java_per_invoice(paths: list[Path], work: Path, sheets: Sheets, tag: str) -> list[float]:
    """Saxon-HE Java: milliseconds per invoice for CEN + XRechnung stylesheets, second pass over each file."""
    totals: dict[str, float] = {}
    for kind in ("ubl", "cii"):
        folder = work / f"java-{kind}"
        if not folder.exists():
            folder.mkdir()
            for path in (p for p in paths if syntax(p) == kind):
                for prefix in ("a", "b"):
                    shutil.copyfile(path, folder / f"{prefix}-{path.name}")
        for xsl in (sheets(CEN[kind]), sheets(XR[kind])):
            _, stderr = java(xsl, folder, work / f"out-{tag}-{kind}-{xsl.stem}")
            for name, ms in java_per_file(stderr).items():
                if name.startswith("b-"):
                    totals[name] = totals.get(name, 0.0) + ms
    return list(totals.values())


def validate_fresh(path: Path) -> tuple[float, list[dict[str, object]]]:
    """Seconds for ``conformance validate`` in a fresh process, and the findings it printed."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "conformance", "validate", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    assert done.returncode in (0, 1), done.stdout[-2000:] + done.stderr[-2000:]
    findings: list[dict[str, object]] = json.loads(done.stdout.splitlines()[0])["findings"]
    return seconds, findings


def large(lines: int, work: Path, yardsticks: dict[str, Sheets], broken: bool) -> dict[str, float]:
    """Seconds for one generated invoice: ``conformance validate`` (fresh process) and Saxon-HE Java."""
    path = write_large_invoice(work / f"large-{broken}.xml", lines, broken=broken)
    ours, findings = validate_fresh(path)
    assert len(findings) == (2 * lines if broken else 0) and all(f.get("line") for f in findings)
    figures = {"mb": path.stat().st_size / 1e6, "ours": ours}
    for name, sheets in yardsticks.items():
        figures[name] = sum(java(sheets(rules["ubl"]), path, work / "large.out")[0] for rules in (CEN, XR))
    return figures


def corpus_items() -> list[tuple[str, bytes, str]]:
    """(kind, document, syntax) for the CEN unit tests, the CEN examples and the test-suite instances."""
    root = default_store().pack_dir("en16931-cen-tests")
    tests = [t for path in sorted((root / "test").glob("*/*.xml")) for t in vefa.read(path)]
    units = [("unit", t.document, "cii" if t.configuration == "tc434-cii" else "ubl") for t in tests]
    folders = ("test/testfiles", "ubl/examples", "cii/examples")
    files = sorted(p for f in folders for p in (root / f).iterdir() if p.suffix.lower() == ".xml")
    examples = [("example", p.read_bytes(), syntax(p)) for p in files]
    suite = [("suite", p.read_bytes(), syntax(p)) for p in instances()]
    return units + examples + suite


def corpus_chunk(index: int) -> int:
    """One worker's half of the corpus (every other item): CEN rules, or the whole pipeline for the suite."""
    cen = {k: Rules(k, stylesheet(v)) for k, v in CEN.items()}
    done = 0
    for kind, data, name in corpus_items()[index::2]:
        if kind == "suite":
            assert pipeline.validate(Source("suite", data=data)).accepted
        else:
            cen[name].check(saxon.parse(data))
        done += 1
    return done


def corpus(work: Path, yardsticks: dict[str, Sheets]) -> dict[str, float]:
    """Seconds for the whole corpus on two cores (fresh process) and for Saxon-HE Java on the same files."""
    done = subprocess.run(
        [sys.executable, "-c", CORPUS_RUNNER, str(ROOT)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    ours, count = done.stdout.split()
    figures = {"ours": float(ours), "count": float(count)}
    for name, sheets in yardsticks.items():
        figures[name] = sum(
            _java_over(work, kind, rules, sheets)
            for kind, rules in (("unit", CEN), ("example", CEN), ("suite", CEN), ("suite", XR))
        )
    return figures


def _java_over(work: Path, kind: str, xsl_map: dict[str, str], sheets: Sheets) -> float:
    total = 0.0
    items = [i for i in corpus_items() if i[0] == kind]
    for name in ("ubl", "cii"):
        folder = work / f"corpus-{kind}-{name}"
        if not folder.exists():
            folder.mkdir()
            for number, (_, data, syn) in enumerate(items):
                if syn == name:
                    (folder / f"{number:05d}.xml").write_bytes(data)
        if any(folder.iterdir()):
            total += java(sheets(xsl_map[name]), folder, work / f"{folder.name}-{sheets(xsl_map[name]).stem}")[0]
    return total


def row(label: str, ours: float, same: float | None, kosit: float, unit: str, target: str) -> str:
    """One table row: wechselbar, both Saxon-HE Java yardsticks with ratios, the target."""
    fmt = "{:.1f} ms" if unit == "ms" else "{:.1f} s"
    same_cells = [fmt.format(same), f"{ours / same:.2f}×"] if same is not None else ["not run (see above)", "—"]
    cells = [label, fmt.format(ours), *same_cells, fmt.format(kosit), f"{ours / kosit:.2f}×", target]
    return "| " + " | ".join(cells) + " |"


def report(lines: int) -> str:
    """Run every measurement and format the figures."""
    start_load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-xrechnung-") as folder:
        work = Path(folder)
        yardsticks = {"same": stylesheet, "kosit": official(work)}
        paths = instances()
        ours = statistics.median(ours_per_invoice(paths))
        theirs = {n: statistics.median(java_per_invoice(paths, work, s, n)) for n, s in yardsticks.items()}
        valid = large(lines, work, yardsticks, broken=False)
        broken = large(lines, work, {"kosit": yardsticks["kosit"]}, broken=True)
        whole = corpus(work, yardsticks)
    rows = [
        row(
            "median per invoice, 86 test-suite instances, warm", ours, theirs["same"], theirs["kosit"], "ms", "≤ 10 ms"
        ),
        row(
            f"{lines:,}-line invoice ({valid['mb']:.0f} MB), valid, fresh process",
            valid["ours"],
            valid["same"],
            valid["kosit"],
            "s",
            "≤ 15 s",
        ),
        row(
            f"{lines:,}-line invoice ({broken['mb']:.0f} MB), 2 rules firing on every line, fresh process",
            broken["ours"],
            None,
            broken["kosit"],
            "s",
            "—",
        ),
        row(
            f"whole corpus ({whole['count']:.0f} documents), 2 cores, fresh process",
            whole["ours"],
            whole["same"],
            whole["kosit"],
            "s",
            "≤ 5 s",
        ),
    ]
    head = (
        "| measure | wechselbar | Saxon-HE Java, same XSLT | ratio | Saxon-HE Java, official XSLT | ratio "
        "| target |\n|---|---|---|---|---|---|---|\n"
    )
    note = (
        f"\n\nMeasured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, 1-minute load average "
        f"{start_load:.1f} at the start and {os.getloadavg()[0]:.1f} at the end, with "
        f"`python bench/bench_xrechnung.py --lines {lines}`."
    )
    return head + "\n".join(rows) + note


def write_section(text: str) -> None:
    """Replace the figures (from the first table to the "Measured" line) of the "XRechnung pipeline" section."""
    path = ROOT / "BENCHMARKS.md"
    content = path.read_text(encoding="utf-8")
    pattern = re.compile(r"(## XRechnung pipeline\n.*?)\| measure \|.*?\n\nMeasured [^\n]*\n", re.S)
    path.write_text(pattern.sub(lambda m: m[1] + text + "\n", content, count=1), encoding="utf-8")


def main() -> None:
    """Parse the arguments, measure, print and optionally write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    text = report(args.lines)
    print(text)
    if args.write:
        write_section(text)


if __name__ == "__main__":
    main()
