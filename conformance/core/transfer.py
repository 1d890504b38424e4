"""The round trip's records: per pair of products, what each attribute of each collection became.

Kept in ``roundtrip.jsonl`` beside a run's ``results.jsonl`` (format ``wechselbar-roundtrip/1``, described by
``schemas/roundtrip.schema.json``, every line checked on reading): one header, then one ``transfer`` record per
pair (A → B, standard). Reports read it when it is there; the results file and its format stay as they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance.core.evidence import plain
from conformance.core.transferdiff import ADDED, CHANGED, LOST, STATUSES, UNCHANGED, Change

FORMAT = "wechselbar-roundtrip/1"
FILE = "roundtrip.jsonl"
MAX_EXAMPLES = 3
MAX_VALUE = 2000
LOSSLESS, WITH_CHANGES, WITH_LOSS, NO_VERDICT = "lossless", "with-changes", "with-loss", "no-verdict"
PROBLEMS = (
    "no-writes",
    "not-opted-in",
    "collection-missing",
    "write-failed",
    "read-back-failed",
    "delete-failed",
    "read-failed",
    "conflict",
    "nothing-read",
)


def capped(value: Any) -> Any:
    """A value as stored as evidence: as it is, or, when its JSON is longer than ``MAX_VALUE`` characters, the
    beginning of that JSON as a string ending in "…"."""
    data = plain(value)
    text = json.dumps(data, ensure_ascii=False)
    return data if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


@dataclass(frozen=True)
class Example:
    """Evidence of one change or loss: the item, A's and B's value, where each was read, and a note (the two
    CRSs of a CRS change)."""

    item: str
    before: Any
    after: Any
    source_url: str
    target_url: str
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        """The example as stored (the note only where there is one)."""
        found = {
            "item": self.item,
            "before": capped(self.before),
            "after": capped(self.after),
            "source_url": self.source_url,
            "target_url": self.target_url,
        }
        return found | ({"note": self.note} if self.note else {})


@dataclass
class Attribute:
    """One attribute of one collection over every item compared: counts per status and kind, first examples."""

    collection: str
    name: str
    counts: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)

    @property
    def status(self) -> str:
        """The worst status seen: lost, then changed, then added, else unchanged."""
        return next((s for s in (LOST, CHANGED, ADDED) if self.counts.get(s)), UNCHANGED)

    def add(self, change: Change, example: Example) -> None:
        """Count one item's fate of this attribute; keep the first examples of anything but unchanged."""
        self.counts[change.status] = self.counts.get(change.status, 0) + 1
        if change.kind:
            self.kinds[change.kind] = self.kinds.get(change.kind, 0) + 1
        if change.status != UNCHANGED and len(self.examples) < MAX_EXAMPLES:
            self.examples.append(example)

    def to_json(self) -> dict[str, Any]:
        """The attribute as stored."""
        return {
            "collection": self.collection,
            "name": self.name,
            "status": self.status,
            "counts": dict(sorted(self.counts.items())),
            "kinds": dict(sorted(self.kinds.items())),
            "examples": [e.to_json() for e in self.examples],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Attribute:
        """An attribute read back."""
        examples = [Example(**e) for e in data["examples"]]
        return cls(data["collection"], data["name"], dict(data["counts"]), dict(data["kinds"]), examples)


@dataclass(frozen=True)
class Problem:
    """Something that kept (part of) the round trip from happening: a code of ``PROBLEMS``, where, and detail."""

    code: str
    url: str = ""
    status: int | None = None
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        """The problem as stored."""
        return {"code": self.code, "url": self.url, "status": self.status, "detail": self.detail}


@dataclass
class Transfer:
    """One round trip: vendor A's data of one standard written into vendor B's product and read back."""

    source: str
    target: str
    standard: str
    started: str
    finished: str = ""
    sample: int | None = None
    read: int = 0
    written: int = 0
    compared: int = 0
    removed: int = 0
    attributes: dict[tuple[str, str], Attribute] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """with-loss, with-changes or lossless; no-verdict when nothing was compared, or when nothing changed but
        some items could not be tried (a request that got no answer, a conflict, A unreadable)."""
        statuses = {a.status for a in self.attributes.values()}
        if LOST in statuses:
            return WITH_LOSS
        if statuses & {CHANGED, ADDED} and self.compared:
            return WITH_CHANGES
        return NO_VERDICT if not self.compared or self.incomplete else LOSSLESS

    @property
    def incomplete(self) -> bool:
        """Some of A's items were not tried or not judged (not: a write B refused, which is a loss)."""
        untried = {"conflict", "read-failed", "nothing-read", "no-writes", "not-opted-in"}
        return any(p.code in untried or (p.status is None and p.code != "delete-failed") for p in self.problems)

    def attribute(self, collection: str, name: str) -> Attribute:
        """The tally of one attribute of one collection (created on first use)."""
        return self.attributes.setdefault((collection, name), Attribute(collection, name))

    def to_json(self) -> dict[str, Any]:
        """The transfer record as stored."""
        return {
            "record": "transfer",
            "source": self.source,
            "target": self.target,
            "standard": self.standard,
            "started": self.started,
            "finished": self.finished,
            "sample": self.sample,
            "items": {"read": self.read, "written": self.written, "compared": self.compared, "removed": self.removed},
            "verdict": self.verdict,
            "attributes": [a.to_json() for _, a in sorted(self.attributes.items())],
            "problems": [p.to_json() for p in self.problems],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Transfer:
        """A transfer record read back (the verdict is derived again from the attributes)."""
        items = data["items"]
        found = cls(data["source"], data["target"], data["standard"], data["started"], data["finished"])
        found.sample, found.read, found.written = data["sample"], items["read"], items["written"]
        found.compared, found.removed = items["compared"], items["removed"]
        for raw in data["attributes"]:
            attribute = Attribute.from_json(raw)
            found.attributes[(attribute.collection, attribute.name)] = attribute
        found.problems = [Problem(**p) for p in data["problems"]]
        return found


__all__ = ["FILE", "FORMAT", "STATUSES", "Attribute", "Example", "Problem", "Transfer"]
