"""What the suite observes of one SensorThings service: the service root read once, every other answer on first need.

The service root is fetched when the observation is made: a root that does not answer 200 with a JSON object
leaves nothing to judge, and every check of the target ends as an error with that one reason. The first page of
each entity set, single entities, navigation links and walks through ``@iot.nextLink`` are fetched by the first
check that needs them and kept for the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from conformance.core import jsonsafe
from conformance.core.evidence import Skipped
from conformance.core.http import Response
from conformance.core.jsondoc import JsonDoc
from conformance.core.transport import TargetUnreachable
from conformance.harness.suite import CheckContext
from conformance.harness.target import TargetContext
from conformance.harness.writes import Sweep
from conformance.suites.sensorthings.catalogue import (
    BATCH,
    CORE,
    CUD,
    DATA_ARRAY,
    FILTERING,
    ID,
    MQTT_CREATE,
    MQTT_RECEIVE,
    MULTI,
    RESOURCE_PATH,
)
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.model import BY_SET, TYPES, EntityType

if TYPE_CHECKING:
    from conformance.suites.sensorthings.writes import Writer

Entity = dict[str, Any]
CORE_SETS = frozenset(BY_SET)
CLASS_PREFIXES = {
    CORE: CORE,
    RESOURCE_PATH: CORE,
    FILTERING: FILTERING,
    CUD: CUD,
    MULTI: MULTI,
    BATCH: BATCH,
    DATA_ARRAY: DATA_ARRAY,
    MQTT_CREATE: MQTT_CREATE,
    MQTT_RECEIVE: MQTT_RECEIVE,
}  # a listed URI at or below → the class


class Doc(JsonDoc):
    """A response with its JSON body parsed (``body`` is None when it is not JSON)."""

    def entities(self) -> list[Entity]:
        """The entity objects of a collection answer (``value``); empty if there are none."""
        found = self.member("value", [])
        return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []

    def header(self, name: str) -> str:
        """A response header ('' without one)."""
        return str(self.response.headers.get(name, ""))


def parsed(response: Response) -> Doc:
    """A response with its body parsed as JSON where it is JSON."""
    try:
        body = jsonsafe.loads(response.content) if response.content else None
    except ValueError:
        body = None
    return Doc(response, body)


@dataclass
class Walk:
    """The pages reached from a first page through @iot.nextLink; ``cut`` when ``max_pages`` stopped it."""

    pages: list[Doc] = field(default_factory=list)
    cut: bool = False
    cycle: bool = False

    @property
    def entities(self) -> list[tuple[Doc, int, Entity]]:
        """Every entity of every page, with its page and index."""
        return [(page, i, e) for page in self.pages for i, e in enumerate(page.entities())]


class Service:
    """One SensorThings service as the checks see it; each answer is fetched once."""

    def __init__(self, target: TargetContext, root: Doc) -> None:
        self.target = target
        self.root = root
        self.docs: dict[tuple[str, str], Doc] = {}
        self.walks: dict[tuple[str, str], Walk] = {}
        self.sweep = Sweep()
        self._writer: Writer | None = None

    def writer(self) -> Writer:
        """The writer of the suite's own entities for this service (one run id per observation)."""
        from conformance.suites.sensorthings.writes import Writer  # noqa: PLC0415

        if self._writer is None:
            self._writer = Writer(self.target.http, self.root.url)
        return self._writer

    def fetch(self, url: str, params: Mapping[str, Any] | None = None) -> Doc:
        """A GET whose answer is kept for every check that asks the same."""
        key = (url, repr(sorted((params or {}).items())))
        if key not in self.docs:
            self.docs[key] = parsed(self.target.http.get(url, params=params, headers={"Accept": "application/json"}))
        return self.docs[key]

    def declared(self) -> frozenset[str] | None:
        """The classes the root's serverSettings.conformance claims (a URI below a class claims it), or None."""
        settings = self.root.member("serverSettings")
        listed = settings.get("conformance") if isinstance(settings, dict) else None
        if not isinstance(listed, list):
            return None
        uris = {str(u).rstrip("/") for u in listed}
        return frozenset(c for u in uris for p, c in CLASS_PREFIXES.items() if u == p or u.startswith(p + "/"))

    def lists(self, uri: str) -> bool:
        """Whether the root's serverSettings.conformance lists this very URI."""
        settings = self.root.member("serverSettings")
        listed = settings.get("conformance") if isinstance(settings, dict) else None
        return isinstance(listed, list) and uri in {str(u).rstrip("/") for u in listed}

    def sets(self, known: frozenset[str] = CORE_SETS) -> dict[str, str]:
        """Entity set name → URL, as listed by the service root (only the sets of the core data model, or of
        the names given)."""
        listed = self.root.member("value", [])
        found = {}
        for entry in listed if isinstance(listed, list) else []:
            if (
                isinstance(entry, dict)
                and isinstance(entry.get("name"), str)
                and entry["name"] in known
                and isinstance(entry.get("url"), str)
            ):
                found[entry["name"]] = entry["url"]
        return found

    def first_page(self, entity_type: EntityType) -> Doc | None:
        """The first page of an entity type's set, or None when the root does not list the set."""
        url = self.sets(frozenset({entity_type.entity_set})).get(entity_type.entity_set)
        return self.fetch(url) if url else None

    def walk(self, url: str, params: Mapping[str, Any] | None = None) -> Walk:
        """Follow @iot.nextLink from a first page, at most ``max_pages`` pages, never the same URL twice."""
        key = (url, repr(sorted((params or {}).items())))
        if key not in self.walks:
            self.walks[key] = self._walk(url, params)
        return self.walks[key]

    def _walk(self, url: str, params: Mapping[str, Any] | None) -> Walk:
        walk, seen = Walk([self.fetch(url, params)]), {url}
        cap = self.target.option("max_pages", 25)
        while walk.pages[-1].ok and isinstance(nxt := walk.pages[-1].member("@iot.nextLink"), str):
            if nxt in seen:
                walk.cycle = True
                break
            if len(walk.pages) >= cap:
                walk.cut = True
                break
            seen.add(nxt)
            walk.pages.append(self.fetch(nxt))
        return walk


Ctx = CheckContext[Service]


def observe(target: TargetContext) -> Service:
    """The service root of a target; one that gives no JSON object ends every check with the reason."""
    url = target.base_url if target.base_url.endswith("/") else target.base_url + "/"
    root = parsed(target.http.get(url, headers={"Accept": "application/json"}))
    if root.status != 200:
        raise TargetUnreachable(m("root-status", url=root.url, status=root.status))
    if not isinstance(root.body, dict):
        raise TargetUnreachable(m("root-not-object", url=root.url))
    return Service(target, root)


def claim(ctx: Ctx, cls: str) -> None:
    """Not applicable unless the class is claimed (vendors file) or declared (serverSettings.conformance)."""
    ctx.target.require_claim(ID, cls, ctx.observation.declared())


def entity_type(name: str) -> EntityType:
    """An entity type by name."""
    return TYPES[name]


def sampled(ctx: Ctx, entity_type: EntityType) -> tuple[Doc, list[Entity]]:
    """The sample of a set (none when the root does not list it), with a note when ``max_entities`` cut it; skip
    when the set does not answer with a JSON object."""
    page = ctx.observation.first_page(entity_type)
    if page is None:
        return ctx.observation.root, []
    if not page.ok:
        raise Skipped(m("skip.set-unusable", set=entity_type.entity_set, status=page.status))
    entities = page.entities()[: ctx.target.option("max_entities", 3)]
    if len(page.entities()) > len(entities):
        ctx.note(m("note.entities-cut", cap=len(entities), set=entity_type.entity_set))
    return page, entities


def label(entity: Entity) -> str:
    """An entity as named in messages: its @iot.id."""
    return repr(entity.get("@iot.id"))


def walk_notes(ctx: Ctx, walk: Walk) -> None:
    """Say when a walk was cut by ``max_pages``."""
    if walk.cut:
        ctx.note(m("note.pages-cut", cap=len(walk.pages)))
