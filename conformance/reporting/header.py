"""What the run header says about vendors, standards, classes and the profile, with gaps filled from results.

An archived or merged results file may hold results whose vendor or class the header does not list; they are
shown, never dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from conformance.core.profile import ProfileItem
from conformance.core.results import ResultsFile


@dataclass(frozen=True)
class Column:
    """A conformance class of a standard, as named in the run header."""

    standard: str
    standard_title: Mapping[str, str]
    standard_version: str
    standard_url: str
    uri: str
    short: str
    title: Mapping[str, str]
    spec_url: str


def columns(run: ResultsFile) -> tuple[Column, ...]:
    """The header's classes in order, then any class that only the results name."""
    found = [_column(std, cls) for std in run.header.standards for cls in std.get("classes", ())]
    known = {(c.standard, c.uri) for c in found}
    for result in sorted(run.results, key=lambda r: (r.standard, r.cls)):
        if (result.standard, result.cls) not in known:
            known.add((result.standard, result.cls))
            found.append(_unlisted(run, result.standard, result.standard_version, result.cls))
    order = list(dict.fromkeys(c.standard for c in found))
    return tuple(sorted(found, key=lambda c: order.index(c.standard)))


def _column(std: Mapping[str, Any], cls: Mapping[str, Any]) -> Column:
    title = {"de": str(std.get("title_de") or std.get("title") or std["id"]), "en": str(std.get("title") or std["id"])}
    return Column(
        standard=str(std["id"]),
        standard_title=title,
        standard_version=str(std.get("version", "")),
        standard_url=str(std.get("spec_url", "")),
        uri=str(cls["uri"]),
        short=str(cls.get("short", "")),
        title={"de": str(cls.get("title_de") or cls["uri"]), "en": str(cls.get("title_en") or cls["uri"])},
        spec_url=str(cls.get("spec_url", "")),
    )


def _unlisted(run: ResultsFile, standard: str, version: str, cls: str) -> Column:
    std = standard_info(run, standard) or {"id": standard, "version": version}
    short = cls.rstrip("/").rsplit("/", 1)[-1] or cls
    return _column(std, {"uri": cls, "short": short, "title_de": short, "title_en": short})


def standard_info(run: ResultsFile, standard: str) -> Mapping[str, Any] | None:
    """The header entry of a standard, if the header lists it."""
    return next((s for s in run.header.standards if s.get("id") == standard), None)


def vendors(run: ResultsFile) -> tuple[Mapping[str, Any], ...]:
    """The header's vendors, then any vendor that only the results name."""
    found = list(run.header.vendors)
    known = {str(v["id"]) for v in found}
    for vendor in sorted({r.vendor for r in run.results} - known):
        found.append({"id": vendor, "name": vendor, "version": "", "targets": []})
    return tuple(found)


@dataclass(frozen=True)
class Name:
    """How a vendor product is named: the product is the main label; vendor and version stand beside it."""

    product: str
    vendor: str
    version: str

    @property
    def short(self) -> str:
        """``Kartenwerk Kommunal 5.1.0``: product and version."""
        return f"{self.product} {self.version}".strip()

    @property
    def text(self) -> str:
        """``Kartenwerk Kommunal 5.1.0 – Kartenwerk GmbH``: every part in one line."""
        return f"{self.short} – {self.vendor}" if self.vendor else self.short


def vendor_name(vendor: Mapping[str, Any]) -> Name:
    """The product (or, without one, the vendor's name or id), the vendor's name and the version."""
    name, product = str(vendor.get("name") or ""), str(vendor.get("product") or "")
    version = str(vendor.get("version") or "")
    if product:
        return Name(product, "" if name == product else name, version)
    return Name(name or str(vendor["id"]), "", version)


def short_labels(found: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """A short label per vendor id, unique among them: product and version, with the vendor or id if needed."""
    names = {str(v["id"]): vendor_name(v) for v in found}
    labels = {vid: name.short for vid, name in names.items()}
    for longer in (
        {vid: name.text for vid, name in names.items()},
        {vid: f"{name.text} [{vid}]" for vid, name in names.items()},
    ):
        counts = Counter(labels.values())
        labels = {vid: longer[vid] if counts[label] > 1 else label for vid, label in labels.items()}
    return labels


def profile_name(run: ResultsFile) -> str | None:
    """The profile's name, or None for a run without a profile."""
    profile = run.header.profile
    return None if profile is None else profile.name or profile.id


def required_classes(run: ResultsFile, item: ProfileItem) -> tuple[str, ...]:
    """The class URIs a profile item names; an item without classes names every class of its standard."""
    if item.classes:
        return item.classes
    std = standard_info(run, item.standard)
    return tuple(str(c["uri"]) for c in std.get("classes", ())) if std else ()


def targets(vendor: Mapping[str, Any], standard: str) -> list[Mapping[str, Any]]:
    """The vendor's targets for one standard."""
    return [t for t in vendor.get("targets", ()) if t.get("standard") == standard]


def target_labels(vendor: Mapping[str, Any], standard: str) -> tuple[str, ...]:
    """The labels (or URLs or paths) of the vendor's targets for one standard, as the results name them."""
    return tuple(dict.fromkeys(str(t.get("target", "")) for t in targets(vendor, standard)))


def claimed(vendor: Mapping[str, Any], standard: str, cls: str, target: str) -> bool | None:
    """Whether one target claims the class; None if it leaves claims to the implementation or is not listed."""
    found = [t for t in targets(vendor, standard) if str(t.get("target", "")) == target]
    if not found or any(t.get("claims") is None for t in found):
        return None
    return any(cls in t["claims"] for t in found)
