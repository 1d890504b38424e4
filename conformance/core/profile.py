"""Profiles (what a tender requires) and waivers (known, time-limited deviations)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.core.config import ConfigError, read_document, validate
from conformance.core.model import Standard
from conformance.core.outcomes import Obligation


@dataclass(frozen=True)
class ProfileItem:
    """One line of a profile: a standard, its classes (URIs; empty = all), the obligation and the source that sets
    it (``basis``, empty when the profile names none)."""

    standard: str
    classes: tuple[str, ...]
    obligation: Obligation
    basis: str = ""

    def covers(self, standard: str, cls: str) -> bool:
        """True if this item names the class (or the whole standard)."""
        return standard == self.standard and (not self.classes or cls in self.classes)


@dataclass(frozen=True)
class Profile:
    """What a tender requires; loaded from a profile file."""

    id: str
    name: str
    items: tuple[ProfileItem, ...]
    description: str = ""
    path: str = ""
    sha256: str = ""
    waiver_policy: str = ""

    def obligation(self, standard: str, cls: str) -> Obligation | None:
        """MUSS if any item requires the class, SOLL if one recommends it, else None."""
        found = [i.obligation for i in self.items if i.covers(standard, cls)]
        if Obligation.MUSS in found:
            return Obligation.MUSS
        return Obligation.SOLL if found else None

    def to_json(self) -> dict[str, Any]:
        """The profile as stored in a results header."""
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "items": [
                {"standard": i.standard, "classes": list(i.classes), "obligation": i.obligation.value}
                for i in self.items
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        """Rebuild a profile from a results header."""
        items = tuple(
            ProfileItem(i["standard"], tuple(i["classes"]), Obligation(i["obligation"])) for i in data["items"]
        )
        return cls(data["id"], data["name"], items, data.get("description", ""))


def load_profile(path: Path, standards: Mapping[str, Standard]) -> Profile:
    """Load and validate a profile; class short ids become URIs, unknown names are errors."""
    data, digest = read_document(path)
    validate(data, "profile", path)
    items, problems = [], []
    for index, raw in enumerate(data["requirements"]):
        try:
            items.append(_item(raw, standards))
        except KeyError as exc:
            problems.append(f"requirements[{index}]: {exc.args[0]}")
    if problems:
        raise ConfigError(path, problems)
    return Profile(
        data.get("id", path.stem),
        data["name"],
        tuple(items),
        data.get("description", ""),
        str(path),
        digest,
        data.get("waiver_policy", ""),
    )


def _item(raw: dict[str, Any], standards: Mapping[str, Standard]) -> ProfileItem:
    standard = standards.get(raw["standard"])
    if standard is None:
        raise KeyError(f"standard: unknown standard {raw['standard']!r} (known: {', '.join(sorted(standards))})")
    classes = tuple(sorted(standard.class_uris(raw.get("classes", []))))
    obligation = Obligation.parse(raw["obligation"])
    return ProfileItem(standard.id, classes, obligation, raw.get("basis", ""))


@dataclass(frozen=True)
class Waiver:
    """A known deviation of one vendor from one requirement, with a reason and an expiry date."""

    vendor: str
    requirement: str
    reason: str
    expires: dt.date
    ticket: str = ""

    def active(self, today: dt.date) -> bool:
        """True until and including the expiry date."""
        return today <= self.expires

    def to_json(self) -> dict[str, Any]:
        """The waiver as stored beside a result."""
        return {
            "vendor": self.vendor,
            "requirement": self.requirement,
            "reason": self.reason,
            "expires": self.expires.isoformat(),
            "ticket": self.ticket,
        }


@dataclass(frozen=True)
class Waivers:
    """All waivers of one file."""

    items: tuple[Waiver, ...] = ()
    path: str = ""
    sha256: str = ""

    def find(self, vendor: str, requirement: str) -> Waiver | None:
        """The waiver for a vendor and requirement, if any."""
        for waiver in self.items:
            if waiver.vendor == vendor and waiver.requirement == requirement:
                return waiver
        return None


def load_waivers(path: Path, vendor_ids: frozenset[str] | None = None) -> Waivers:
    """Load and validate a waiver file; a waiver for an unknown vendor is an error."""
    data, digest = read_document(path)
    validate(data, "waivers", path)
    items = tuple(
        Waiver(w["vendor"], w["requirement"], w["reason"], dt.date.fromisoformat(w["expires"]), w.get("ticket", ""))
        for w in data["waivers"]
    )
    if vendor_ids is not None:
        problems = [
            f"waivers[{i}].vendor: unknown vendor {w.vendor!r}"
            for i, w in enumerate(items)
            if w.vendor not in vendor_ids
        ]
        if problems:
            raise ConfigError(path, problems)
    return Waivers(items, str(path), digest)
