"""The MQTT extension (OGC 18-088 clause 14.2): receive-updates-via-mqtt and create-observations-via-mqtt.

Both write (an Observation into a Datastream of the suite's own), so both need ``writes = true`` and the class
declared (or claimed); the endpoint is the first ``mqtt://`` one the service declares for the requirement, used
only if the vendors file declared its host (see ``mqtt``). Receiving: subscribed to the Datastream's Observations
and to the same topic with ``$select=result,phenomenonTime``, an Observation created over HTTP must arrive on
both, the second with the selected properties only. Creating: an Observation published to the Datastream's
Observations topic must be created (read back over HTTP).
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlsplit

from conformance.core.evidence import Skipped, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.sensorthings import probes
from conformance.suites.sensorthings.catalogue import MQTT_CREATE, MQTT_RECEIVE
from conformance.suites.sensorthings.checks_write import finding, judged, needed, writing
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.mqtt import connected, endpoint, limits
from conformance.suites.sensorthings.service import Ctx, Doc
from conformance.suites.sensorthings.writes import Writer, entity_link

SELECTED = ("result", "phenomenonTime")
RECEIVED, PUBLISHED = (23.75, 23.5), 24.5


def _stream(writer: Writer) -> tuple[str, str]:
    """A Datastream of the suite's own (deep insert): its URL and its MQTT topic of Observations."""
    made = writer.create("Things", probes.deep_thing(writer, "mqtt"))
    needed(made, m("phrase.deep-insert", target="Things"))
    writer.adopt(made.header("Location"))
    streams = writer.send("GET", f"{made.header('Location')}/Datastreams").entities()
    if not streams:
        raise Skipped(m("skip.creation-failed", what=f"{made.header('Location')}/Datastreams", status=made.status))
    url = entity_link(writer.root, "Datastreams", streams[0])
    version = urlsplit(writer.root).path.rstrip("/").rsplit("/", 1)[-1]
    return url, f"{version}/{url.removeprefix(writer.root)}/Observations"


def receive_updates(ctx: Ctx) -> Judgement:
    """An Observation created over HTTP arrives on the Datastream's Observations topic and, with the selected
    properties only, on the same topic with $select. A broker may activate a subscription shortly after it
    acknowledged it, so a second Observation is created when the first did not arrive on both topics."""
    with writing(ctx, MQTT_RECEIVE) as writer:
        target = endpoint(ctx, f"{MQTT_RECEIVE}/receive-updates")
        url, topic = _stream(writer)
        selected = f"{topic}?$select={','.join(SELECTED)}"
        got: dict[str, bytes] = {}
        with connected(target, limits(ctx)) as client:
            client.subscribe([topic, selected])
            for result in RECEIVED:
                made = writer.create(f"{url}/Observations", probes.observation(result))
                got |= client.collect({topic, selected} - got.keys(), lambda p: _result(p) in RECEIVED)
                if topic in got and selected in got:
                    break
        findings = [f for t in (topic, selected) for f in _arrived(made, target.url, t, got.get(t), t == selected)]
        return judged(ctx, findings, writer)


def _result(payload: bytes) -> Any:
    try:
        entity = json.loads(payload)
    except ValueError:
        return None
    return entity.get("result") if isinstance(entity, dict) else None


def _arrived(made: Doc, broker: str, topic: str, payload: bytes | None, select: bool) -> list[Violation]:
    try:
        entity: Any = json.loads(payload) if payload is not None else None
    except ValueError:
        entity = payload.decode("utf-8", "replace")[:200] if payload else None
    if not isinstance(entity, dict) or entity.get("result") not in RECEIVED:
        message = m("mqtt-not-received", topic=topic, url=broker, got=json.dumps(entity)[:200])
        return [finding(ValueViolation, message, made, list(RECEIVED), entity)]
    extra = sorted(k for k in entity if k not in SELECTED and not k.startswith("@iot.")) if select else []
    if extra:
        message = m("mqtt-not-selected", topic=topic, extra=", ".join(extra))
        return [finding(ValueViolation, message, made, list(SELECTED), sorted(entity))]
    return []


def observations_creation(ctx: Ctx) -> Judgement:
    """An Observation published to the Datastream's Observations topic is created."""
    with writing(ctx, MQTT_CREATE) as writer:
        target = endpoint(ctx, f"{MQTT_CREATE}/observations-creation")
        url, topic = _stream(writer)
        bounds = limits(ctx)
        with connected(target, bounds) as client:
            client.publish(topic, json.dumps(probes.observation(PUBLISHED)).encode("utf-8"))
        listing = _until_stored(writer, f"{url}/Observations", bounds.wait)
        if PUBLISHED in [e.get("result") for e in listing.entities()]:
            return judged(ctx, [], writer)
        message = m("mqtt-not-created", topic=topic, url=target.url, listing=listing.url)
        return judged(ctx, [finding(ValueViolation, message, listing, PUBLISHED, None)], writer)


def _until_stored(writer: Writer, url: str, seconds: float) -> Doc:
    """The Datastream's Observations once the published one is there, or after the wait."""
    end = time.monotonic() + seconds
    while True:
        listing = writer.send("GET", url)
        if PUBLISHED in [e.get("result") for e in listing.entities()] or time.monotonic() >= end:
            return listing
        time.sleep(0.2)
