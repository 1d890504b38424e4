"""Standards, conformance classes and requirements, kept as data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from conformance.core.outcomes import Obligation


@dataclass(frozen=True)
class ConformanceClass:
    """A conformance class of a standard: its URI, a short id and a title in German and English."""

    uri: str
    short: str
    title_de: str
    title_en: str
    spec_url: str = ""


@dataclass(frozen=True)
class Requirement:
    """One testable requirement: official URI or section, class, obligation and a one-line statement."""

    uri: str
    cls: str
    standard: str
    version: str
    obligation: Obligation
    statement: str
    spec_url: str = ""

    def marker_kwargs(self) -> dict[str, str]:
        """The keyword arguments of the pytest ``requirement`` marker."""
        return {
            "uri": self.uri,
            "cls": self.cls,
            "standard": self.standard,
            "version": self.version,
            "obligation": self.obligation.value,
            "statement": self.statement,
            "spec_url": self.spec_url,
        }


KINDS = {bool: "true or false", int: "a whole number ≥ 0", float: "a number ≥ 0", str: "a string", dict: "a table"}


@dataclass(frozen=True)
class Option:
    """A setting a vendors file may give a target of a standard (``options = { max_pages = 5 }``)."""

    name: str
    default: bool | int | float | str | dict[str, object]
    description: str

    def problem(self, value: object) -> str | None:
        """What is wrong with a value from a vendors file (its kind must be the default's), or None."""
        kind = type(self.default)
        if kind in (int, float):
            numbers = int if kind is int else (int, float)
            ok = isinstance(value, numbers) and not isinstance(value, bool) and value >= 0
        else:
            ok = isinstance(value, kind)
        return None if ok else f"expected {KINDS[kind]}, found {value!r}"


@dataclass(frozen=True)
class Standard:
    """A standard family member with its classes; suites register one per standard id. ``target_kinds`` says
    what a vendors file may give a target of it (``url``, ``path``); empty, the standard does not restrict it."""

    id: str
    title: str
    version: str
    classes: tuple[ConformanceClass, ...]
    spec_url: str = ""
    target_kinds: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...] = field(default=())
    packs: tuple[str, ...] = ()
    title_de: str = ""
    options: tuple[Option, ...] = ()

    def option(self, name: str) -> Option:
        """A declared target option by name."""
        for item in self.options:
            if item.name == name:
                return item
        known = ", ".join(o.name for o in self.options) or "none"
        raise KeyError(f"{self.id} has no option {name!r} (known: {known})")

    def cls(self, ref: str) -> ConformanceClass:
        """Find a class by URI or short id."""
        for item in self.classes:
            if ref in (item.uri, item.short):
                return item
        known = ", ".join(item.short for item in self.classes) or "none"
        raise KeyError(f"{self.id} has no conformance class {ref!r} (known: {known})")

    def class_uris(self, refs: Iterable[str]) -> frozenset[str]:
        """Map short ids or URIs to class URIs."""
        return frozenset(self.cls(ref).uri for ref in refs)

    def requirement(self, ref: str) -> Requirement:
        """Find a requirement by its URI or by the end of its URI (e.g. ``/req/core/root-op``)."""
        for item in self.requirements:
            if item.uri == ref or item.uri.endswith(ref):
                return item
        raise KeyError(f"{self.id} has no requirement {ref!r} in its catalogue")

    def to_json(self) -> dict[str, object]:
        """The standard and its classes, as stored in a results header."""
        return {
            "id": self.id,
            "title": self.title,
            "title_de": self.title_de or self.title,
            "version": self.version,
            "spec_url": self.spec_url,
            "classes": [
                {"uri": c.uri, "short": c.short, "title_de": c.title_de, "title_en": c.title_en, "spec_url": c.spec_url}
                for c in self.classes
            ],
        }
