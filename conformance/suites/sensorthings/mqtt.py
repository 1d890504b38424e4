"""The MQTT side of a SensorThings service (OGC 18-088 clause 14.2): its declared endpoints and a bounded client.

A service names its MQTT endpoints in ``serverSettings`` under the requirement URI of each MQTT class
(``{"endpoints": ["mqtt://host:port", "ws://…"]}``). The suite connects only to an ``mqtt://`` endpoint whose
host (and port) the vendors file declared, like every HTTP request; every wait is bounded by what is left of the
test's deadline and by ``WAIT`` seconds.
"""

from __future__ import annotations

import queue
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion

from conformance.core.evidence import Skipped
from conformance.core.transport import TargetUnreachable
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.service import Ctx

WAIT = 10.0


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


def wait(ctx: Ctx) -> float:
    """Seconds one wait may take: ``WAIT``, or less when the test's deadline is nearer."""
    left = ctx.target.http.log.remaining()
    return max(0.1, min(WAIT, left - 1.0)) if left is not None else WAIT


class Listener:
    """A connected client; the messages of its subscriptions arrive in ``messages`` as (topic, payload)."""

    def __init__(self, client: paho.Client) -> None:
        self.client = client
        self.messages: queue.Queue[tuple[str, bytes]] = queue.Queue()
        self.acked: queue.Queue[int] = queue.Queue()

    def subscribe(self, topics: list[str], seconds: float) -> bool:
        """Subscribe and wait for every acknowledgement; False if they did not all come in time."""
        for topic in topics:
            self.client.subscribe(topic, qos=0)
        try:
            for _ in topics:
                self.acked.get(timeout=seconds)
        except queue.Empty:
            return False
        return True

    def collect(self, topics: set[str], accept: Callable[[bytes], bool], seconds: float) -> dict[str, bytes]:
        """The first accepted message of each topic, waiting until every topic has one or ``seconds`` passed."""
        got: dict[str, bytes] = {}
        end = time.monotonic() + seconds
        while not topics <= got.keys() and (left := end - time.monotonic()) > 0:
            try:
                topic, payload = self.messages.get(timeout=left)
            except queue.Empty:
                break
            if topic in topics and accept(payload):
                got.setdefault(topic, payload)
        return got


@contextmanager
def connected(ctx: Ctx, target: Endpoint) -> Iterator[Listener]:
    """A client connected to the endpoint (error when it cannot connect in time); disconnected afterwards."""
    client = paho.Client(CallbackAPIVersion.VERSION2, client_id="wechselbar-" + secrets.token_hex(6))
    listener = Listener(client)
    connected_ok: queue.Queue[bool] = queue.Queue()
    client.on_connect = lambda c, u, f, reason, p: connected_ok.put(not reason.is_failure)
    client.on_subscribe = lambda c, u, mid, codes, p: listener.acked.put(mid)
    client.on_message = lambda c, u, message: listener.messages.put((message.topic, bytes(message.payload)))
    client.connect_timeout = wait(ctx)
    try:
        client.connect(target.host, target.port, keepalive=30)
    except OSError as exc:
        raise TargetUnreachable(m("mqtt-unreachable", url=target.url, error=str(exc)), connection_failed=True) from exc
    client.loop_start()
    try:
        if not connected_ok.get(timeout=wait(ctx)):
            raise TargetUnreachable(m("mqtt-unreachable", url=target.url, error="CONNACK refused"))
        yield listener
    except queue.Empty as exc:
        raise TargetUnreachable(m("mqtt-unreachable", url=target.url, error="no CONNACK")) from exc
    finally:
        client.disconnect()
        client.loop_stop()
