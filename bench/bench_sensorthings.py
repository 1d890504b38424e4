"""SensorThings suite against its test double: wall time, requests, and the bare replay as yardstick.

Usage: ``python bench/bench_sensorthings.py [--repeat 3]``. Prints Markdown for the section "SensorThings suite
against its test double" of BENCHMARKS.md.

The double (``conformance.demo.sensorthings_server``, in memory) runs on 127.0.0.1 in this process; every request
that reaches it is recorded (method, path with query, body). Each run is the real CLI, ``conformance run`` in a
child process (start-up, checks, results file and reports), against a fresh tenant, once read-only and once with
``writes = true`` (Create-Update-Delete). Yardstick, in the same round: the very requests of that run replayed one
after another by a bare requests.Session against another fresh tenant, with no checks; the ratio is the suite's
cost over that floor. Medians over interleaved rounds.
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

from bench_ngsild import Sample, cli_run, report  # noqa: E402  (the same measures and table as the NGSI-LD bench)

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
        self.rfile = io.BytesIO(raw)  # type: ignore[assignment]
        try:
            super()._write(method)
        finally:
            self.rfile = original


def fresh(server: SensorThingsTestServer) -> str:
    """A fresh tenant ``bench`` (the seed data, no defects); its service root."""
    server.views["bench"] = View(server.url("bench")[:-1], frozenset())
    Recording.sent.clear()
    return server.url("bench")


def suite_run(server: SensorThingsTestServer, folder: Path, options: str) -> Sample:
    """One CLI run against a fresh tenant, then the replay of its requests against another."""
    url = fresh(server)
    seconds, checks = cli_run(folder, f'standard = "sensorthings-1.1"\nurl = "{url}"\n{options}')
    sent = list(Recording.sent)
    fresh(server)
    return Sample(seconds, len(sent), replay(f"http://127.0.0.1:{server.port}", sent), checks)


def replay(origin: str, sent: list[Sent]) -> float:
    """Seconds for a bare session to send the same requests one after another."""
    session = requests.Session()
    began = time.perf_counter()
    for method, path, body in sent:
        headers = {"Accept": "application/json", **({"Content-Type": "application/json"} if body else {})}
        session.request(method, origin + path, headers=headers, data=body or None, timeout=60).content  # noqa: B018
    return time.perf_counter() - began


def measure(repeat: int) -> dict[str, list[Sample]]:
    """Samples per scenario over ``repeat`` interleaved rounds."""
    samples: dict[str, list[Sample]] = {name: [] for name, _ in SCENARIOS}
    server = SensorThingsTestServer({})
    server.httpd.RequestHandlerClass = Recording
    server.start()
    try:
        with tempfile.TemporaryDirectory() as temp:
            for _ in range(repeat):
                for name, options in SCENARIOS:
                    samples[name].append(suite_run(server, Path(temp), options))
    finally:
        server.stop()
    return samples


def main() -> None:
    """Measure and print the Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    print(report(measure(options.repeat), options.repeat))


if __name__ == "__main__":
    main()
