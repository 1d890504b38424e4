"""What the suite observes of one NGSI-LD broker: the entity types, read once; every other answer on first need.

The target URL is the apiRoot; the API lies below ``/ngsi-ld/v1``. When the vendors file names a user
``@context`` (``user_context``), it is read once through the target's HTTP session and every request carries it
in a JSON-LD Link header, so attribute names are short names; otherwise names are IRIs (core context only).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from typing import Any

from conformance.core import jsonsafe
from conformance.core.jsondoc import JsonDoc
from conformance.core.transport import TargetUnreachable
from conformance.harness.suite import CheckContext
from conformance.harness.target import TargetContext
from conformance.harness.writes import Sweep, writes_allowed
from conformance.suites.ngsild.catalogue import READ, TEMPORAL, WRITE
from conformance.suites.ngsild.contexts import ContextRefused, Contexts
from conformance.suites.ngsild.messages import m

CONTEXT_REL = "http://www.w3.org/ns/json-ld#context"
JSON, JSON_LD = "application/json", "application/ld+json"
VERSION = re.compile(r"(?:CIM\s*009|NGSI-LD)[^()]*?V?(\d+\.\d+(?:\.\d+)?)", re.IGNORECASE)
Entity = dict[str, Any]


class Doc(JsonDoc):
    """A response with its JSON body parsed (``body`` is None when it is not JSON)."""

    def entities(self) -> list[Entity]:
        """The entity objects of a query answer (a JSON array); empty if there are none."""
        return [e for e in self.body if isinstance(e, dict)] if isinstance(self.body, list) else []

    def header(self, name: str) -> str:
        """A response header ('' without one)."""
        return str(self.response.headers.get(name, ""))


class Broker:
    """One NGSI-LD broker as the checks see it; each GET is fetched once."""

    def __init__(self, target: TargetContext, contexts: Contexts) -> None:
        self.target = target
        self.api = target.base_url + "/ngsi-ld/v1"
        self.contexts = contexts
        self.docs: dict[str, Doc] = {}
        self.types: list[str] = []
        self.api_version = str(target.option("api_version", ""))
        self.sweep = Sweep()

    def link(self, url: str | None = None) -> dict[str, str]:
        """The JSON-LD Link header naming a @context (default: the user @context; none without one)."""
        url = url or self.contexts.user
        return {"Link": f'<{url}>; rel="{CONTEXT_REL}"; type="{JSON_LD}"'} if url else {}

    def get(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        expected: Collection[int] = (),
    ) -> Doc:
        """A GET below the API (with the user @context's Link header unless headers are given), kept for reuse;
        a status in ``expected`` is the answer (not retried as a server's passing trouble)."""
        sent = {"Accept": JSON, **self.link()} if headers is None else dict(headers)
        key = json.dumps([path, sorted((params or {}).items()), sorted(sent.items())])
        if key not in self.docs:
            self.docs[key] = self.send("GET", path, params=params, headers=sent, expected=expected)
        return self.docs[key]

    def send(
        self,
        method: str,
        path: str,
        body: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        expected: Collection[int] = (),
    ) -> Doc:
        """One request below the API; a body other than bytes is sent as JSON."""
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode("utf-8")
        response = self.target.http.request(
            method, self.api + path, params=params, headers=headers, body=data, expected=expected
        )
        try:
            parsed = jsonsafe.loads(response.content) if response.content else None
        except ValueError:
            parsed = None
        return Doc(response, parsed)

    def declared(self) -> frozenset[str]:
        """The classes the vendors file's options declare: reading always, writing and temporal on opt-in."""
        return frozenset({READ} | ({WRITE} if self.writes else set()) | ({TEMPORAL} if self.temporal else set()))

    @property
    def writes(self) -> bool:
        """Whether the vendors file allows writing to this broker."""
        return writes_allowed(self.target)

    @property
    def temporal(self) -> bool:
        """Whether the vendors file declares the temporal API."""
        return bool(self.target.option("temporal", False))

    def declare(self, first: Doc) -> None:
        """Take the API version from the Server header unless the vendors file gives it."""
        found = VERSION.search(first.header("Server"))
        self.api_version = self.api_version or (found[1] if found else "")


Ctx = CheckContext[Broker]


def observe(target: TargetContext) -> Broker:
    """The broker's entity types (option ``types`` or ``/types``); a broker that answers neither ends every check."""
    broker = Broker(target, contexts(target))
    listed = [t.strip() for t in str(target.option("types", "")).split(",") if t.strip()]
    if not listed:
        found = broker.get("/types")
        names = found.member("typeList")
        if found.status != 200 or not isinstance(names, list):
            raise TargetUnreachable(m("types-status", url=found.url, status=found.status))
        listed = [str(n) for n in names]
        broker.declare(found)
    broker.types = listed
    return broker


def contexts(target: TargetContext) -> Contexts:
    """The @context documents the suite holds for a broker: the core ones, and the user @context the vendors file
    names, read through the target's session and proven usable offline."""
    url = str(target.option("user_context", ""))
    if not url:
        return Contexts()
    response = target.http.get(url, headers={"Accept": f"{JSON_LD}, {JSON}"})
    try:
        document = jsonsafe.loads(response.content)
    except ValueError:
        document = None
    if response.status != 200 or not isinstance(document, dict) or "@context" not in document:
        raise TargetUnreachable(m("context-unusable", url=url, status=response.status))
    held = Contexts((url, document))
    try:
        held.iri("type")
    except ContextRefused as exc:
        raise TargetUnreachable(m("context-unprocessable", url=url, reason=str(exc))) from exc
    return held
