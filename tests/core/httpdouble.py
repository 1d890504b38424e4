"""A tiny HTTP test double on 127.0.0.1 for the safe-HTTP tests (it stands in for misbehaving vendors)."""

from __future__ import annotations

import functools
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import BinaryIO, ClassVar
from urllib.parse import parse_qs, urlsplit

MIB = bytes(1024**2)


@functools.cache
def gzip_bomb(mebibytes: int) -> bytes:
    """Zeros compressed about 1000:1: one gzip member of a MiB, repeated (a gzip stream may hold many members)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return (packer.compress(MIB) + packer.flush()) * mebibytes


@functools.cache
def deflate_bomb(mebibytes: int) -> bytes:
    """Zeros in the zlib format (HTTP's deflate) about 1000:1: a fully flushed MiB block repeated, then the checksum."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 15)
    head = packer.compress(MIB) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(MIB) + packer.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(mebibytes):
        checksum = zlib.adler32(MIB, checksum)
    return head + block * (mebibytes - 1) + packer.flush()[:-4] + checksum.to_bytes(4, "big")


STOP = threading.Event()
DRIP_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    + b"X-Padding: aaaa\r\n" * 5
    + b"Content-Length: 2\r\n\r\n{}"
)


def drip(out: BinaryIO, data: bytes, every: float) -> int:
    """Write ``data`` a byte every ``every`` seconds; the bytes written before the reader hung up (or all)."""
    for sent in range(len(data)):
        try:
            out.write(data[sent : sent + 1])
        except OSError:
            return sent
        if STOP.wait(every):
            return sent
    return len(data)


class Handler(BaseHTTPRequestHandler):
    """Routes: /ok, /slow?s=, /big?n=, /gzipbomb (256 MiB of zeros as about 250 KiB of gzip), /status?code=,
    /limited, /storm?after= (always 429), /redirect?to=, /leaky (a Location with a password and a token), /loop,
    /echo, /drip?n=&every= (a body of n bytes, one byte at a time), /driphead?every= (the status line and headers
    one byte at a time), /silent (accepts, never answers), /hangup (closes the connection without an answer)."""

    hits: ClassVar[dict[str, int]] = {}
    seen_headers: ClassVar[list[dict[str, str]]] = []
    dripped: ClassVar[dict[str, int]] = {}

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        Handler.hits[parts.path] = Handler.hits.get(parts.path, 0) + 1
        Handler.seen_headers.append(dict(self.headers))
        route = getattr(self, "route_" + parts.path.strip("/"), None)
        if route is None:
            self.reply(404, b"not found")
        else:
            route(query)

    do_POST = do_GET

    def reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in {"Content-Type": "application/json", **(headers or {})}.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            return

    def route_ok(self, query: dict[str, str]) -> None:
        self.reply(200, b'{"ok": true}')

    def route_slow(self, query: dict[str, str]) -> None:
        time.sleep(float(query.get("s", "2")))
        self.reply(200, b"{}")

    def route_big(self, query: dict[str, str]) -> None:
        self.reply(200, b"x" * int(query.get("n", "100000")))

    def route_gzipbomb(self, query: dict[str, str]) -> None:
        self.reply(200, gzip_bomb(256), {"Content-Encoding": "gzip"})

    def route_status(self, query: dict[str, str]) -> None:
        self.reply(int(query["code"]), b"{}")

    def route_limited(self, query: dict[str, str]) -> None:
        if Handler.hits["/limited"] == 1:
            self.reply(429, b"{}", {"Retry-After": "1"})
        else:
            self.reply(200, b'{"after": "retry"}')

    def route_storm(self, query: dict[str, str]) -> None:
        self.reply(429, b"{}", {"Retry-After": query.get("after", "999999999")})

    def route_redirect(self, query: dict[str, str]) -> None:
        self.reply(302, b"", {"Location": query["to"]})

    def route_leaky(self, query: dict[str, str]) -> None:
        """A redirect whose Location carries a URL password and the session's token (tests/core/test_http.py)."""
        self.reply(302, b"", {"Location": f"http://admin:hunter2@{self.headers['Host']}/ok?access_token=tok-123456"})

    def route_loop(self, query: dict[str, str]) -> None:
        self.reply(302, b"", {"Location": "/loop"})

    def route_echo(self, query: dict[str, str]) -> None:
        self.reply(200, self.headers.get("Authorization", "").encode())

    def drip(self, data: bytes, every: float) -> int:
        """Send ``data`` a byte at a time; the number of bytes sent before the client hung up (or all)."""
        return drip(self.wfile, data, every)

    def route_drip(self, query: dict[str, str]) -> None:
        size = int(query.get("n", "100"))
        self.wfile.write(
            f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {size}\r\n\r\n".encode()
        )
        Handler.dripped["/drip"] = self.drip(b" " * size, float(query.get("every", "0.1")))
        self.close_connection = True

    def route_driphead(self, query: dict[str, str]) -> None:
        Handler.dripped["/driphead"] = self.drip(DRIP_HEAD, float(query.get("every", "0.1")))
        self.close_connection = True

    def route_hangup(self, query: dict[str, str]) -> None:
        self.close_connection = True

    def route_silent(self, query: dict[str, str]) -> None:
        STOP.wait(60)
        self.close_connection = True


@contextmanager
def serve() -> Iterator[str]:
    """Start the double on a free port; yield its base URL; stop it. The bombs are built before it answers."""
    gzip_bomb(256)
    STOP.clear()
    Handler.hits, Handler.seen_headers, Handler.dripped = {}, [], {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        STOP.set()
        server.shutdown()
        server.server_close()
