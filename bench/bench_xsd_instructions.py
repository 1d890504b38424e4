"""Instructions executed for XSD validation of an xdomea export, wechselbar against xmllint, counted by valgrind.

Usage: ``python bench/bench_xsd_instructions.py [--size-mb 10] [--before DIR]``. Needs ``valgrind`` and
``xmllint``. Instruction counts do not depend on the machine's load, unlike the times of ``bench_xsd.py``:
they tell how much work each design does, the times how that work fares beside other processes. Every command
runs once on a generated message of ``--size-mb`` and once on a message of one record; the difference is the
work per document, without start-up, imports and the schema's compilation. ``--before DIR`` counts the same
runner with the ``conformance`` package of another checkout (e.g. a worktree of an earlier commit). Prints
Markdown.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_xsd import ENV, RUNNER
from conformance.core.packs import default_store
from conformance.suites.xdomea.validator import SCHEMA
from tests.samples.xdomea import write_large

COUNTED = re.compile(rb"Collected : (\d+)")


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """The instructions a command executed (valgrind's callgrind, all of the process), run where ``PYTHONPATH``
    points, if anywhere, so that its ``conformance`` package is the one imported."""
    where = env.get("PYTHONPATH") or None
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        capture_output=True,
        env=env,
        cwd=where,
        check=False,
    )
    found = COUNTED.search(done.stderr)
    if done.returncode != 0 or not found:
        raise SystemExit(f"{argv[0]} failed: {done.stderr[-2000:].decode(errors='replace')}")
    return int(found.group(1))


def commands(schema: Path, before: Path | None) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Each measured command with its environment; ``{}`` stands for the document."""
    found = {
        "xmllint --noout --schema": (["xmllint", "--noout", "--schema", str(schema), "{}"], ENV),
        "xmllint --stream --noout --schema": (["xmllint", "--stream", "--noout", "--schema", str(schema), "{}"], ENV),
        "wechselbar XSD verdict (system libxml2 via ctypes, no tree)": (
            [sys.executable, "-c", RUNNER, "fast", "{}"],
            ENV,
        ),
        "one validating lxml parse, records handed out": ([sys.executable, "-c", RUNNER, "xsd", "{}"], ENV),
    }
    if before is not None:
        env = {**ENV, "PYTHONPATH": str(before)}
        found["the same, package of --before"] = ([sys.executable, "-c", RUNNER, "xsd", "{}"], env)
    return found


def main() -> None:
    """Generate both messages, count, print the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10)
    parser.add_argument("--before", type=Path)
    args = parser.parse_args()
    if not shutil.which("valgrind") or not shutil.which("xmllint"):
        raise SystemExit("valgrind or xmllint not found: apt-get install -y valgrind libxml2-utils")
    schema = default_store().path(SCHEMA.pack, SCHEMA.path)
    with tempfile.TemporaryDirectory(prefix="bench-xsd-ir-") as tmp:
        big, one = Path(tmp) / "export.xml", Path(tmp) / "one.xml"
        objects = write_large(big, args.size_mb)
        write_large(one, 0.001)
        mib = big.stat().st_size / 1024**2
        rows = [
            f"{mib:.0f} MiB xdomea 0501 message, {objects} objects; instructions of the run minus those of the same "
            "run on a message of one object.",
            "",
            "| run | instructions per MiB (millions) | × xmllint |",
            "|---|---:|---:|",
        ]
        base = 0.0
        for label, (argv, env) in commands(schema, args.before).items():
            work = instructions([a.replace("{}", str(big)) for a in argv], env)
            work -= instructions([a.replace("{}", str(one)) for a in argv], env)
            base = base or work
            rows.append(f"| {label} | {work / mib / 1e6:.1f} | {work / base:.2f} |")
    print("\n".join(rows))
    print(f"\n{os.cpu_count()} cores; Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
