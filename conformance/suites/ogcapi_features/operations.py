"""The GET operations the API definition documents for the resources of Features Part 1, and calls to them.

A documented path belongs to Features Part 1 when its segments have one of the shapes ``/``, ``/conformance``,
``/collections``, ``/collections/{c}``, ``/collections/{c}/items`` or ``/collections/{c}/items/{f}``, where each
``{…}`` may be a path parameter or a literal (some servers document one concrete path per collection). Path
parameters are filled with real ids: collection ids from /collections (the sampled ones, ``max_collections``)
or the parameter's enum, and for features the first feature id of that collection's first items page. Paths
are taken relative to the base URL of the vendors file, not to the definition's ``servers`` entry.
The answers come from the documents the other checks fetch (memoised), so calling them costs few requests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from conformance.core.messages import Message
from conformance.core.openapi.refs import escape
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.openapi import Definition
from conformance.suites.ogcapi_features.responses import Doc, feature_key, features
from conformance.suites.ogcapi_features.service import Ctx, Service

KINDS = {
    (): "landing",
    ("conformance",): "conformance",
    ("collections",): "collections",
    ("collections", "*"): "collection",
    ("collections", "*", "items"): "items",
    ("collections", "*", "items", "*"): "feature",
}


@dataclass(frozen=True)
class Call:
    """One call of a documented operation: its path template and pointer, and the ids filled in."""

    template: str
    pointer: str
    kind: str
    collection: str | None = None
    feature: str | None = None

    @property
    def path(self) -> str:
        """The concrete path, relative to the API's base URL."""
        parts = {"landing": [], "conformance": ["conformance"], "collections": ["collections"]}.get(self.kind)
        if parts is None:
            parts = ["collections", self.collection or "", "items", self.feature or ""][: _depth(self.kind)]
        return "/" + "/".join(quote(p, safe="") for p in parts)


def _depth(kind: str) -> int:
    return {"collection": 2, "items": 3, "feature": 4}[kind]


def kind_of(template: str) -> str | None:
    """The Features resource a path template documents, or None for other paths."""
    segments = [s for s in template.split("/") if s]
    shape = tuple("*" if i in (1, 3) and len(segments) > i else s for i, s in enumerate(segments))
    return KINDS.get(shape)


def documented(api: Definition) -> list[tuple[str, str, dict[str, Any]]]:
    """(template, JSON pointer, operation) of every documented GET of a Features Part 1 path."""
    out = []
    for template, item in (api.raw.get("paths") or {}).items():
        if isinstance(item, dict) and isinstance(item.get("get"), dict) and kind_of(str(template)):
            out.append((str(template), f"/paths/{escape(str(template))}/get", item["get"]))
    return out


def calls(ctx: Ctx) -> list[Call]:
    """Calls of every documented Features operation, path parameters filled with real ids (made once per target);
    what could not be called is noted."""
    found, notes = ctx.observation.calls.get()
    for note in notes:
        ctx.note(note)
    return found


def fill(svc: Service) -> tuple[list[Call], list[Message]]:
    """The calls of the API definition's documented Features operations, and notes on the ones not called."""
    api = svc.api.get()
    notes: list[Message] = []
    if api is None:
        return [], notes
    found = [c for t, p, _ in documented(api) for c in _fill(svc, api, t, p, notes)]
    return found, notes


def _fill(svc: Service, api: Definition, template: str, pointer: str, notes: list[Message]) -> list[Call]:
    kind = kind_of(template) or ""
    segments = [s for s in template.split("/") if s]
    if len(segments) < 2:
        return [Call(template, pointer, kind)]
    out = []
    for collection in _values(svc, api, template, segments[1], notes):
        if len(segments) < 4:
            out.append(Call(template, pointer, kind, collection))
        elif (feature := _feature(svc, collection, segments[3], notes)) is not None:
            out.append(Call(template, pointer, kind, collection, feature))
    return out


def _values(svc: Service, api: Definition, template: str, segment: str, notes: list[Message]) -> list[str]:
    if not segment.startswith("{"):
        return [segment]
    name = segment.strip("{}")
    enum = next(
        (p.schema.get("enum") for p in api.template_parameters(template) if p.name == name and p.location == "path"),
        None,
    )
    if isinstance(enum, list) and enum:
        cap = svc.target.option("max_collections", 5)
        return [str(v) for v in enum[:cap]]
    sample = svc.sample()
    notes += [n for n in sample.notes if n not in notes]
    return [entry["id"] for entry in sample.entries]


def _feature(svc: Service, collection: str, segment: str, notes: list[Message]) -> str | None:
    if not segment.startswith("{"):
        return segment
    ids = [feature_key(f) for f in features(svc.items(collection)) if f.get("id") not in (None, "")]
    if not ids:
        notes.append(m("note.no-feature-id", collection=collection))
    return ids[0] if ids else None


def answer(svc: Service, call: Call) -> Doc:
    """The response to a call: the same document the other checks judge."""
    if call.kind == "landing":
        return svc.landing
    if call.kind == "conformance":
        return svc.conformance()
    if call.kind == "collections":
        return svc.collections()
    collection = call.collection or ""
    if call.kind == "collection":
        return svc.collection(collection)
    if call.kind == "items":
        return svc.items(collection)
    return svc.single(collection, call.feature or "")
