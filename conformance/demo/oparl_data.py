"""Generated council data for the OParl test double, built from the facts of the spec examples.

TEST DOUBLE: this is not an OParl implementation of any vendor. It produces a deterministic data set
(one Body of a "Beispielstadt" with committees, persons, memberships, meetings, agenda items, papers,
consultations, files and locations) that the test server renders as OParl 1.1 or 1.0.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

TZ = dt.timezone(dt.timedelta(hours=1))
EPOCH = dt.datetime(2014, 1, 1, 8, 0, tzinfo=TZ)
SHARES = {
    "Location": 0.03,
    "Organization": 0.02,
    "Person": 0.06,
    "Membership": 0.12,
    "Meeting": 0.06,
    "AgendaItem": 0.18,
    "Paper": 0.12,
    "Consultation": 0.18,
    "File": 0.22,
}
COMMITTEES = (
    "Rat der Stadt",
    "Finanzausschuss",
    "Ausschuss für Umwelt und Grün",
    "Bauausschuss",
    "Schulausschuss",
    "Bezirksvertretung Innenstadt",
    "Jugendhilfeausschuss",
    "Sozialausschuss",
)
GIVEN = ("Anna", "Max", "Maria", "Jonas", "Fatma", "Lukas", "Sophie", "Mehmet", "Laura", "Paul", "Hannah", "Ali")
FAMILY = ("Mustermann", "Schmidt", "Yilmaz", "Müller", "Becker", "Wagner", "Schulz", "Hoffmann", "Koch", "Richter")
PAPER_TYPES = ("Beschlussvorlage", "Antrag", "Anfrage", "Beantwortung einer Anfrage", "Mitteilung")
ROLES = ("Beschlussfassung", "Vorberatung", "Kenntnisnahme", "Anhörung")
STREETS = ("Rathausplatz", "Honschaftsstraße", "Marktstraße", "Schulstraße", "Am Stadtpark")


@dataclass
class Record:
    """One object of the data set: its own fields, embedded children and back references."""

    key: str
    type: str
    created: dt.datetime
    modified: dt.datetime
    fields: dict[str, Any] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    single: frozenset[str] = frozenset()
    backrefs: dict[str, Any] = field(default_factory=dict)
    deleted: bool = False


@dataclass
class Dataset:
    """All records by key and the keys of every external list, in the server's stable order."""

    version: str
    base: str
    records: dict[str, Record] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    sublists: dict[str, list[str]] = field(default_factory=dict)

    def url(self, key: str) -> str:
        """The URL (= id) of a record."""
        return f"{self.base}/{key}"

    def add(self, record: Record, list_name: str | None) -> Record:
        """Store a record and append it to an external list."""
        self.records[record.key] = record
        if list_name:
            self.lists.setdefault(list_name, []).append(record.key)
        return record


class Builder:
    """Builds a data set of about ``size`` objects with a fixed seed."""

    def __init__(self, version: str, base: str, size: int, seed: int = 1) -> None:
        self.data = Dataset(version, base)
        self.rnd = random.Random(seed)  # noqa: S311 - reproducible test data, not security
        self.counts = {t: max(3, round(size * share)) for t, share in SHARES.items()}
        self.serial: dict[str, int] = {}
        self.new = version == "1.1"

    def stamp(self) -> dt.datetime:
        """A creation time within ten years after the epoch."""
        return EPOCH + dt.timedelta(minutes=self.rnd.randrange(10 * 365 * 24 * 60))

    def record(self, type_name: str, list_name: str | None, **fields: Any) -> Record:
        """A new record with its own timestamps."""
        number = self.serial.get(type_name, 0) + 1
        self.serial[type_name] = number
        created = self.stamp()
        modified = created + dt.timedelta(minutes=self.rnd.randrange(60 * 24 * 400))
        record = Record(f"{type_name.lower()}/{number}", type_name, created, modified, dict(fields))
        return self.data.add(record, list_name if self.new or list_name in MAIN else None)

    def when(self, after: dt.datetime, days: int) -> dt.datetime:
        """A time up to ``days`` after another."""
        return after + dt.timedelta(minutes=self.rnd.randrange(max(1, days) * 24 * 60))

    def keys(self, type_name: str) -> list[str]:
        """The keys of every record of a type, in creation order."""
        return [k for k, r in self.data.records.items() if r.type == type_name]

    def pick(self, type_name: str, count: int = 1) -> list[str]:
        """Distinct random keys of a type."""
        pool = self.keys(type_name)
        return self.rnd.sample(pool, min(count, len(pool)))

    def urls(self, keys: list[str]) -> list[str]:
        """URLs of records."""
        return [self.data.url(k) for k in keys]

    def embed(self, parent: Record, prop: str, child: Record, many: bool = True) -> None:
        """Embed a child in a parent; the parent's modified follows its newest child."""
        parent.children.setdefault(prop, []).append(child.key)
        if not many:
            parent.single = parent.single | {prop}
        parent.modified = max(parent.modified, child.modified)


MAIN = frozenset({"body", "organization", "person", "meeting", "paper"})
