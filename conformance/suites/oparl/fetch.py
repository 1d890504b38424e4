"""Fetching OParl documents through the target's SafeSession: JSON parsing, the response cache, threads."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from conformance.core import jsonsafe
from conformance.core.evidence import Exchange
from conformance.core.http import ForeignHost, TargetError
from conformance.core.messages import Message
from conformance.harness.target import TargetContext
from conformance.suites.oparl.cache import ResponseCache
from conformance.suites.oparl.messages import m

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Fetched:
    """One answer (or the reason there is none), with its parsed JSON and evidence."""

    url: str
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    content: bytes = b""
    exchange: Exchange | None = None
    history: tuple[Exchange, ...] = ()
    final_url: str = ""
    cached: str = ""
    failure: str = ""
    skipped: Message | None = None
    data: Any = None
    parse_error: str = ""

    @property
    def ok(self) -> bool:
        """HTTP 200 with a JSON body."""
        return self.status == 200 and not self.parse_error and self.data is not None

    @property
    def obj(self) -> dict[str, Any] | None:
        """The JSON body if it is an object."""
        return self.data if self.ok and isinstance(self.data, dict) else None

    @property
    def media_type(self) -> str:
        """Content-Type without parameters."""
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()


class Fetcher:
    """GETs for one target: cache, thread pool, and a log of failures and JSON answers."""

    def __init__(self, target: TargetContext, home: str, cache: ResponseCache | None, workers: int) -> None:
        self.target = target
        self.home = urlsplit(home)
        self.cache = cache
        self.workers = max(1, workers)
        self.lock = threading.Lock()
        self.responses: list[Fetched] = []
        self.failures: list[str] = []
        self.hits = 0
        self.oldest = ""

    def get(
        self,
        url: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        fresh: bool = False,
        parse: bool = True,
    ) -> Fetched:
        """One GET; failures and skips are returned, never raised."""
        reason = self._skip(url)
        if reason is not None:
            return Fetched(url, skipped=reason)
        cached = None if fresh or headers or self.cache is None else self.cache.get(url, params)
        if cached is not None:
            self._hit(cached.stored)
            result = Fetched(
                url, cached.status, cached.headers, cached.content, cached.exchange, (), url, cached.stored
            )
        else:
            result = self._live(url, params, headers)
        return self._parsed(result) if parse and result.status is not None else result

    def _skip(self, url: str) -> Message | None:
        parts = urlsplit(url)
        if parts.netloc == self.home.netloc and parts.scheme != self.home.scheme:
            return m("phrase.other-scheme", scheme=parts.scheme, home=self.home.scheme)
        return None

    def _live(self, url: str, params: Mapping[str, Any] | None, headers: Mapping[str, str] | None) -> Fetched:
        try:
            response = self.target.http.get(url, params=params, headers=headers)
        except ForeignHost as exc:
            return Fetched(url, skipped=m("phrase.foreign-host", error=str(exc)))
        except TargetError as exc:
            message = f"{type(exc).__name__}: {exc}"
            with self.lock:
                self.failures.append(message)
            return Fetched(url, failure=message)
        if self.cache is not None and response.status == 200 and not headers and not response.history:
            self.cache.put(url, params, response.status, response.headers, response.content, response.exchange)
        return Fetched(
            response.exchange.url,
            response.status,
            dict(response.headers),
            response.content,
            response.exchange,
            response.history,
            response.url,
        )

    def _parsed(self, result: Fetched) -> Fetched:
        try:
            data = jsonsafe.loads(result.content)
        except ValueError as exc:
            return _replace(result, parse_error=str(exc))
        fetched = _replace(result, data=data)
        with self.lock:
            self.responses.append(fetched)
        return fetched

    def _hit(self, stored: str) -> None:
        with self.lock:
            self.hits += 1
            self.oldest = min(self.oldest or stored, stored)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
        """Apply ``fn`` to every item with up to ``workers`` concurrent requests, keeping the order."""
        items = list(items)
        if self.workers == 1 or len(items) < 2:
            return [fn(item) for item in items]
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="oparl") as pool:
            return list(pool.map(fn, items))


def _replace(result: Fetched, **changes: Any) -> Fetched:
    values = {**result.__dict__, **changes}
    return Fetched(**values)
