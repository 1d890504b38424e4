"""A System URL that cannot be read: every OParl check is an error with the reason, nothing passes or fails.

A real server on 127.0.0.1 answers the System URL of each tenant the way a broken or hostile vendor might:
only 429 with an absurd Retry-After, a redirect to a host the vendors file does not declare, an HTML page,
JSON that is no object; one more target points at a closed port.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.suites.test_oparl_support import results_by, run_suite, shared, text, vendors_file

REPLIES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/storm/system": (429, {"Retry-After": "999999999", "Content-Type": "application/json"}, b"{}"),
    "/away/system": (302, {"Location": "http://undeclared.example/system"}, b""),
    "/html/system": (200, {"Content-Type": "text/html"}, b"<html><body>Wartung</body></html>"),
    "/array/system": (200, {"Content-Type": "application/json"}, b"[]"),
}
FAST = {"retries": 1, "max_retry_after": 1, "backoff": 0.1, "test_deadline": 20}


class Broken(BaseHTTPRequestHandler):
    """Answers the System URLs above; everything else 404."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        status, headers, body = REPLIES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(folder: Path) -> list[dict[str, Any]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Broken)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        targets = [{"id": path.split("/")[1], "version": "1.1", "url": base + path, "http": FAST} for path in REPLIES]
        targets.append(
            {"id": "closed", "version": "1.1", "url": f"http://127.0.0.1:{_closed_port()}/system", "http": FAST}
        )
        folder.mkdir(parents=True, exist_ok=True)
        return run_suite(vendors_file(folder / "vendors.toml", targets), folder / "results.jsonl")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict[str, dict[str, Any]]]]:
    yield results_by(shared(tmp_path_factory.getbasetemp(), "oparl-unreadable", _run))


@pytest.mark.parametrize(
    ("vendor", "why"),
    [
        ("storm", "HTTP 429"),
        ("away", "undeclared.example"),
        ("html", "text/html"),
        ("array", "not an object"),
        ("closed", "connection failed"),
    ],
)
def test_every_check_of_an_unreadable_system_is_an_error_with_the_reason(
    results: dict[str, Any], vendor: str, why: str
) -> None:
    mine = results[vendor]
    assert len(mine) > 60
    wrong = {
        key: (r["outcome"], text(r["reason"]))
        for key, r in mine.items()
        if r["outcome"] != "error" or "could not be read" not in text(r["reason"]) or why not in text(r["reason"])
    }
    assert wrong == {}
    assert all(not r["findings"] for r in mine.values())
