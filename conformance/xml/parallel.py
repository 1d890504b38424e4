"""The two Schematron steps of one document on two cores: the first (CEN) stylesheet runs in a helper process.

Saxon runs one transformation per process at a time. So, as soon as the hardened lxml parse has vetted a
document, its bytes go to a helper process (``conformance.xml.helper``), which parses them into Saxon, selects
the scenario with the default selector and runs the scenario's first stylesheet, while this process parses,
selects, checks the XSD and runs the other stylesheets. The helper's SVRL is used only if it ran the same
stylesheet for the same scenario; a helper that died, hangs or is still busy with an earlier document costs a
local run, never a missing or different report. Whether a second core is free is the caller's decision
(``cores``): a worker of a pool that validates an export has none to spare. Starting the helper and compiling its
stylesheet costs about a second, more than a small invoice's whole validation, so only a document of ``COLD_SIZE``
or more starts it; once started (by such a document or by ``helpers().get()``), every document may use it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from multiprocessing.connection import Connection
from typing import Any

from conformance.xml.schematron import Rules

Key = tuple[str, ...]
HEADER = struct.Struct("!QQ")
WAIT_SECONDS = 60.0
WAIT_PER_MIB = 4.0
COLD_SIZE = 4 * 2**20


def worth_it(cores: int) -> bool:
    """Whether a document may use a helper process: the caller grants a second core and the machine has one."""
    return cores > 1 and (os.cpu_count() or 1) > 1


def write_all(fd: int, payload: bytes, timeout: float) -> None:
    """Write all of ``payload`` to a non-blocking pipe; TimeoutError if the reader takes too long."""
    view, deadline, ready = memoryview(payload), time.monotonic() + timeout, select.poll()
    ready.register(fd, select.POLLOUT)
    while view:
        if not ready.poll(max(0, round((deadline - time.monotonic()) * 1000))):
            raise TimeoutError(f"the helper process took no input for {timeout:.0f} s")
        with contextlib.suppress(BlockingIOError):
            view = view[os.write(fd, view) :]


def key(config: str, scenario: str, rule: Rules) -> Key:
    """What the helper's SVRL must have been made for: configuration id, scenario name and stylesheet file."""
    return (config, scenario, str(rule.xslt))


@dataclass
class Helper:
    """A helper process and the two ends of the pipes to it; ``busy`` while an answer is outstanding, ``sent``
    documents sent and ``used`` answers taken."""

    process: subprocess.Popen[bytes]
    answers: Connection
    busy: bool = False
    sent: int = 0
    used: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def start(cls) -> Helper:
        """A fresh helper process (a new interpreter: Saxon's runtime must not be forked)."""
        process = subprocess.Popen(
            [sys.executable, "-m", "conformance.xml.helper"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
            start_new_session=True,
        )
        assert process.stdin is not None and process.stdout is not None
        os.set_blocking(process.stdin.fileno(), False)
        answers = Connection(os.dup(process.stdout.fileno()), writable=False)
        process.stdout.close()
        return cls(process, answers)

    def submit(self, data: bytes, timeout: float) -> int | None:
        """Send a document and return its ticket; None (nothing sent) while the helper works on an earlier one.
        TimeoutError if the helper does not take the document within ``timeout``."""
        with self.lock:
            if self.busy and self.answers.poll(0):
                self.answers.recv()
                self.busy = False
            if self.busy:
                return None
            self.sent += 1
            assert self.process.stdin is not None
            for part in (HEADER.pack(self.sent, len(data)), data):
                write_all(self.process.stdin.fileno(), part, timeout)
            self.busy = True
            return self.sent

    def answer(self, ticket: int, timeout: float) -> tuple[Key | None, str]:
        """The helper's (key, SVRL) for the document with ``ticket`` (no key if another document's answer came);
        TimeoutError if none came within ``timeout``."""
        with self.lock:
            if not self.busy:
                return None, ""
            if not self.answers.poll(timeout):
                raise TimeoutError(f"helper process {self.process.pid} gave no answer within {timeout:.0f} s")
            answered, found, report = self.answers.recv()
            self.busy = False
            return (found, report) if answered == ticket else (None, "")

    def stop(self) -> None:
        """End the helper process (by its own handle) and close the pipes."""
        self.answers.close()
        assert self.process.stdin is not None
        self.process.stdin.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


class Helpers:
    """The helper of this process, started on first use and replaced once it died or hung."""

    def __init__(self) -> None:
        self.current: Helper | None = None
        self.lock = threading.Lock()
        atexit.register(self.drop)

    def get(self) -> Helper:
        """The running helper, started if there is none."""
        with self.lock:
            if self.current is None or self.current.process.poll() is not None:
                self._stop()
                self.current = Helper.start()
            return self.current

    def started(self) -> bool:
        """Whether this process has a helper (alive or to be replaced): only then may a small document use it."""
        return self.current is not None

    def drop(self, helper: Helper | None = None) -> None:
        """Stop ``helper`` (it died or hangs) if it is the current one; with no argument, stop the current one."""
        with self.lock:
            if helper is None or helper is self.current:
                self._stop()

    def _stop(self) -> None:
        helper, self.current = self.current, None
        if helper is not None:
            helper.stop()


@cache
def helpers() -> Helpers:
    """This process's helper holder."""
    return Helpers()


@dataclass(frozen=True)
class Ahead:
    """A document sent to the helper: its first stylesheet's SVRL is being made there."""

    helper: Helper
    ticket: int
    size: int

    def svrl(self, wanted: Key, rule: Rules, node: Any) -> str:
        """The helper's SVRL if it ran ``rule`` for the same scenario, else ``rule`` run here."""
        try:
            found, report = self.helper.answer(self.ticket, wait(self.size))
        except (OSError, EOFError, TimeoutError):
            helpers().drop(self.helper)
            return rule.run(node)
        if found != wanted:
            return rule.run(node)
        self.helper.used += 1
        return report


def send_ahead(data: bytes, cores: int) -> Ahead | None:
    """Hand a vetted document to the helper, if ``cores`` allows one and the helper is free; else None."""
    if not worth_it(cores) or not (len(data) >= COLD_SIZE or helpers().started()):
        return None
    helper = helpers().get()
    try:
        ticket = helper.submit(data, wait(len(data)))
    except (OSError, EOFError, TimeoutError):
        helpers().drop(helper)
        return None
    return Ahead(helper, ticket, len(data)) if ticket is not None else None


def wait(size: int) -> float:
    """The longest wait, in seconds, for the helper to take or answer a document of ``size`` bytes."""
    return WAIT_SECONDS + WAIT_PER_MIB * size / 2**20


def run_all(rules: Sequence[Rules], node: Any, ahead: Ahead | None, first: Key) -> list[str]:
    """The SVRL of every stylesheet: the later ones here, the first from the helper if it made it for ``first``."""
    if not rules:
        return []
    later = [r.run(node) for r in rules[1:]]
    return [ahead.svrl(first, rules[0], node) if ahead is not None else rules[0].run(node), *later]
