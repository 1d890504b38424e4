"""Safe HTTP for every suite: timeouts, deadline, size cap, retries, rate limit, host allow-list, evidence."""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from conformance.core import jsonsafe
from conformance.core.evidence import Exchange
from conformance.core.harnessmessages import msg
from conformance.core.httptools import RateLimiter, problem, refused, requests_session, retry_after, version
from conformance.core.secrets import Redactor
from conformance.core.transport import (
    DeadlineExceeded,
    ExchangeLog,
    ForeignHost,
    RateLimited,
    ResponseTooLarge,
    TargetError,
    TargetHealth,
    TargetStopped,
    TargetUnreachable,
    TooManyRedirects,
)
from conformance.core.vendors import HttpSettings, Vendor, _netloc
from conformance.core.watchdog import WATCHDOG, Guard

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUS = frozenset({502, 503, 504})
EXCERPT_CHARS = 4000
__all__ = [
    "DeadlineExceeded",
    "ExchangeLog",
    "ForeignHost",
    "RateLimited",
    "RateLimiter",
    "Response",
    "ResponseTooLarge",
    "SafeSession",
    "TargetError",
    "TargetStopped",
    "TargetUnreachable",
    "TooManyRedirects",
]


@dataclass(frozen=True)
class Response:
    """A fully read, size-capped response with its evidence record."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes
    exchange: Exchange
    history: tuple[Exchange, ...] = ()
    http_version: str = ""

    @property
    def media_type(self) -> str:
        """The Content-Type without parameters, lower case."""
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    @property
    def text(self) -> str:
        """The body decoded as UTF-8 (invalid bytes replaced)."""
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body as JSON; raises ValueError with a clear message if it is not JSON."""
        return jsonsafe.loads(self.content)


class SafeSession:
    """One vendor target's HTTP client for one run; the only way suites talk to a vendor.

    The rate limiter may be shared with the vendor's other targets; what the target's failures taught (hosts
    down, timeouts so far) is its own ``health``. Its exchanges and deadline are those of ``log``, the run's
    (a log of its own when none is given).
    """

    def __init__(
        self,
        vendor: Vendor,
        redactor: Redactor,
        log: ExchangeLog | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.vendor = vendor
        self.settings: HttpSettings = vendor.http
        self.redactor = redactor
        self.log = log if log is not None else ExchangeLog()
        self.hosts = vendor.hosts()
        self.limiter = limiter or RateLimiter(self.settings.rate_limit)
        self.session = requests_session(vendor)
        self.health = TargetHealth(self.settings.max_timeouts)

    def allowed(self, url: str) -> bool:
        """True if the URL's host was declared for this vendor."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        return _netloc(url) in self.hosts or (parts.hostname or "").lower() in self.hosts

    def get(
        self, url: str, *, params: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None
    ) -> Response:
        """GET with retries, redirects checked against the allow-list, and the size cap."""
        return self.request("GET", url, params=params, headers=headers)

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        expected: Collection[int] = (),
    ) -> Response:
        """Send one logical request, following at most ``max_redirects`` redirects. A target that stopped
        answering is refused at once; a request that ends in a timeout counts towards that. A status in
        ``expected`` (a 503 the standard prescribes for the request, say) is the answer, never retried."""
        self.health.check()
        try:
            return self._follow(method, url, params, headers, body, frozenset(expected))
        except TargetError as exc:
            self.health.failed(exc)
            raise

    def _follow(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        body: bytes | None,
        expected: frozenset[int],
    ) -> Response:
        history: list[Exchange] = []
        for _ in range(self.settings.max_redirects + 1):
            response = self._with_retries(method, url, params, headers, body, expected)
            location = response.headers.get("Location")
            if response.status not in (301, 302, 303, 307, 308) or not location:
                return replace(response, history=tuple(history))
            history.append(response.exchange)
            url, params = urljoin(response.url, location), None
            method = "GET" if response.status == 303 else method
        last = self.redactor.text(url)
        raise TooManyRedirects(msg("too-many-redirects", count=self.settings.max_redirects, url=last))

    def _with_retries(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        body: bytes | None,
        expected: frozenset[int] = frozenset(),
    ) -> Response:
        if not self.allowed(url):
            raise ForeignHost(msg("foreign-host", url=self.redactor.text(url), vendor=self.vendor.id))
        host = _netloc(url)
        down = self.health.down
        if host in down:
            raise TargetUnreachable(msg("unreachable-earlier", host=host, cause=down[host]))
        attempts = self.settings.retries + 1 if method in IDEMPOTENT else 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._send(method, url, params, headers, body)
            except TargetUnreachable as exc:
                if last:
                    if exc.connection_failed:
                        down.setdefault(host, exc.message)
                    raise
                self._sleep(self.settings.backoff * 2**attempt)
                continue
            delay = None if response.status in expected else self._retry_delay(response, attempt, last)
            if delay is None:
                return response
            self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _retry_delay(self, response: Response, attempt: int, last: bool) -> float | None:
        """Seconds to wait before the next attempt, None to keep the response. A 429 is never kept: one that
        asks for more than ``max_retry_after``, or is still there at the last attempt, ends the request."""
        if response.status == 429:
            asked, longest = retry_after(response.headers.get("Retry-After")), self.settings.max_retry_after
            if last or asked > longest:
                sent = {"method": response.exchange.method, "url": response.exchange.url}
                raise RateLimited(
                    msg("rate-limited", **sent, count=attempt + 1)
                    if asked <= longest
                    else msg("rate-limited-wait", **sent, asked=f"{asked:.0f}", longest=f"{longest:g}")
                )
            return asked
        if response.status in RETRY_STATUS and not last:
            return float(self.settings.backoff * 2**attempt)
        return None

    def _sleep(self, seconds: float) -> None:
        remaining = self.log.remaining()
        if remaining is not None and seconds >= remaining:
            raise DeadlineExceeded(msg("deadline-retry"), timed_out=False)
        time.sleep(seconds)

    def _send(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        body: bytes | None,
    ) -> Response:
        """One exchange, bounded as a whole by what is left of the deadline (see watchdog)."""
        self.limiter.wait(self._budget())
        prepared = self.session.prepare_request(
            requests.Request(method, url, params=params, headers=dict(headers or {}), data=body)
        )
        started = time.monotonic()
        budget = self._budget()
        self.log.requests_sent += 1
        with WATCHDOG.guard(budget) as guard:
            try:
                raw = self.session.send(prepared, stream=True, timeout=self._timeouts(budget), allow_redirects=False)
                content = self._read_capped(raw, guard)
            except requests.exceptions.RequestException as exc:
                self._failed(prepared, started, exc, guard)
        if guard.fired:
            self._record(prepared, raw, b"", started, error="test deadline")
            raise self._late(prepared)
        exchange = self._record(prepared, raw, content, started)
        return Response(raw.url, raw.status_code, raw.headers, content, exchange, http_version=version(raw))

    def _budget(self) -> float:
        """Seconds this exchange may take: what is left of the test's deadline (without one, a test's worth)."""
        remaining = self.log.remaining()
        if remaining is None:
            return self.settings.test_deadline
        if remaining <= 0:
            raise DeadlineExceeded(msg("deadline"), timed_out=False)
        return remaining

    def _timeouts(self, budget: float) -> tuple[float, float]:
        """The connect timeout within the budget; reads are ended by the watchdog when the budget runs out."""
        return min(self.settings.connect_timeout, budget), self.settings.read_timeout

    def _failed(
        self,
        prepared: requests.PreparedRequest,
        started: float,
        exc: requests.exceptions.RequestException,
        guard: Guard,
    ) -> None:
        if guard.expired:
            self._record(prepared, None, b"", started, error="test deadline")
            raise self._late(prepared) from None
        said = problem(exc)
        self._record(prepared, None, b"", started, error=said.text)
        failed = msg("request-failed", method=prepared.method, url=self.redactor.text(prepared.url or ""), problem=said)
        raise TargetUnreachable(failed, refused(exc), isinstance(exc, requests.exceptions.Timeout)) from None

    def _late(self, prepared: requests.PreparedRequest) -> DeadlineExceeded:
        return DeadlineExceeded(
            msg("deadline-during", method=prepared.method, url=self.redactor.text(prepared.url or ""))
        )

    def _read_capped(self, raw: requests.Response, guard: Guard) -> bytes:
        cap, chunks, size = self.settings.max_response_bytes, [], 0
        for chunk in raw.iter_content(chunk_size=65536):
            size += len(chunk)
            if size > cap or guard.fired:
                break
            chunks.append(chunk)
        else:
            return b"".join(chunks)
        chunks.clear()
        raw.close()
        if guard.fired:
            return b""
        raise ResponseTooLarge(msg("too-large", method=raw.request.method, url=self.redactor.text(raw.url), cap=cap))

    def _record(
        self,
        prepared: requests.PreparedRequest,
        raw: requests.Response | None,
        content: bytes,
        started: float,
        error: str = "",
    ) -> Exchange:
        r = self.redactor
        exchange = Exchange(
            method=prepared.method or "GET",
            url=r.url(prepared.url or ""),
            status=raw.status_code if raw is not None else None,
            http_version=version(raw),
            request_headers=r.header_map(dict(prepared.headers)),
            response_headers=r.header_map(dict(raw.headers)) if raw is not None else {},
            body_excerpt=r.excerpt(content, EXCERPT_CHARS),
            body_bytes=len(content),
            elapsed_ms=round((time.monotonic() - started) * 1000, 1),
            error=r.text(error),
        )
        self.log.exchanges.append(exchange)
        return exchange
