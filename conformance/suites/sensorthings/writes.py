"""Writing the suite's own entities to a SensorThings service, tracking them and removing them again.

Every entity the suite creates is marked as its own: its ``name`` starts with ``PREFIX`` and its ``properties``
carry ``RUN_PROPERTY`` with the id of the run that made it (Observations, which have neither, hang below a marked
Datastream and go with it). A ``Writer`` tracks the URL of everything it created (a deep insert's related entities
too, found through the navigation links) and ``cleanup`` deletes them, dependants first. ``leftovers`` finds the
marked entities of other runs (a run that was killed before it could clean up); the suite removes them before its
first write to a service. The functions here need only a ``SafeSession`` and the service root, so any part of the
project that writes to a SensorThings service can use them.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from conformance.core.http import SafeSession
from conformance.suites.sensorthings.service import Doc, Entity, parsed

PREFIX = "wechselbar-probe-"
RUN_PROPERTY = "wechselbarRun"
JSON = "application/json"
ORDER = (  # deletion order: what depends on an entity goes before it
    "Observations",
    "Datastreams",
    "HistoricalLocations",
    "Things",
    "Locations",
    "FeaturesOfInterest",
    "Sensors",
    "ObservedProperties",
)
NAMED = ("Datastreams", "Things", "Locations", "FeaturesOfInterest", "Sensors", "ObservedProperties")
BELOW = {  # navigation properties followed to adopt a deep insert's related entities
    "Things": ("Locations", "HistoricalLocations", "Datastreams"),
    "Datastreams": ("Sensor", "ObservedProperty", "Observations"),
    "Observations": ("FeatureOfInterest",),
}
SET_OF = re.compile(r"/([A-Za-z]+)\([^/]*\)$")
LEFTOVER_PAGES = 10


def entity_set(url: str) -> str:
    """The entity set an entity URL (``…/Things(7)``) belongs to ('' when it is none)."""
    found = SET_OF.search(url.split("?", 1)[0])
    return found[1] if found else ""


def entity_link(root: str, set_name: str, entity: Entity) -> str:
    """The URL of an entity: its @iot.selfLink, else built from its @iot.id (strings quoted)."""
    link = entity.get("@iot.selfLink")
    if isinstance(link, str) and link:
        return urljoin(root, link)
    ident = entity.get("@iot.id")
    key = f"'{ident}'" if isinstance(ident, str) else str(ident)
    return f"{root}{set_name}({key})"


def own(entity: Any, run: str | None = None) -> bool:
    """Whether an entity is marked as the suite's (of the given run, or of any run)."""
    if not isinstance(entity, dict) or not str(entity.get("name", "")).startswith(PREFIX):
        return False
    mark = entity.get("properties")
    stamp = mark.get(RUN_PROPERTY) if isinstance(mark, dict) else None
    return isinstance(stamp, str) and (run is None or stamp == run)


class Writer:
    """Writes the suite's own entities to one service (root URL ending in ``/``) and removes them again."""

    def __init__(self, http: SafeSession, root: str, run: str | None = None) -> None:
        self.http = http
        self.root = root if root.endswith("/") else root + "/"
        self.run = run or secrets.token_hex(8)
        self.tracked: list[str] = []
        self.writes = 0

    def name(self, tag: str) -> str:
        """A fresh name of the suite's own."""
        return f"{PREFIX}{tag}-{secrets.token_hex(4)}"

    def mark(self, tag: str, **fields: Any) -> Entity:
        """An entity body marked as the suite's: name, a description, the run id under properties."""
        return {
            "name": self.name(tag),
            "description": "wechselbar probe",
            "properties": {RUN_PROPERTY: self.run},
            **fields,
        }

    def send(self, method: str, url: str, body: Any = None, media_type: str = JSON) -> Doc:
        """One request (a body is sent as JSON, labelled ``media_type``); a relative URL is taken below the service
        root."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"Accept": JSON, **({"Content-Type": media_type} if data is not None else {})}
        self.writes += method != "GET"
        return parsed(self.http.request(method, urljoin(self.root, url), headers=headers, body=data))

    def create(self, target: str, body: Entity) -> Doc:
        """POST an entity to a collection (a set name or a navigation URL); tracks it by its Location header."""
        created = self.send("POST", target, body)
        location = created.header("Location")
        if location:
            self.track(urljoin(self.root, location))
        elif isinstance(created.body, dict) and created.body.get("@iot.id") is not None:
            self.track(entity_link(self.root, target.rstrip("/").rsplit("/", 1)[-1], created.body))
        return created

    def track(self, url: str) -> None:
        """Remember an entity to delete in ``cleanup``."""
        if url not in self.tracked:
            self.tracked.append(url)

    def adopt(self, url: str) -> None:
        """Track an entity and the related entities a deep insert made with it (through navigation links)."""
        self.track(url)
        for relation in BELOW.get(entity_set(url), ()):
            found = self.send("GET", f"{url}/{relation}")
            rows = found.entities() if "value" in (found.body or {}) else [found.body] if found.ok else []
            for row in rows:
                if isinstance(row, dict) and row.get("@iot.id") is not None:
                    self.adopt(entity_link(self.root, _set_of(entity_set(url), relation), row))

    def delete(self, url: str) -> Doc:
        """DELETE one entity."""
        return self.send("DELETE", url)

    def cleanup(self) -> list[str]:
        """Delete every tracked entity, dependants first; returns the URLs that could not be deleted."""
        for url in list(self.tracked):
            if entity_set(url) in BELOW:
                self.adopt(url)
        rank = {name: i for i, name in enumerate(ORDER)}
        ordered = sorted(self.tracked, key=lambda u: rank.get(entity_set(u), len(ORDER)))
        self.tracked = []
        return [url for url in ordered if self.delete(url).status not in (200, 204, 404)]

    def leftovers(self) -> list[str]:
        """The URLs of marked entities of other runs, in deletion order."""
        return [url for name in NAMED for url in self._marked(name)]

    def _marked(self, set_name: str) -> Iterator[str]:
        first = self.send("GET", set_name + "?$filter=" + f"startswith(name,'{PREFIX}')")
        if first.status != 200:
            first = self.send("GET", set_name)
        page, pages = first, 1
        while page.status == 200:
            for entity in page.entities():
                if own(entity) and not own(entity, self.run):
                    yield entity_link(self.root, set_name, entity)
            nxt = page.member("@iot.nextLink")
            if not isinstance(nxt, str) or pages >= LEFTOVER_PAGES:
                break
            page, pages = self.send("GET", nxt), pages + 1


def _set_of(set_name: str, relation: str) -> str:
    single = {"Sensor": "Sensors", "ObservedProperty": "ObservedProperties", "FeatureOfInterest": "FeaturesOfInterest"}
    return single.get(relation, relation)
