"""What ends a request without a verdict (the error types) and what a test's requests leave behind (the log).

Kept apart from :mod:`conformance.core.http` so that suites and the plugin can name them without the client.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from conformance.core.evidence import Exchange


class TargetError(Exception):
    """No verdict could be reached for this request (the outcome is error, never fail)."""


class TargetUnreachable(TargetError):
    """Connection refused, DNS failure, TLS failure or a read timeout after all retries."""

    def __init__(self, message: str, connection_failed: bool = False) -> None:
        super().__init__(message)
        self.connection_failed = connection_failed


class DeadlineExceeded(TargetError):
    """The per-test deadline ran out."""


class ResponseTooLarge(TargetError):
    """The response body exceeded the configured size cap."""


class ForeignHost(TargetError):
    """A URL points at a host the vendor did not declare; it is reported, never contacted."""


class TooManyRedirects(TargetError):
    """More redirects than allowed."""


@dataclass
class ExchangeLog:
    """The exchanges of the running test and its deadline; reset by the plugin at each test start."""

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


LOG = ExchangeLog()
