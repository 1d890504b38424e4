"""Safe HTTP: timeouts, deadline, size cap, retries, Retry-After, rate limit, redirects, hosts, redaction."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
import requests

from conformance.core.evidence import ValueViolation
from conformance.core.harnessmessages import HARNESS, target_error
from conformance.core.http import (
    DeadlineExceeded,
    ExchangeLog,
    ForeignHost,
    RateLimited,
    ResponseTooLarge,
    SafeSession,
    TargetStopped,
    TargetUnreachable,
    TooManyRedirects,
)
from conformance.core.httptools import refused
from conformance.core.outcomes import Outcome
from conformance.core.records import Finding
from conformance.core.secrets import Redactor
from conformance.core.vendors import Auth, HttpSettings, Target, Vendor, VendorsFile
from conformance.harness.outcome import evidence
from conformance.harness.runconfig import RunConfig
from conformance.reporting.i18n import Labels
from tests.core.httpdouble import DRIP_HEAD, Handler, serve


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def session(base: str, log: ExchangeLog | None = None, **settings: object) -> SafeSession:
    http = HttpSettings(**{"connect_timeout": 1.0, "read_timeout": 1.0, "backoff": 0.01, **settings})  # type: ignore[arg-type]
    vendor = Vendor(
        "v", "V", "1", targets=(Target("x", (base,)),), http=http, auth=Auth(type="bearer", token="tok-123456")
    )
    return SafeSession(vendor, Redactor(["tok-123456"]), log or ExchangeLog())


def bounded(call: Callable[[], object], limit: float = 60.0) -> None:
    """Run ``call``, re-raising what it raises; fail if it has not ended after ``limit`` s (a safety net only)."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as exc:  # handed to the test thread
            raised.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(limit)
    if thread.is_alive():
        pytest.fail(f"the request had not ended after {limit} s")
    if raised:
        raise raised[0]


def sent_before_hang_up(route: str) -> int:
    """How many bytes the double's drip sent before the client hung up (it notices at its next write)."""
    for _ in range(600):
        if route in Handler.dripped:
            return Handler.dripped[route]
        time.sleep(0.05)
    pytest.fail(f"the double's {route} never stopped dripping")


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


def test_a_429_asking_to_wait_longer_than_max_retry_after_ends_the_request_at_once(base: str) -> None:
    log = ExchangeLog()
    with pytest.raises(RateLimited, match=r"HTTP 429 .*retry asked after 999999999 s \(max_retry_after 30 s\)"):
        session(base, log, retries=2, max_retry_after=30.0).get(base + "/storm")
    assert log.requests_sent == 1 and log.exchanges[-1].status == 429


def test_a_429_that_stays_is_no_answer_to_judge(base: str) -> None:
    log = ExchangeLog()
    with pytest.raises(RateLimited, match="HTTP 429 Too Many Requests, after 2 attempts"):
        session(base, log, retries=1).get(base + "/storm", params={"after": "0"})
    assert log.requests_sent == 2


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


def test_every_hop_of_a_redirect_is_kept_as_redacted_evidence(base: str) -> None:
    """A Location with a URL password and the vendor's token: the 302 hop is recorded with its Location, the
    finding points at it before the answer it led to, and neither secret reaches the stored record."""
    log = ExchangeLog()
    response = session(base, log).get(base + "/leaky")
    [hop] = response.history
    landed = f"http://admin:***@{urlsplit(base).netloc}/ok?access_token=***"
    assert (hop.method, hop.url, hop.status) == ("GET", base + "/leaky", 302)
    assert hop.response_headers["Location"] == landed and response.exchange.url == landed
    violation = ValueViolation("a redirect", locator=hop.url, exchange=response.exchange, redirects=response.history)
    [finding], kept = evidence([violation], log.exchanges, Outcome.FAIL, "/req/x")
    assert [kept[i] for i in finding.redirects] == [hop] and kept[finding.exchange or 0] == response.exchange
    assert Finding.from_json(finding.to_json()) == finding and finding.to_json()["redirects"] == [0]
    stored = json.dumps([finding.to_json(), *(e.to_json() for e in kept)])
    assert "hunter2" not in stored and "tok-123456" not in stored and stored.count("Location") == 1


def test_deadline_caps_the_test(base: str) -> None:
    log = ExchangeLog()
    log.start(0.5)
    client = session(base, log, read_timeout=5.0, retries=0)
    with pytest.raises(DeadlineExceeded, match="during GET"):
        client.get(base + "/slow", params={"s": "3"})
    with pytest.raises(DeadlineExceeded):
        client.get(base + "/ok")


def test_unreachable_host_fails_fast_after_first_failure() -> None:
    log = ExchangeLog()
    client = session("http://127.0.0.1:9", log, retries=1)
    with pytest.raises(TargetUnreachable, match="connection failed"):
        client.get("http://127.0.0.1:9/")
    assert log.requests_sent == 2
    with pytest.raises(TargetUnreachable, match="unreachable earlier in this run") as earlier:
        client.get("http://127.0.0.1:9/other")
    assert log.requests_sent == 2
    reason = target_error(earlier.value)
    assert reason.text == (
        "TargetUnreachable: 127.0.0.1:9 was unreachable earlier in this run: GET http://127.0.0.1:9/: connection failed"
    )
    assert Labels("de", HARNESS).msg(reason) == (
        "nicht erreichbar: 127.0.0.1:9 war in diesem Lauf schon zuvor nicht erreichbar: GET http://127.0.0.1:9/: "
        "keine Verbindung"
    )


def test_a_connection_closed_without_an_answer_does_not_mark_the_host_down(base: str) -> None:
    client = session(base, retries=0)
    with pytest.raises(TargetUnreachable, match="connection closed without a complete answer"):
        client.get(base + "/hangup")
    assert not client.health.down and client.get(base + "/ok").status == 200


def test_only_a_connection_that_cannot_be_made_marks_the_host_down() -> None:
    assert not refused(requests.exceptions.ConnectTimeout("connect timeout"))
    assert not refused(requests.exceptions.ReadTimeout("read timeout"))
    assert refused(requests.exceptions.SSLError("certificate verify failed"))


def test_status_line_protocol_is_recorded(base: str) -> None:
    log = ExchangeLog()
    response = session(base, log).get(base + "/ok")
    assert response.http_version == "HTTP/1.0"
    assert log.exchanges[-1].http_version == "HTTP/1.0"


@pytest.mark.parametrize(("route", "total"), [("/drip", 100), ("/driphead", len(DRIP_HEAD))])
def test_a_slow_drip_ends_at_the_deadline_not_at_the_end_of_the_response(base: str, route: str, total: int) -> None:
    log = ExchangeLog()
    log.start(0.5)
    client = session(base, log, read_timeout=5.0, retries=0)
    Handler.dripped.pop(route, None)
    with pytest.raises(DeadlineExceeded, match="during GET"):
        bounded(lambda: client.get(base + route, params={"n": str(total), "every": "0.1"}))
    assert sent_before_hang_up(route) < total
    assert log.exchanges[-1].error == "test deadline" and log.exchanges[-1].status is None


def test_a_server_that_never_answers_ends_at_the_deadline_even_with_a_longer_read_timeout(base: str) -> None:
    log = ExchangeLog()
    log.start(0.5)
    with pytest.raises(DeadlineExceeded, match="during GET"):
        bounded(lambda: session(base, log, read_timeout=30.0, retries=2).get(base + "/silent"))
    assert log.requests_sent == 1


def test_without_a_test_deadline_an_exchange_is_bounded_by_test_deadline(base: str) -> None:
    client = session(base, ExchangeLog(), read_timeout=5.0, retries=0, test_deadline=0.5)
    Handler.dripped.pop("/drip", None)
    with pytest.raises(DeadlineExceeded):
        bounded(lambda: client.get(base + "/drip", params={"n": "100", "every": "0.1"}))
    assert sent_before_hang_up("/drip") < 100


def test_a_tls_handshake_that_never_completes_ends_at_the_deadline() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        url = f"https://127.0.0.1:{listener.getsockname()[1]}/"
        log = ExchangeLog()
        log.start(0.5)
        with pytest.raises(DeadlineExceeded, match="during GET"):
            bounded(lambda: session(url, log, connect_timeout=30.0, read_timeout=30.0, retries=0).get(url))


def test_a_rate_limit_slot_beyond_the_deadline_is_not_waited_for(base: str) -> None:
    log = ExchangeLog()
    log.start(1.0)
    client = session(base, log, rate_limit=0.1)
    client.get(base + "/ok")
    with pytest.raises(DeadlineExceeded, match="rate limit"):
        client.get(base + "/ok")
    assert log.requests_sent == 1


def test_after_max_timeouts_the_target_is_refused_at_once_with_one_reason(base: str) -> None:
    log = ExchangeLog()
    client = session(base, log, read_timeout=30.0, retries=1, max_timeouts=2)
    for _ in range(2):
        log.start(0.3)
        with pytest.raises(DeadlineExceeded):
            bounded(lambda: client.get(base + "/silent"))
    sent = log.requests_sent
    reasons = set()
    for path in ("/ok", "/silent", "/status"):
        with pytest.raises(TargetStopped) as stopped:
            client.get(base + path)
        reasons.add(str(stopped.value))
    assert reasons == {"target stopped answering after 2 timeouts"} and log.requests_sent == sent


def test_waits_refused_for_the_deadline_and_answers_do_not_count_as_timeouts(base: str) -> None:
    log = ExchangeLog()
    client = session(base, log, max_timeouts=1, max_retry_after=600.0)
    for _ in range(3):
        log.start(1.0)
        Handler.hits.clear()
        with pytest.raises(DeadlineExceeded, match="waiting to retry"):
            client.get(base + "/limited")
        assert client.get(base + "/status", params={"code": "404"}).status == 404
    assert client.health.timeouts == 0


def test_read_timeouts_count_once_per_request_after_its_retries(base: str) -> None:
    client = session(base, ExchangeLog(), read_timeout=0.2, retries=2, max_timeouts=2)
    with pytest.raises(TargetUnreachable, match="read timeout"):
        client.get(base + "/slow", params={"s": "1"})
    assert client.health.timeouts == 1
    client.health.check()


def test_each_target_of_a_run_keeps_its_own_health_and_shares_the_vendors_rate_limit(base: str) -> None:
    vendor = Vendor(
        "v",
        "V",
        "1",
        targets=(Target("x", (base,)), Target("y", ("http://127.0.0.1:9",))),
        http=HttpSettings(connect_timeout=1.0, retries=0, max_timeouts=1, rate_limit=100.0),
    )
    run = RunConfig(VendorsFile("v.toml", "", (vendor,), Redactor([])), {})
    first, second = run.context(("v", 1)).http, run.context(("v", 0)).http
    assert first is not second and first.limiter is second.limiter
    with pytest.raises(TargetUnreachable):
        first.get("http://127.0.0.1:9/")
    assert "127.0.0.1:9" in first.health.down and not second.health.down
    first.health.timeouts = 1
    with pytest.raises(TargetStopped):
        first.get(base + "/ok")
    assert second.get(base + "/ok").status == 200
    again = RunConfig(VendorsFile("v.toml", "", (vendor,), Redactor([])), {}).context(("v", 1)).http
    assert not again.health.down and again.get(base + "/ok").status == 200
