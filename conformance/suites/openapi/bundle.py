"""Offline bundling: every $ref of the description is made local, or replaced and reported.

A referenced document (a mirrored pack, a file beside the description, a document on the API's own host) is
copied under ``x-wechselbar-external`` and the reference rewritten to point there, so the libraries that read
the bundle never resolve anything themselves. Pointers and reference chains are read by the shared reader
(``conformance.core.openapi.refs``). A reference that cannot be followed is replaced by a neutral
placeholder of the right kind (a response without content, a schema that allows anything) and becomes a
finding with its JSON pointer; a parameter whose definition is unreadable is left out of the operation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from conformance.core.messages import Message
from conformance.core.openapi.refs import MISSING, References, at, pointer
from conformance.suites.openapi.document import Description
from conformance.suites.openapi.messages import m
from conformance.suites.openapi.sources import Broken, Foreign, Sources, Unfollowed

MARK = "x-wechselbar-unresolved"
STORE = "x-wechselbar-external"
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A $ref that could not be followed: where it is, what it names and why."""

    pointer: str
    ref: str
    reason: Message
    foreign: bool


@dataclass
class Bundle:
    """The self-contained document, the findings, which stored key came from which URI, and how many
    references were followed or tried."""

    document: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)
    references: int = 0

    def origin(self, pointer: str) -> tuple[str, str]:
        """Map a pointer into the bundle back to (document URI, pointer there); the root gives ("", pointer)."""
        prefix = f"/{STORE}/"
        if pointer.startswith(prefix):
            key, _, rest = pointer[len(prefix) :].partition("/")
            uri = self.origins.get(key, "")
            base, _, fragment = uri.partition("#")
            return base, fragment + ("/" + rest if rest else "")
        return "", pointer


class Bundler:
    """Walks the description once, following each external reference once."""

    def __init__(self, description: Description, sources: Sources) -> None:
        self.root_uri = description.uri.split("#", maxsplit=1)[0]
        self.root = description.raw
        self.sources = sources
        self.keys: dict[str, str] = {}
        self.result = Bundle({})
        self.stored: dict[str, Any] = {}

    def bundle(self) -> Bundle:
        """The bundle of the description."""
        document = self._walk(self.root, self.root_uri, ())
        if self.stored:
            document[STORE] = self.stored
        _drop_unresolved_parameters(document)
        self.result.document = document
        return self.result

    def _walk(self, node: Any, base: str, path: Path) -> Any:
        if isinstance(node, list):
            return [self._walk(item, base, (*path, index)) for index, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("$ref"), str):
            return self._reference(node, base, path)
        foreign_id = base != self.root_uri
        return {
            key: self._walk(value, base, (*path, key))
            for key, value in node.items()
            if not (foreign_id and key == "$id") and not (key == "externalValue" and isinstance(value, str))
        }

    def _reference(self, node: dict[str, Any], base: str, path: Path) -> Any:
        self.result.references += 1
        target = urljoin(base, node["$ref"])
        document, _, fragment = target.partition("#")
        siblings = {k: self._walk(v, base, (*path, k)) for k, v in node.items() if k != "$ref"}
        if document == self.root_uri:
            if at(self.root, fragment) is MISSING:
                return self._unresolved(path, target, m("reason.in-description"), foreign=False)
            return {**siblings, "$ref": "#" + fragment}
        key = self.keys.get(target)
        if key is None:
            try:
                content = self._content(document, fragment)
            except Unfollowed as exc:
                return self._unresolved(path, target, exc.reason, foreign=isinstance(exc, Foreign))
            key = self._new_key(target)
            self.stored[key] = self._walk(content, document, path)
        return {**siblings, "$ref": f"#/{STORE}/{key}"}

    def _content(self, document: str, fragment: str) -> Any:
        content = at(self.sources.read(document), fragment)
        if content is MISSING:
            raise Broken(m("reason.no-location", fragment=fragment, document=document))
        return content

    def _new_key(self, target: str) -> str:
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", target.rsplit("/", 1)[-1])[-40:]
        key = f"e{len(self.keys) + 1}-{stem}"
        self.keys[target] = key
        self.result.origins[key] = target
        self.stored[key] = {}
        return key

    def _unresolved(self, path: Path, target: str, reason: Message, foreign: bool) -> dict[str, Any]:
        self.result.findings.append(Finding(pointer(path), target, reason, foreign))
        return placeholder(path, target)


def bundle(description: Description, sources: Sources) -> Bundle:
    """Bundle a description with the given sources."""
    return Bundler(description, sources).bundle()


def placeholder(path: Path, target: str) -> dict[str, Any]:
    """A neutral stand-in of the kind the location expects."""
    parent = path[-2] if len(path) >= 2 else None
    mark = {MARK: target}
    if parent == "responses":
        return {"description": f"unresolvable reference {target}", **mark}
    if parent == "parameters":
        return {"name": MARK, "in": "query", "schema": {}, **mark}
    if (path and path[-1] == "requestBody") or parent == "requestBodies":
        return {"content": {}, **mark}
    if parent == "headers":
        return {"schema": {}, **mark}
    return mark


def _drop_unresolved_parameters(document: dict[str, Any]) -> None:
    for item in (document.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        for owner in (item, *(op for op in item.values() if isinstance(op, dict))):
            params = owner.get("parameters")
            if isinstance(params, list):
                owner["parameters"] = [p for p in params if not _is_unresolved(document, p)]


def _is_unresolved(document: dict[str, Any], node: Any) -> bool:
    found = References("", document).locate(node)
    return found is None or (isinstance(found.node, dict) and MARK in found.node)
