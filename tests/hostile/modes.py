"""What each mode of the hostile server does to a request (see server.py): the attacks and broken answers.

A mode either writes to the connection itself (drips, silence, endless bodies) or returns a Reply built from
the healthy answer of the test doubles behind the server, or from nothing.
"""

from __future__ import annotations

import base64
import itertools
import json
import select
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from tests.core.httpdouble import STOP, deflate_bomb, drip, gzip_bomb

if TYPE_CHECKING:
    from tests.hostile.server import HostileHandler

DRIP_EVERY = 0.5
BIG_NUMBER = "9" * 4301
PADDING = "x" * 120


@dataclass
class Reply:
    """An answer to send: status, headers and body."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class Mode:
    """One hostile behaviour; ``answers`` says whether any complete, readable 2xx answer can come of it."""

    name: str
    what: str
    answers: bool
    serve: Callable[[HostileHandler], Reply | None]


def _drip_body(handler: HostileHandler) -> None:
    reply = handler.upstream()
    body = b" " * 64 + reply.body
    handler.send_head(reply.status, {**reply.headers, "Content-Length": str(len(body))})
    drip(handler.wfile, body, DRIP_EVERY)
    handler.close_connection = True


def _drip_head(handler: HostileHandler) -> None:
    reply = handler.upstream()
    head = f"HTTP/1.1 {reply.status} OK\r\nX-Padding: {PADDING}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in reply.headers.items())
    head += f"Content-Length: {len(reply.body)}\r\n\r\n"
    drip(handler.wfile, head.encode("latin-1") + reply.body, DRIP_EVERY / 5)
    handler.close_connection = True


def _silent(handler: HostileHandler) -> None:
    """Accept, read the request, never answer; return once the client hung up (or the server stops)."""
    while not STOP.is_set():
        readable, _, _ = select.select([handler.connection], [], [], 0.5)
        if readable and not handler.connection.recv(1, socket.MSG_PEEK):
            break
    handler.close_connection = True


def _endless(handler: HostileHandler) -> None:
    handler.send_head(200, {"Content-Type": "application/json", "Connection": "close"})
    chunk = b"0," * 32768
    try:
        handler.wfile.write(b"[")
        while not STOP.is_set():
            handler.wfile.write(chunk)
    except OSError:
        pass
    handler.close_connection = True


def _bomb(encoding: str, body: bytes) -> Callable[[HostileHandler], Reply]:
    return lambda handler: Reply(200, {"Content-Type": "application/json", "Content-Encoding": encoding}, body)


def _redirect_loop(handler: HostileHandler) -> Reply:
    return Reply(302, {"Location": handler.own_url()})


def _redirect_foreign(handler: HostileHandler) -> Reply:
    return Reply(302, {"Location": "http://wechselbar-foreign.invalid/steal" + urlsplit(handler.path).path})


def _truncated(handler: HostileHandler) -> Reply:
    reply = handler.upstream()
    reply.body = reply.body[: max(1, len(reply.body) // 2)]
    return reply


def _deep(handler: HostileHandler) -> Reply:
    return Reply(200, {"Content-Type": "application/json"}, b"[" * 100_000 + b"]" * 100_000)


def _big_number(handler: HostileHandler) -> Reply:
    reply = handler.upstream()
    if reply.body.lstrip().startswith(b"{"):
        reply.body = b'{"numberMatched": ' + BIG_NUMBER.encode() + b", " + reply.body.lstrip()[1:]
    else:
        reply.body = BIG_NUMBER.encode()
    return reply


def _storm(handler: HostileHandler) -> Reply:
    return Reply(429, {"Content-Type": "application/json", "Retry-After": "999999999"}, b'{"retry": "never"}')


FLAKY = itertools.count()


def _flaky(handler: HostileHandler) -> Reply:
    if next(FLAKY) % 2 == 0:
        return Reply(503, {"Content-Type": "application/json"}, b'{"code": "ServiceUnavailable"}')
    return handler.upstream()


def _endless_pages(handler: HostileHandler) -> Reply:
    reply = handler.upstream()
    data = _json(reply.body)
    if isinstance(data, dict) and ("features" in data or "pagination" in data):
        spin = int(dict(parse_qsl(urlsplit(handler.path).query)).get("spin", "0"))
        following = _with_query(handler.own_url(), spin=str(spin + 1))
        _set_next(data, following)
        reply.body = json.dumps(data).encode()
    return reply


def _set_next(data: dict[str, Any], url: str) -> None:
    links = data.get("links")
    if isinstance(links, dict):
        links["next"] = url
    elif isinstance(links, list):
        data["links"] = [x for x in links if not (isinstance(x, dict) and x.get("rel") == "next")]
        data["links"].append({"rel": "next", "href": url, "type": "application/geo+json"})


def _with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = {**dict(parse_qsl(parts.query)), **changes}
    return parts._replace(query=urlencode(query)).geturl()


def _echo(handler: HostileHandler) -> Reply:
    """Request headers echoed into every body (error pages too) and into response headers, in several forms."""
    reply = handler.upstream()
    seen = dict(handler.headers.items())
    echo: dict[str, Any] = {"headers": seen, "url-encoded": quote(json.dumps(seen), safe=""), "path": handler.path}
    basic = seen.get("Authorization", "").removeprefix("Basic ")
    if basic != seen.get("Authorization", ""):
        echo["logged-in-as"] = base64.b64decode(basic).decode("utf-8", errors="replace")
    data = _json(reply.body)
    if isinstance(data, dict):
        reply.body = json.dumps({**data, "echo": echo}).encode()
    else:
        reply.body += b"\n<pre>" + json.dumps(echo).encode() + b"</pre>\n"
    reply.headers["X-Echo-Authorization"] = seen.get("Authorization", "")
    return reply


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


MODES = {
    mode.name: mode
    for mode in (
        Mode(
            "drip-body", "the body one byte every half second (a Content-Length that never arrives)", False, _drip_body
        ),
        Mode("drip-headers", "the status line and headers one byte at a time", False, _drip_head),
        Mode("silent", "accepts the connection and reads the request, never answers", False, _silent),
        Mode("redirect-loop", "every request is redirected to itself", False, _redirect_loop),
        Mode("redirect-foreign", "every request is redirected to an undeclared host", False, _redirect_foreign),
        Mode("endless-body", "an endless JSON array, without Content-Length", False, _endless),
        Mode("gzip-bomb", "256 MiB of zeros as about 260 KiB of gzip", False, _bomb("gzip", gzip_bomb(256))),
        Mode(
            "deflate-bomb", "256 MiB of zeros as about 260 KiB of deflate", False, _bomb("deflate", deflate_bomb(256))
        ),
        Mode("truncated-json", "the healthy body cut in half (Content-Length matching the cut)", True, _truncated),
        Mode("deep-json", "JSON nested 100,000 arrays deep", True, _deep),
        Mode("big-number", "a number of 4,301 digits in every JSON object", True, _big_number),
        Mode("429-storm", "429 with Retry-After: 999999999 to everything", False, _storm),
        Mode("flaky-503", "every other request answers 503", True, _flaky),
        Mode("pagination-cycle", "the last page links back to an earlier one", True, lambda h: h.upstream()),
        Mode("pagination-endless", "every page links to a next one, forever", True, _endless_pages),
        Mode("header-echo", "request headers echoed into bodies, error pages and response headers", True, _echo),
    )
}
