"""OParl objects as found in responses: where each one is (URL + JSON pointer), embedded ones, references."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from conformance.core.evidence import Exchange, Locator
from conformance.suites.oparl.facts import Version
from conformance.suites.oparl.fetch import Fetched


def escape(part: str) -> str:
    """One JSON pointer segment."""
    return part.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Seen:
    """An object found in a response: the object, its expected type, and where it is."""

    obj: dict[str, Any]
    kind: str
    source: Fetched
    pointer: str
    origin: str
    parent: Seen | None = None

    @property
    def id(self) -> str:
        """The object's id (empty if it has none)."""
        value = self.obj.get("id")
        return value if isinstance(value, str) else ""

    @property
    def where(self) -> str:
        """The URL of the response that holds the object."""
        return self.source.url

    @property
    def exchange(self) -> Exchange | None:
        """The HTTP exchange of that response."""
        return self.source.exchange

    @property
    def deleted(self) -> bool:
        """True for a soft-deleted object."""
        return self.obj.get("deleted") is True

    def at(self, *parts: str | int) -> Locator:
        """The locator of the object or of a member inside it."""
        suffix = "".join(f"/{escape(str(p))}" for p in parts)
        return Locator(where=self.where, pointer=self.pointer + suffix)


@dataclass(frozen=True)
class Reference:
    """A URL reference from one object to another."""

    source: Seen
    prop: str
    index: int | None
    url: str
    kind: str

    def at(self) -> Locator:
        """Where the reference is written."""
        return self.source.at(self.prop) if self.index is None else self.source.at(self.prop, self.index)


def embedded(version: Version, seen: Seen) -> Iterator[Seen]:
    """Every object embedded in ``seen`` (recursively), located by pointer."""
    for prop, kind in version.embedded(seen.kind).items():
        value = seen.obj.get(prop)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if not isinstance(item, dict):
                continue
            pointer = f"{seen.pointer}/{escape(prop)}" + ("" if index is None else f"/{index}")
            child = Seen(item, kind, seen.source, pointer, "embedded", seen)
            yield child
            yield from embedded(version, child)


def references(version: Version, seen: Seen) -> Iterator[Reference]:
    """Every URL reference of an object to another object, with the referenced type."""
    for prop, kind in version.references(seen.kind).items():
        value = seen.obj.get(prop)
        if isinstance(value, str):
            yield Reference(seen, prop, None, value, kind)
        elif isinstance(value, list):
            yield from (Reference(seen, prop, i, v, kind) for i, v in enumerate(value) if isinstance(v, str))


def values(obj: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Every (pointer, value) pair inside a JSON value, depth first."""
    yield pointer, obj
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from values(value, f"{pointer}/{escape(str(key))}")
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            yield from values(value, f"{pointer}/{index}")
