"""TEST DOUBLE: a minimal MQTT 3.1.1 broker for wechselbar's doubles (never a product, proves nothing about one).

It binds 127.0.0.1 (a free port), serves each connection in a thread and knows CONNECT/CONNACK,
SUBSCRIBE/SUBACK, UNSUBSCRIBE/UNSUBACK, PUBLISH with QoS 0 and 1 (PUBACK), PINGREQ/PINGRESP and DISCONNECT.
It routes nothing itself: ``on_publish`` receives what clients publish, ``deliver`` sends to one subscription;
``after_connack`` is sent as is after every CONNACK (a double's hostile defect).
Every read is bounded (``MAX_PACKET`` bytes a packet, ``MAX_FILTERS`` a session, ``IDLE`` seconds of
silence); a malformed packet ends the connection.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable
from typing import Self

MAX_PACKET = 65536
MAX_FILTERS = 64
IDLE = 120.0
CONNECT, PUBLISH, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT = 1, 3, 8, 10, 12, 14


class Malformed(ValueError):
    """A packet the broker does not accept (the connection ends)."""


class Session:
    """One connected client: its socket, its topic filters, a lock for its writes."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.filters: list[str] = []
        self.lock = threading.Lock()

    def send(self, kind: int, body: bytes, flags: int = 0) -> None:
        """Write one packet (errors of a closed connection are ignored)."""
        length, size = bytearray(), len(body)
        while True:
            size, digit = divmod(size, 128)
            length.append(digit | (128 if size else 0))
            if not size:
                break
        with self.lock:
            try:
                self.sock.sendall(bytes([kind << 4 | flags]) + bytes(length) + body)
            except OSError:
                return

    def read(self, count: int) -> bytes:
        """Exactly ``count`` bytes, or Malformed when the connection ends first."""
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise Malformed("connection closed")
            data += chunk
        return data

    def packet(self) -> tuple[int, int, bytes]:
        """The next packet: type, flags, body (at most ``MAX_PACKET`` bytes)."""
        first = self.read(1)[0]
        size, shift = 0, 0
        for _ in range(4):
            digit = self.read(1)[0]
            size |= (digit & 127) << shift
            shift += 7
            if not digit & 128:
                break
        else:
            raise Malformed("remaining length longer than four bytes")
        if size > MAX_PACKET:
            raise Malformed(f"packet of {size} bytes")
        return first >> 4, first & 15, self.read(size)


def text(body: bytes, at: int) -> tuple[str, int]:
    """A length-prefixed UTF-8 string of a packet body and the offset after it."""
    if at + 2 > len(body):
        raise Malformed("string beyond the packet")
    (size,) = struct.unpack_from("!H", body, at)
    if at + 2 + size > len(body):
        raise Malformed("string beyond the packet")
    try:
        return body[at + 2 : at + 2 + size].decode("utf-8"), at + 2 + size
    except UnicodeDecodeError as exc:
        raise Malformed("string not UTF-8") from exc


class Broker:
    """The broker: ``start`` serves in a thread, ``stop`` closes every socket."""

    def __init__(self, on_publish: Callable[[str, bytes], None], after_connack: bytes = b"") -> None:
        self.on_publish = on_publish
        self.after_connack = after_connack
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.sessions: list[Session] = []
        self.lock = threading.Lock()

    @property
    def port(self) -> int:
        """The bound port."""
        return int(self.listener.getsockname()[1])

    def start(self) -> Self:
        """Accept connections in a background thread."""
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def stop(self) -> None:
        """Close the listening socket and every connection."""
        self.listener.close()
        with self.lock:
            sessions, self.sessions = self.sessions, []
        for session in sessions:
            session.sock.close()

    def subscriptions(self) -> list[tuple[Session, str]]:
        """Every (session, topic filter) now subscribed."""
        with self.lock:
            return [(s, f) for s in self.sessions for f in list(s.filters)]

    def deliver(self, session: Session, topic: str, payload: bytes) -> None:
        """PUBLISH (QoS 0) a message to one session."""
        name = topic.encode("utf-8")
        session.send(PUBLISH, struct.pack("!H", len(name)) + name + payload)

    def _accept(self) -> None:
        while True:
            try:
                sock, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(Session(sock),), daemon=True).start()

    def _serve(self, session: Session) -> None:
        session.sock.settimeout(IDLE)
        try:
            kind, _, body = session.packet()
            if kind != CONNECT or body[:7] != b"\x00\x04MQTT\x04":
                session.send(2, b"\x00\x01")
                return
            session.send(2, b"\x00\x00")
            if self.after_connack:
                session.sock.sendall(self.after_connack)
            with self.lock:
                self.sessions.append(session)
            while self._handle(session, *session.packet()):
                pass
        except (Malformed, OSError, IndexError, struct.error):
            pass
        finally:
            with self.lock:
                self.sessions = [s for s in self.sessions if s is not session]
            session.sock.close()

    def _handle(self, session: Session, kind: int, flags: int, body: bytes) -> bool:
        """Answer one packet; False when the connection is to end."""
        if kind == PUBLISH:
            return self._publish(session, flags, body)
        if kind in (SUBSCRIBE, UNSUBSCRIBE):
            self._subscribe(session, kind, body)
            return True
        if kind == PINGREQ:
            session.send(13, b"")
            return True
        return False

    def _publish(self, session: Session, flags: int, body: bytes) -> bool:
        qos = flags >> 1 & 3
        if qos > 1:
            return False
        topic, at = text(body, 0)
        ident, at = body[at : at + 2 * bool(qos)], at + 2 * bool(qos)
        self.on_publish(topic, body[at:])
        if qos:
            session.send(4, ident)
        return True

    def _subscribe(self, session: Session, kind: int, body: bytes) -> None:
        at, topics, granted = 2, [], bytearray()
        while at < len(body):
            topic, at = text(body, at)
            topics.append(topic)
            if kind == SUBSCRIBE:
                at += 1
                granted.append(0)
        if kind == SUBSCRIBE:
            session.filters = (session.filters + topics)[:MAX_FILTERS]
            session.send(9, body[:2] + bytes(granted))
        else:
            session.filters = [f for f in session.filters if f not in topics]
            session.send(11, body[:2])
