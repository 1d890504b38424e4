"""Observations computed once per target and process, by the first check that needs them.

What stopped an observation without a verdict (the target unreachable, its own budget spent, nothing to look at)
is kept too: every later check of that target ends the same way, with the same reason, and nothing is fetched
again. Not kept: the deadline of the check that happened to start an observation without a budget of its own
(the next check starts it again under its own deadline), and any other exception (a fault of the suite: each
check that asks reports it as its own error).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Generic, TypeVar

from conformance.core.evidence import NotApplicable
from conformance.core.harnessmessages import msg
from conformance.core.transport import DeadlineExceeded, ExchangeLog, TargetError

T = TypeVar("T")
KEPT = (TargetError, NotApplicable)


class Lazy(Generic[T]):
    """A value computed on first use under an optional budget of its own, then kept with its failure, if any.

    The budget replaces the deadline of ``log`` (the run's exchange log) while the value is computed.
    """

    def __init__(self, compute: Callable[[], T], budget: float | None = None, log: ExchangeLog | None = None) -> None:
        self.compute = compute
        self.budget = budget
        self.log = log if log is not None else ExchangeLog()
        self.done = False
        self.value: T | None = None
        self.failure: TargetError | NotApplicable | None = None

    def get(self) -> T:
        """The value; the kept failure is raised again for every caller."""
        if not self.done:
            try:
                self.value = self._computed()
            except DeadlineExceeded:
                if self.budget is None:
                    raise
                self.failure = DeadlineExceeded(msg("observe-budget", seconds=f"{self.budget:g}"))
            except KEPT as exc:
                self.failure = exc
            self.done = True
        if self.failure is not None:
            raise self.failure.with_traceback(None)
        return self.value  # type: ignore[return-value]

    def _computed(self) -> T:
        if self.budget is None:
            return self.compute()
        left = self.log.remaining()
        try:
            with self.log.budget(self.budget):
                return self.compute()
        finally:
            if left is not None:
                self.log.deadline = time.monotonic() + left
