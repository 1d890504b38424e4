"""What the suite observes of one API: the landing page read once, every other document on first need, then kept.

The landing page is fetched when the observation is made. No answer at all ends every check as an error. An
answer that is not 200 with a JSON object fails /req/core/root-op (Core's observation keeps it for that check)
and leaves nothing else to judge: every other check of the target ends as an error with that one reason. The
conformance declaration, the collections, a collection's metadata, first items pages, single features, shared
probes, walks through next links, HEAD and conditional requests and the API definition are fetched by the first
check that needs them and kept for the others. What a check notes (sampling cuts) is noted by the check itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from conformance.core.evidence import Skipped
from conformance.core.messages import Message
from conformance.core.transport import TargetUnreachable
from conformance.harness.observe import Lazy
from conformance.harness.suite import CheckContext
from conformance.harness.target import TargetContext
from conformance.suites.ogcapi_features.catalogue import ID
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.responses import GEOJSON, JSON, Doc, features, fetch, require

if TYPE_CHECKING:
    from conformance.core.http import Response
    from conformance.suites.ogcapi_features.http11 import Resource
    from conformance.suites.ogcapi_features.openapi import Definition
    from conformance.suites.ogcapi_features.operations import Call
    from conformance.suites.ogcapi_features.paging import Walk

Entry = dict[str, Any]


@dataclass(frozen=True)
class Sample:
    """The feature collections checked (entries with an id and itemType feature, capped) and what that left out."""

    entries: list[Entry]
    notes: list[Message] = field(default_factory=list)


class Service:
    """One OGC API – Features target as the checks see it; each document is fetched once."""

    def __init__(self, target: TargetContext, landing: Doc, problem: Message | None = None) -> None:
        self.target = target
        self.landing = landing
        self.problem = problem
        self.base_url = target.base_url
        self.docs: dict[tuple[str, str, str], Doc] = {}
        self.walks: dict[tuple[str, str], Walk] = {}
        self.api: Lazy[Definition | None] = Lazy(self._definition)
        self.heads: Lazy[list[tuple[Resource, Response]]] = Lazy(self._heads)
        self.revalidations: Lazy[list[tuple[Resource, Response]]] = Lazy(self._revalidations)
        self.calls: Lazy[tuple[list[Call], list[Message]]] = Lazy(self._calls)

    def usable(self) -> None:
        """Raise the landing page's problem: nothing but the landing page can be judged without one."""
        if self.problem is not None:
            raise TargetUnreachable(self.problem)

    def fetch(self, url: str, params: Mapping[str, Any] | None = None, accept: str = JSON) -> Doc:
        """A fresh GET, kept for no other check."""
        return fetch(self.target.http, url, params, accept)

    def once(self, url: str, params: Mapping[str, Any] | None = None, accept: str = JSON) -> Doc:
        """A GET sent once per target: the first check that asks sends it, the others read its answer."""
        key = (url, repr(sorted((params or {}).items())), accept)
        if key not in self.docs:
            self.docs[key] = self.fetch(url, params, accept)
        return self.docs[key]

    def conformance(self) -> Doc:
        """The conformance declaration at /conformance."""
        return self.once(self.base_url + "/conformance")

    def collections(self) -> Doc:
        """The collections document at /collections."""
        return self.once(self.base_url + "/collections")

    def declared(self) -> frozenset[str] | None:
        """The conformance classes the API declares, or None if the declaration cannot be read."""
        found = self.conformance().member("conformsTo")
        return frozenset(str(c).rstrip("/") for c in found) if isinstance(found, list) else None

    def collection_url(self, collection: str) -> str:
        """/collections/{collectionId}."""
        return f"{self.base_url}/collections/{quote(collection, safe='')}"

    def items_url(self, collection: str) -> str:
        """/collections/{collectionId}/items."""
        return self.collection_url(collection) + "/items"

    def collection(self, collection: str) -> Doc:
        """One collection's metadata at /collections/{collectionId}."""
        return self.once(self.collection_url(collection))

    def items(self, collection: str, params: Mapping[str, Any] | None = None, accept: str = GEOJSON) -> Doc:
        """One items request; only the unfiltered first page is kept for other checks."""
        if params:
            return self.fetch(self.items_url(collection), params, accept)
        return self.once(self.items_url(collection), None, accept)

    def single(self, collection: str, feature: str, accept: str = GEOJSON) -> Doc:
        """One feature at /collections/{collectionId}/items/{featureId}."""
        return self.once(f"{self.items_url(collection)}/{quote(feature, safe='')}", None, accept)

    def sample(self) -> Sample:
        """The feature collections checked; skip when /collections is unusable or lists none."""
        entries = require(self.collections(), "/collections").member("collections", [])
        entries = entries if isinstance(entries, list) else []
        found = [
            c
            for c in entries
            if isinstance(c, dict) and isinstance(c.get("id"), str) and c.get("itemType", "feature") == "feature"
        ]
        notes = (
            [m("note.not-feature-collections", count=len(entries) - len(found))] if len(found) < len(entries) else []
        )
        cap = self.target.option("max_collections", 5)
        if len(found) > cap:
            notes.append(m("note.collections-cut", cap=cap, total=len(found)))
        if not found:
            raise Skipped(m("skip.no-feature-collection"))
        return Sample(found[:cap], notes)

    def _definition(self) -> Definition | None:
        from conformance.suites.ogcapi_features.openapi import read  # noqa: PLC0415  (it builds on this module)

        return read(self)

    def _heads(self) -> list[tuple[Resource, Response]]:
        from conformance.suites.ogcapi_features.http11 import send_heads  # noqa: PLC0415

        return send_heads(self)

    def _revalidations(self) -> list[tuple[Resource, Response]]:
        from conformance.suites.ogcapi_features.http11 import revalidate  # noqa: PLC0415

        return revalidate(self)

    def _calls(self) -> tuple[list[Call], list[Message]]:
        from conformance.suites.ogcapi_features.operations import fill  # noqa: PLC0415

        return fill(self)


Ctx = CheckContext[Service]


def observe(target: TargetContext) -> Service:
    """The landing page of a target; one that gives no JSON object ends every check with the reason."""
    found = observe_root(target)
    found.usable()
    return found


def observe_root(target: TargetContext) -> Service:
    """The landing page of a target, kept with its problem when it gives no JSON object (root-op judges it)."""
    page = fetch(target.http, target.base_url + "/")
    if page.status != 200:
        return Service(target, page, m("landing-status", url=page.url, status=page.status))
    if not isinstance(page.body, dict):
        return Service(target, page, m("landing-not-object", url=page.url, problem=page.problem))
    return Service(target, page)


def claim(ctx: Ctx, cls: str) -> None:
    """Not applicable unless the class is claimed (vendors file) or declared (/conformance)."""
    ctx.target.require_claim(ID, cls, ctx.observation.declared())


def claimed(ctx: Ctx, cls: str) -> bool:
    """Whether the class is claimed (vendors file) or declared (/conformance)."""
    return ctx.target.claimed(cls, ctx.observation.declared())


def collections(ctx: Ctx) -> list[Entry]:
    """The feature collections checked, with a note on what the sample left out."""
    found = ctx.observation.sample()
    for note in found.notes:
        ctx.note(note)
    return found.entries


def sampled(ctx: Ctx) -> list[tuple[str, str]]:
    """(collection, feature id) of the first ``max_features`` features with an id of each collection."""
    cap = ctx.target.option("max_features", 3)
    out = []
    for entry in collections(ctx):
        ids = [str(f["id"]) for f in features(ctx.observation.items(entry["id"])) if f.get("id") not in (None, "")]
        out += [(entry["id"], fid) for fid in ids[:cap]]
    if not out:
        raise Skipped(m("skip.no-sampled-features"))
    return out
