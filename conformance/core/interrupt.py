"""SIGINT and SIGTERM as an orderly stop: the run is marked interrupted, never finished, and never exits 0.

While installed, either signal raises ``Interrupted`` (a ``KeyboardInterrupt``, so pytest ends the session the way
it does on Ctrl-C) in the main thread. Inside a ``critical()`` block (writing one results record or a header) the
signal is held back until the block ends, so no record is torn. The first signal is remembered: the CLI exits with
128 + its number and, where the platform allows, ends by that signal after cleaning up, as a shell expects.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

HANDLED = (signal.SIGINT, signal.SIGTERM)
OFFSET = 128


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived; ``signum`` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Signals:
    """The process's SIGINT/SIGTERM handling: install, hold back in critical blocks, remember the first signal."""

    def __init__(self) -> None:
        self.received: int | None = None
        self.saved: dict[int, Any] = {}
        self.depth = 0
        self.pending: int | None = None

    def install(self) -> bool:
        """Take over both signals (main thread only); False if already installed or not possible here."""
        if self.saved or threading.current_thread() is not threading.main_thread():
            return False
        self.saved = {s: signal.signal(s, self._handle) for s in HANDLED}
        return True

    def restore(self) -> None:
        """Give both signals back to their previous handlers."""
        for signum, previous in self.saved.items():
            signal.signal(signum, previous)
        self.saved = {}

    @contextmanager
    def installed(self) -> Iterator[Signals]:
        """Installed for the duration of a with-block (a no-op if an outer block installed them)."""
        mine = self.install()
        try:
            yield self
        finally:
            if mine:
                self.restore()

    @contextmanager
    def critical(self) -> Iterator[None]:
        """A block a signal must not cut in half; a signal that arrives inside is raised when it ends."""
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if self.depth == 0 and self.pending is not None:
                signum, self.pending = self.pending, None
                raise Interrupted(signum)

    def name(self) -> str:
        """The first signal's name (e.g. ``SIGTERM``), or an empty string."""
        return signal.Signals(self.received).name if self.received else ""

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signum
        if self.depth:
            self.pending = signum
            return
        raise Interrupted(signum)


SIGNALS = Signals()


def exit_code(signum: int) -> int:
    """The exit code of a run the signal interrupted: 130 for SIGINT, 143 for SIGTERM."""
    return OFFSET + signum


class SignalExit:
    """Ends the process by the signal an exit code of 128 + N stands for, after every other exit handler.

    A shell then sees that the program was stopped (a script loop stops on Ctrl-C, as it does for any program)
    and reports the same status, 128 + N. ``arm()`` runs first, before anything registers its own clean-up,
    since exit handlers run in reverse order; on Windows the exit code stays as it is.
    """

    def __init__(self) -> None:
        self.signum: int | None = None

    def arm(self) -> None:
        """Register the final exit handler (call once, early)."""
        atexit.register(self._again)

    def use(self, code: int) -> None:
        """End by the signal behind ``code`` if it is 130 or 143."""
        if code - OFFSET in HANDLED:
            self.signum = code - OFFSET

    def _again(self) -> None:
        if self.signum is None or os.name == "nt":
            return
        sys.stdout.flush()
        sys.stderr.flush()
        signal.signal(self.signum, signal.SIG_DFL)
        os.kill(os.getpid(), self.signum)


SIGNAL_EXIT = SignalExit()
