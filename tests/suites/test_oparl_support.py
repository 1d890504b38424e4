"""Helpers for the OParl tests (no tests here): the test double as a child process, suite runs, sharing."""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import signal
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from conformance.demo.oparl_defects import DEFECTS

ROOT = Path(__file__).resolve().parents[2]


def defect_tenants(size: int = 250, page_size: int = 10) -> list[dict[str, Any]]:
    """One tenant per defect and version, named <defect>-<11|10>."""
    return [
        {
            "name": f"{d.name}-{v.replace('.', '')}",
            "version": v,
            "defects": [d.name],
            "size": d.size or size,
            "page_size": page_size,
        }
        for d in DEFECTS.values()
        for v in d.versions
    ]


@contextmanager
def double(folder: Path, tenants: list[dict[str, Any]], *extra: str) -> Iterator[dict[str, Any]]:
    """Start the OParl test double as a child process; yield its port and System URLs; stop it by PID."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = folder / "tenants.json"
    spec.write_text(json.dumps(tenants), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "conformance.demo.oparl_server", "--tenants-file", str(spec), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield _ready(process)
    finally:
        _stop(process)


def _ready(process: subprocess.Popen[str]) -> dict[str, Any]:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 120)
    line = process.stdout.readline() if ready else ""
    if not line:
        process.kill()
        raise RuntimeError(f"the OParl test double did not start: {process.stderr.read() if process.stderr else ''}")
    return dict(json.loads(line))


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


class _RedirectServer(ThreadingHTTPServer):
    """An HTTP server that knows the base URL its handler redirects to."""

    location = ""


class _Redirect(BaseHTTPRequestHandler):
    """Answers every GET with 301 to the same path under the server's ``location`` (a plain-HTTP base URL)."""

    server: _RedirectServer

    def do_GET(self) -> None:
        self.send_response(301)
        self.send_header("Location", self.server.location + self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def downgrading(tls: tuple[str, str], location: str) -> Iterator[str]:
    """An HTTPS server on 127.0.0.1 that redirects every path to ``location`` + path; yields its base URL."""
    server = _RedirectServer(("127.0.0.1", 0), _Redirect)
    server.location = location.rstrip("/")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*tls)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def vendors_file(path: Path, targets: list[dict[str, Any]]) -> Path:
    """A TOML vendors file: one vendor per target {id, version, url, options?, ca_bundle?, http?, auth?}."""
    blocks = []
    for item in targets:
        block = [f'[[vendors]]\nid = "{item["id"]}"\nname = "{item["id"]} (OParl test double)"\nversion = "1"']
        if item.get("auth"):
            block.append("auth = { " + ", ".join(f"{k} = {json.dumps(v)}" for k, v in item["auth"].items()) + " }")
        http = {**item.get("http", {}), **({"ca_bundle": item["ca_bundle"]} if item.get("ca_bundle") else {})}
        if http:
            block.append("[vendors.http]\n" + "\n".join(f"{k} = {json.dumps(v)}" for k, v in http.items()))
        block.append(f'[[vendors.targets]]\nstandard = "oparl-{item["version"]}"\nurl = "{item["url"]}"')
        if item.get("options"):
            block.append(
                "[vendors.targets.options]\n" + "\n".join(f"{k} = {json.dumps(v)}" for k, v in item["options"].items())
            )
        blocks.append("\n".join(block))
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


def run_suite(vendors: Path, results: Path, *extra: str, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Run the OParl suite through the plugin in a child pytest; return the records of the results file."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:xdist",
        "--pyargs",
        "conformance.suites.oparl",
        "--conformance-vendors",
        str(vendors),
        "--conformance-results",
        str(results),
        *extra,
    ]
    done = subprocess.run(
        command, check=False, cwd=ROOT, capture_output=True, text=True, timeout=900, env={**os.environ, **(env or {})}
    )
    if done.returncode not in (0, 1) or not results.exists():
        raise RuntimeError(f"suite run failed ({done.returncode}): {done.stdout[-3000:]}{done.stderr[-3000:]}")
    return [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines() if line.strip()]


def text(message: dict[str, Any] | None) -> str:
    """The English text of a stored message (a reason, note or finding); "" for none."""
    return str(message["text"]) if message else ""


def texts(messages: list[dict[str, Any]]) -> list[str]:
    """The English texts of stored messages."""
    return [text(m) for m in messages]


def results_by(records: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """vendor → rule key (the end of the requirement id) → result record."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for record in records:
        if record.get("record") == "result":
            out.setdefault(record["vendor"], {})[record["requirement"].rsplit("/", 1)[1]] = record
    return out


def shared(base: Path, name: str, compute: Callable[[Path], Any]) -> Any:
    """Compute once per test session, even across xdist workers (a file lock guards a JSON result)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = base / name
        return compute(folder)
    root = base.parent / f"shared-{name}"
    root.mkdir(exist_ok=True)
    with (root / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = root / "result.json"
        if not done.exists():
            work = root / "work"
            shutil.rmtree(work, ignore_errors=True)
            done.write_text(json.dumps(compute(work)), encoding="utf-8")
        return json.loads(done.read_text(encoding="utf-8"))
