"""SensorThings suite against its test double: wall time, requests, and the bare replay as yardstick.

Usage: ``python bench/bench_sensorthings.py [--repeat 3]``. Prints Markdown for the section "SensorThings suite
against its test double" of BENCHMARKS.md.

The double (``conformance.demo.sensorthings_server``, in memory) runs on 127.0.0.1 in a process of its own
(``remote_double``), so the CLI and the replay reach it alike, each from another process over kept-alive
connections; every request that reaches it is recorded (method, path with query, body). A first round (``--warmup``)
is run and dropped, so neither side meets a cold double. Each run is the real CLI, ``conformance run`` in a child
process (start-up, checks, results file and reports), against a fresh tenant, once read-only and once with ``writes
= true`` (Create-Update-Delete). Yardstick, in the same round: the very requests of that run replayed one after
another by a bare requests.Session against another fresh tenant, with no checks and, like the CLI's session, without
reading proxy or ``.netrc`` settings from the environment for each request; the ratio is the suite's cost over that
floor. Medians over interleaved rounds.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path
from typing import ClassVar

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_ngsild import Sample, cli_run, report, runs  # noqa: E402  (the same measures and table as the NGSI-LD bench)
from remote_double import Remote  # noqa: E402

from conformance.demo.sensorthings_server import Handler, SensorThingsTestServer  # noqa: E402
from conformance.demo.sensorthings_view import View  # noqa: E402

SCENARIOS = (("read-only", ""), ("with writes", "options = { writes = true }\n"))
Sent = tuple[str, str, bytes]


class Recording(Handler):
    """The double's handler, recording every request it answers."""

    sent: ClassVar[list[Sent]] = []

    def do_GET(self) -> None:
        self.sent.append(("GET", self.path, b""))
        super().do_GET()

    def _write(self, method: str) -> None:
        original = self.rfile
        raw = original.read(int(self.headers.get("Content-Length") or 0))
        self.sent.append((method, self.path, raw))
        self.rfile = io.BytesIO(raw)
        try:
            super()._write(method)
        finally:
            self.rfile = original


class Counting(Recording):
    """The recording handler, counting the connections it serves (one handler per connection)."""

    def setup(self) -> None:
        super().setup()
        self.server.connections += 1  # type: ignore[attr-defined]


class Double:
    """The double with a recorded tenant ``bench``; built in a process of its own (see ``remote_double``)."""

    def __init__(self) -> None:
        self.server = SensorThingsTestServer({})
        self.server.httpd.RequestHandlerClass = Counting
        self.server.start()

    def fresh(self) -> str:
        """A fresh tenant ``bench`` (the seed data, no defects); its service root. Recording starts again."""
        self.server.views["bench"] = View(self.server.url("bench")[:-1], frozenset())
        Recording.sent.clear()
        self.server.httpd.connections = 0  # type: ignore[attr-defined]
        return self.server.url("bench")

    def sent(self) -> tuple[list[Sent], int]:
        """What the tenant was sent, and the connections opened since it was made."""
        return list(Recording.sent), self.server.httpd.connections  # type: ignore[attr-defined]

    def origin(self) -> str:
        """Scheme, host and port."""
        return f"http://127.0.0.1:{self.server.port}"

    def stop(self) -> None:
        """Stop serving."""
        self.server.stop()


def suite_run(double: Remote, folder: Path, options: str) -> Sample:
    """One CLI run against a fresh tenant, then the replay of its requests against another."""
    url = double.call("fresh")
    seconds, checks, cpu, waited = cli_run(folder, f'standard = "sensorthings-1.1"\nurl = "{url}"\n{options}')
    sent, connections = double.call("sent")
    double.call("fresh")
    took = replay(double.call("origin"), sent)
    return Sample(seconds, len(sent), took, checks, cpu, (connections, double.call("sent")[1]), waited)


def replay(origin: str, sent: list[Sent]) -> float:
    """Seconds for a bare session to send the same requests one after another (like the CLI's session, without
    reading proxy or ``.netrc`` settings from the environment for each request)."""
    session = requests.Session()
    session.trust_env = False
    began = time.perf_counter()
    for method, path, body in sent:
        headers = {"Accept": "application/json", **({"Content-Type": "application/json"} if body else {})}
        session.request(method, origin + path, headers=headers, data=body or None, timeout=60).content  # noqa: B018
    return time.perf_counter() - began


def measure(repeat: int, warmup: int = 1) -> dict[str, list[Sample]]:
    """Samples per scenario over ``repeat`` interleaved rounds, after ``warmup`` rounds that are dropped."""
    samples: dict[str, list[Sample]] = {name: [] for name, _ in SCENARIOS}
    double = Remote(Double)
    try:
        with tempfile.TemporaryDirectory() as temp:
            for turn in range(warmup + repeat):
                for name, options in SCENARIOS:
                    sample = suite_run(double, Path(temp), options)
                    if turn >= warmup:
                        samples[name].append(sample)
    finally:
        double.stop()
    return samples


def main() -> None:
    """Measure and print the Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1, help="rounds run first and not counted")
    parser.add_argument("--runs", action="store_true", help="also list every run on its own")
    options = parser.parse_args()
    samples = measure(options.repeat, options.warmup)
    print(report(samples, options.repeat) + ("\n\n" + runs(samples) if options.runs else ""))


if __name__ == "__main__":
    main()
