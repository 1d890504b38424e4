"""The MQTT side of a SensorThings service (OGC 18-088 clause 14.2): its declared endpoints and a bounded client.

A service names its MQTT endpoints in ``serverSettings`` under the requirement URI of each MQTT class
(``{"endpoints": ["mqtt://host:port", "ws://…"]}``). The suite connects only to an ``mqtt://`` endpoint whose
host (and port) the vendors file declared, like every HTTP request, with a small MQTT 3.1.1 client of its own
(``mqttwire``): each packet is capped (option ``mqtt_max_packet``), all bytes of a check too (``mqtt_max_bytes``),
each acknowledgement or notification is awaited ``mqtt_wait`` seconds (18-088 sets no time; default 10), and
everything ends one second before the check's deadline. A cap or the deadline ends the check as *error*.
"""

from __future__ import annotations

import secrets
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from urllib.parse import urlsplit

from conformance.core.evidence import Skipped
from conformance.core.transport import TargetUnreachable
from conformance.suites.sensorthings.catalogue import MQTT_MAX_BYTES, MQTT_MAX_PACKET, MQTT_WAIT
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.mqttwire import (
    CONNACK,
    CONNECT,
    DISCONNECT,
    PINGREQ,
    PUBACK,
    PUBLISH,
    SUBACK,
    SUBSCRIBE,
    Limits,
    Wire,
    encode,
    text,
)
from conformance.suites.sensorthings.service import Ctx

KEEPALIVE = 60
MARGIN = 1.0  # seconds left to the check after the MQTT exchange (to remove the suite's own entities)


@dataclass(frozen=True)
class Endpoint:
    """A declared MQTT endpoint."""

    host: str
    port: int

    @property
    def url(self) -> str:
        """The endpoint as the service wrote it."""
        return f"mqtt://{self.host}:{self.port}"


def endpoint(ctx: Ctx, requirement: str) -> Endpoint:
    """The first ``mqtt://`` endpoint declared for a requirement, if the vendors file declared its host; else skip."""
    settings = ctx.observation.root.member("serverSettings")
    entry = settings.get(requirement) if isinstance(settings, dict) else None
    listed = entry.get("endpoints") if isinstance(entry, dict) else None
    found = [urlsplit(str(u)) for u in listed if str(u).startswith("mqtt://")] if isinstance(listed, list) else []
    if not found or not found[0].hostname:
        raise Skipped(m("skip.mqtt-no-endpoint", requirement=requirement))
    host, port = found[0].hostname, found[0].port or 1883
    hosts = ctx.target.http.hosts
    if f"{host}:{port}" not in hosts and host not in hosts:
        raise Skipped(m("skip.mqtt-undeclared", url=f"mqtt://{host}:{port}"))
    return Endpoint(host, port)


def limits(ctx: Ctx) -> Limits:
    """The target's MQTT options, and the end of the MQTT exchange: ``MARGIN`` before the check's deadline."""
    left = ctx.target.http.log.remaining()
    seconds = left if left is not None else ctx.target.http.settings.test_deadline
    option = ctx.target.option
    packet, budget = option("mqtt_max_packet", MQTT_MAX_PACKET), option("mqtt_max_bytes", MQTT_MAX_BYTES)
    return Limits(packet, budget, option("mqtt_wait", MQTT_WAIT), time.monotonic() + max(0.1, seconds - MARGIN))


class Client:
    """A connected MQTT 3.1.1 client. Of the PUBLISH packets it reads, only the first one ``collect`` accepts per
    topic is kept (``got``); the others are read and dropped, so a flood costs bytes of the budget, not memory."""

    def __init__(self, wire: Wire) -> None:
        self.wire = wire
        self.got: dict[str, bytes] = {}
        self.wanted: tuple[set[str], Callable[[bytes], bool]] = (set(), lambda payload: False)

    def connect(self) -> None:
        """CONNECT (clean session) and the broker's CONNACK; error when it does not come or refuses."""
        body = text("MQTT") + bytes([4, 2]) + KEEPALIVE.to_bytes(2, "big") + text(f"wechselbar-{secrets.token_hex(6)}")
        self.wire.send(CONNECT, body)
        answer = self._await(CONNACK)
        if answer is None:
            raise self._silent("CONNACK")
        if answer[1:2] != b"\x00":
            raise TargetUnreachable(m("mqtt-unreachable", url=self.wire.url, error=f"CONNACK refused: {answer.hex()}"))

    def subscribe(self, topics: list[str]) -> None:
        """Subscribe (QoS 0) and await the SUBACK; error when it does not come or refuses a topic."""
        self.wire.send(SUBSCRIBE, b"\x00\x01" + b"".join(text(t) + b"\x00" for t in topics), flags=2)
        answer = self._await(SUBACK, b"\x00\x01")
        if answer is None:
            raise self._silent("SUBACK")
        if b"\x80" in answer[2:]:
            raise TargetUnreachable(m("mqtt-refused", url=self.wire.url, topics=", ".join(topics)))

    def publish(self, topic: str, payload: bytes) -> bool:
        """PUBLISH with QoS 1; whether the PUBACK came within the wait."""
        self.wire.send(PUBLISH, text(topic) + b"\x00\x02" + payload, flags=2)
        return self._await(PUBACK, b"\x00\x02") is not None

    def collect(self, topics: set[str], accept: Callable[[bytes], bool]) -> dict[str, bytes]:
        """The first accepted message of each topic, waiting until every topic has one or the wait passed."""
        self.wanted = (topics, accept)
        end = time.monotonic() + self.wire.limits.wait
        while not topics <= self.got.keys() and self._next(end) is not None:
            pass
        return {t: p for t, p in self.got.items() if t in topics}

    def close(self) -> None:
        """DISCONNECT (when the broker still takes it) and close the socket."""
        with suppress(OSError):
            self.wire.sock.settimeout(0)
            self.wire.sock.sendall(encode(DISCONNECT, b""))
        self.wire.sock.close()

    def _silent(self, what: str) -> TargetUnreachable:
        return TargetUnreachable(m("mqtt-no-answer", url=self.wire.url, what=what, seconds=self.wire.limits.wait))

    def _await(self, kind: int, ident: bytes = b"") -> bytes | None:
        """The body of the next packet of a kind (and packet identifier), or None after the wait."""
        end = time.monotonic() + self.wire.limits.wait
        while (got := self._next(end)) is not None:
            if got[0] == kind and got[1].startswith(ident):
                return got[1]
        return None

    def _next(self, end: float) -> tuple[int, bytes] | None:
        """The next packet before ``end`` (a wanted PUBLISH is kept in ``got``), pinging the broker when idle."""
        while time.monotonic() < end:
            if time.monotonic() - self.wire.sent_at >= KEEPALIVE / 2:
                self.wire.send(PINGREQ, b"")
            got = self.wire.packet(min(end, self.wire.sent_at + KEEPALIVE / 2))
            if got is not None:
                if got[0] == PUBLISH:
                    self._keep(*self._message(got[1], got[2]))
                return got[0], got[2]
        return None

    def _keep(self, topic: str, payload: bytes) -> None:
        topics, accept = self.wanted
        if topic in topics and topic not in self.got and accept(payload):
            self.got[topic] = payload

    def _message(self, flags: int, body: bytes) -> tuple[str, bytes]:
        size = int.from_bytes(body[:2], "big")
        start = 2 + size + (2 if flags & 6 else 0)
        if len(body) < start:
            raise TargetUnreachable(m("mqtt-malformed", url=self.wire.url, problem="topic beyond the PUBLISH packet"))
        return body[2 : 2 + size].decode("utf-8", "replace"), body[start:]


@contextmanager
def connected(target: Endpoint, bounds: Limits) -> Iterator[Client]:
    """A client connected to the endpoint (error when it cannot connect in time); disconnected afterwards."""
    try:
        sock = socket.create_connection((target.host, target.port), timeout=_connect_time(bounds))
    except OSError as exc:
        raise TargetUnreachable(m("mqtt-unreachable", url=target.url, error=str(exc)), connection_failed=True) from exc
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    client = Client(Wire(sock, bounds, target.url))
    try:
        client.connect()
        yield client
    finally:
        client.close()


def _connect_time(bounds: Limits) -> float:
    return max(0.05, min(bounds.wait, bounds.deadline - time.monotonic()))
