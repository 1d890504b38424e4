"""TEST DOUBLE: a small SensorThings API 1.1 service (reading, Create-Update-Delete, Data Array) for wechselbar's
tests and demo.

It is not a vendor implementation and proves nothing about any real product. It serves the fictional entities of
sensorthings_data on 127.0.0.1 (``http://127.0.0.1:<port>/<tenant>/v1.1/``) with pages of four entities. With
no defects it answers what the sensorthings suite checks the way OGC 18-088 asks; each name in DEFECTS switches
one deviation on, and each name in sensorthings_losses.LOSSES one way of changing what a POST creates (for the
round trip). Several tenants share one port; a tenant named in ``mqtt_tenants`` (or with an MQTT defect) declares
MQTT and has its own broker (sensorthings_mqtt).

``python -m conformance.demo.sensorthings_server --tenant ok --tenant bad:top-ignored,no-selflink``
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from conformance.demo import sensorthings_ext as ext
from conformance.demo import sensorthings_mqtt as mqtt
from conformance.demo import sensorthings_write as writes
from conformance.demo.sensorthings_losses import LOSSES
from conformance.demo.sensorthings_view import OMITTED, SINGLE, BadQuery, View, target_set
from conformance.demo.sensorthings_write import WRITE_DEFECTS
from conformance.demo.testserver import TenantServer, tenant_option

DEFECTS: dict[str, str] = {
    "no-selflink": "entities carry no @iot.selfLink",
    "thing-no-description": "Things lack the mandatory description",
    "location-outside-range": "a Location's GeoJSON point has latitude 149",
    "historical-location-bad-time": "a HistoricalLocation's time is not ISO 8601",
    "datastream-area-open": "a Datastream's observedArea polygon ring is not closed",
    "sensor-no-encoding-type": "Sensors lack the mandatory encodingType",
    "observed-property-no-definition": "ObservedProperties lack the mandatory definition",
    "observation-bad-time": "an Observation's phenomenonTime is not ISO 8601",
    "feature-not-geojson": "a FeatureOfInterest's feature has the GeoJSON type 'Punkt'",
    "multi-datastream-no-types": "the MultiDatastream lacks the mandatory multiObservationDataTypes",
    "multi-datastream-result-short": "an Observation of the MultiDatastream has one result value too few",
    **{
        name: f"{entity_set} carry no {relation}@iot.navigationLink" for name, (entity_set, relation) in OMITTED.items()
    },
    "datastream-wrong-thing": "a Datastream's Thing link leads to the other Thing (its expansion shows the right one)",
    "no-property-path": "property paths Set(id)/property answer 404",
    "top-ignored": "$top is ignored (always pages of four)",
    "skip-ignored": "$skip is ignored",
    "count-wrong": "@iot.count is one too high",
    "orderby-ignored": "$orderby is ignored",
    "select-ignored": "$select is ignored (every property is returned)",
    "expand-ignored": "$expand is ignored",
    "filter-eq-ignored": "a $filter comparison 'property eq literal' is true for every entity",
    "gt-as-ge": "the $filter operator gt behaves like ge",
    "startswith-ignored": "the $filter function startswith is true for every entity",
    "next-duplicates": "each @iot.nextLink starts one entity early (entities come twice)",
    "next-link-at-end": "the final page carries an @iot.nextLink too (to an empty page)",
    **WRITE_DEFECTS,
    "batch-no-ids": "the responses of a JSON batch carry no id",
    **ext.EXT_DEFECTS,
    **mqtt.MQTT_DEFECTS,
}
JSON = "application/json"


class Handler(BaseHTTPRequestHandler):
    """Routes /{tenant}/v1.1/[Set[(id)[/property[/$value] | /Relation]]]."""

    protocol_version = "HTTP/1.1"
    server_version = "SensorThingsTestDouble/1.0"
    disable_nagle_algorithm = True  # headers and body are two writes: without it each answer waits for a delayed ACK

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        segments = [unquote(s) for s in parts.path.split("/") if s]
        views: dict[str, View] = self.server.views  # type: ignore[attr-defined]
        view = views.get(segments[0]) if segments else None
        if view is None or segments[1:2] != ["v1.1"]:
            self._send(404, {"message": "not found"})
            return
        query = dict(parse_qsl(parts.query))
        url = f"{view.base}/{'/'.join(segments[2:])}"
        try:
            status, body = route(view, segments[2:], query, url)
        except BadQuery as exc:
            status, body = 400, {"message": str(exc)}
        if status == 200 and query.get("$resultFormat") == "dataArray" and segments[-1] == "Observations":
            body = ext.packed(view, body)
        self._send(status, body)

    def do_POST(self) -> None:
        self._write("POST")

    def do_PATCH(self) -> None:
        self._write("PATCH")

    def do_PUT(self) -> None:
        self._write("PUT")

    def do_DELETE(self) -> None:
        self._write("DELETE")

    def _write(self, method: str) -> None:
        segments = [unquote(s) for s in urlsplit(self.path).path.split("/") if s]
        views: dict[str, View] = self.server.views  # type: ignore[attr-defined]
        view = views.get(segments[0]) if segments else None
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        if view is None or segments[1:2] != ["v1.1"] or not segments[2:]:
            self._send(404, {"message": "not found"})
            return
        if method == "PATCH" and self.headers.get("Content-Type", "").startswith(ext.JSON_PATCH):
            head, _, ident = segments[2].partition("(")
            found = view.find(head, ident.rstrip(")").strip("'")) if head in view.data and ident else None
            self._send(*ext.json_patch(view, head, found, body))
            return
        self._send(*write_route(view, method, segments[2:], body))

    def _send(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> None:
        raw = b"" if body is None else body.encode("utf-8") if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain" if isinstance(body, str) else JSON)
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)


def route(view: View, path: list[str], query: dict[str, str], url: str) -> tuple[int, Any]:
    """Status and body (a JSON value, or a str served as text/plain) for a path below /v1.1."""
    if not path:
        return 200, mqtt.with_mqtt(view, view.root())
    head, _, ident = path[0].partition("(")
    if head not in view.data:
        return 404, {"message": "no such entity set"}
    if not ident:
        return 200, view.collection(head, view.data[head], query, url)
    entity = view.find(head, ident.rstrip(")").strip("'"))
    if entity is None:
        return 404, {"message": "no such entity"}
    if len(path) == 1:
        return 200, view.render(head, entity, tuple(query.get("$expand", "").split(",")))
    return _below(view, head, entity, path[1:], query, url)


def _below(
    view: View, head: str, entity: dict[str, Any], rest: list[str], query: dict[str, str], url: str
) -> tuple[int, Any]:
    name = rest[0]
    if name in entity["_links"]:
        rows = view.related(head, entity, name)
        target = target_set(head, name)
        if target != name:
            return (200, view.render(target, rows[0])) if rows else (404, {"message": "no related entity"})
        return 200, view.collection(target, rows, query, url)
    if name not in entity or name == "_links" or "no-property-path" in view.defects:
        return 404, {"message": "no such property"}
    if rest[1:] == ["$value"]:
        return 200, str(entity[name])
    return 200, {name: entity[name]}


def write_route(view: View, method: str, path: list[str], body: Any) -> writes.Answer:
    """POST to a set or a navigation link or to $batch, PATCH, PUT or DELETE of an entity."""
    if path == ["$batch"] and method == "POST":
        return batch(view, body)
    if path == ["CreateObservations"] and method == "POST":
        return ext.create_observations(view, body)
    head, _, ident = path[0].partition("(")
    if head not in view.data or len(path) > 2 or (method != "POST" and (not ident or len(path) > 1)):
        return 405 if head in view.data else 404, {"message": f"{method} is not allowed here"}, {}
    entity = view.find(head, ident.rstrip(")").strip("'")) if ident else None
    if method == "POST" and not ident:
        return writes.post(view, head, body)
    if method == "POST":
        relation = path[1] if len(path) == 2 else ""
        if entity is None or relation not in entity["_links"] or relation in SINGLE:
            return 404, {"message": "no such collection"}, {}
        return writes.post(view, target_set(head, relation), body, (head, entity, relation))
    if method == "DELETE":
        return writes.delete(view, head, entity)
    return writes.patch(view, head, entity, body, replace=method == "PUT")


def batch(view: View, body: Any) -> writes.Answer:
    """A JSON batch (OData JSON Format 4.01, clause 19): each request answered in order, by its id."""
    requests = body.get("requests") if isinstance(body, dict) else None
    if not isinstance(requests, list) or not all(isinstance(r, dict) for r in requests):
        return 400, {"message": "a JSON batch is an object with a requests array of objects"}, {}
    responses = [_one(view, r) for r in requests]
    for response in responses if "batch-no-ids" in view.defects else []:
        del response["id"]
    return 200, {"responses": responses}, {}


def _one(view: View, request: dict[str, Any]) -> dict[str, Any]:
    parts = urlsplit(str(request.get("url", "")))
    segments = [unquote(s) for s in parts.path.split("/") if s]
    method = str(request.get("method", "get")).upper()
    headers: Mapping[str, str] = {}
    try:
        if method == "GET":
            status, out = route(view, segments, dict(parse_qsl(parts.query)), f"{view.base}/{parts.path}")
        else:
            status, out, headers = write_route(view, method, segments or [""], request.get("body"))
    except BadQuery as exc:
        status, out = 400, {"message": str(exc)}
    return {"id": request.get("id"), "status": status, "headers": dict(headers), "body": out}


class SensorThingsTestServer(TenantServer):
    """The test double: binds 127.0.0.1 (port 0 = any free port) and serves every tenant."""

    def __init__(
        self, tenants: Mapping[str, frozenset[str]], port: int = 0, mqtt_tenants: frozenset[str] = frozenset()
    ) -> None:
        unknown = sorted({d for defects in tenants.values() for d in defects} - set(DEFECTS) - set(LOSSES))
        if unknown:
            known = ", ".join(sorted({*DEFECTS, *LOSSES}))
            raise ValueError(f"unknown defects: {', '.join(unknown)}; known: {known}")
        super().__init__(Handler, port)
        self.serve_views(
            {
                name: View(self.url(name)[:-1], frozenset(d), mqtt.declares(name, frozenset(d), mqtt_tenants))
                for name, d in tenants.items()
            }
        )

    def stop(self) -> None:
        """Stop serving, and every tenant's MQTT broker."""
        super().stop()
        for view in self.views.values():
            mqtt.stop(view)

    def url(self, tenant: str) -> str:
        """The service root of one tenant (ending in /v1.1/)."""
        return f"http://127.0.0.1:{self.port}/{tenant}/v1.1/"


def main(argv: list[str] | None = None) -> None:
    """Command line: start the server, print its tenants' URLs as one JSON line, serve until terminated."""
    parser = argparse.ArgumentParser(description="SensorThings API test double (never a vendor implementation)")
    parser.add_argument("--tenant", action="append", default=[], metavar="NAME[:DEFECT,...]")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--mqtt", action="append", default=[], metavar="NAME", help="a tenant with an MQTT broker")
    options = parser.parse_args(argv)
    tenants = dict(tenant_option(t) for t in options.tenant or ["sta"])
    server = SensorThingsTestServer(tenants, options.port, frozenset(options.mqtt))
    server.serve_until_terminated(
        {"test_double": True, "port": server.port, "tenants": {t: server.url(t) for t in tenants}}
    )


if __name__ == "__main__":
    main()
