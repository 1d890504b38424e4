"""OGC API – Features suite: wall time, requests, requests/s with 1 and 2 workers, one vendor and two vendors.

Usage: ``python bench/bench_features.py [--repeat 3]``. Prints Markdown for the section
"OGC API – Features suite against pygeoapi" of BENCHMARKS.md.

pygeoapi (gunicorn, 2 workers, the test configuration of tests/targets/pygeoapi.py) runs on 127.0.0.1 with an
access log; the second vendor is MapServer 8 behind lighttpd (tests/targets/mapserver.py, with an access log)
when it is installed, else the conformant test double (requests counted in its handler). Every request the suite
sends is counted on the server side. Each run is the real CLI, ``conformance run --workers N`` in a child process
(start-up, pytest, checks, results file and all reports). ``--workers`` gives each vendor target its own xdist
group (all checks of a target share one worker and its memo), so one vendor cannot use a second worker, while two
vendors can. Yardstick, in the same run: the very requests of that suite run (read back from the server logs)
replayed one after another by a bare requests.Session, with no checks; the ratio is the suite's cost over that
floor. Scenarios are interleaved; the medians are shown.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))
os.environ.setdefault("WECHSELBAR_CACHE", str(ROOT / ".cache" / "wechselbar"))
sys.path.insert(0, str(ROOT))

from conformance.demo.features_handler import Handler  # noqa: E402
from conformance.demo.features_server import FeaturesTestServer  # noqa: E402
from tests.targets import mapserver, pygeoapi  # noqa: E402

REQUEST = re.compile(r'"GET (\S+) HTTP/1\.[01]"')
SCENARIOS = (("pygeoapi", 1), ("pygeoapi", 2), ("two vendors", 1), ("two vendors", 2))


@dataclass
class Vendor:
    """A running vendor: its id, base URL and a function returning the request targets it has served so far."""

    id: str
    url: str
    served: Callable[[], list[str]]
    root: str = ""

    def since(self, start: int) -> list[str]:
        """The request targets served after the first ``start``."""
        return self.served()[start:]


def access_log(log: Path) -> Callable[[], list[str]]:
    """The request targets of an access log (read once it has stopped growing)."""

    def read() -> list[str]:
        size = -1
        while size != log.stat().st_size:
            size = log.stat().st_size
            time.sleep(0.5)
        return REQUEST.findall(log.read_text(encoding="utf-8", errors="replace"))

    return read


@contextmanager
def second_vendor(folder: Path) -> Iterator[Vendor]:
    """MapServer when installed, else the conformant test double (with a request counter)."""
    if mapserver.installed():
        log = folder / "mapserver-access.log"
        with mapserver.serve(folder / "mapserver", access_log=log) as url:
            yield Vendor("mapserver", url, access_log(log), url.split("/cgi-bin")[0])
        return
    seen: list[str] = []

    class Counting(Handler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            seen.append(self.path)

    server = FeaturesTestServer({"double": frozenset()})
    server.httpd.RequestHandlerClass = Counting
    server.start()
    try:
        yield Vendor("test-double", server.url("double"), lambda: list(seen), f"http://127.0.0.1:{server.port}")
    finally:
        server.stop()


def vendors_file(folder: Path, vendors: list[Vendor]) -> Path:
    """A vendors file with the given vendors of the Features standard."""
    path = folder / f"vendors-{len(vendors)}.toml"
    path.write_text(
        "\n".join(
            f'[[vendors]]\nid = "{v.id}"\nname = "{v.id}"\nversion = "1"\n\n[[vendors.targets]]\n'
            f'standard = "ogcapi-features-1"\nurl = "{v.url}"\n'
            for v in vendors
        ),
        encoding="utf-8",
    )
    return path


@dataclass
class Sample:
    """One suite run: seconds, the request targets per vendor root, and the replay time."""

    seconds: float
    sent: dict[str, list[str]] = field(default_factory=dict)
    replay: float = 0.0

    @property
    def requests(self) -> int:
        """Requests served by all vendors."""
        return sum(len(v) for v in self.sent.values())


def suite_run(folder: Path, vendors: list[Vendor], workers: int) -> Sample:
    """One CLI run against the vendors."""
    starts = {v.id: len(v.served()) for v in vendors}
    command = [
        sys.executable,
        "-m",
        "conformance",
        "run",
        "--vendors",
        str(vendors_file(folder, vendors)),
        "--out",
        str(folder / f"out-{len(vendors)}-{workers}"),
        "--workers",
        str(workers),
        "--quiet",
    ]
    began = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    sample = Sample(time.perf_counter() - began)
    results = folder / f"out-{len(vendors)}-{workers}" / "results.jsonl"
    if done.returncode not in (0, 1) or not results.is_file() or results.stat().st_mtime < time.time() - 60:
        raise RuntimeError(f"conformance run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    sample.sent = {v.root: v.since(starts[v.id]) for v in vendors}
    sample.replay = replay(sample.sent)
    return sample


def replay(sent: dict[str, list[str]]) -> float:
    """Seconds for a bare session to GET the same request targets one after another."""
    session = requests.Session()
    began = time.perf_counter()
    for root, targets in sent.items():
        for target in targets:
            session.get(root + target, timeout=60).content  # noqa: B018
    return time.perf_counter() - began


def startup(vendors: Path) -> float:
    """Seconds for one Python process to start pytest with the plugins and collect the suite's items (no
    requests: items are generated from the catalogue and the vendors file)."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        "--co",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:schemathesis",
        "--pyargs",
        "conformance.suites.ogcapi_features",
        "--conformance-vendors",
        str(vendors),
    ]
    began = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - began


def measure(repeat: int) -> tuple[dict[tuple[str, int], list[Sample]], list[float], str]:
    """Samples per scenario over ``repeat`` interleaved rounds, start-up times, and the second vendor's id."""
    venv = pygeoapi.venv()
    if venv is None:
        raise SystemExit("pygeoapi is not installed: run .ci/install-targets.sh")
    samples: dict[tuple[str, int], list[Sample]] = {s: [] for s in SCENARIOS}
    starts = []
    with tempfile.TemporaryDirectory() as temp, ExitStack() as stack:
        folder = Path(temp)
        (folder / "pygeoapi").mkdir()
        log = folder / "pygeoapi-access.log"
        log.touch()
        url = stack.enter_context(pygeoapi.serve(venv, folder / "pygeoapi", access_log=log))
        first = Vendor("pygeoapi", url, access_log(log), url)
        (folder / "mapserver").mkdir()
        second = stack.enter_context(second_vendor(folder))
        for _ in range(repeat):
            starts.append(startup(vendors_file(folder, [first])))
            for name, workers in SCENARIOS:
                chosen = [first] if name == "pygeoapi" else [first, second]
                samples[(name, workers)].append(suite_run(folder, chosen, workers))
    return samples, starts, second.id


def report(samples: dict[tuple[str, int], list[Sample]], starts: list[float], second: str, repeat: int) -> str:
    """The Markdown table."""
    load = os.getloadavg()
    lines = [
        f"Median of {repeat} interleaved runs; {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min).",
        "",
        "| vendors | workers | wall time | requests | requests/s | bare replay of the same requests "
        "(yardstick) | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    medians = {}
    for (name, workers), rows in samples.items():
        seconds, sent = statistics.median(s.seconds for s in rows), statistics.median(s.requests for s in rows)
        floor = statistics.median(s.replay for s in rows)
        medians[(name, workers)] = seconds
        label = "pygeoapi" if name == "pygeoapi" else f"pygeoapi + {second}"
        lines.append(
            f"| {label} | {workers} | {seconds:.2f} s | {sent:.0f} | {sent / seconds:.0f} | {floor:.2f} s | "
            f"{seconds / floor:.2f}× |"
        )
    one, two = medians[("pygeoapi", 1)], medians[("pygeoapi", 2)]
    pair_one, pair_two = medians[("two vendors", 1)], medians[("two vendors", 2)]
    lines += [
        "",
        f"One vendor, 1 → 2 workers: {one / two:.2f}× ({one:.2f} s → {two:.2f} s). Two vendors, 1 → 2 "
        f"workers: {pair_one / pair_two:.2f}× ({pair_one:.2f} s → {pair_two:.2f} s). Start-up floor, same run: "
        f"one process starting pytest and collecting the suite takes {statistics.median(starts):.2f} s; each "
        "xdist worker pays it again.",
    ]
    return "\n".join(lines)


def main() -> None:
    """Measure and print the Markdown section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    samples, starts, second = measure(args.repeat)
    print(report(samples, starts, second, args.repeat))


if __name__ == "__main__":
    main()
