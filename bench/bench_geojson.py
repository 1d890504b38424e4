"""Peak memory and time of ``conformance validate --standard geojson`` on a large generated file, beside a plain
``json.load`` of a smaller file as yardstick, in one run.

Usage: ``python bench/bench_geojson.py [--mib 1024] [--yardstick-mib 100]``. Both files are generated in a
temporary folder (deleted afterwards): a FeatureCollection of polygons with a hole, lines and points, with ids,
properties and six decimal places. Each side is a fresh process; its peak RSS and wall time come from
``os.wait4``. Prints Markdown: size, wall time, throughput, peak RSS and the ratios to the yardstick.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))
MIB = 1024 * 1024


def feature(number: int, rng: random.Random) -> str:
    """One Feature: a polygon with a hole, a line or a point near Bonn, six decimals."""
    lon, lat = 7.0 + rng.random(), 50.5 + rng.random() / 2
    kind = number % 3
    if kind == 0:
        outer = [(lon, lat), (lon + 0.01, lat), (lon + 0.01, lat + 0.01), (lon, lat + 0.01), (lon, lat)]
        hole = [
            (lon + 0.002, lat + 0.002),
            (lon + 0.002, lat + 0.008),
            (lon + 0.008, lat + 0.008),
            (lon + 0.008, lat + 0.002),
            (lon + 0.002, lat + 0.002),
        ]
        coords = "[" + ",".join(_ring(r) for r in (outer, hole)) + "]"
        geometry = f'{{"type":"Polygon","coordinates":{coords}}}'
    elif kind == 1:
        geometry = f'{{"type":"LineString","coordinates":{_ring([(lon, lat), (lon + 0.003, lat + 0.001)])}}}'
    else:
        geometry = f'{{"type":"Point","coordinates":[{lon:.6f},{lat:.6f}]}}'
    return (
        f'{{"type":"Feature","id":{number},"properties":{{"name":"Objekt {number}","kind":{kind}}},'
        f'"geometry":{geometry}}}'
    )


def _ring(points: list[tuple[float, float]]) -> str:
    return "[" + ",".join(f"[{x:.6f},{y:.6f}]" for x, y in points) + "]"


def generate(path: Path, size: int) -> int:
    """Write a FeatureCollection of about ``size`` bytes; the number of Features."""
    rng, written, number = random.Random(7946), 0, 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","bbox":[6.9,50.4,8.1,51.1],"features":[\n')
        while written < size:
            text = ("," if number else "") + feature(number, rng) + "\n"
            out.write(text)
            written += len(text)
            number += 1
        out.write("]}\n")
    return number


def measured(argv: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and exit status of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main() -> None:
    """Generate both files, measure both sides, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mib", type=int, default=1024, help="size of the large file (MiB)")
    parser.add_argument("--yardstick-mib", type=int, default=100, help="size of the json.load file (MiB)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-geojson-") as folder:
        large, small = Path(folder) / "large.geojson", Path(folder) / "small.geojson"
        features = generate(large, args.mib * MIB)
        generate(small, args.yardstick_mib * MIB)
        ours = measured(
            [
                sys.executable,
                "-m",
                "conformance",
                "validate",
                "--standard",
                "geojson",
                "--format",
                "json",
                "--workers",
                "1",
                str(large),
            ]
        )
        plain = measured([sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1], 'rb'))", str(small)])
        report(large.stat().st_size, features, small.stat().st_size, ours, plain)


def report(size: int, features: int, small: int, ours: tuple[float, int, int], plain: tuple[float, int, int]) -> None:
    """The Markdown table of one run."""
    print(f"{features} Features; load average {os.getloadavg()[0]:.1f}; validate exit status {ours[2]}\n")
    print("| run | file MiB | wall s | MiB/s | peak RSS MiB | RSS per file MiB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, mib, (wall, rss, _) in (
        ("wechselbar validate (streamed)", size / MIB, ours),
        ("json.load (yardstick)", small / MIB, plain),
    ):
        print(f"| {name} | {mib:.0f} | {wall:.1f} | {mib / wall:.1f} | {rss / 1024:.0f} | {rss / 1024 / mib:.3f} |")
    print(
        f"\nPeak RSS ratio (validate on {size / MIB:.0f} MiB / json.load on {small / MIB:.0f} MiB): "
        f"{ours[1] / plain[1]:.2f}×; time per MiB ratio: {(ours[0] / size) / (plain[0] / small):.1f}×"
    )


if __name__ == "__main__":
    main()
