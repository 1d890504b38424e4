"""The measuring shared by the benchmarks of the OGC web service suites (CSW, WMS, WFS, OGC API – Records).

Each target sits behind a small recording proxy on 127.0.0.1 that forwards every request (method, path, query,
body) unchanged and keeps it. Each run is the real CLI, ``conformance run`` in a child process (start-up, pytest,
checks, results file and all reports). Yardstick, in the same run: the very requests of that suite run (GET and
POST, with their bodies) replayed one after another through the same proxy by a bare requests.Session, with no
parsing and no checks; the ratio is the suite's cost over that floor. Since the CLI pays Python's and pytest's
start-up once per run, the checks' own time (``duration_ms`` summed over the results file: the requests each check
made, parsing, schema validation) is set beside the replay as well, and the start-up floor (one process starting
pytest and collecting the suite) is measured. Scenarios are interleaved; the medians are shown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import requests

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("WECHSELBAR_PACK_MIRROR", os.pathsep.join(str(SHARED / p) for p in ("packs", "corpora")))
os.environ.setdefault("WECHSELBAR_CACHE", str(ROOT / ".cache" / "wechselbar"))
sys.path.insert(0, str(ROOT))

from conformance.demo.testserver import DefectServer, TenantServer  # noqa: E402
from tests.targets import mapserver  # noqa: E402

Sent = tuple[str, str, bytes, str]  # method, path with query, body, content type


class Proxy(BaseHTTPRequestHandler):
    """Forwards every request to ``upstream`` and keeps (method, path, body, content type) in ``seen``."""

    protocol_version = "HTTP/1.1"
    upstream = ""
    rewrite = False
    seen: ClassVar[list[Sent]] = []
    session: ClassVar[requests.Session] = requests.Session()

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self._forward(b"")

    def do_POST(self) -> None:
        self._forward(self.rfile.read(int(self.headers.get("Content-Length", "0") or 0)))

    def _forward(self, body: bytes) -> None:
        media = self.headers.get("Content-Type", "")
        self.seen.append((self.command, self.path, body, media))
        headers = {"Content-Type": media} if media else {}
        got = self.session.request(self.command, self.upstream + self.path, data=body or None, headers=headers)
        content = got.content
        if self.rewrite:
            content = content.replace(self.upstream.encode(), f"http://{self.headers.get('Host', '')}".encode())
        self.send_response(got.status_code)
        self.send_header("Content-Type", got.headers.get("Content-Type", "application/xml"))
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)


@contextmanager
def proxied(upstream: str, rewrite: bool = False) -> Iterator[tuple[str, list[Sent]]]:
    """A recording proxy in front of ``upstream`` (a base URL ending in /): its URL and what it has seen. With
    ``rewrite`` the upstream's origin in response bodies becomes the proxy's (APIs whose links are absolute)."""
    base, _, path = upstream.partition("://")[2].partition("/")
    fields = {"upstream": f"http://{base}", "seen": [], "session": requests.Session(), "rewrite": rewrite}
    handler: type[Proxy] = type("Recording", (Proxy,), fields)
    server = TenantServer(handler).start()
    try:
        yield f"http://127.0.0.1:{server.port}/{path}", handler.seen
    finally:
        server.stop()


@dataclass
class Sample:
    """One suite run: seconds, requests, and the replay time of the same requests."""

    seconds: float
    requests: int
    replay: float
    checks: float = 0.0


def suite_run(folder: Path, standard: str, url: str, seen: list[Sent]) -> Sample:
    """One CLI run of ``standard`` against the proxied target, then the bare replay of what it sent."""
    vendors = folder / "vendors.toml"
    vendors.write_text(
        f'[[vendors]]\nid = "v"\nname = "v"\nversion = "1"\n\n[[vendors.targets]]\nstandard = "{standard}"\n'
        f'url = "{url}"\n',
        encoding="utf-8",
    )
    start, out = len(seen), folder / "out"
    command = [sys.executable, "-m", "conformance", "run", "--vendors", str(vendors), "--out", str(out), "--quiet"]
    began = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    if done.returncode not in (0, 1, 3):  # 3: a requirement found nothing to judge (e.g. links past the proxy)
        raise RuntimeError(f"conformance run failed ({done.returncode}):\n{done.stdout[-1500:]}{done.stderr[-3000:]}")
    sent = seen[start:]
    return Sample(seconds, len(sent), replay(url.split("/", 3)[:3], sent), checks_seconds(out / "results.jsonl"))


def checks_seconds(results: Path) -> float:
    """The time the checks took (the requests they made included), summed over the results file's records."""
    records = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return sum(float(r.get("duration_ms", 0)) for r in records if r.get("record") == "result") / 1000


def replay(root: list[str], sent: list[Sent]) -> float:
    """Seconds for a bare session to send the same requests one after another."""
    session, origin = requests.Session(), "/".join(root)
    began = time.perf_counter()
    for method, path, body, media in sent:
        headers = {"Content-Type": media} if media else {}
        session.request(method, origin + path, data=body or None, headers=headers, timeout=60).content  # noqa: B018
    return time.perf_counter() - began


def startup(folder: Path, package: str) -> float:
    """Seconds for one process to start pytest with the plugins and collect the items of the suite ``package``."""
    command = [sys.executable, "-m", "pytest", "--co", "-q", "-p", "no:cacheprovider", "-p", "no:schemathesis"]
    command += ["--pyargs", package, "--conformance-vendors", str(folder / "vendors.toml")]
    began = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - began


Targets = Callable[[ExitStack, Path], dict[str, str]]


def measure(
    standard: str, package: str, targets: Targets, repeat: int, rewrite: bool = False
) -> tuple[dict[str, list[Sample]], list[float]]:
    """Samples per target (``targets`` starts them on the stack: name -> URL) over ``repeat`` interleaved rounds,
    and start-up times."""
    samples: dict[str, list[Sample]] = {}
    starts: list[float] = []
    with tempfile.TemporaryDirectory() as temp, ExitStack() as stack:
        folder = Path(temp)
        proxies = {name: stack.enter_context(proxied(url, rewrite)) for name, url in targets(stack, folder).items()}
        for _ in range(repeat):
            for name, (url, seen) in proxies.items():
                samples.setdefault(name, []).append(suite_run(folder, standard, url, seen))
            starts.append(startup(folder, package))
    return samples, starts


def report(samples: dict[str, list[Sample]], starts: list[float], repeat: int) -> str:
    """The Markdown table."""
    load, floor = os.getloadavg(), statistics.median(starts)
    lines = [
        f"Median of {repeat} interleaved runs; {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min).",
        "",
        "| target | wall time (CLI) | requests | bare replay of the same requests (yardstick) | ratio | checks' own "
        "time (their requests included) | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, rows in samples.items():
        seconds, own = statistics.median(s.seconds for s in rows), statistics.median(s.checks for s in rows)
        sent, again = statistics.median(s.requests for s in rows), statistics.median(s.replay for s in rows)
        lines.append(
            f"| {name} | {seconds:.2f} s | {sent:.0f} | {again:.2f} s | {seconds / again:.1f}× | {own:.2f} s | "
            f"{own / again:.1f}× |"
        )
    lines += [
        "",
        f"Start-up floor, same run: one process starting pytest and collecting the suite takes {floor:.2f} s; the "
        "CLI pays it once per run, the replay not at all.",
    ]
    return "\n".join(lines)


def with_mapserver(double: Callable[[dict[str, frozenset[str]]], DefectServer], label: str) -> Targets:
    """Targets: a clean tenant of the test double ``double`` and, when installed, MapServer's WMS and WFS."""

    def targets(stack: ExitStack, folder: Path) -> dict[str, str]:
        server = double({"double": frozenset()}).start()
        stack.callback(server.stop)
        found = {label: server.url("double")}
        if mapserver.installed():
            (folder / "mapserver").mkdir()
            found["MapServer 8"] = mapserver.ows_url(stack.enter_context(mapserver.serve(folder / "mapserver")))
        return found

    return targets


def main(doc: str | None, standard: str, package: str, targets: Targets, rewrite: bool = False) -> None:
    """Measure ``standard`` against ``targets`` and print the Markdown section (``rewrite``: see ``proxied``)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else "")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(report(*measure(standard, package, targets, args.repeat, rewrite), args.repeat))
