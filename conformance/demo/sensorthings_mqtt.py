"""TEST DOUBLE: the MQTT extension of the SensorThings double (OGC 18-088 clause 14.2) on a minimal broker.

A tenant that declares MQTT gets its own broker (``mqtt_broker``, 127.0.0.1, a free port), started when its root
is first read and stopped with the double. An Observation created over HTTP is published to the subscribers of
``v1.1/Datastreams(id)/Observations`` (with ``$select`` applied) and of ``v1.1/Observations``; an Observation
published to ``v1.1/Datastreams(id)/Observations`` is created in that Datastream. Each name in MQTT_DEFECTS
switches one deviation on (each implies that the tenant declares MQTT).
"""

from __future__ import annotations

import json
import re
import socket
import threading
from typing import Any
from urllib.parse import parse_qsl

from conformance.demo import sensorthings_write as writes
from conformance.demo.mqtt_broker import Broker
from conformance.demo.sensorthings_data import Entity
from conformance.demo.sensorthings_view import View

MQTT_DEFECTS: dict[str, str] = {
    "mqtt-unreachable": "the root declares both MQTT classes with an endpoint on a port where nothing listens",
    "mqtt-silent": "the broker never publishes new Observations to their subscribers",
    "mqtt-ignores-select": "a message on a topic with $select carries the whole Observation",
    "mqtt-no-create": "an Observation published to a Datastream's Observations topic is acknowledged, not created",
    "mqtt-oversize": "after CONNACK the broker announces a PUBLISH of 268,435,455 bytes (the MQTT maximum)",
}
OVERSIZE = b"\x30\xff\xff\xff\x7f" + b"\x00\x01t" + b"x" * 4096  # the start of that PUBLISH
MQTT = [
    "http://www.opengis.net/spec/iot_sensing/1.1/req/create-observations-via-mqtt/observations-creation",
    "http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates",
]
TOPIC = re.compile(r"v1\.1/Datastreams\((\d+)\)/Observations")
_CLOSED: dict[int, socket.socket] = {}  # per view: a bound socket that never listens (connections are refused)
_BROKERS: dict[int, Broker] = {}
_LOCK = threading.Lock()


def declares(name: str, defects: frozenset[str], tenants: frozenset[str]) -> bool:
    """Whether a tenant declares MQTT: it is named among ``tenants`` or has an MQTT defect."""
    return name in tenants or bool(defects & MQTT_DEFECTS.keys())


def with_mqtt(view: View, root: dict[str, Any]) -> dict[str, Any]:
    """The service root; a tenant with MQTT declares both classes and its broker's endpoint (with
    ``mqtt-unreachable`` a port that refuses connections)."""
    if not view.mqtt:
        return root
    endpoint = {"endpoints": [f"mqtt://127.0.0.1:{_port(view)}"]}
    settings = root["serverSettings"]
    return {
        **root,
        "serverSettings": {**settings, "conformance": settings["conformance"] + MQTT, **dict.fromkeys(MQTT, endpoint)},
    }


def _port(view: View) -> int:
    with _LOCK:
        if "mqtt-unreachable" in view.defects:
            if id(view) not in _CLOSED:
                _CLOSED[id(view)] = socket.socket()
                _CLOSED[id(view)].bind(("127.0.0.1", 0))
            return int(_CLOSED[id(view)].getsockname()[1])
        if id(view) not in _BROKERS:
            hostile = OVERSIZE if "mqtt-oversize" in view.defects else b""
            _BROKERS[id(view)] = Broker(lambda topic, payload: received(view, topic, payload), hostile).start()
            view.created.append(lambda entity: notify(view, entity))
        return _BROKERS[id(view)].port


def stop(view: View) -> None:
    """Stop the tenant's broker (and close its refusing socket), if it has one."""
    with _LOCK:
        broker, closed = _BROKERS.pop(id(view), None), _CLOSED.pop(id(view), None)
    if broker is not None:
        broker.stop()
    if closed is not None:
        closed.close()


def notify(view: View, entity: Entity) -> None:
    """Publish a new Observation to every subscription its Datastream's topics match."""
    broker = _BROKERS.get(id(view))
    if broker is None or "mqtt-silent" in view.defects or "Datastream" not in entity["_links"]:
        return
    streams = entity["_links"]["Datastream"]
    for session, topic in broker.subscriptions():
        path, _, query = topic.partition("?")
        match = TOPIC.fullmatch(path)
        if path == "v1.1/Observations" or (match and int(match[1]) in streams):
            broker.deliver(session, topic, json.dumps(_shown(view, entity, query)).encode("utf-8"))


def _shown(view: View, entity: Entity, query: str) -> dict[str, Any]:
    shown = view.render("Observations", entity)
    select = dict(parse_qsl(query)).get("$select")
    if not select or "mqtt-ignores-select" in view.defects:
        return shown
    keep = set(select.split(","))
    return {k: v for k, v in shown.items() if k in keep}


def received(view: View, topic: str, payload: bytes) -> None:
    """Create an Observation published to a Datastream's Observations topic (anything else is ignored)."""
    match = TOPIC.fullmatch(topic)
    stream = view.find("Datastreams", match[1]) if match else None
    if stream is None or "mqtt-no-create" in view.defects:
        return
    try:
        body = json.loads(payload)
    except ValueError:
        return
    writes.post(view, "Observations", body, ("Datastreams", stream, "Observations"))
