"""The suite's own entities for the write checks: made only with ``writes = true``, always removed again.

Every entity the suite creates has an id starting with ``urn:ngsi-ld:WechselbarProbe:`` and the type
``https://wechselbar.example/ngsi-ld/WechselbarProbe``. Each write check deletes what it created when it ends;
before the first write to a broker, entities of that type left by a killed run are deleted and named in a note.
Bodies use IRIs for the suite's attributes, so they need no user ``@context``.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

from conformance.harness.writes import require_writes
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.problems import entity_path
from conformance.suites.ngsild.service import JSON, Ctx, Doc

NS = "https://wechselbar.example/ngsi-ld/"
PROBE_TYPE = NS + "WechselbarProbe"
PREFIX = "urn:ngsi-ld:WechselbarProbe:"
OBSERVED = "2026-01-01T00:00:00Z"
DATASETS = ("urn:ngsi-ld:Dataset:wechselbar-a", "urn:ngsi-ld:Dataset:wechselbar-b")
TARGET = PREFIX + "related"
PLAIN = {"Accept": JSON, "Content-Type": JSON}


def allowed(ctx: Ctx) -> None:
    """Not applicable unless the vendors file allows writing (``writes = true``)."""
    require_writes(ctx.target, m("writes-not-allowed"))


def new_id(ctx: Ctx, tag: str) -> str:
    """A fresh id of the suite's own, naming the check that made it."""
    return f"{PREFIX}{tag}-{secrets.token_hex(6)}"


def probe(entity_id: str) -> dict[str, Any]:
    """The suite's probe entity: a Property with unitCode and observedAt, a Relationship, two datasetIds."""
    return {
        "id": entity_id,
        "type": PROBE_TYPE,
        NS + "level": {"type": "Property", "value": 12, "unitCode": "MTR", "observedAt": OBSERVED},
        NS + "note": {"type": "Property", "value": "probe"},
        NS + "refProbe": {"type": "Relationship", "object": TARGET},
        NS + "reading": [{"type": "Property", "value": i, "datasetId": d} for i, d in enumerate(DATASETS)],
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [7.1, 50.7]}},
    }


def attribute_path(entity_id: str, name: str) -> str:
    """The path of one attribute of an entity (the name percent-encoded as one segment)."""
    return f"{entity_path(entity_id)}/attrs/{quote(name, safe='')}"


def post(ctx: Ctx, path: str, body: Any, headers: Mapping[str, str] = PLAIN, **params: str) -> Doc:
    """A POST of the suite (after the sweep of a killed run's leftovers)."""
    sweep(ctx)
    return ctx.observation.send("POST", path, body, params=params or None, headers=headers)


def read(ctx: Ctx, entity_id: str) -> Doc:
    """An entity of the suite as the broker now has it (no Link header: IRIs as names)."""
    return ctx.observation.send("GET", entity_path(entity_id), headers={"Accept": JSON})


def delete(ctx: Ctx, entity_id: str) -> Doc:
    """Delete one entity."""
    return ctx.observation.send("DELETE", entity_path(entity_id), headers={"Accept": JSON})


@contextmanager
def own(
    ctx: Ctx, tag: str, body: dict[str, Any] | None = None, headers: Mapping[str, str] = PLAIN
) -> Iterator[tuple[str, Doc]]:
    """Create one entity of the suite's own (the probe unless a body is given), yield its id and the answer,
    and delete it when the block ends."""
    entity_id = str(body["id"]) if body else new_id(ctx, tag)
    created = post(ctx, "/entities", body or probe(entity_id), headers)
    try:
        yield entity_id, created
    finally:
        delete(ctx, entity_id)


def sweep(ctx: Ctx) -> None:
    """Once per broker: delete entities of the suite's type left by a killed run, naming them in a note."""
    left = ctx.observation.sweep.once(lambda: _leftovers(ctx), lambda entity_id: delete(ctx, entity_id))
    if left:
        ctx.note(m("note.leftovers", ids=", ".join(left)))


def _leftovers(ctx: Ctx) -> list[str]:
    found = ctx.observation.send(
        "GET", "/entities", params={"type": PROBE_TYPE, "limit": 1000}, headers={"Accept": JSON}
    )
    return [str(e.get("id")) for e in found.entities() if "WechselbarProbe" in str(e.get("id"))]
