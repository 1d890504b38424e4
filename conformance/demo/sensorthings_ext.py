"""TEST DOUBLE: the SensorThings double's Data Array extension ($resultFormat=dataArray, CreateObservations) and
JSON PATCH (RFC 6902 on PATCH as application/json-patch+json), as OGC 18-088 asks, with switchable deviations."""

from __future__ import annotations

import copy
from typing import Any

from conformance.demo import sensorthings_write as writes
from conformance.demo.sensorthings_data import Entity
from conformance.demo.sensorthings_view import View

EXT_DEFECTS: dict[str, str] = {
    "data-array-count-wrong": "dataArray@iot.count is one too high",
    "data-array-shifted": "the results of a dataArray are shifted by one row",
    "create-observations-lost": "CreateObservations answers with selfLinks but stores nothing",
    "json-patch-ignored": "a JSON PATCH answers 200 but changes nothing",
}
COMPONENTS = ["id", "phenomenonTime", "result", "resultTime"]
JSON_PATCH = "application/json-patch+json"


def packed(view: View, answer: dict[str, Any]) -> dict[str, Any]:
    """A collection answer of Observations in the dataArray form: one group per Datastream."""
    groups: dict[str, dict[str, Any]] = {}
    for shown in answer.get("value", []):
        raw = next(e for e in view.data["Observations"] if e["@iot.id"] == shown["@iot.id"])
        stream = (raw["_links"].get("Datastream") or raw["_links"].get("MultiDatastream") or [0])[0]
        group = groups.setdefault(
            str(stream),
            {"Datastream@iot.navigationLink": f"{view.base}/Datastreams({stream})", "components": COMPONENTS},
        )
        group.setdefault("dataArray", []).append([raw.get(c if c != "id" else "@iot.id") for c in COMPONENTS])
    for group in groups.values():
        rows = group.pop("dataArray")
        if "data-array-shifted" in view.defects and len(rows) > 1:
            results = [r[2] for r in rows]
            rows = [[*r[:2], results[i - 1], *r[3:]] for i, r in enumerate(rows)]
        group["dataArray@iot.count"] = len(rows) + ("data-array-count-wrong" in view.defects)
        group["dataArray"] = rows
    out = {k: v for k, v in answer.items() if k != "value"}
    return {**out, "value": list(groups.values())}


def create_observations(view: View, body: Any) -> writes.Answer:
    """POST CreateObservations: each row of each group becomes an Observation; one selfLink (or "error") per row."""
    if not isinstance(body, list) or not all(isinstance(g, dict) for g in body):
        return 400, {"message": "CreateObservations takes an array of dataArray objects"}, {}
    saved = copy.deepcopy(view.data)
    links = [_row(view, group, row) for group in body for row in group.get("dataArray") or []]
    if "create-observations-lost" in view.defects:
        view.data = saved
    return 201, links, {}


def _row(view: View, group: dict[str, Any], row: Any) -> str:
    components = group.get("components")
    if not isinstance(components, list) or not isinstance(row, list) or len(row) != len(components):
        return "error"
    body: dict[str, Any] = {"Datastream": group.get("Datastream")}
    for name, value in zip(components, row, strict=True):
        if name == "FeatureOfInterest/id":
            body["FeatureOfInterest"] = {"@iot.id": value}
        else:
            body[name] = value
    status, _, headers = writes.post(view, "Observations", body)
    return headers.get("Location", "error") if status == 201 else "error"


def json_patch(view: View, entity_set: str, entity: Entity | None, operations: Any) -> writes.Answer:
    """PATCH with a JSON PATCH document: add, replace and remove on the entity's properties."""
    if entity is None:
        return 404, {"message": "no such entity"}, {}
    document = {k: copy.deepcopy(v) for k, v in entity.items() if k not in ("_links", "@iot.id")}
    try:
        for operation in operations if isinstance(operations, list) else [None]:
            _apply(document, operation)
    except (KeyError, TypeError, ValueError) as exc:
        return 400, {"message": f"JSON PATCH not applicable: {exc}"}, {}
    if "json-patch-ignored" not in view.defects:
        for key in [k for k in entity if k not in ("_links", "@iot.id") and k not in document]:
            del entity[key]
        entity.update(document)
    return 200, view.render(entity_set, entity), {}


def _apply(document: dict[str, Any], operation: Any) -> None:
    if not isinstance(operation, dict) or operation.get("op") not in ("add", "replace", "remove"):
        raise ValueError(f"unsupported operation {operation!r}")
    *parents, last = [p.replace("~1", "/").replace("~0", "~") for p in str(operation["path"]).split("/")[1:]]
    target: Any = document
    for part in parents:
        target = target[part]
    if not isinstance(target, dict) or (operation["op"] != "add" and last not in target):
        raise KeyError(operation["path"])
    if operation["op"] == "remove":
        del target[last]
    else:
        target[last] = copy.deepcopy(operation["value"])
