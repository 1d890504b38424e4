"""Start a real server as a child process on 127.0.0.1, wait until it answers, and stop it by its PID.

Shared by the fixtures of every real target (pygeoapi, MapServer, ...). Only this process's own children are
ever signalled: SIGTERM to the PID, then SIGKILL if it does not exit in time. On Linux a server also gets
SIGTERM when the process that started it dies (setpriv --pdeathsig), so a killed run leaves no server behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

LOCALHOST = "127.0.0.1"
TARGETS = Path(__file__).resolve().parents[2] / ".targets"


class ServerFailed(RuntimeError):
    """The server exited or did not answer in time; the message carries the end of its log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOCALHOST, 0))
        return int(sock.getsockname()[1])


def log_tail(log: Path, lines: int = 30) -> str:
    """The last lines of a server log (empty if there is none)."""
    if not log.exists():
        return ""
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def answers(url: str, timeout: float = 2.0) -> bool:
    """True if a GET to the URL returns HTTP 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def wait_ready(
    process: subprocess.Popen[bytes],
    url: str,
    log: Path,
    timeout: float = 30.0,
    probe: Callable[[], bool] | None = None,
) -> None:
    """Poll the URL until it returns 200 (or ``probe`` until it is true); fail early if the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"server exited with code {process.returncode}:\n{log_tail(log)}")
        if probe() if probe is not None else answers(url):
            return
        time.sleep(0.1)
    raise ServerFailed(f"{url} did not answer 200 within {timeout:.0f} s:\n{log_tail(log)}")


def stop(process: subprocess.Popen[bytes], grace: float = 10.0, first: int = signal.SIGTERM) -> None:
    """``first`` (SIGTERM) to the PID, then SIGKILL if it is still running after the grace period."""
    if process.poll() is not None:
        return
    os.kill(process.pid, first)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=grace)


def installed_venv(variable: str, name: str, *executables: str) -> Path | None:
    """The virtualenv named by $variable or .targets/<name>, if it has all the executables in its bin/."""
    folder = Path(os.environ.get(variable) or TARGETS / name)
    return folder if all((folder / "bin" / e).exists() for e in executables) else None


def gunicorn(venv: Path, port: int, workdir: Path, app: str, workers: int = 2) -> list[str]:
    """The argv of a gunicorn from ``venv`` serving ``app`` on 127.0.0.1 with its own control socket in ``workdir``."""
    return [
        str(venv / "bin" / "gunicorn"),
        "-w",
        str(workers),
        "-b",
        f"{LOCALHOST}:{port}",
        "--control-socket",
        str(workdir / "gunicorn.ctl"),
        app,
    ]


def as_user(user: str | None) -> list[str]:
    """The setpriv (util-linux) prefix that runs a command as ``user``; empty when no user is asked for."""
    return ["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups"] if user else []


def _with_parent(argv: Sequence[str], user: str | None = None) -> list[str]:
    """The command, run by setpriv so that it gets SIGTERM when its parent dies (and as ``user``, if given)."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return list(argv)
    return [setpriv, *as_user(user)[1:], "--pdeathsig", "TERM", "--", *argv]


@contextmanager
def running(
    argv: Sequence[str],
    ready_url: str,
    log: Path,
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 30.0,
    probe: Callable[[], bool] | None = None,
    stop_signal: int = signal.SIGTERM,
    user: str | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run the command as a child process until the block ends; its output goes to ``log``.

    Ready when ``ready_url`` answers 200, or, for servers that do not speak HTTP, when ``probe()`` is true (the
    URL then only names the server in messages). The server is stopped with ``stop_signal``, then SIGKILL.
    With ``user`` (only as root) the command runs as that user.
    """
    with log.open("ab") as out:
        process = subprocess.Popen(
            _with_parent(argv, user),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=dict(env) if env is not None else None,
            cwd=cwd,
        )
    try:
        wait_ready(process, ready_url, log, timeout, probe)
        yield process
    finally:
        stop(process, first=stop_signal)
