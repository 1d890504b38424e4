"""Safe HTTP: timeouts, deadline, size cap, retries, Retry-After, rate limit, redirects, hosts, redaction."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from conformance.core.http import (
    DeadlineExceeded,
    ExchangeLog,
    ForeignHost,
    ResponseTooLarge,
    SafeSession,
    TargetUnreachable,
    TooManyRedirects,
)
from conformance.core.secrets import Redactor
from conformance.core.vendors import Auth, HttpSettings, Target, Vendor
from tests.core.httpdouble import Handler, serve


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def session(base: str, log: ExchangeLog | None = None, **settings: object) -> SafeSession:
    http = HttpSettings(**{"connect_timeout": 1.0, "read_timeout": 1.0, "backoff": 0.01, **settings})  # type: ignore[arg-type]
    vendor = Vendor("v", "V", "1", targets=(Target("x", (base,)),), http=http,
                    auth=Auth(type="bearer", token="tok-123456"))
    return SafeSession(vendor, Redactor(["tok-123456"]), log or ExchangeLog())


def test_get_captures_a_redacted_exchange(base: str) -> None:
    log = ExchangeLog()
    response = session(base, log).get(base + "/echo")
    assert response.status == 200 and response.text == "Bearer tok-123456"
    exchange = log.exchanges[-1]
    assert exchange.request_headers["Authorization"] == "***"
    assert "tok-123456" not in exchange.body_excerpt and "***" in exchange.body_excerpt


def test_read_timeout_is_an_error_not_a_verdict(base: str) -> None:
    with pytest.raises(TargetUnreachable, match="read timeout"):
        session(base, retries=0, read_timeout=0.3).get(base + "/slow", params={"s": "1.5"})


def test_size_cap_stops_reading(base: str) -> None:
    with pytest.raises(ResponseTooLarge, match="exceeds the cap of 2048 bytes"):
        session(base, max_response_bytes=2048).get(base + "/big", params={"n": "100000"})


def test_the_size_cap_counts_decoded_bytes_so_a_gzip_bomb_is_stopped(base: str) -> None:
    log = ExchangeLog()
    with pytest.raises(ResponseTooLarge, match="exceeds the cap of 1048576 bytes"):
        session(base, log, max_response_bytes=1024**2).get(base + "/gzipbomb")


def test_retries_only_idempotent_requests_on_503(base: str) -> None:
    client = session(base, retries=2)
    Handler.hits.clear()
    assert client.get(base + "/status", params={"code": "503"}).status == 503
    assert Handler.hits["/status"] == 3
    Handler.hits.clear()
    assert client.request("POST", base + "/status", params={"code": "503"}).status == 503
    assert Handler.hits["/status"] == 1


def test_no_retry_on_client_errors(base: str) -> None:
    Handler.hits.clear()
    assert session(base, retries=3).get(base + "/status", params={"code": "404"}).status == 404
    assert Handler.hits["/status"] == 1


def test_retry_after_is_honoured(base: str) -> None:
    Handler.hits.clear()
    started = time.monotonic()
    response = session(base).get(base + "/limited")
    assert response.status == 200 and Handler.hits["/limited"] == 2
    assert time.monotonic() - started >= 0.9


def test_rate_limit_spaces_requests(base: str) -> None:
    client = session(base, rate_limit=10)
    started = time.monotonic()
    for _ in range(4):
        client.get(base + "/ok")
    assert time.monotonic() - started >= 0.29


def test_foreign_hosts_are_never_contacted(base: str) -> None:
    client = session(base)
    with pytest.raises(ForeignHost, match="not a declared host"):
        client.get("http://127.0.0.2:9/secret")
    Handler.hits.clear()
    with pytest.raises(ForeignHost):
        client.get(base + "/redirect", params={"to": "http://evil.example/steal"})
    assert Handler.hits == {"/redirect": 1}
    with pytest.raises(ForeignHost):
        client.get("file:///etc/passwd")


def test_redirects_are_limited(base: str) -> None:
    with pytest.raises(TooManyRedirects):
        session(base, max_redirects=3).get(base + "/loop")
    response = session(base).get(base + "/redirect", params={"to": "/ok"})
    assert response.status == 200 and len(response.history) == 1


def test_deadline_caps_the_test(base: str) -> None:
    log = ExchangeLog()
    log.start(0.5)
    client = session(base, log, read_timeout=5.0, retries=0)
    with pytest.raises((DeadlineExceeded, TargetUnreachable)):
        client.get(base + "/slow", params={"s": "3"})
    with pytest.raises(DeadlineExceeded):
        client.get(base + "/ok")


def test_unreachable_host_fails_fast_after_first_failure() -> None:
    log = ExchangeLog()
    client = session("http://127.0.0.1:9", log, retries=1)
    with pytest.raises(TargetUnreachable, match="connection failed"):
        client.get("http://127.0.0.1:9/")
    assert log.requests_sent == 2
    with pytest.raises(TargetUnreachable, match="unreachable earlier in this run"):
        client.get("http://127.0.0.1:9/other")
    assert log.requests_sent == 2


def test_status_line_protocol_is_recorded(base: str) -> None:
    log = ExchangeLog()
    response = session(base, log).get(base + "/ok")
    assert response.http_version == "HTTP/1.0"
    assert log.exchanges[-1].http_version == "HTTP/1.0"
