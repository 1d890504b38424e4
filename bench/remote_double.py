"""A benchmark's test double in a process of its own, so the suite's CLI and the bare replay meet it alike.

A double that ran in the bench's process would answer the replay (a client in the same process, sharing the
interpreter lock with the double's server threads) differently from the CLI (a client in a child process, on the
other core). In its own process, both clients reach it the same way: over the loopback from another process.
``Remote(factory)`` starts the process (``spawn``), builds the double there with ``factory()`` and forwards method
calls to it over a pipe; ``stop()`` calls the double's ``stop`` and waits for the process to end.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any


class Remote:
    """A double built by ``factory`` in a child process; ``call(name, *args)`` runs one of its methods there."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        context = multiprocessing.get_context("spawn")
        self.pipe, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(factory, child), daemon=True)
        self.process.start()
        child.close()
        self._answer("start")

    def call(self, name: str, *args: Any) -> Any:
        """The result of ``double.<name>(*args)`` in the child process."""
        self.pipe.send((name, args))
        return self._answer(name)

    def _answer(self, name: str) -> Any:
        ok, value = self.pipe.recv()
        if not ok:
            raise RuntimeError(f"the double's {name} failed: {value}")
        return value

    def stop(self) -> None:
        """Stop the double and wait for its process."""
        try:
            self.call("stop")
        finally:
            self.pipe.close()
            self.process.join(10)
            if self.process.is_alive():
                self.process.terminate()
                self.process.join()


def _serve(factory: Callable[[], Any], pipe: Connection) -> None:
    try:
        double = factory()
    except Exception as exc:
        pipe.send((False, repr(exc)))
        return
    pipe.send((True, None))
    name = ""
    while name != "stop":
        name, args = pipe.recv()
        try:
            pipe.send((True, getattr(double, name)(*args)))
        except Exception as exc:
            pipe.send((False, repr(exc)))
