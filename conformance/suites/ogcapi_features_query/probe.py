"""What the checks of Parts 2 and 3 share: claims, the sampled collections, their CRS lists and seed features.

The observation is the Part 1 :class:`Service` (landing page once, every document on first need, kept).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.core.model import Standard
from conformance.harness.suite import CheckContext
from conformance.suites.ogcapi_features.responses import GEOJSON, Doc, features
from conformance.suites.ogcapi_features.service import Entry, Service
from conformance.suites.ogcapi_features_query.catalogue import CRS84, conf
from conformance.suites.ogcapi_features_query.messages import q

Ctx = CheckContext[Service]
Feature = dict[str, Any]
CRS84_NAMES = frozenset({CRS84, CRS84 + "h", "[OGC:CRS84]", "OGC:CRS84"})
LIMIT = 100


def claim(ctx: Ctx, standard: Standard, cls: str) -> None:
    """Not applicable unless the class is claimed (vendors file) or declared (/conformance)."""
    ctx.target.require_claim(standard.id, conf(standard, cls), ctx.observation.declared())


def claimed(ctx: Ctx, standard: Standard, cls: str) -> bool:
    """Whether a class is claimed (vendors file) or declared (/conformance)."""
    return ctx.target.claimed(conf(standard, cls), ctx.observation.declared())


def collections(ctx: Ctx) -> list[Entry]:
    """The sampled feature collections, noting what the sample left out."""
    found = ctx.observation.sample()
    for note in found.notes:
        ctx.note(note)
    return found.entries


def metadata(ctx: Ctx, entry: Entry) -> Doc:
    """The collection's own metadata document."""
    return ctx.observation.collection(str(entry["id"]))


def crs_list(ctx: Ctx, entry: Entry) -> list[Any] | None:
    """The crs list of a collection (its own document, else its /collections entry; ``#/crs`` resolved)."""
    doc = metadata(ctx, entry)
    found = doc.member("crs") if doc.ok else entry.get("crs")
    found = entry.get("crs") if found is None else found
    if not isinstance(found, list):
        return None
    glob = ctx.observation.collections().member("crs", [])
    out: list[Any] = []
    for item in found:
        out += glob if item == "#/crs" and isinstance(glob, list) else [item]
    return out


def other_crss(ctx: Ctx, entry: Entry) -> list[str]:
    """The CRS URIs a collection lists besides CRS84, capped by ``max_crs``."""
    listed = [c for c in crs_list(ctx, entry) or [] if isinstance(c, str) and c not in CRS84_NAMES]
    cap = ctx.target.option("max_crs", 3)
    if len(listed) > cap:
        ctx.note(q("note.crs-cut", cap=cap, total=len(listed), collection=entry["id"]))
    return listed[:cap]


def seeds(ctx: Ctx, entry: Entry) -> list[Feature]:
    """The first ``max_features`` features of the collection's first page."""
    return features(ctx.observation.items(str(entry["id"])))[: ctx.target.option("max_features", 3)]


def located(ctx: Ctx, entry: Entry) -> Iterator[Feature]:
    """Seed features with an id and a geometry."""
    for feature in seeds(ctx, entry):
        if feature.get("id") not in (None, "") and isinstance(feature.get("geometry"), dict):
            yield feature


def items(ctx: Ctx, entry: Entry, params: dict[str, Any]) -> Doc:
    """An items request sent once per target (the checks that build the same probe share its answer)."""
    service = ctx.observation
    return service.once(service.items_url(str(entry["id"])), {"limit": LIMIT, **params}, GEOJSON)
