"""The round trip for NGSI-LD (ETSI GS CIM 009 V1.6.1): entities read from broker A, created in broker B.

A's entity types come from ``/types`` (or the target option ``types``); of each type, entities are read page by
page (``limit`` and ``offset``, clause 5.5.9) in the normalized form as plain JSON with only the core ``@context``,
so attribute names are IRIs and mean the same in both brokers. Each is created in B by POST ``/entities``
(clause 5.6.1, 201 with ``Location``), read back, and deleted at the end (clause 5.6.6). NGSI-LD has no
conformance declaration: the vendors file's ``writes = true`` for B is the only gate. Attributes: ``id``,
``type``, and per attribute its value (Property, GeoProperty), object (Relationship) or language map, with
``unitCode``, ``observedAt`` and ``datasetId`` as attributes of their own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote, urljoin

from conformance.core.http import SafeSession
from conformance.core.roundtrip import Item, Plan, TransferFailed, delete, expect, parsed, read_back
from conformance.core.transfer import Problem
from conformance.core.vendors import Target

API = "/ngsi-ld/v1"
JSON = "application/json"
SYSTEM = frozenset({"createdAt", "modifiedAt", "deletedAt", "instanceId", "@context"})
VALUES = {"Property": "value", "GeoProperty": "value", "Relationship": "object", "LanguageProperty": "languageMap"}
SUB = ("unitCode", "observedAt", "datasetId")
PAGE_LIMIT = 100
MAX_PAGES = 1000


class NgsiLdTransfer:
    """The NGSI-LD adapter of the round trip (see :mod:`conformance.core.roundtrip`)."""

    def __init__(self, source: SafeSession, source_target: Target, dest: SafeSession, dest_target: Target) -> None:
        self.source, self.dest = source, dest
        self.source_api = source_target.urls[0].rstrip("/") + API
        self.dest_api = dest_target.urls[0].rstrip("/") + API
        self.types = [t.strip() for t in str(source_target.options.get("types", "")).split(",") if t.strip()]

    def ready(self) -> list[Problem]:
        """Nothing to check beyond ``writes = true``: NGSI-LD brokers declare no conformance classes."""
        return []

    def items(self, sample: int | None) -> Iterator[Item]:
        """The entities of every type of A, at most ``sample`` each."""
        for entity_type in self.types or self._types():
            yield from self._of_type(entity_type, sample)

    def _types(self) -> list[str]:
        url = f"{self.source_api}/types"
        found = parsed(expect(self.source.get(url, headers={"Accept": JSON}), "read-failed"))
        listed = found.get("typeList", []) if isinstance(found, Mapping) else []
        return [str(t) for t in listed if isinstance(t, str)]

    def _of_type(self, entity_type: str, sample: int | None) -> Iterator[Item]:
        limit, count = min(sample or PAGE_LIMIT, PAGE_LIMIT), 0
        for page in range(MAX_PAGES):
            params = {"type": entity_type, "limit": limit, "offset": page * limit}
            answer = expect(self.source.get(f"{self.source_api}/entities", params=params, headers={"Accept": JSON}))
            entities = parsed(answer)
            for entity in entities if isinstance(entities, list) else []:
                if sample is not None and count >= sample:
                    return
                if isinstance(entity, Mapping) and isinstance(entity.get("id"), str):
                    count += 1
                    url = f"{self.source_api}/entities/{quote(entity['id'], safe=':')}"
                    yield Item(entity_type, entity["id"], _document(entity), attributes(entity), url)
            if not isinstance(entities, list) or len(entities) < limit:
                return

    def plan(self, item: Item) -> Plan:
        """The entity's URL in B, and whether B holds no entity of that id yet."""
        url = f"{self.dest_api}/entities/{quote(item.id, safe=':')}"
        taken = self.dest.get(url, headers={"Accept": JSON}).status == 200
        return Plan(f"{self.dest_api}/entities", url, not taken)

    def write(self, item: Item, plan: Plan) -> str:
        """POST the entity; the URL of ``Location`` (the planned URL when a broker gives none)."""
        body = json.dumps(item.document, ensure_ascii=False).encode("utf-8")
        answer = self.dest.request("POST", plan.collection_url, headers={"Content-Type": JSON}, body=body)
        if answer.status != 201:
            raise TransferFailed(Problem("write-failed", plan.collection_url, answer.status, answer.text[:300]))
        location = answer.headers.get("Location", "")
        return urljoin(plan.collection_url, location) if location else plan.item_url

    def read_back(self, url: str) -> Mapping[str, Any]:
        """The attributes of the entity B serves at ``url``."""
        found = read_back(self.dest, url, JSON)
        return attributes(found if isinstance(found, Mapping) else {})

    def declared_crs(self, url: str) -> str:
        """None: GeoJSON values are in CRS84 unless they name a CRS themselves."""
        return ""

    def remove(self, url: str) -> None:
        """DELETE the entity."""
        delete(self.dest, url)


def attributes(entity: Mapping[str, Any]) -> dict[str, Any]:
    """An entity's attributes as the round trip compares them."""
    found: dict[str, Any] = {"id": entity.get("id"), "type": entity.get("type")}
    for name, raw in entity.items():
        if name in found or name in SYSTEM:
            continue
        for index, instance in enumerate(raw if isinstance(raw, list) else [raw]):
            key = name if index == 0 else f"{name}[{index}]"
            if not isinstance(instance, Mapping):
                found[key] = instance
                continue
            found[key] = instance.get(VALUES.get(str(instance.get("type")), "value"))
            found |= {f"{key}.{sub}": instance[sub] for sub in SUB if sub in instance}
    return found


def _document(entity: Mapping[str, Any]) -> dict[str, Any]:
    """The entity without system attributes, as B is asked to create it."""
    return {k: _clean(v) for k, v in entity.items() if k not in SYSTEM}


def _clean(value: Any) -> Any:
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _clean(v) for k, v in value.items() if k not in SYSTEM}
    return value
