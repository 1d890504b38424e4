"""TEST DOUBLE: what one tenant of the SensorThings double answers (entities, query options, defects).

The view renders entities with @iot.id, @iot.selfLink and a navigation link per relation, and evaluates the
query options $filter, $orderby, $skip (and the double's own $skiptoken of its next links), $top, $count,
$select and $expand on collections. Each defect of ``DEFECTS`` (in sensorthings_server) bends one answer.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from conformance.demo.sensorthings_data import Entity, entities
from conformance.demo.sensorthings_filter import compile_filter

PAGE = 4
SINGLE = {
    "Thing": "Things",
    "Sensor": "Sensors",
    "ObservedProperty": "ObservedProperties",
    "Datastream": "Datastreams",
    "FeatureOfInterest": "FeaturesOfInterest",
    "MultiDatastream": "MultiDatastreams",
}
OMITTED = {  # defect → (entity set, navigation link left out)
    "thing-no-locations-link": ("Things", "Locations"),
    "location-no-history-link": ("Locations", "HistoricalLocations"),
    "historical-location-no-locations-link": ("HistoricalLocations", "Locations"),
    "datastream-no-sensor-link": ("Datastreams", "Sensor"),
    "sensor-no-datastreams-link": ("Sensors", "Datastreams"),
    "observed-property-no-datastreams-link": ("ObservedProperties", "Datastreams"),
    "observation-no-feature-link": ("Observations", "FeatureOfInterest"),
    "feature-no-observations-link": ("FeaturesOfInterest", "Observations"),
    "multi-datastream-no-sensor-link": ("MultiDatastreams", "Sensor"),
}
CONFORMANCE = [
    f"http://www.opengis.net/spec/iot_sensing/1.1/req/{c}"
    for c in (
        "datamodel",
        "resource-path/resource-path-to-entities",
        "request-data",
        "create-update-delete",
        "multi-datastream",
        "batch-request",
        "data-array/data-array",
    )
]


class BadQuery(ValueError):
    """A query the double cannot answer (400)."""


def target_set(entity_set: str, relation: str) -> str:
    """The entity set a navigation property leads to."""
    return SINGLE.get(relation, relation)


@dataclass
class View:
    """One tenant: its base URL (…/v1.1), its defects, whether it declares MQTT, its (possibly bent) data and
    what is told of each Observation a write creates (``created``)."""

    base: str
    defects: frozenset[str]
    mqtt: bool = False

    def __post_init__(self) -> None:
        self.data = entities()
        self.last_id = 100
        self.created: list[Callable[[Entity], None]] = []
        self._bend()

    def _bend(self) -> None:
        d, data = self.defects, self.data
        if "thing-no-description" in d:
            for thing in data["Things"]:
                del thing["description"]
        if "location-outside-range" in d:
            data["Locations"][0]["location"]["coordinates"] = [8.4, 149.0]
        if "historical-location-bad-time" in d:
            data["HistoricalLocations"][0]["time"] = "gestern"
        if "datastream-area-open" in d:
            data["Datastreams"][0]["observedArea"]["coordinates"][0].pop()
        if "sensor-no-encoding-type" in d:
            for sensor in data["Sensors"]:
                del sensor["encodingType"]
        if "observed-property-no-definition" in d:
            for prop in data["ObservedProperties"]:
                del prop["definition"]
        if "observation-bad-time" in d:
            data["Observations"][0]["phenomenonTime"] = "2026-03-01 10:00"
        if "feature-not-geojson" in d:
            data["FeaturesOfInterest"][0]["feature"] = {"type": "Punkt", "coordinates": [8.4, 49.0]}
        self._bend_multi()

    def _bend_multi(self) -> None:
        if "multi-datastream-no-types" in self.defects:
            del self.data["MultiDatastreams"][0]["multiObservationDataTypes"]
        if "multi-datastream-result-short" in self.defects:
            self.data["Observations"][-1]["result"] = self.data["Observations"][-1]["result"][:1]

    def root(self) -> dict[str, Any]:
        """The service root document."""
        return {
            "value": [{"name": n, "url": f"{self.base}/{n}"} for n in self.data],
            "serverSettings": {"conformance": CONFORMANCE},
        }

    def find(self, entity_set: str, ident: str) -> Entity | None:
        """An entity by set and the id as written in the path."""
        return next((e for e in self.data.get(entity_set, []) if str(e["@iot.id"]) == ident), None)

    def related(self, entity_set: str, entity: Entity, relation: str) -> list[Entity]:
        """The entities a navigation property of an entity leads to."""
        ids = entity["_links"].get(relation, [])
        if relation == "Thing" and entity_set == "Datastreams" and "datastream-wrong-thing" in self.defects:
            ids = [3 - i for i in ids]
        return [e for e in self.data[target_set(entity_set, relation)] if e["@iot.id"] in ids]

    def render(self, entity_set: str, entity: Entity, expand: tuple[str, ...] = ()) -> dict[str, Any]:
        """An entity as served: properties, control information, navigation links, expanded relations."""
        out = {k: copy.deepcopy(v) for k, v in entity.items() if k != "_links"}
        link = f"{self.base}/{entity_set}({entity['@iot.id']})"
        if "no-selflink" not in self.defects:
            out["@iot.selfLink"] = link
        omitted = {OMITTED[d] for d in self.defects if d in OMITTED}
        for relation, ids in entity["_links"].items():
            if (entity_set, relation) not in omitted:
                out[f"{relation}@iot.navigationLink"] = f"{link}/{relation}"
            if relation in expand and "expand-ignored" not in self.defects:
                target = target_set(entity_set, relation)
                shown = [self.render(target, e) for e in self.data[target] if e["@iot.id"] in ids]
                out[relation] = (shown[0] if shown else None) if relation in SINGLE else shown
        return out

    def collection(self, entity_set: str, rows: list[Entity], query: dict[str, str], url: str) -> dict[str, Any]:
        """A collection answer with the query options applied."""
        if query.get("$count", "false") not in ("true", "false"):
            raise BadQuery("$count is true or false")
        try:
            rows = self._filtered(rows, query)
        except (ValueError, KeyError) as exc:
            raise BadQuery(str(exc)) from exc
        skip = int(query.get("$skiptoken", query.get("$skip", "0") if "skip-ignored" not in self.defects else "0"))
        top = PAGE if "top-ignored" in self.defects else min(int(query.get("$top", PAGE)), PAGE)
        page = rows[skip : skip + top]
        expand = tuple(query.get("$expand", "").split(",")) if query.get("$expand") else ()
        shown = [self._selected(self.render(entity_set, e, expand), query) for e in page]
        out: dict[str, Any] = {}
        if query.get("$count") == "true":
            out["@iot.count"] = len(rows) + ("count-wrong" in self.defects)
        if skip + top < len(rows) or ("next-link-at-end" in self.defects and skip < len(rows)):
            step = top - 1 if "next-duplicates" in self.defects else top
            rest = {k: v for k, v in query.items() if k not in ("$skip", "$skiptoken")}
            out["@iot.nextLink"] = _with(url, {**rest, "$skiptoken": str(skip + step)})
        out["value"] = shown
        return out

    def _filtered(self, rows: list[Entity], query: dict[str, str]) -> list[Entity]:
        if "$filter" in query:
            hooks: dict[str, Any] = {}
            if "filter-eq-ignored" in self.defects:
                hooks["eq-plain"] = lambda a, b: True
            if "gt-as-ge" in self.defects:
                hooks["gt"] = lambda a, b: a >= b
            if "startswith-ignored" in self.defects:
                hooks["startswith"] = lambda a, b: True
            test = compile_filter(query["$filter"], hooks)
            rows = [e for e in rows if test(e)]
        order = query.get("$orderby")
        if order and "orderby-ignored" not in self.defects:
            prop, _, direction = order.partition(" ")
            rows = sorted(rows, key=lambda e: str(e.get(prop)), reverse=direction.strip() == "desc")
        return rows

    def _selected(self, shown: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
        if "$select" not in query or "select-ignored" in self.defects:
            return shown
        keep = set(query["$select"].split(","))
        return {k: v for k, v in shown.items() if k in keep}


def _with(url: str, query: dict[str, str]) -> str:
    return url.split("?", maxsplit=1)[0] + "?" + urlencode(query)
