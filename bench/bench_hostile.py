"""How long hostile input takes to be refused: a huge XML text node on every path, and hostile HTTP vendors.

Usage: ``python bench/bench_hostile.py [--size-mb 2048] [--skip-xml] [--skip-http]``. Prints Markdown.

- XML: a document of one text node of ``--size-mb`` MiB through the tree parser, the streaming parser, export
  validation (each in a child process, as tests/xml/test_hostile_huge.py runs them) and ``conformance validate``.
- HTTP: ``conformance run`` of every HTTP suite (OGC API Features, OpenAPI, OParl; one target each) against each
  mode of the hostile test server (tests/hostile/server.py), with the settings of tests/hostile (connect 1 s,
  read 2 s, test deadline 4 s, max_timeouts 2): wall time, checks, and the longest any check took.

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


def http_rows() -> list[str]:
    """Per hostile mode: the run's wall time, its checks and the longest check."""
    from tests.hostile.runs import SETTINGS, run_cli, vendor  # noqa: PLC0415
    from tests.hostile.server import MODES, SUITES, serve, standard  # noqa: PLC0415
    from tests.hostile.test_hostile_vendors import OPTIONS  # noqa: PLC0415

    rows = [f"Settings: {SETTINGS}.", "", "| mode | checks | wall s | longest check s |", "|---|---:|---:|---:|"]
    with serve() as server, tempfile.TemporaryDirectory() as folder:
        for mode in MODES:
            text = "".join(
                vendor(f"{mode}-{suite}", standard(suite), server.url(mode, suite), SETTINGS, None, OPTIONS[suite])
                for suite in SUITES
            )
            started = time.monotonic()
            done = run_cli(Path(folder) / mode, text)
            longest = max(r.duration_ms for r in done.run.results) / 1000
            rows.append(f"| {mode} | {len(done.run.results)} | {time.monotonic() - started:.1f} | {longest:.1f} |")
    return rows


def main() -> None:
    """Print the Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=2048)
    parser.add_argument("--skip-xml", action="store_true")
    parser.add_argument("--skip-http", action="store_true")
    options = parser.parse_args()
    rows = [] if options.skip_xml else [*xml_rows(options.size_mb), ""]
    rows += [] if options.skip_http else http_rows()
    print("\n".join(rows))


if __name__ == "__main__":
    main()
