"""The SensorThings MQTT client against hostile brokers: every case ends as an error type (no verdict), bounded.

Each broker is a small scripted server on 127.0.0.1 (stopped by the test) that plays one misbehaviour after
the client's CONNECT. Bounds are asserted by behaviour, not by wall-clock time: a refused packet costs no more
than one packet cap of reading, the budget no more than one byte beyond it (``Wire.received``), and an exchange
that never completes ends with ``DeadlineExceeded``
(the deadlines here are short, and every broker thread is joined with a bound).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

import pytest

from conformance.core.transport import DeadlineExceeded, ResponseTooLarge, TargetError, TargetUnreachable
from conformance.suites.sensorthings.mqtt import Client, Endpoint, connected
from conformance.suites.sensorthings.mqttwire import Limits, Wire, encode, text

CONNACK, SUBACK = b"\x20\x02\x00\x00", b"\x90\x03\x00\x01\x00"
PACKET, BUDGET = 4096, 65536
Script = Callable[[socket.socket, threading.Event], None]


def publish(topic: str, payload: bytes) -> bytes:
    return encode(3, text(topic) + payload)


@contextmanager
def broker(script: Script) -> Iterator[Endpoint]:
    """A broker that reads the CONNECT (and anything after it, unread) and plays ``script`` on the connection."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        with suppress(OSError):
            sock, _ = listener.accept()
            with sock:
                sock.recv(1024)
                script(sock, stop)
                stop.wait(30)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield Endpoint("127.0.0.1", int(listener.getsockname()[1]))
    finally:
        stop.set()
        listener.close()
        thread.join(30)


def limits(deadline: float = 1.5, wait: float = 1.0) -> Limits:
    return Limits(PACKET, BUDGET, wait, time.monotonic() + deadline)


def drip(data: bytes) -> Script:
    def script(sock: socket.socket, stop: threading.Event) -> None:
        for byte in data:
            if stop.wait(0.05):
                return
            sock.sendall(bytes([byte]))

    return script


def send(data: bytes, then: Script | None = None) -> Script:
    def script(sock: socket.socket, stop: threading.Event) -> None:
        sock.sendall(data)
        if then is not None:
            then(sock, stop)

    return script


def flood(sock: socket.socket, stop: threading.Event) -> None:
    """PUBLISH packets on a topic nobody subscribed to, until the client goes away."""
    packet = publish("other/topic", b"x" * 1000)
    while not stop.is_set():
        sock.sendall(packet * 16)


def close(sock: socket.socket, stop: threading.Event) -> None:
    sock.shutdown(socket.SHUT_RDWR)


def run(script: Script, bounds: Limits, act: Callable[[Client], object]) -> tuple[TargetError, int]:
    """Connect under ``bounds``, do ``act``; the error it ended with and the bytes the client read."""
    with broker(script) as target:
        client = Client(Wire(socket.create_connection((target.host, target.port)), bounds, target.url))
        with pytest.raises(TargetError) as caught:
            client.connect()
            act(client)
        client.close()
    return caught.value, client.wire.received


def subscribe(client: Client) -> object:
    client.subscribe(["v1.1/Datastreams(1)/Observations"])
    return client.collect({"v1.1/Datastreams(1)/Observations"}, lambda payload: True)


def test_an_announced_huge_packet_is_refused_before_its_body_is_read() -> None:
    huge = b"\x30\xff\xff\xff\x7f"  # PUBLISH of 268,435,455 bytes, the largest MQTT 3.1.1 allows
    error, received = run(send(CONNACK + SUBACK + huge, then=flood), limits(), subscribe)
    assert isinstance(error, ResponseTooLarge) and "268435455 bytes" in str(error.message.text)
    assert received <= PACKET


def test_a_huge_connack_is_refused_too() -> None:
    error, received = run(send(b"\x20\xff\xff\x7f" + b"\x00" * 8192), limits(), lambda client: None)
    assert isinstance(error, ResponseTooLarge) and received <= PACKET


def test_a_flood_on_other_topics_ends_at_the_byte_budget() -> None:
    error, received = run(send(CONNACK + SUBACK, then=flood), limits(deadline=30, wait=30), subscribe)
    assert isinstance(error, ResponseTooLarge) and "mqtt_max_bytes" in error.message.text
    assert received == BUDGET + 1


@pytest.mark.parametrize(
    "script",
    [
        drip(CONNACK),  # the CONNACK a byte at a time
        drip(CONNACK + SUBACK + publish("v1.1/Datastreams(1)/Observations", b"{}" * 200)),  # the notification
    ],
    ids=["connack", "publish"],
)
def test_a_slow_drip_ends_at_the_deadline(script: Script) -> None:
    error, received = run(script, limits(deadline=0.5, wait=5.0), subscribe)
    assert isinstance(error, DeadlineExceeded) and "deadline" in error.message.text
    assert received < len(CONNACK + SUBACK) + 20


def test_silence_after_connect_is_an_error_after_the_wait() -> None:
    with (
        broker(lambda sock, stop: None) as target,
        pytest.raises(TargetUnreachable) as caught,
        connected(target, limits(deadline=30, wait=0.3)),
    ):
        pass
    assert "sent no CONNACK within 0.3 s" in caught.value.message.text


def test_silence_beyond_the_deadline_is_a_deadline_error() -> None:
    error, _ = run(lambda sock, stop: None, limits(deadline=0.3, wait=5.0), lambda client: None)
    assert isinstance(error, DeadlineExceeded)


def test_a_broker_closing_mid_packet_is_an_error() -> None:
    error, received = run(send(CONNACK + SUBACK + b"\x30\x40\x00\x01t", then=close), limits(), subscribe)
    assert isinstance(error, TargetUnreachable) and "closed the connection" in error.message.text
    assert received == len(CONNACK + SUBACK) + 5


def test_a_notification_arrives_past_unrelated_ones() -> None:
    topic = "v1.1/Datastreams(1)/Observations"
    noise = publish("other", b"{}") * 50 + publish(topic, b'{"result": 1}')
    with broker(send(CONNACK + SUBACK + noise)) as target, connected(target, limits(deadline=30)) as client:
        client.subscribe([topic])
        assert client.collect({topic}, lambda payload: b"result" in payload) == {topic: b'{"result": 1}'}
