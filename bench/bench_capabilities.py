"""Memory of the WMS 1.3.0 and WFS 2.0 suites in the size of the capabilities, and the requests sampling allows.

Usage: ``python bench/bench_capabilities.py [--sizes 100,10000] [--services wms,wfs]``. The generated capabilities of
conformance/demo/capabilities_flood.py (the WMS double's with n layers more, the WFS double's with n feature types;
every other request answered with an exception report) are served on 127.0.0.1. For each size, in fresh
processes whose peak RSS comes from ``os.wait4``: the suite through the real CLI (``conformance run``, default
sampling options), and as yardstick the hardened lxml parse of the same document alone. Each process writes its
own peak RSS (VmHWM) when it exits, so the measuring process's memory (the generated documents) never counts.
The requests other than GetCapabilities are counted by the server. Prints Markdown for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from conformance.demo.capabilities_flood import FloodServer
from conformance.demo.capabilities_flood import wfs as wfs_document
from conformance.demo.capabilities_flood import wms as wms_document

STANDARDS = {"wms": "wms-1.3.0", "wfs": "wfs-2.0"}
HWM = (
    "import atexit, os, sys\n"
    "def hwm():\n"
    "    line = next(x for x in open('/proc/self/status') if x.startswith('VmHWM'))\n"
    "    open(os.environ['HWM_FILE'], 'w').write(line.split()[1])\n"
    "atexit.register(hwm)\n"
)
SUITE = (
    HWM
    + "import runpy; sys.argv = ['conformance', *sys.argv[1:]]; runpy.run_module('conformance', run_name='__main__')"
)
PARSE = HWM + "from conformance.core.xmlsafe import parse_bytes; parse_bytes(open(sys.argv[1], 'rb').read())"
MIB = 1024 * 1024


def measured(argv: list[str], folder: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one fresh process (which must succeed or find non-conformances)."""
    started, hwm = time.perf_counter(), folder / "hwm"
    process = subprocess.run(
        argv,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HWM_FILE": str(hwm)},
    )
    if process.returncode not in (0, 1):
        raise SystemExit(f"{argv[:4]} failed with {process.returncode}")
    return time.perf_counter() - started, int(hwm.read_text()) / 1024


def row(server: FloodServer, tenant: str, folder: Path) -> list[str]:
    """Measure one tenant: document size, suite wall and RSS, parse-alone RSS, requests."""
    kind, _, count = tenant.partition("-")
    url = server.url(tenant)
    document = wms_document(url.removesuffix("/wms"), int(count)) if kind == "wms" else wfs_document(url, int(count))
    (folder / f"{tenant}.xml").write_bytes(document)
    vendors = folder / f"{tenant}.toml"
    vendors.write_text(
        f'[[vendors]]\nid = "v"\nname = "v"\nversion = "1"\n\n[[vendors.targets]]\nstandard = "{STANDARDS[kind]}"\n'
        f'url = "{url}"\n',
        encoding="utf-8",
    )
    run = ["run", "--vendors", str(vendors), "--out", str(folder / tenant)]
    wall, suite = measured([sys.executable, "-c", SUITE, *run], folder)
    _, parse = measured([sys.executable, "-c", PARSE, str(folder / f"{tenant}.xml")], folder)
    requests = sum(1 for t, _, _ in server.asked if t == tenant)
    return [
        kind.upper(),
        count,
        f"{len(document) / MIB:.1f}",
        f"{wall:.1f}",
        f"{suite:.0f}",
        f"{parse:.0f}",
        str(requests),
    ]


def main() -> None:
    """Serve every size, measure each, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,10000", help="layers or feature types generated, comma-separated")
    parser.add_argument("--services", default="wms,wfs", help="services measured, comma-separated (wms, wfs)")
    args = parser.parse_args()
    sizes, kinds = [int(s) for s in args.sizes.split(",")], args.services.split(",")
    tenants = [f"{kind}-{n}" for kind in STANDARDS if kind in kinds for n in sizes]
    server = FloodServer(tenants).start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            rows = [row(server, t, Path(folder)) for t in tenants]
    finally:
        server.stop()
    print(f"Load average at start: {os.getloadavg()[0]:.1f} (2 cores)\n")
    print(
        "| service | layers or types | document MiB | suite wall s | suite peak RSS MiB | parse alone MiB | requests |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
