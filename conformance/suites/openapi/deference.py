"""Where the API also claims a standard that defines how a parameter is answered, that standard decides.

OGC API – Features – Part 1 (OGC 17-069r4, /req/core/fc-limit-response-1) requires a ``limit`` above the
maximum the API definition gives to be answered (with at most that many features), not rejected. When the
vendors file lists an ``ogcapi-features-1`` target of the same vendor for this API (its URL is the API's base
URL or lies above it), the maximum of ``limit`` is lifted from the items operations
(``/collections/{collectionId}/items``) before any case is generated, so neither a boundary case nor a random
one sends a limit above it as invalid data; a note on the results names the rule. Nothing else changes: a
limit below the minimum, or of the wrong type, is still invalid.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from conformance.core.messages import Message
from conformance.harness.target import TargetContext
from conformance.suites.openapi.boundaries import deref
from conformance.suites.openapi.messages import m

BOUNDS = ("maximum", "exclusiveMaximum")


@dataclass(frozen=True)
class Deference:
    """A parameter bound that another standard, claimed for the same API, defines differently."""

    standard: str
    title: str
    rule: str
    parameter: str
    paths: re.Pattern[str]


DEFERENCES = (
    Deference(
        "ogcapi-features-1",
        "OGC API – Features – Part 1",
        "17-069r4 /req/core/fc-limit-response-1",
        "limit",
        re.compile(r"/collections/[^/]+/items"),
    ),
)


def claimed(target: TargetContext, base: str) -> list[Deference]:
    """The deferences that apply: the vendor has a target of that standard whose URL covers the API's base URL."""
    root = base.rstrip("/")
    covering = {
        t.standard
        for t in target.vendor.targets
        for url in t.urls
        if root == url.rstrip("/") or root.startswith(url.rstrip("/") + "/")
    }
    return [d for d in DEFERENCES if d.standard in covering]


def lifted(document: dict[str, Any], deferences: list[Deference]) -> tuple[dict[str, Any], list[Message]]:
    """A copy of the bundled document with the deferred bounds lifted, and a note per deference that applied."""
    if not deferences:
        return document, []
    out = copy.deepcopy(document)
    notes = []
    for deference in deferences:
        count = sum(
            _lift(out, item, deference)
            for path, item in (out.get("paths") or {}).items()
            if isinstance(item, dict) and deference.paths.fullmatch(str(path))
        )
        if count:
            notes.append(
                m(
                    "note.deferred",
                    parameter=deference.parameter,
                    operations=count,
                    standard=deference.title,
                    rule=deference.rule,
                )
            )
    return out, notes


def _lift(document: dict[str, Any], item: dict[str, Any], deference: Deference) -> bool:
    """Lift the bound in the GET operation of a path item (inlining a shared parameter); True if there was one."""
    lifted_any = False
    for owner in (item, item.get("get")):
        params: list[Any] = owner.get("parameters") or [] if isinstance(owner, dict) else []
        for index, node in enumerate(params if isinstance(params, list) else []):
            param = deref(document, node)
            if not isinstance(param, dict) or param.get("name") != deference.parameter or param.get("in") != "query":
                continue
            schema = copy.deepcopy(deref(document, param.get("schema")))
            if isinstance(schema, dict) and any(b in schema for b in BOUNDS):
                params[index] = {**param, "schema": {k: v for k, v in schema.items() if k not in BOUNDS}}
                lifted_any = True
    return lifted_any and isinstance(item.get("get"), dict)
