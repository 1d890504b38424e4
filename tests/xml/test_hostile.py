"""Hostile XML: every attack ends in a clear finding or refusal, reads no file, sends no request, stays small.

Each path (tree parse, streaming parse, export validation, ``conformance validate``) runs in a child
process whose peak RSS is measured; a 127.0.0.1 listener records any request, a FIFO tripwire records
any attempt to open the local "secret".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest

from tests.samples import xdomea as samples

MAX_GROWTH_KB = 64 * 1024
MARKER = "SECRET-7f3a9c"
LISTENER = """
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(sys.argv[2], "a") as log: log.write(self.path + "\\n")
        body = b"<!ENTITY leak 'x'>LEAK-BODY"
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(server.server_address[1]))
server.serve_forever()
"""
PROBE = """
import json, resource, sys
from pathlib import Path
from conformance.core.xmlsafe import XMLRejected, parse_file
from conformance.xml.stream import records_pass
from conformance.xml.exports import validate_export
class Visitor:
    def record(self, element, xpath): return []
    def finish(self, root): return []
def tree(path):
    try:
        root = parse_file(path).getroot()
        xi = list(root.iter("{http://www.w3.org/2001/XInclude}include"))
        return {"ok": True, "text": "".join(root.itertext()), "xinclude": [len(e) + len(e.text or "") for e in xi]}
    except XMLRejected as exc:
        return {"kind": exc.kind, "message": str(exc)}
def stream(path):
    result = records_pass(lambda: open(path, "rb"), Visitor())
    return {"findings": [f.to_json() for f in result.findings], "bytes": result.bytes_read}
def export(path):
    [report] = validate_export([str(path)], "xdomea-3.0.0", workers=1)
    return report.to_json()
mode, warmup, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
{"tree": tree, "stream": stream, "export": export}[mode](Path(warmup))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for name in paths:
    started = __import__("time").monotonic()
    out = {"tree": tree, "stream": stream, "export": export}[mode](Path(name))
    out.update(file=Path(name).name, growth_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base,
               seconds=__import__("time").monotonic() - started)
    print(json.dumps(out))
"""


def _documents(port: int, secret: Path, fifo: Path) -> dict[str, bytes]:
    web = f"http://127.0.0.1:{port}"
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    message = samples.repaired("Anbieteverzeichnis.0501").decode()
    xinclude = message.replace(
        "<xdomea:Hinweis>",
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        f'href="{secret.as_uri()}" parse="text"/><xi:include xmlns:xi="http://www.w3.org/2001/'
        f'XInclude" href="{web}/xinclude" parse="text"/><xdomea:Hinweis>',
        1,
    )
    location = message.replace(
        "http://xdomea.de/schemata/300/xdomea-Nachrichten-AussonderungDurchfuehren.xsd",
        f'{web}/evil.xsd" xsi:noNamespaceSchemaLocation="{web}/other.xsd',
    )
    late = "<!--" + " " * 70_000 + "-->"
    return {
        "laughs-late.xml": f'{late}<!DOCTYPE r [<!ENTITY l0 "lol">{lol}]><r>&l9;</r>'.encode(),
        "xxe-fifo-late.xml": f'{late}<!DOCTYPE r [<!ENTITY s SYSTEM "{fifo.as_uri()}">]><r>&s;</r>'.encode(),
        "laughs.xml": f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{lol}]><r>&l9;</r>'.encode(),
        "quadratic.xml": (f'<!DOCTYPE r [<!ENTITY a "{"x" * 100_000}">]><r>' + "&a;" * 100_000 + "</r>").encode(),
        "xxe-file.xml": f'<!DOCTYPE r [<!ENTITY s SYSTEM "{secret.as_uri()}">]><r>&s;</r>'.encode(),
        "xxe-fifo.xml": f'<!DOCTYPE r [<!ENTITY s SYSTEM "{fifo.as_uri()}">]><r>&s;</r>'.encode(),
        "xxe-http.xml": f'<!DOCTYPE r [<!ENTITY s SYSTEM "{web}/xxe">]><r>&s;</r>'.encode(),
        "dtd-external.xml": f'<?xml version="1.0"?>\n<!-- a comment -->\n<!DOCTYPE r SYSTEM "{web}/dtd"><r/>'.encode(),
        "dtd-parameter.xml": f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{web}/pe"> %p;]><r>&leak;</r>'.encode(),
        "utf16-dtd.xml": f'<!DOCTYPE r SYSTEM "{web}/dtd16"><r/>'.encode("utf-16"),
        "xinclude.xml": xinclude.encode(),
        "schemalocation.xml": location.encode(),
        "bad-utf8.xml": message.replace("Betreff (Testdaten)", "Betreff \udcff", 1).encode("utf-8", "surrogateescape"),
    }


LATE_CASES = ("laughs-late", "xxe-fifo-late")
DTD_CASES = ("laughs", "quadratic", "xxe-file", "xxe-fifo", "xxe-http", "dtd-external", "dtd-parameter", "utf16-dtd")


@pytest.fixture(scope="module")
def listener(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    with _listen(tmp_path_factory.mktemp("listener")) as found:
        yield found


@contextmanager
def _listen(folder: Path) -> Iterator[tuple[int, Path]]:
    port_file, log = folder / "port", folder / "requests.log"
    log.write_text("")
    child = subprocess.Popen([sys.executable, "-c", LISTENER, str(port_file), str(log)])
    deadline = time.monotonic() + 20
    while not (port_file.exists() and port_file.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield int(port_file.read_text()), log
    finally:
        child.terminate()
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()


class Tripwire:
    """A FIFO whose opening by any reader is noticed (and never blocks the reader for long)."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.path, self.tripped, self.closing = path, threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._wait, daemon=True)
        self.thread.start()

    def _wait(self) -> None:
        with self.path.open("wb") as pipe:
            if not self.closing.is_set():
                self.tripped.set()
                pipe.write(MARKER.encode())

    def close(self) -> None:
        self.closing.set()
        os.close(os.open(self.path, os.O_RDONLY | os.O_NONBLOCK))
        self.thread.join(5)


@pytest.fixture(scope="module")
def hostile(listener: tuple[int, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("hostile")
    secret = folder / "secret.txt"
    secret.write_text(MARKER)
    wire = Tripwire(folder / "secret.fifo")
    docs = folder / "docs"
    docs.mkdir()
    (folder / "benign.xml").write_bytes(samples.repaired("Anbieteverzeichnis.0501"))
    for name, data in _documents(listener[0], secret, wire.path).items():
        (docs / name).write_bytes(data)
    yield docs
    wire.close()
    assert not wire.tripped.is_set(), "a parser opened the local file behind an external reference"
    assert listener[1].read_text() == "", f"requests reached the network: {listener[1].read_text()}"


def _probe(mode: str, folder: Path) -> dict[str, dict[str, Any]]:
    files = [folder.parent / "benign.xml", *sorted(folder.iterdir())]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode, *map(str, files)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert MARKER not in done.stdout and "LEAK-BODY" not in done.stdout
    results = {Path(r["file"]).stem: r for r in map(json.loads, done.stdout.splitlines())}
    assert all(r["growth_kb"] < MAX_GROWTH_KB for r in results.values()), results
    return results


def test_the_tree_parser_refuses_every_dtd_and_never_resolves(hostile: Path) -> None:
    results = _probe("tree", hostile)
    assert {name: results[name]["kind"] for name in DTD_CASES} == dict.fromkeys(DTD_CASES, "dtd-forbidden")
    assert {results[name]["kind"] for name in LATE_CASES} <= {"dtd-forbidden", "too-large"}
    assert results["bad-utf8"]["kind"] == "bad-encoding" and "line 172" in results["bad-utf8"]["message"]
    assert results["xinclude"]["ok"] and results["xinclude"]["xinclude"] == [0, 0]
    assert results["schemalocation"]["ok"]


def test_the_streaming_parser_refuses_them_the_same_way(hostile: Path) -> None:
    results = _probe("stream", hostile)
    for name in (*DTD_CASES, *LATE_CASES, "bad-utf8"):
        [finding] = results[name]["findings"]
        assert finding["severity"] == "fatal" and finding["source"] == "parse", name
    assert all("DTD" in results[name]["findings"][0]["message"] for name in DTD_CASES)
    assert "bad-encoding" in results["bad-utf8"]["findings"][0]["message"]
    assert results["xinclude"]["findings"] == results["schemalocation"]["findings"] == []


def test_export_validation_rejects_each_with_a_clear_finding(hostile: Path) -> None:
    results = _probe("export", hostile)
    assert [name for name, r in results.items() if r["accepted"]] == ["schemalocation"]
    for name in (*DTD_CASES, *LATE_CASES, "bad-utf8"):
        assert results[name]["findings"][0]["rule"] == "XML" and not results[name]["valid"], name
    xsd = [f["message"] for f in results["xinclude"]["findings"] if f["rule"] == "XSD"]
    assert xsd and "XInclude" in xsd[0]
    hints = {(f["rule"], f["severity"]) for f in results["schemalocation"]["findings"]}
    assert ("XDOMEA-SCHEMALOCATION", "information") in hints and results["schemalocation"]["valid"]


def test_the_detectors_notice_a_read_and_a_request(tmp_path: Path) -> None:
    wire = Tripwire(tmp_path / "bait.fifo")
    read = subprocess.run(["cat", str(wire.path)], capture_output=True, timeout=10, check=True)
    assert read.stdout == MARKER.encode()
    wire.close()
    assert wire.tripped.is_set()
    with _listen(tmp_path) as (port, log):
        urlopen(f"http://127.0.0.1:{port}/probe", timeout=10).read()
        assert log.read_text() == "/probe\n"


def test_the_validate_command_rejects_them_all(hostile: Path) -> None:
    command = [sys.executable, "-m", "conformance", "validate", "--format", "json", "--standard", "xdomea-3.0.0"]
    done = subprocess.run([*command, str(hostile)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr
    assert MARKER not in done.stdout + done.stderr and "LEAK-BODY" not in done.stdout
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    accepted = [Path(line["file"]).name for line in lines if line["accepted"]]
    assert len(lines) == len(list(hostile.iterdir())) and accepted == ["schemalocation.xml"]
