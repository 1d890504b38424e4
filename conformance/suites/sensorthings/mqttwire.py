"""MQTT 3.1.1 packets on one socket, read under the same rules as the HTTP layer (OASIS MQTT 3.1.1, clause 2).

A packet's remaining length (up to 268,435,455 bytes) is read first and refused above ``Limits.packet`` before any
of its body is read; every byte read counts against ``Limits.budget`` (one check's total). A ``recv`` asks for what
the packet still needs or one look-ahead (at most 64 KiB and at most the packet cap), never beyond the budget, so
memory grows with what the broker sent, never with what it announced. Every
read and write ends at ``Limits.deadline``, whatever the broker does (silence, a byte at a time, a flood): then
the exchange ends as *error*, never with a verdict. ``Wire.received`` counts what was read.
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass

from conformance.core.transport import DeadlineExceeded, ResponseTooLarge, TargetUnreachable
from conformance.suites.sensorthings.messages import m

CHUNK = 65536
CONNECT, CONNACK, PUBLISH, PUBACK, SUBSCRIBE, SUBACK, PINGREQ, PINGRESP, DISCONNECT = 1, 2, 3, 4, 8, 9, 12, 13, 14


@dataclass(frozen=True)
class Limits:
    """What one check may spend on a broker: bytes a packet may announce, bytes in all, seconds to wait for an
    acknowledgement or a notification, and the monotonic time by which everything ends."""

    packet: int
    budget: int
    wait: float
    deadline: float


def encode(kind: int, body: bytes, flags: int = 0) -> bytes:
    """One packet: fixed header (type, flags, remaining length) and body."""
    length, size = bytearray(), len(body)
    while True:
        size, digit = divmod(size, 128)
        length.append(digit | (128 if size else 0))
        if not size:
            return bytes([kind << 4 | flags, *length]) + body


def text(value: str) -> bytes:
    """A length-prefixed UTF-8 string."""
    data = value.encode("utf-8")
    return len(data).to_bytes(2, "big") + data


class Wire:
    """One connection to a broker; ``packet`` returns the next (type, flags, body), ``send`` writes one."""

    def __init__(self, sock: socket.socket, limits: Limits, url: str) -> None:
        self.sock, self.limits, self.url = sock, limits, url
        self.received = 0
        self.sent_at = time.monotonic()
        self.buffer = bytearray()
        self.ahead = min(CHUNK, limits.packet)

    def send(self, kind: int, body: bytes, flags: int = 0) -> None:
        """Write one packet before the deadline."""
        try:
            self._timeout(self.limits.deadline)
            self.sock.sendall(encode(kind, body, flags))
        except TimeoutError as exc:
            raise self._late() from exc
        except OSError as exc:
            raise TargetUnreachable(m("mqtt-unreachable", url=self.url, error=str(exc))) from exc
        self.sent_at = time.monotonic()

    def packet(self, until: float) -> tuple[int, int, bytes] | None:
        """The next packet, or None when none began before ``until``; a packet that began is read to its end
        under the deadline."""
        first = self._read(1, until)
        if not first:
            return None
        size = self._length()
        if size > self.limits.packet:
            raise ResponseTooLarge(m("mqtt-packet-too-large", url=self.url, size=size, cap=self.limits.packet))
        return first[0] >> 4, first[0] & 15, self._read(size, self.limits.deadline)

    def _length(self) -> int:
        size = 0
        for shift in range(0, 28, 7):
            digit = self._read(1, self.limits.deadline)[0]
            size |= (digit & 127) << shift
            if not digit & 128:
                return size
        raise TargetUnreachable(m("mqtt-malformed", url=self.url, problem="remaining length longer than 4 bytes"))

    def _read(self, count: int, until: float) -> bytes:
        """Exactly ``count`` bytes; b"" when none came before ``until`` (short of the deadline)."""
        while len(self.buffer) < count:
            if not self._fill(count - len(self.buffer), until):
                return b""
        data = bytes(self.buffer[:count])
        del self.buffer[:count]
        return data

    def _fill(self, need: int, until: float) -> bool:
        """Read what is there (at least one byte, at most what is needed or one look-ahead, and never beyond the
        budget); False when nothing came before ``until``."""
        try:
            self._timeout(min(until, self.limits.deadline))
            chunk = self.sock.recv(min(max(need, self.ahead), self.limits.budget - self.received + 1))
        except TimeoutError as exc:
            if until >= self.limits.deadline:
                raise self._late() from exc
            return False
        except OSError as exc:
            raise TargetUnreachable(m("mqtt-unreachable", url=self.url, error=str(exc))) from exc
        if not chunk:
            raise TargetUnreachable(m("mqtt-closed", url=self.url, read=self.received))
        self.received += len(chunk)
        if self.received > self.limits.budget:
            raise ResponseTooLarge(m("mqtt-budget", url=self.url, cap=self.limits.budget))
        self.buffer += chunk
        return True

    def _timeout(self, end: float) -> None:
        left = end - time.monotonic()
        if left <= 0:
            raise TimeoutError
        self.sock.settimeout(left)

    def _late(self) -> DeadlineExceeded:
        return DeadlineExceeded(m("mqtt-deadline", url=self.url, read=self.received))
