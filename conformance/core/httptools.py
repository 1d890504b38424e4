"""The stateless parts of safe HTTP: the requests session of a vendor, the rate limiter, Retry-After, wording."""

from __future__ import annotations

import threading
import time
from email.utils import parsedate_to_datetime

import requests
from urllib3.exceptions import NewConnectionError

from conformance.core.harnessmessages import msg
from conformance.core.messages import Message
from conformance.core.transport import DeadlineExceeded
from conformance.core.vendors import Vendor
from conformance.core.watchdog import WatchedAdapter


class RateLimiter:
    """At most ``rate`` requests per second, shared by the threads of one vendor."""

    def __init__(self, rate: float | None) -> None:
        self.interval = 1.0 / rate if rate else 0.0
        self.next_slot = 0.0
        self.lock = threading.Lock()

    def wait(self, remaining: float) -> None:
        """Block until the next request may go; a slot beyond ``remaining`` seconds is not taken."""
        if not self.interval:
            return
        with self.lock:
            now = time.monotonic()
            slot = max(now, self.next_slot)
            if slot - now >= remaining:
                raise DeadlineExceeded(msg("deadline-rate-limit"), timed_out=False)
            self.next_slot = slot + self.interval
        time.sleep(max(0.0, slot - now))


def requests_session(vendor: Vendor) -> requests.Session:
    """A requests session with the vendor's auth, TLS and proxy settings, its connections watched for deadlines."""
    session = requests.Session()
    session.trust_env = False
    for scheme in ("http://", "https://"):
        session.mount(scheme, WatchedAdapter())
    settings, auth = vendor.http, vendor.auth
    session.headers["User-Agent"] = settings.user_agent
    session.verify = settings.ca_bundle or settings.verify_tls
    if settings.proxy:
        session.proxies = {"http": settings.proxy, "https": settings.proxy}
    if auth.type == "basic":
        session.auth = (auth.username, auth.password)
    elif auth.type == "bearer":
        session.headers["Authorization"] = f"Bearer {auth.token}"
    elif auth.type == "api-key":
        session.headers[auth.header] = auth.value
    elif auth.type == "client-cert":
        session.cert = (auth.cert, auth.key) if auth.key else auth.cert
    return session


def version(raw: requests.Response | None) -> str:
    """The protocol of the status line, e.g. ``HTTP/1.1`` (empty if unknown)."""
    number = getattr(getattr(raw, "raw", None), "version", None)
    return {10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}.get(number, "") if isinstance(number, int) else ""


def retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (seconds or an HTTP date); 1 s if it is missing or unreadable."""
    if not value:
        return 1.0
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 1.0


def problem(exc: Exception) -> Message:
    """A failed request in a few words."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return msg("connect-timeout")
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return msg("read-timeout")
    if isinstance(exc, requests.exceptions.SSLError):
        return msg("tls-error")
    if isinstance(exc, requests.exceptions.ConnectionError):
        return msg("connection-failed" if refused(exc) else "connection-closed")
    return msg("skipped", text=type(exc).__name__)


def refused(exc: Exception) -> bool:
    """No connection could be made at all (refused, unknown host, TLS failure): the host is down for this run.

    A connect timeout is a timeout (it counts towards ``max_timeouts``), and a connection the server closed after
    the request was sent shows that the host is there."""
    if isinstance(exc, requests.exceptions.Timeout) or not isinstance(exc, requests.exceptions.ConnectionError):
        return False
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(exc, requests.exceptions.SSLError) or isinstance(reason, NewConnectionError)
