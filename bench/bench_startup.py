"""Start-up: help, usage and configuration errors of ``conformance`` beside ``python -c pass``.

Usage: ``python bench/bench_startup.py [--repeat 15] [--before DIR]``. Every case runs as a fresh process, all cases
taking turns (so load changes hit each alike); prints the median and the fastest wall time of each, its difference
from the yardstick ``python -c pass`` of the same run (target: at most 0.5 s) and the ratio, as Markdown for the
Start-up section of BENCHMARKS.md. ``--before DIR`` also runs every case with the ``conformance`` package of another
checkout (``DIR`` on ``PYTHONPATH``), e.g. ``git archive <commit> | tar -x -C DIR``, in the same turns.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TARGET = 0.5
SMALL_RUN = ROOT / "tests" / "reporting" / "data" / "format1-demo.jsonl"
BAD_SCHEMA = '[[vendors]]\nid = "x"\n'
TINY = (
    '{"type": "FeatureCollection", "features": [{"type": "Feature", "id": 1, '
    '"geometry": {"type": "Point", "coordinates": [7.1, 50.7]}, "properties": {}}]}\n'
)
TINY_RUN = (
    '[[vendors]]\nid = "x"\nname = "X"\nversion = "1"\n[[vendors.targets]]\nstandard = "geojson"\npaths = ["{path}"]\n'
)
BAD_CLASS = (
    '[[vendors]]\nid = "x"\nname = "X"\nversion = "1"\n[[vendors.targets]]\nstandard = "ogcapi-features-1"\n'
    'url = "http://127.0.0.1:9"\nclaims = ["no-such-class"]\n'
)


def cases(folder: Path) -> dict[str, list[str]]:
    """Name → command line; the first is the yardstick, the others start ``conformance``."""
    (folder / "schema.toml").write_text(BAD_SCHEMA, encoding="utf-8")
    (folder / "class.toml").write_text(BAD_CLASS, encoding="utf-8")
    (folder / "standard.toml").write_text(BAD_CLASS.replace("ogcapi-features-1", "no-such-standard"), encoding="utf-8")
    (folder / "tiny.geojson").write_text(TINY, encoding="utf-8")
    (folder / "tiny.toml").write_text(TINY_RUN.replace("{path}", str(folder / "tiny.geojson")), encoding="utf-8")
    cli = [sys.executable, "-m", "conformance"]
    return {
        "`python -c pass` (yardstick)": [sys.executable, "-c", "pass"],
        "`conformance --help`": [*cli, "--help"],
        "`conformance run --help`": [*cli, "run", "--help"],
        "`conformance validate --help`": [*cli, "validate", "--help"],
        "usage error (unknown option)": [*cli, "run", "--no-such-option"],
        "config error: vendors file missing": [*cli, "run", "--vendors", str(folder / "missing.toml")],
        "config error: vendors file invalid (schema)": [*cli, "run", "--vendors", str(folder / "schema.toml")],
        "config error: unknown standard": [*cli, "run", "--vendors", str(folder / "standard.toml")],
        "config error: unknown class (loads its suite)": [*cli, "run", "--vendors", str(folder / "class.toml")],
        "`conformance list --standard openapi-3`": [*cli, "list", "--standard", "openapi-3"],
        "`conformance list` (every suite's catalogue)": [*cli, "list"],
        "`conformance report` of a small run, md": [*cli, "report", str(SMALL_RUN), "--format", "md"],
        "`conformance report` of a small run, html": [*cli, "report", str(SMALL_RUN), "--format", "html"],
        "`conformance run` of a tiny suite (geojson, one file; results and five reports)": [
            *cli,
            "run",
            "--vendors",
            str(folder / "tiny.toml"),
            "--out",
            str(folder / "out"),
            "--quiet",
        ],
    }


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU time (user + system) of one run, in seconds; it runs outside any checkout, so only PYTHONPATH
    or the install decide which ``conformance`` starts."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=False, cwd=tempfile.gettempdir())
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def plan(commands: dict[str, list[str]], before: Path | None) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Each case with its environment; with ``before``, every ``conformance`` case once more from that checkout."""
    env = {**os.environ, "WECHSELBAR_PACK_MIRROR": os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora"))}
    found = {name: (command, env) for name, command in commands.items()}
    if before is not None:
        old = {**env, "PYTHONPATH": str(before.resolve())}
        found |= {f"{name}, before": (command, old) for name, command in list(commands.items())[1:]}
    return found


def measure(cases: dict[str, tuple[list[str], dict[str, str]]], repeat: int) -> dict[str, list[tuple[float, float]]]:
    """Every case ``repeat`` times, taking turns (after one warm-up run each)."""
    for command, env in cases.values():
        timed(command, env)
    found: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, (command, env) in cases.items():
            found[name].append(timed(command, env))
    return found


def rows(found: dict[str, list[tuple[float, float]]]) -> list[str]:
    """Markdown rows: wall time (median, fastest), its difference from the yardstick's median and the ratio, the
    target, and the CPU time (median) beside the yardstick's: close to the wall time an idle machine would show."""
    base = statistics.median(wall for wall, _ in next(iter(found.values())))
    base_cpu = statistics.median(cpu for _, cpu in next(iter(found.values())))
    out = [
        "| Case | Wall, median | Wall, fastest | − yardstick | × yardstick | help, error: ≤ 0.5 s more | CPU, median "
        "| CPU − yardstick |",
        "|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for name, times in found.items():
        wall, cpu = statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)
        met = "–" if not errors_or_help(name) else ("yes" if wall - base <= TARGET else "**no**")
        out.append(
            f"| {name} | {wall:.3f} s | {min(t[0] for t in times):.3f} s | {wall - base:+.3f} s "
            f"| {wall / base:.1f}× | {met} | {cpu:.3f} s | {cpu - base_cpu:+.3f} s |"
        )
    return out


def errors_or_help(name: str) -> bool:
    """The cases the target is for: help, usage and configuration errors (not the yardstick, list or report)."""
    return "help" in name or "error" in name


def bytecode() -> str:
    """Whether the child processes keep compiled modules (as an installed package has them) or compile the
    checkout's modules in every process (``PYTHONDONTWRITEBYTECODE`` set)."""
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return "no bytecode caches (PYTHONDONTWRITEBYTECODE set: every process compiles the checkout's modules)"
    return "bytecode caches written and used"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--before", type=Path, help="another checkout's root, measured beside this one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        found = measure(plan(cases(Path(tmp)), args.before), args.repeat)
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"{args.repeat} runs each, taking turns; load average before the run ended: {load}; "
        f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; {bytecode()}\n"
    )
    print("\n".join(rows(found)))


if __name__ == "__main__":
    main()
