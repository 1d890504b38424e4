"""The minimal MQTT broker of the SensorThings double: the packets it answers and the input it refuses."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from conformance.demo.mqtt_broker import Broker

CONNECT = b"\x10\x0c\x00\x04MQTT\x04\x02\x00\x1e\x00\x00"
TOPIC = b"\x00\x01t"


@pytest.fixture
def broker() -> Iterator[tuple[Broker, list[tuple[str, bytes]]]]:
    published: list[tuple[str, bytes]] = []
    server = Broker(lambda topic, payload: published.append((topic, payload))).start()
    try:
        yield server, published
    finally:
        server.stop()


def client(server: Broker, first: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(first)
    return sock


def read(sock: socket.socket, count: int) -> bytes:
    """Up to ``count`` bytes: fewer only when the broker closed the connection."""
    data = b""
    try:
        while len(data) < count and (chunk := sock.recv(count - len(data))):
            data += chunk
    except ConnectionResetError:
        pass
    return data


def test_connect_subscribe_publish_ping(broker: tuple[Broker, list[tuple[str, bytes]]]) -> None:
    server, published = broker
    with client(server, CONNECT) as sock:
        assert read(sock, 4) == b"\x20\x02\x00\x00"
        sock.sendall(b"\x82\x06\x00\x07" + TOPIC + b"\x00")
        assert read(sock, 5) == b"\x90\x03\x00\x07\x00"
        sock.sendall(b"\x32\x07" + TOPIC + b"\x00\x09hi")
        assert read(sock, 4) == b"\x40\x02\x00\x09"
        assert published == [("t", b"hi")]
        [(session, topic)] = server.subscriptions()
        server.deliver(session, topic, b"x")
        assert read(sock, 6) == b"\x30\x04" + TOPIC + b"x"
        sock.sendall(b"\xa2\x05\x00\x08" + TOPIC)
        assert read(sock, 4) == b"\xb0\x02\x00\x08"
        sock.sendall(b"\xc0\x00")
        assert read(sock, 2) == b"\xd0\x00"
        assert server.subscriptions() == []


@pytest.mark.parametrize(
    "hostile",
    [
        b"\x82\x02\x00\x01",  # SUBSCRIBE before CONNECT
        CONNECT + b"\x30" + b"\xff\xff\xff\xff\x01",  # a remaining length of five bytes
        CONNECT + b"\x30\xff\xff\x7f",  # a packet far above the cap
        CONNECT + b"\x30\x03\x00\x09t",  # a topic longer than its packet
        CONNECT + b"\x34\x03" + TOPIC,  # QoS 2
    ],
)
def test_hostile_input_ends_the_connection(broker: tuple[Broker, list[tuple[str, bytes]]], hostile: bytes) -> None:
    server, published = broker
    with client(server, hostile) as sock:
        answer = read(sock, 64)
    assert answer in (b"", b"\x20\x02\x00\x00", b"\x20\x02\x00\x01")
    assert published == [] and server.subscriptions() == []
