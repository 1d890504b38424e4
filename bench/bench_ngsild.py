"""NGSI-LD suite against the reference broker double: wall time, requests, and the bare replay as yardstick.

Usage: ``python bench/bench_ngsild.py [--repeat 3]``. Prints Markdown for the section "NGSI-LD suite against the
reference broker double" of BENCHMARKS.md.

The double (``conformance.demo.ngsild``, in-memory, PyLD for JSON-LD) runs on 127.0.0.1 in this process; every
request that reaches a tenant's API is recorded (method, path, query, the Accept, Content-Type and Link headers,
the body). Each run is the real CLI, ``conformance run`` in a child process (start-up, pytest, checks, results
file and reports), over a freshly seeded tenant, once read-only and once with ``writes = true``. Yardstick, in the
same round: the very requests of that run replayed one after another by a bare requests.Session against another
freshly seeded tenant, with no checks; the ratio is the suite's cost over that floor. Medians over interleaved
rounds, with the lowest and highest ratio of a round beside them. ``--before DIR`` also runs the CLI of another
checkout (``DIR`` on ``PYTHONPATH``, e.g. ``git archive <commit> | tar -x -C DIR``) in the same rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import requests

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))
os.environ.setdefault("WECHSELBAR_CACHE", str(ROOT / ".cache" / "wechselbar"))
sys.path.insert(0, str(ROOT))

from conformance.demo.ngsild.api import Api  # noqa: E402
from conformance.demo.ngsild.exchange import Reply, Request  # noqa: E402
from conformance.demo.ngsild.server import NgsiLdTestServer  # noqa: E402

HEADERS = ("Accept", "Content-Type", "Link")
SCENARIOS = (("read-only", ""), ("with writes", ", writes = true"))
Sent = tuple[str, str, dict[str, str], bytes]


class Recorder(Api):
    """One tenant's API that records every request it answers."""

    def __init__(self, api: Api) -> None:
        super().__init__(api.broker, api.contexts)
        self.sent: list[Sent] = []

    def handle(self, r: Request) -> Reply:
        """Record, then answer as the API does."""
        path = r.root + "/" + "/".join(quote(s, safe=":") for s in r.route)
        query = f"?{urlencode(r.params)}" if r.params else ""
        headers = {h: str(r.headers[h]) for h in HEADERS if r.headers.get(h)}
        self.sent.append((r.method, path + query, headers, r.body))
        return super().handle(r)


def tenant(server: NgsiLdTestServer, name: str) -> Recorder:
    """A freshly seeded tenant whose requests are recorded."""
    server.add_tenant(name)
    recorder = Recorder(server.views[name])
    server.views[name] = recorder
    return recorder


@dataclass
class Sample:
    """One suite run: seconds, requests, and the seconds of their bare replay."""

    seconds: float
    requests: int
    replay: float
    checks: float = 0.0
    cpu: float = 0.0


def suite_run(server: NgsiLdTestServer, folder: Path, options: str, checkout: Path | None = None) -> Sample:
    """One CLI run against a fresh tenant, then the replay of its requests against another."""
    recorder = tenant(server, "bench")
    target = f'standard = "ngsi-ld"\nurl = "{server.url("bench")}"\n'
    options = f'options = {{ user_context = "{server.context_url}"{options} }}\n'
    seconds, checks, cpu = cli_run(folder, target + options, checkout)
    tenant(server, "bench")
    return Sample(seconds, len(recorder.sent), replay(server.origin, recorder.sent), checks, cpu)


def cli_run(folder: Path, target: str, checkout: Path | None = None) -> tuple[float, float, float]:
    """``conformance run`` over one vendor with the given target lines: the wall seconds, the checks' own, and the
    CPU seconds (user and system) of the CLI process, which a busy machine inflates far less than wall time."""
    vendors = folder / "vendors.toml"
    vendors.write_text(
        f'[[vendors]]\nid = "double"\nname = "double"\nversion = "1"\n\n[[vendors.targets]]\n{target}',
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "conformance", "run", "--vendors", str(vendors), "--out", str(folder / "out")]
    env = {**os.environ, "PYTHONPATH": str(checkout.resolve())} if checkout else None
    began, used = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [*command, "--quiet"], cwd=checkout or ROOT, env=env, capture_output=True, text=True, check=False
    )
    seconds, after = time.perf_counter() - began, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime
    if done.returncode not in (0, 1):
        raise RuntimeError(f"conformance run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    checks = sum(
        json.loads(line).get("duration_ms", 0) / 1000
        for line in (folder / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    )
    return seconds, checks, cpu


def replay(origin: str, sent: list[Sent]) -> float:
    """Seconds for a bare session to send the same requests one after another."""
    session = requests.Session()
    began = time.perf_counter()
    for method, path, headers, body in sent:
        session.request(method, origin + path, headers=headers, data=body or None, timeout=60).content  # noqa: B018
    return time.perf_counter() - began


def measure(repeat: int, before: Path | None = None) -> dict[str, list[Sample]]:
    """Samples per scenario (and per checkout) over ``repeat`` interleaved rounds."""
    checkouts = {"": None} | ({"before, ": before} if before else {})
    samples: dict[str, list[Sample]] = {f"{c}{name}": [] for c in checkouts for name, _ in SCENARIOS}
    server = NgsiLdTestServer({}).start()
    try:
        with tempfile.TemporaryDirectory() as temp:
            for _ in range(repeat):
                for name, options in SCENARIOS:
                    for label, checkout in checkouts.items():
                        samples[f"{label}{name}"].append(suite_run(server, Path(temp), options, checkout))
    finally:
        server.stop()
    return samples


def report(samples: dict[str, list[Sample]], repeat: int) -> str:
    """The Markdown table."""
    load = os.getloadavg()
    lines = [
        f"Median of {repeat} interleaved runs; {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min); {bytecode()}.",
        "",
        "| run | wall time (CLI) | of it in the checks | requests | bare replay of the same requests (yardstick) "
        "| ratio (CLI) | ratio (checks), median | ratio (checks), min–max | CPU of the CLI process |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, rows in samples.items():
        seconds, sent = statistics.median(s.seconds for s in rows), statistics.median(s.requests for s in rows)
        floor, checks = statistics.median(s.replay for s in rows), statistics.median(s.checks for s in rows)
        ratios = [s.checks / s.replay for s in rows]
        lines.append(
            f"| {name} | {seconds:.2f} s | {checks:.2f} s | {sent:.0f} | {floor:.2f} s | {seconds / floor:.2f}× | "
            f"{statistics.median(ratios):.2f}× | {min(ratios):.2f}–{max(ratios):.2f}× | "
            f"{statistics.median(s.cpu for s in rows):.2f} s |"
        )
    return "\n".join(lines)


def bytecode() -> str:
    """Whether the child processes keep compiled modules (as an installed package has them) or compile the
    checkout's modules in every process (``PYTHONDONTWRITEBYTECODE`` set)."""
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return "no bytecode caches (PYTHONDONTWRITEBYTECODE set: every process compiles the checkout's modules)"
    return "bytecode caches written and used"


def main() -> None:
    """Measure and print the Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout's root, measured in the same rounds")
    options = parser.parse_args()
    print(report(measure(options.repeat, options.before), options.repeat))


if __name__ == "__main__":
    main()
