"""How long hostile input takes to be refused: a huge XML text node on every path, and hostile HTTP vendors.

Usage: ``python bench/bench_hostile.py [--size-mb 2048]``. Prints Markdown.

- XML: a document of one text node of ``--size-mb`` MiB through the tree parser, the streaming parser, export
  validation (each in a child process, as tests/xml/test_hostile_huge.py runs them) and ``conformance validate``.

The tests assert behaviour only (refused, bounded memory, ended); the times are claims for this file.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))

from tests.samples import xdomea as samples  # noqa: E402
from tests.xml.test_hostile import PROBE  # noqa: E402

BLOCK = b"a" * (8 * 1024**2)


def _timed(argv: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(argv, capture_output=True, check=False, timeout=3600)
    return time.monotonic() - started


def xml_rows(size_mb: int) -> list[str]:
    """Seconds to refuse one text node of ``size_mb`` MiB on each path."""
    with tempfile.TemporaryDirectory() as folder:
        huge, benign = Path(folder) / "one-text-node.xml", Path(folder) / "benign.xml"
        benign.write_bytes(samples.repaired("Anbieteverzeichnis.0501"))
        with huge.open("wb") as out:
            out.write(b"<r>")
            for _ in range(size_mb * 1024**2 // len(BLOCK)):
                out.write(BLOCK)
            out.write(b"</r>")
        rows = [f"One text node of {size_mb} MiB.", "", "| path | seconds to refuse |", "|---|---:|"]
        for mode in ("tree", "stream", "export"):
            rows.append(f"| {mode} | {_timed([sys.executable, '-c', PROBE, mode, str(benign), str(huge)]):.1f} |")
        validate = [sys.executable, "-m", "conformance", "validate", "--format", "json", "--standard", "xdomea-3.0.0"]
        rows.append(f"| conformance validate | {_timed([*validate, str(huge)]):.1f} |")
    return rows


def main() -> None:
    """Print the Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=2048)
    options = parser.parse_args()
    print("\n".join(xml_rows(options.size_mb)))


if __name__ == "__main__":
    main()
