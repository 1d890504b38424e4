"""A gated features test double: requests wait at a gate the test closes, so a signal lands at a known point.

The gate closes by itself on the first request made once the results file holds ``after`` records (0: the very
first request); the test waits for ``blocked``, sends its signal, and opens the gate again. Nothing depends on
timing: the run cannot get past the gate until the test has sent the signal.
"""

from __future__ import annotations

import threading
from pathlib import Path

from conformance.demo.features_handler import Handler
from conformance.demo.features_server import FeaturesTestServer

WAIT = 300.0


class Gate:
    """Closes once the results file holds ``after`` records; ``blocked`` is set when a request waits."""

    def __init__(self) -> None:
        self.results: Path | None = None
        self.after = 0
        self.blocked = threading.Event()
        self.opened = threading.Event()

    def arm(self, results: Path, after: int) -> None:
        """Close on the first request once ``results`` holds ``after`` records."""
        self.results, self.after = results, after
        self.blocked.clear()
        self.opened.clear()

    def open(self) -> None:
        """Let every waiting and later request through."""
        self.results = None
        self.opened.set()

    def passage(self) -> None:
        """Called by every request: wait here while the gate is closed."""
        if self.results is not None and records(self.results) >= self.after:
            self.blocked.set()
            self.opened.wait(WAIT)


def records(results: Path) -> int:
    """Whole result records in a results file (the header not counted)."""
    try:
        lines = results.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    return sum('"record": "result"' in line for line in lines)


class GatedHandler(Handler):
    """The features double's handler, behind the gate."""

    def _dispatch(self) -> None:
        self.server.gate.passage()  # type: ignore[attr-defined]
        super()._dispatch()


class GatedServer(FeaturesTestServer):
    """Two conformant tenants, ``a`` and ``b``, behind one gate."""

    def __init__(self) -> None:
        super().__init__({"a": frozenset(), "b": frozenset()})
        self.gate = Gate()
        self.httpd.RequestHandlerClass = GatedHandler
        self.httpd.gate = self.gate  # type: ignore[attr-defined]
