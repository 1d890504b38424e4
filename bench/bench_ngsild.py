"""NGSI-LD suite against the reference broker double: wall time, requests, and the bare replay as yardstick.

Usage: ``python bench/bench_ngsild.py [--repeat 3]``. Prints Markdown for the section "NGSI-LD suite against the
reference broker double" of BENCHMARKS.md.

The double (``conformance.demo.ngsild``, in-memory, PyLD for JSON-LD) runs on 127.0.0.1 in a process of its own
(``remote_double``), so the CLI and the replay reach it alike, each from another process over one kept-alive
connection; every request that reaches a tenant's API is recorded (method, path, query, the Accept, Content-Type and
Link headers, the body). A first round (``--warmup``) is run and dropped, so neither side meets a cold double. Each
run is the real CLI, ``conformance run`` in a child process (start-up, pytest, checks, results file and reports),
over a freshly seeded tenant, once read-only and once with ``writes = true``. Yardstick, in the same round: the very
requests of that run replayed one after another by a bare requests.Session against another freshly seeded tenant,
with no checks and, like the CLI's session, without reading proxy or ``.netrc`` settings from the environment for
each request; the ratio is the suite's cost over that floor. Medians over interleaved rounds, with the lowest and
highest ratio of a round beside them. ``--before DIR`` also runs the CLI of another checkout (``DIR`` on
``PYTHONPATH``, e.g. ``git archive <commit> | tar -x -C DIR``) in the same rounds.
``--latency-ms N`` makes the double wait N ms before every answer (both sides alike), as a remote broker would.
"""

from __future__ import annotations

import argparse
import functools
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

from remote_double import Remote  # noqa: E402

from conformance.demo.ngsild.api import Api  # noqa: E402
from conformance.demo.ngsild.exchange import Reply, Request  # noqa: E402
from conformance.demo.ngsild.handler import Handler  # noqa: E402
from conformance.demo.ngsild.server import NgsiLdTestServer  # noqa: E402

HEADERS = ("Accept", "Content-Type", "Link")
SCENARIOS = (("read-only", ""), ("with writes", ", writes = true"))
Sent = tuple[str, str, dict[str, str], bytes]


class Recorder(Api):
    """One tenant's API that records every request it answers (after ``latency`` seconds, if any)."""

    def __init__(self, api: Api, latency: float = 0.0) -> None:
        super().__init__(api.broker, api.contexts)
        self.sent: list[Sent] = []
        self.latency = latency

    def handle(self, r: Request) -> Reply:
        """Record, then answer as the API does."""
        path = r.root + "/" + "/".join(quote(s, safe=":") for s in r.route)
        query = f"?{urlencode(r.params)}" if r.params else ""
        headers = {h: str(r.headers[h]) for h in HEADERS if r.headers.get(h)}
        self.sent.append((r.method, path + query, headers, r.body))
        if self.latency:
            time.sleep(self.latency)
        return super().handle(r)


class Counting(Handler):
    """The double's handler, counting the connections it serves (one handler per connection)."""

    def setup(self) -> None:
        super().setup()
        self.server.connections += 1  # type: ignore[attr-defined]


class Double:
    """The double with recorded tenants; built in a process of its own (see ``remote_double``)."""

    def __init__(self, latency: float = 0.0) -> None:
        self.server = NgsiLdTestServer({})
        self.server.httpd.RequestHandlerClass = Counting
        self.server.httpd.connections = 0  # type: ignore[attr-defined]
        self.server.start()
        self.latency = latency
        self.recorders: dict[str, Recorder] = {}

    def where(self) -> tuple[str, str]:
        """The origin and the user @context's URL."""
        return self.server.origin, self.server.context_url

    def fresh(self, name: str) -> str:
        """A freshly seeded tenant whose requests are recorded; its apiRoot. The connection count starts again."""
        self.server.add_tenant(name)
        self.recorders[name] = Recorder(self.server.views[name], self.latency)
        self.server.views[name] = self.recorders[name]
        self.server.httpd.connections = 0  # type: ignore[attr-defined]
        return self.server.url(name)

    def sent(self, name: str) -> tuple[list[Sent], int]:
        """What the tenant was sent, and the connections opened since it was made."""
        return self.recorders[name].sent, self.server.httpd.connections  # type: ignore[attr-defined]

    def stop(self) -> None:
        """Stop serving."""
        self.server.stop()


@dataclass
class Sample:
    """One suite run: seconds, requests, and the seconds of their bare replay."""

    seconds: float
    requests: int
    replay: float
    checks: float = 0.0
    cpu: float = 0.0
    connections: tuple[int, int] = (0, 0)
    waited: float = 0.0


def suite_run(double: Remote, folder: Path, options: str, checkout: Path | None = None) -> Sample:
    """One CLI run against a fresh tenant, then the replay of its requests against another."""
    origin, context = double.call("where")
    target = f'standard = "ngsi-ld"\nurl = "{double.call("fresh", "bench")}"\n'
    options = f'options = {{ user_context = "{context}"{options} }}\n'
    seconds, checks, cpu, waited = cli_run(folder, target + options, checkout)
    sent, connections = double.call("sent", "bench")
    double.call("fresh", "bench")
    took = replay(origin, sent)
    return Sample(seconds, len(sent), took, checks, cpu, (connections, double.call("sent", "bench")[1]), waited)


def cli_run(folder: Path, target: str, checkout: Path | None = None) -> tuple[float, float, float, float]:
    """``conformance run`` over one vendor with the given target lines: the wall seconds, the checks' own, the CPU
    seconds (user and system) of the CLI process, which a busy machine inflates far less than wall time, and the
    seconds the checks' requests took by the results file (each exchange from sending to its body read)."""
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
    records = [json.loads(line) for line in (folder / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    checks = sum(r.get("duration_ms", 0) / 1000 for r in records)
    waited = sum(e.get("elapsed_ms", 0) / 1000 for r in records for e in r.get("exchanges", ()))
    return seconds, checks, cpu, waited


def replay(origin: str, sent: list[Sent]) -> float:
    """Seconds for a bare session to send the same requests one after another. Like the CLI's own session it does
    not consult the environment (proxy variables, ``~/.netrc``) for every request."""
    session = requests.Session()
    session.trust_env = False
    began = time.perf_counter()
    for method, path, headers, body in sent:
        session.request(method, origin + path, headers=headers, data=body or None, timeout=60).content  # noqa: B018
    return time.perf_counter() - began


def measure(repeat: int, before: Path | None = None, latency: float = 0.0, warmup: int = 1) -> dict[str, list[Sample]]:
    """Samples per scenario (and per checkout) over ``repeat`` interleaved rounds, after ``warmup`` rounds whose
    samples are dropped (the double's first answers pay its own first-use costs)."""
    checkouts = {"": None} | ({"before, ": before} if before else {})
    samples: dict[str, list[Sample]] = {f"{c}{name}": [] for c in checkouts for name, _ in SCENARIOS}
    double = Remote(functools.partial(Double, latency))
    try:
        with tempfile.TemporaryDirectory() as temp:
            for turn in range(warmup + repeat):
                for name, options in SCENARIOS:
                    for label, checkout in checkouts.items():
                        sample = suite_run(double, Path(temp), options, checkout)
                        if turn >= warmup:
                            samples[f"{label}{name}"].append(sample)
    finally:
        double.stop()
    return samples


def report(samples: dict[str, list[Sample]], repeat: int) -> str:
    """The Markdown table."""
    load = os.getloadavg()
    lines = [
        f"Median of {repeat} interleaved runs; {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min); {bytecode()}.",
        "",
        "| run | wall time (CLI) | of it in the checks | outside the checks (start-up, reports) | requests "
        "| bare replay of the same requests (yardstick) | ratio (CLI), median (min–max) "
        "| ratio (checks), median (min–max) | CPU of the CLI process |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, rows in samples.items():
        seconds, sent = statistics.median(s.seconds for s in rows), statistics.median(s.requests for s in rows)
        floor, checks = statistics.median(s.replay for s in rows), statistics.median(s.checks for s in rows)
        fixed = statistics.median(s.seconds - s.checks for s in rows)
        lines.append(
            f"| {name} | {seconds:.2f} s | {checks:.2f} s | {fixed:.2f} s | {sent:.0f} | {floor:.2f} s | "
            f"{spread([s.seconds / s.replay for s in rows])} | {spread([s.checks / s.replay for s in rows])} | "
            f"{statistics.median(s.cpu for s in rows):.2f} s |"
        )
    lines += ["", connections(samples)]
    return "\n".join(lines)


def runs(samples: dict[str, list[Sample]]) -> str:
    """Every run on its own: the checks, the part of it their requests took (from the results file; a pass keeps
    its last 50 exchanges), the replay, and the ratio, in the order the runs were made."""
    lines = [
        "| run | # | checks | of it in their requests | outside requests | bare replay | ratio (checks) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, rows in samples.items():
        lines += [
            f"| {name} | {i} | {s.checks:.3f} s | {s.waited:.3f} s | {s.checks - s.waited:.3f} s | {s.replay:.3f} s "
            f"| {s.checks / s.replay:.2f}× |"
            for i, s in enumerate(rows, 1)
        ]
    return "\n".join(lines)


def spread(ratios: list[float]) -> str:
    """The median ratio with the lowest and highest beside it."""
    return f"{statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f}×)"


def connections(samples: dict[str, list[Sample]]) -> str:
    """How many connections each side opened to the double per run (the same reuse on both sides)."""
    cli = sorted({s.connections[0] for rows in samples.values() for s in rows})
    bare = sorted({s.connections[1] for rows in samples.values() for s in rows})
    return f"Connections opened to the double per run: CLI {cli}, bare replay {bare}."


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
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay the double adds to every answer")
    parser.add_argument("--warmup", type=int, default=1, help="rounds run first and not counted")
    parser.add_argument("--runs", action="store_true", help="also list every run on its own")
    options = parser.parse_args()
    samples = measure(options.repeat, options.before, options.latency_ms / 1000, options.warmup)
    print(report(samples, options.repeat) + ("\n\n" + runs(samples) if options.runs else ""))


if __name__ == "__main__":
    main()
