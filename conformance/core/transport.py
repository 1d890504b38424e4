"""What ends a request without a verdict (the error types) and what a test's requests leave behind (the log).

Kept apart from :mod:`conformance.core.http` so that suites and the plugin can name them without the client.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from conformance.core.evidence import Exchange, as_message
from conformance.core.harnessmessages import msg
from conformance.core.messages import Message


class TargetError(Exception):
    """No verdict could be reached for this request (the outcome is error, never fail); the message says why."""

    timed_out = False

    def __init__(self, message: str | Message = "") -> None:
        super().__init__(message)

    @property
    def message(self) -> Message:
        """Why, as a message (a plain text as a legacy one)."""
        return as_message(self.args[0] if self.args else "")


class TargetUnreachable(TargetError):
    """Connection refused, DNS failure, TLS failure or a read timeout after all retries; also a target whose entry
    point gives nothing to judge (the message, a suite's, says why)."""

    def __init__(self, message: str | Message, connection_failed: bool = False, timed_out: bool = False) -> None:
        super().__init__(message)
        self.connection_failed = connection_failed
        self.timed_out = timed_out


class DeadlineExceeded(TargetError):
    """The per-test deadline ran out (``timed_out``: during an exchange, not while waiting to send one)."""

    def __init__(self, message: str | Message, timed_out: bool = True) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class TargetStopped(TargetError):
    """The target timed out ``max_timeouts`` times in this run; its remaining requests and checks end at once."""


class ResponseTooLarge(TargetError):
    """The response body exceeded the configured size cap."""


class RateLimited(TargetError):
    """The server kept answering 429, or asked to wait longer than ``max_retry_after``: no verdict on that."""


class ForeignHost(TargetError):
    """A URL points at a host the vendor did not declare; it is reported, never contacted."""


class TooManyRedirects(TargetError):
    """More redirects than allowed."""


@dataclass
class ExchangeLog:
    """The exchanges of the running test and its deadline: one per run, held by the run's sessions; the plugin
    resets it at each test start."""

    exchanges: list[Exchange] = field(default_factory=list)
    deadline: float | None = None
    requests_sent: int = 0

    def start(self, seconds: float | None) -> None:
        """Begin a new test: forget earlier exchanges and set the deadline."""
        self.exchanges = []
        self.deadline = time.monotonic() + seconds if seconds else None

    @contextmanager
    def budget(self, seconds: float) -> Iterator[None]:
        """Work shared by many checks (a crawl, a validation) runs under its own deadline, then the test's resumes."""
        saved = self.deadline
        self.deadline = time.monotonic() + seconds
        try:
            yield
        finally:
            self.deadline = saved

    def remaining(self) -> float | None:
        """Seconds left before the deadline, or None without one."""
        return None if self.deadline is None else self.deadline - time.monotonic()


class TargetHealth:
    """What one target's earlier requests in this run showed: hosts that refused connections, timeouts so far."""

    def __init__(self, max_timeouts: int) -> None:
        self.max_timeouts = max_timeouts
        self.timeouts = 0
        self.down: dict[str, Message] = {}
        self.lock = threading.Lock()

    def check(self) -> None:
        """Refuse at once when the target stopped answering (the same reason for every check, so reports group it)."""
        if self.max_timeouts and self.timeouts >= self.max_timeouts:
            raise TargetStopped(msg("stopped", count=self.max_timeouts))

    def failed(self, error: TargetError) -> None:
        """Count a request that ended in a timeout."""
        if error.timed_out:
            with self.lock:
                self.timeouts += 1
