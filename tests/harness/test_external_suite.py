"""A suite from outside the tree: README's example package, installed into a fresh virtual environment beside
wechselbar, runs through ``conformance list``, ``run`` (two workers), ``run --resume``, ``report`` and the German
report; its items have stable ids and its findings its own message codes.

The fresh environment has no pip of its own: it reaches wechselbar and its dependencies through the test
environment's site-packages (a ``.pth`` line), so nothing is downloaded; the example is built and installed
with ``pip --no-deps --no-build-isolation --no-index``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import sysconfig
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conformance.core.results import read_run, write_run

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow
ID = "musterstadt-gewerbe-1"
ANTRAEGE = {"good": [{"id": "A-1"}, {"id": "A-2"}], "bad": [{"id": "A-1"}, {"nr": 2}, {"id": 3}], "empty": []}


def readme_files() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"File `([^`]+)`:\n\n```\w*\n(.*?)\n```", text, flags=re.S))


class City(BaseHTTPRequestHandler):
    """/<vendor>/health and /<vendor>/antraege of three fictional vendors; "bad" is also down for health."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        vendor, _, rest = self.path.strip("/").partition("/")
        status, body = (503, {}) if (vendor, rest) == ("bad", "health") else (200, {"status": "ok"})
        if rest == "antraege":
            status, body = 200, ANTRAEGE.get(vendor, [])
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def city() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), City)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with README's example installed into it (and wechselbar beside it)."""
    folder = tmp_path_factory.mktemp("external")
    for name, text in readme_files().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text + "\n", encoding="utf-8")
    env = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True, timeout=120)
    purelib = Path(
        subprocess.run(
            [str(env / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (purelib / "beside-wechselbar.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n", encoding="utf-8"
    )
    installed = subprocess.run(
        [
            str(env / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            str(folder / "musterstadt-gewerbe"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return env


def conformance(venv: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(venv / "bin" / "python"), "-m", "conformance", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def ran(venv: Path, city: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    folder = venv.parent
    (folder / "vendors.toml").write_text(
        "".join(
            f'[[vendors]]\nid = "{v}"\nname = "{v}"\nversion = "1"\n[[vendors.targets]]\nstandard = "{ID}"\n'
            f'url = "{city}/{v}"\n'
            for v in ANTRAEGE
        ),
        encoding="utf-8",
    )
    done = conformance(
        venv, folder, "run", "--vendors", "vendors.toml", "--out", "out", "--quiet", "--lang", "en", "--workers", "2"
    )
    return folder, done


def records(folder: Path) -> dict[str, dict[str, Any]]:
    return {r.test_id: r.to_json() for r in read_run(folder / "out" / "results.jsonl").results}


def test_the_installed_suite_is_listed(venv: Path) -> None:
    listed = conformance(venv, venv.parent, "list", "--standard", ID)
    assert listed.returncode == 0, listed.stderr
    assert "https://musterstadt.example/spec/gewerbe-api/1.0/req/antrag-id" in listed.stdout


def test_the_installed_suite_runs_on_two_workers(ran: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    folder, done = ran
    assert done.returncode == 1, done.stdout + done.stderr
    got = {test_id: r["outcome"] for test_id, r in records(folder).items()}
    assert got == {
        f"{ID}::health[good]": "pass",
        f"{ID}::antrag-id[good]": "pass",
        f"{ID}::health[bad]": "fail",
        f"{ID}::antrag-id[bad]": "fail",
        f"{ID}::health[empty]": "pass",
        f"{ID}::antrag-id[empty]": "not_applicable",
    }
    bad = records(folder)[f"{ID}::antrag-id[bad]"]
    assert [(v["code"], v["params"]) for v in bad["findings"]] == [
        ("mg.no-id", {"index": 1}),
        ("mg.no-id", {"index": 2}),
    ]
    assert bad["examined"][0]["count"] == 3 and bad["revision"] == 1
    empty = records(folder)[f"{ID}::antrag-id[empty]"]
    assert empty["reason"]["text"] == "nothing examined: looked for Anträge listed by GET /antraege"


def test_reports_in_english_and_german(venv: Path, ran: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    folder, _ = ran
    for lang, words in (
        ("en", ("Gewerbe API of Musterstadt", "not applicable")),
        ("de", ("Gewerbe-API der Stadt Musterstadt", "nicht anwendbar")),
    ):
        target = folder / f"matrix-{lang}.html"
        done = conformance(venv, folder, "report", "out/results.jsonl", "--lang", lang, "-o", str(target))
        assert done.returncode == 0, done.stderr
        html = target.read_text(encoding="utf-8")
        assert all(word in html for word in words), lang


def test_an_interrupted_run_resumes_with_the_same_ids(venv: Path, ran: tuple[Path, Any]) -> None:
    folder, _ = ran
    reference = read_run(folder / "out" / "results.jsonl")
    half = replace(reference, header=replace(reference.header, finished=None), results=reference.results[:3])
    write_run(folder / "resumed" / "results.jsonl", half)
    done = conformance(venv, folder, "run", "--vendors", "vendors.toml", "--out", "resumed", "--quiet", "--resume")
    assert done.returncode == 1, done.stdout + done.stderr
    again = {r.test_id: r.outcome for r in read_run(folder / "resumed" / "results.jsonl").results}
    assert again == {r.test_id: r.outcome for r in reference.results}
