"""Running ``conformance run`` as a child process against hostile vendors, and reading what it left behind."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_plus

from conformance.core.results import ResultsFile, read_run

SETTINGS = {
    "connect_timeout": 1,
    "read_timeout": 2,
    "test_deadline": 4,
    "retries": 1,
    "backoff": 0.1,
    "max_retry_after": 1,
    "max_timeouts": 2,
    "max_response_bytes": 4 * 1024**2,
}
SAFETY_NET = 900


@dataclass(frozen=True)
class Finished:
    """A finished run: exit code, terminal output, results, the files it wrote and the child's peak RSS (KiB)."""

    code: int
    output: str
    run: ResultsFile
    files: tuple[Path, ...]
    peak_kb: int


def toml(value: object) -> str:
    """A TOML value (strings, numbers, booleans, lists and inline tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def vendor(
    vid: str,
    standard: str,
    url: str,
    http: dict[str, object],
    auth: dict[str, str] | None = None,
    options: dict[str, object] | None = None,
) -> str:
    """One vendor with one target, as a vendors-file fragment."""
    lines = ["[[vendors]]", f'id = "{vid}"', f'name = "{vid}"', 'version = "1"', f"http = {toml(http)}"]
    if auth:
        lines.append(f"auth = {toml(auth)}")
    lines += ["[[vendors.targets]]", f'standard = "{standard}"', f"url = {toml(url)}"]
    if options:
        lines.append(f"options = {toml(options)}")
    return "\n".join(lines) + "\n\n"


def run_cli(folder: Path, vendors: str, env: dict[str, str] | None = None, *extra: str) -> Finished:
    """``python -m conformance run`` on a vendors file in ``folder``; its peak RSS from wait4."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vendors.toml").write_text(vendors, encoding="utf-8")
    for name in ("tmp", "cache"):
        (folder / name).mkdir(exist_ok=True)
    own = {"TMPDIR": str(folder / "tmp"), "WECHSELBAR_CACHE": str(folder / "cache")}
    argv = [sys.executable, "-m", "conformance", "run", "--vendors", "vendors.toml", "--out", "out", "--quiet", *extra]
    with tempfile.TemporaryFile("w+") as output:
        child = subprocess.Popen(
            argv,
            cwd=folder,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, **own, **(env or {})},
        )
        status, usage = _wait(child)
        output.seek(0)
        text = output.read()
    results = folder / "out" / "results.jsonl"
    assert results.exists(), f"the run wrote no results file:\n{text[-3000:]}"
    run = read_run(results)
    files = tuple(p for p in sorted(folder.rglob("*")) if p.is_file())
    return Finished(os.waitstatus_to_exitcode(status), text, run, files, usage.ru_maxrss)


def secret_forms(user: str, password: str, token: str) -> dict[str, bytes]:
    """Every form in which a secret could leak: raw, URL- and form-encoded, and Basic auth's base64."""
    basic = base64.b64encode(f"{user}:{password}".encode()).decode()
    forms = {}
    for name, secret in (
        ("password", password),
        ("token", token),
        ("user:password", f"{user}:{password}"),
        ("basic base64", basic),
    ):
        encoded = (("raw", secret), ("url-encoded", quote(secret, safe="")), ("form-encoded", quote_plus(secret)))
        forms.update({f"{name} {how}": text.encode() for how, text in encoded})
    return forms


def leaks(files: tuple[Path, ...], forms: dict[str, bytes], root: Path) -> list[tuple[str, str]]:
    """(file, form) for every secret form found in any file."""
    found = []
    for path in files:
        data = path.read_bytes()
        found += [(str(path.relative_to(root)), name) for name, form in forms.items() if form in data]
    return found


def _wait(child: subprocess.Popen[str]) -> tuple[int, os.struct_rusage]:
    started = time.monotonic()
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            return status, usage
        if time.monotonic() - started > SAFETY_NET:
            child.kill()
            raise AssertionError(f"the run had not ended after {SAFETY_NET} s")
        time.sleep(0.1)
