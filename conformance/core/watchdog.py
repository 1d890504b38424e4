"""A deadline for a whole HTTP exchange, whatever the server does.

Socket timeouts bound each read, not the exchange: a server that drips a byte a second satisfies every read
timeout forever. Each exchange therefore runs under a :class:`Guard`; the connections it uses register their
sockets with it, and one watchdog thread shuts those sockets down when the guard's time is up, so a blocked
connect, TLS handshake, header or body read ends at once. The caller then sees ``guard.fired``.
"""

from __future__ import annotations

import heapq
import itertools
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager

_LOCAL = threading.local()


class Guard:
    """One exchange's deadline and the sockets it used; when it fires they are shut down (not closed)."""

    def __init__(self, at: float) -> None:
        self.at = at
        self.fired = False
        self.done = False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()

    @property
    def expired(self) -> bool:
        """The deadline passed (whether or not the watchdog has fired yet)."""
        return self.fired or time.monotonic() >= self.at

    def attach(self, sock: socket.socket) -> None:
        """Watch a socket of this exchange (shut at once if the deadline already passed)."""
        with self.lock:
            self.sockets.append(sock)
            fired = self.fired
        if fired:
            _shut(sock)

    def fire(self) -> None:
        """The deadline passed: shut every socket of the exchange so that blocked reads return."""
        with self.lock:
            if self.done:
                return
            self.fired = True
            sockets = list(self.sockets)
        for sock in sockets:
            _shut(sock)

    def close(self) -> None:
        """The exchange ended; the watchdog leaves its sockets alone."""
        with self.lock:
            self.done = True
            self.sockets.clear()


def _shut(sock: socket.socket) -> None:
    with suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def attach(sock: socket.socket | None) -> None:
    """Register a socket with the exchange running on this thread, if any."""
    guard: Guard | None = getattr(_LOCAL, "guard", None)
    if guard is not None and sock is not None:
        guard.attach(sock)


class Watchdog:
    """One daemon thread that fires guards whose time is up (started on first use, again after a fork)."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.heap: list[tuple[float, int, Guard]] = []
        self.order = itertools.count()
        self.thread: threading.Thread | None = None

    def reset(self) -> None:
        """In a forked child: no thread runs and no lock is held."""
        self.__init__()  # type: ignore[misc]

    @contextmanager
    def guard(self, seconds: float) -> Iterator[Guard]:
        """Run an exchange on this thread under a deadline ``seconds`` from now."""
        guard = Guard(time.monotonic() + seconds)
        with self.cond:
            heapq.heappush(self.heap, (guard.at, next(self.order), guard))
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="http-watchdog", daemon=True)
                self.thread.start()
            if self.heap[0][2] is guard:  # the thread sleeps until an earlier deadline otherwise: no need to wake it
                self.cond.notify()
        previous, _LOCAL.guard = getattr(_LOCAL, "guard", None), guard
        try:
            yield guard
        finally:
            _LOCAL.guard = previous
            guard.close()

    def _run(self) -> None:
        while True:
            with self.cond:
                while self._pending() > time.monotonic():
                    self.cond.wait(self._pending() - time.monotonic() if self.heap else None)
                guard = heapq.heappop(self.heap)[2]
            guard.fire()

    def _pending(self) -> float:
        """The earliest deadline of an exchange still running (guards of ended exchanges are dropped on the way);
        infinity when none runs."""
        while self.heap and self.heap[0][2].done:
            heapq.heappop(self.heap)
        return self.heap[0][0] if self.heap else float("inf")


WATCHDOG = Watchdog()
os.register_at_fork(after_in_child=WATCHDOG.reset)


class _Watched(HTTPConnection):
    """A connection that registers its socket with the running exchange: when connecting and when reused."""

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        attach(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        attach(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPS(_Watched, HTTPSConnection):
    """The TLS variant: the plain socket is watched, so a slow handshake ends too."""


class _WatchedPool(HTTPConnectionPool):
    ConnectionCls = _Watched


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPS


POOLS: dict[str, type[HTTPConnectionPool]] = {"http": _WatchedPool, "https": _WatchedHTTPSPool}


class WatchedAdapter(HTTPAdapter):
    """The requests transport adapter whose connections the watchdog can end."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        """The pool manager, with watched connection pools."""
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = POOLS

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> PoolManager:
        """A proxy manager, with watched connection pools."""
        manager: PoolManager = super().proxy_manager_for(proxy, **kwargs)
        manager.pool_classes_by_scheme = POOLS
        return manager
