"""The round trip for the SensorThings API 1.1 (OGC 18-088): entities read from service A, created in service B.

Of A's first Things (``--sample``), the round trip reads each Thing's Locations and Datastreams, each
Datastream's Sensor and ObservedProperty and its first Observations (again ``--sample``; ``--all`` reads every
one), and each Observation's FeatureOfInterest, by their navigation links (clause 9.2). They are created in B one
by one in that order (clause 10.2, POST to the entity set, 201 with ``Location``), each linked to what it
depends on by the @iot.id B gave that entity ("link to existing entities"), read back from B with its relations
and compared (see :mod:`transfer_entities`). B names the ids: a changed id is reported as such, not as a loss. Each
entity carries the run's mark into B, so ``--cleanup`` finds one whose creation B never answered
(:mod:`transfer_marks`).
Everything is deleted again, dependants first (clause 10.4); HistoricalLocations that B makes by itself go with
their Thing. B must declare ``create-update-delete`` where its service root lists conformance classes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urljoin

from conformance.core.http import SafeSession
from conformance.core.roundtrip import Item, Plan, TransferFailed, delete, expect, parsed, read_back
from conformance.core.transfer import Problem
from conformance.core.vendors import Target
from conformance.suites.sensorthings.transfer_entities import LINKS, attributes, body, key
from conformance.suites.sensorthings.transfer_marks import markable, marked, search_url, unmarked
from conformance.suites.sensorthings.writes import JSON, Writer, entity_link, entity_set

CREATE_UPDATE_DELETE = "http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete"
ACCEPT = {"Accept": JSON}
PAGE_LIMIT = 100
MAX_PAGES = 1000
KEY = re.compile(r"\(([^()]*)\)$")


class SensorThingsTransfer:
    """The SensorThings adapter of the round trip (see :mod:`conformance.core.roundtrip`)."""

    def __init__(self, source: SafeSession, source_target: Target, dest: SafeSession, dest_target: Target) -> None:
        self.source, self.dest = source, dest
        self.source_root = _root(source_target.urls[0])
        self.dest_root = _root(dest_target.urls[0])
        self.writer = Writer(dest, self.dest_root)
        self.made: dict[tuple[str, str], Any] = {}  # (entity set, id in A) → @iot.id in B
        self.origin: dict[tuple[str, str], str] = {}  # (entity set, id in B) → id in A

    def ready(self) -> list[Problem]:
        """B's service root, where it lists conformance classes, lists create-update-delete."""
        answer = self.dest.get(self.dest_root, headers=ACCEPT)
        if answer.status != 200:
            return [Problem("no-writes", self.dest_root, answer.status, answer.text[:300])]
        root = parsed(answer)
        settings = root.get("serverSettings") if isinstance(root, Mapping) else None
        declared = settings.get("conformance") if isinstance(settings, Mapping) else None
        if isinstance(declared, list) and CREATE_UPDATE_DELETE not in declared:
            return [Problem("no-writes", self.dest_root, answer.status, CREATE_UPDATE_DELETE)]
        return []

    def items(self, sample: int | None) -> Iterator[Item]:
        """A's first Things with what hangs below them, each entity once, dependencies before dependants."""
        seen: set[tuple[str, str]] = set()
        for thing in self._entities(self.source_root + "Things", sample):
            locations = self._entities(self._nav(thing, "Things", "Locations"), None)
            yield from self._new("Locations", locations, seen)
            placed = {"Locations": sorted(key(place["@iot.id"]) for place in locations)}
            yield from self._new("Things", [thing], seen, placed)
            for stream in self._entities(self._nav(thing, "Things", "Datastreams"), None):
                yield from self._stream(key(thing["@iot.id"]), stream, sample, seen)

    def _stream(
        self, thing: str, stream: Mapping[str, Any], sample: int | None, seen: set[tuple[str, str]]
    ) -> Iterator[Item]:
        sensor = self._single(stream, "Datastreams", "Sensor")
        observed = self._single(stream, "Datastreams", "ObservedProperty")
        yield from self._new("Sensors", [sensor] if sensor else [], seen)
        yield from self._new("ObservedProperties", [observed] if observed else [], seen)
        ids = {"Thing": thing, "Sensor": _key(sensor), "ObservedProperty": _key(observed)}
        yield from self._new("Datastreams", [stream], seen, ids)
        for observation in self._entities(self._nav(stream, "Datastreams", "Observations"), sample):
            feature = self._single(observation, "Observations", "FeatureOfInterest")
            yield from self._new("FeaturesOfInterest", [feature] if feature else [], seen)
            links = {"Datastream": key(stream["@iot.id"]), "FeatureOfInterest": _key(feature)}
            yield from self._new("Observations", [observation], seen, links)

    def _new(
        self,
        name: str,
        entities: list[Mapping[str, Any]],
        seen: set[tuple[str, str]],
        related: Mapping[str, Any] | None = None,
    ) -> Iterator[Item]:
        for entity in entities:
            ident = key(entity["@iot.id"])
            if (name, ident) not in seen:
                seen.add((name, ident))
                url = entity_link(self.source_root, name, dict(entity))
                yield Item(name, ident, body(name, entity), attributes(name, entity, related or {}), url)

    def _entities(self, url: str, limit: int | None) -> list[Mapping[str, Any]]:
        """The entities of a collection of A, page by page through @iot.nextLink, at most ``limit``."""
        found: list[Mapping[str, Any]] = []
        params = {"$top": min(limit, PAGE_LIMIT)} if limit else None
        next_url: str | None = url
        for _ in range(MAX_PAGES):
            if next_url is None or (limit is not None and len(found) >= limit):
                break
            page = parsed(expect(self.source.get(next_url, params=params, headers=ACCEPT)))
            rows = page.get("value") if isinstance(page, Mapping) else None
            found += [r for r in rows or [] if isinstance(r, Mapping) and r.get("@iot.id") is not None]
            link = page.get("@iot.nextLink") if isinstance(page, Mapping) else None
            next_url, params = (urljoin(next_url, link) if isinstance(link, str) else None), None
        return found[:limit] if limit is not None else found

    def _single(self, entity: Mapping[str, Any], name: str, relation: str) -> Mapping[str, Any] | None:
        """The entity a single-valued navigation property of A leads to (None when it leads to none)."""
        answer = self.source.get(self._nav(entity, name, relation), headers=ACCEPT)
        if answer.status == 404:
            return None
        found = parsed(expect(answer))
        return found if isinstance(found, Mapping) and found.get("@iot.id") is not None else None

    def _nav(self, entity: Mapping[str, Any], name: str, relation: str) -> str:
        link = entity.get(f"{relation}@iot.navigationLink")
        if isinstance(link, str) and link:
            return urljoin(self.source_root, link)
        return f"{entity_link(self.source_root, name, dict(entity))}/{relation}"

    def plan(self, item: Item) -> Plan:
        """The entity set in B; TransferFailed when an entity it depends on was not created there."""
        missing = [
            f"{relation} {ident}"
            for relation, target, _ in LINKS.get(item.collection, ())
            for ident in _keys(item.attributes.get(relation))
            if (target, ident) not in self.made
        ]
        collection = self.dest_root + item.collection
        if missing:
            detail = f"not created in B, so nothing can link to it: {', '.join(missing)}"
            raise TransferFailed(Problem("write-failed", collection, None, detail))
        if not markable(item.collection, item.document):
            return Plan(collection)
        run = self.writer.run
        return Plan(collection, search_url=search_url(collection, item.collection, run), marker=run)

    def write(self, item: Item, plan: Plan) -> str:
        """POST the entity, linked by B's ids and marked with the run's id where the plan says; the URL of
        ``Location``."""
        document = marked(item.collection, item.document, plan.marker) if plan.marker else dict(item.document)
        for relation, target, many in LINKS.get(item.collection, ()):
            links = [{"@iot.id": self.made[(target, ident)]} for ident in _keys(item.attributes.get(relation))]
            if links:
                document[relation] = links if many else links[0]
        created = self.writer.create(plan.collection_url, document)
        location = created.header("Location")
        if created.status != 201 or not location:
            text = created.response.text[:300]
            raise TransferFailed(Problem("write-failed", plan.collection_url, created.status, text))
        url = urljoin(self.dest_root, location)
        ident = _id_of(url)
        self.made[(item.collection, item.id)] = ident
        self.origin[(item.collection, key(ident))] = item.id
        return url

    def read_back(self, url: str) -> Mapping[str, Any]:
        """The attributes of the entity B serves at ``url``, its relations by the ids in A."""
        found = read_back(self.dest, url, JSON)
        entity = found if isinstance(found, Mapping) else {}
        name = entity_set(url)
        related = {
            relation: self._related(entity, url, relation, target, many)
            for relation, target, many in LINKS.get(name, ())
        }
        return unmarked(name, attributes(name, entity, related), self.writer.run)

    def _related(self, entity: Mapping[str, Any], url: str, relation: str, target: str, many: bool) -> Any:
        link = entity.get(f"{relation}@iot.navigationLink")
        answer = self.dest.get(urljoin(url, link) if isinstance(link, str) else f"{url}/{relation}", headers=ACCEPT)
        if answer.status == 404 and not many:
            return None
        found = parsed(expect(answer, "read-back-failed"))
        rows = found.get("value", []) if many and isinstance(found, Mapping) else [found]
        ids = [
            self.origin.get((target, key(r["@iot.id"])), f"B:{r['@iot.id']}")
            for r in rows
            if isinstance(r, Mapping) and "@iot.id" in r
        ]
        return sorted(ids) if many else (ids[0] if ids else None)

    def declared_crs(self, url: str) -> str:
        """None: GeoJSON values are in CRS84 unless they name a CRS themselves."""
        return ""

    def remove(self, url: str) -> None:
        """DELETE the entity."""
        delete(self.dest, url)


def _root(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _key(entity: Mapping[str, Any] | None) -> str | None:
    return key(entity["@iot.id"]) if entity is not None else None


def _keys(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [] if value is None else [str(value)]


def _id_of(url: str) -> Any:
    """The @iot.id in an entity URL (``Things(7)`` → 7, ``Things('a''b')`` → "a'b")."""
    found = KEY.search(url.split("?", 1)[0])
    text = found[1] if found else ""
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return int(text) if text.isdigit() else text
