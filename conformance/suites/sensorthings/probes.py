"""The bodies of the suite's own entities (each marked by a ``Writer``): one of each type and a deep insert."""

from __future__ import annotations

from typing import Any

from conformance.suites.sensorthings.service import Entity
from conformance.suites.sensorthings.writes import Writer

GEOJSON = "application/geo+json"
POINT = {"type": "Point", "coordinates": [7.1, 50.7]}
MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"
UNIT = {"name": "degree Celsius", "symbol": "°C", "definition": "http://qudt.org/vocab/unit/DEG_C"}


def thing(writer: Writer, tag: str, **related: Any) -> Entity:
    """A Thing (with related entities inline or by @iot.id, as given)."""
    return writer.mark(tag, **related)


def location(writer: Writer, tag: str) -> Entity:
    """A Location with a GeoJSON point."""
    return writer.mark(tag, encodingType=GEOJSON, location=POINT)


def sensor(writer: Writer, tag: str) -> Entity:
    """A Sensor described by a URL."""
    return writer.mark(tag, encodingType="text/html", metadata="https://wechselbar.example/probe-sensor")


def observed_property(writer: Writer, tag: str) -> Entity:
    """An ObservedProperty."""
    return writer.mark(tag, definition="https://wechselbar.example/def/probe")


def feature(writer: Writer, tag: str) -> Entity:
    """A FeatureOfInterest with a GeoJSON point."""
    return writer.mark(tag, encodingType=GEOJSON, feature=POINT)


def datastream(writer: Writer, tag: str, **related: Any) -> Entity:
    """A Datastream of measurements in degree Celsius (Thing, Sensor, ObservedProperty given by the caller)."""
    return writer.mark(tag, unitOfMeasurement=UNIT, observationType=MEASUREMENT, **related)


def observation(result: Any, **related: Any) -> Entity:
    """An Observation (it has no name: it is the suite's through its marked Datastream)."""
    return {"phenomenonTime": "2026-01-01T00:00:00Z", "result": result, **related}


def deep_thing(writer: Writer, tag: str) -> Entity:
    """A Thing with one Location and one Datastream (Sensor, ObservedProperty, one Observation with its
    FeatureOfInterest), all inline: one deep insert."""
    stream = datastream(
        writer,
        tag,
        Sensor=sensor(writer, tag),
        ObservedProperty=observed_property(writer, tag),
        Observations=[observation(21.5, FeatureOfInterest=feature(writer, tag))],
    )
    return thing(writer, tag, Locations=[location(writer, tag)], Datastreams=[stream])
