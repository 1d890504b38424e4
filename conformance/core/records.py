"""The records of a results file (format ``wechselbar-results/2``): typed, and read and written only here.

A result record holds its reason, notes and findings as :class:`Message`\\ s (code, parameters, English text);
the header holds the message catalogue of every standard in the run, so a report renders them in any language
from the file alone. ``schemas/results.schema.json`` describes every line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from conformance.core.evidence import Exchange, Locator, Violation, plain
from conformance.core.judgement import Examined
from conformance.core.messages import Catalogue, Message
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.profile import Profile

FORMAT = "wechselbar-results/2"


def value_json(value: Any) -> dict[str, Any] | None:
    """An expected or actual value as stored: ``{"message": …}`` for a phrase, ``{"data": …}`` for data."""
    if value is None:
        return None
    if isinstance(value, Message):
        return {"message": value.to_json()}
    return {"data": plain(value)}


def value_read(stored: Mapping[str, Any] | None) -> Any:
    """An expected or actual value read back: a :class:`Message` or plain JSON data (None when absent)."""
    if stored is None:
        return None
    if "message" in stored:
        return Message.from_json(stored["message"])
    return stored.get("data")


@dataclass(frozen=True)
class Finding:
    """One finding of a check: its kind, message, requirement, where, what was expected and found, and the
    index of the HTTP exchange it was seen in (in the result's ``exchanges``), and the indexes of the redirects
    that led to it, in order."""

    kind: str
    message: Message
    requirement: str = ""
    locator: Locator = field(default_factory=Locator)
    expected: Any = None
    actual: Any = None
    exchange: int | None = None
    redirects: tuple[int, ...] = ()

    @classmethod
    def of(
        cls, violation: Violation, requirement: str, exchange: int | None = None, redirects: tuple[int, ...] = ()
    ) -> Finding:
        """The record of a violation a check raised or returned (its requirement, else the check's)."""
        return cls(
            violation.kind,
            violation.message,
            violation.requirement or requirement,
            violation.locator,
            violation.expected,
            violation.actual,
            exchange,
            redirects,
        )

    @property
    def text(self) -> str:
        """The English text."""
        return self.message.text

    def to_json(self) -> dict[str, Any]:
        """The finding as stored: the message flattened (code, params, text) beside the evidence."""
        data = {
            "kind": self.kind,
            **self.message.to_json(),
            "requirement": self.requirement,
            "locator": self.locator.to_json(),
            "expected": value_json(self.expected),
            "actual": value_json(self.actual),
        }
        if self.redirects:
            data["redirects"] = list(self.redirects)
        return data if self.exchange is None else {**data, "exchange": self.exchange}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Finding:
        """Read a stored finding."""
        return cls(
            str(data["kind"]),
            Message.from_json(data),
            str(data.get("requirement", "")),
            Locator.from_json(data.get("locator") or {}),
            value_read(data.get("expected")),
            value_read(data.get("actual")),
            data.get("exchange"),
            tuple(int(i) for i in data.get("redirects", ())),
        )


class WaiverStatus(StrEnum):
    """What a waiver did to a result."""

    APPLIED = "applied"
    EXPIRED = "expired"
    UNUSED_PASSES = "unused-passes"
    UNUSED = "unused"


@dataclass(frozen=True)
class WaiverRecord:
    """A waiver as stored beside the result it concerns, with what it did there."""

    vendor: str
    requirement: str
    reason: str
    expires: str
    status: WaiverStatus
    ticket: str = ""

    def to_json(self) -> dict[str, Any]:
        """The waiver as stored."""
        return {
            "vendor": self.vendor,
            "requirement": self.requirement,
            "reason": self.reason,
            "expires": self.expires,
            "ticket": self.ticket,
            "status": self.status.value,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> WaiverRecord:
        """Read a stored waiver."""
        return cls(
            str(data["vendor"]),
            str(data["requirement"]),
            str(data["reason"]),
            str(data["expires"]),
            WaiverStatus(data["status"]),
            str(data.get("ticket", "")),
        )


@dataclass(frozen=True)
class Result:
    """The outcome of one requirement for one vendor target, with its evidence."""

    vendor: str
    standard: str
    standard_version: str
    cls: str
    requirement: str
    obligation: Obligation
    statement: str
    outcome: Outcome
    test_id: str
    target: str = ""
    spec_url: str = ""
    reason: Message | None = None
    duration_ms: float = 0.0
    profile_obligation: Obligation | None = None
    findings: tuple[Finding, ...] = ()
    exchanges: tuple[Exchange, ...] = ()
    notes: tuple[Message, ...] = ()
    waiver: WaiverRecord | None = None
    examined: tuple[Examined, ...] = ()
    findings_omitted: int = 0
    revision: int | None = None

    @property
    def reason_text(self) -> str:
        """The reason in English ("" without one)."""
        return self.reason.text if self.reason else ""

    @property
    def unexamined(self) -> bool:
        """Not applicable because the check found nothing to judge: it names what it looked for, counted zero."""
        return (
            self.outcome is Outcome.NOT_APPLICABLE and bool(self.examined) and not any(e.count for e in self.examined)
        )

    def to_json(self) -> dict[str, Any]:
        """The record as written to the results file."""
        return {
            "record": "result",
            "vendor": self.vendor,
            "standard": self.standard,
            "standard_version": self.standard_version,
            "cls": self.cls,
            "requirement": self.requirement,
            "obligation": self.obligation.value,
            "statement": self.statement,
            "outcome": self.outcome.value,
            "test_id": self.test_id,
            "target": self.target,
            "spec_url": self.spec_url,
            "reason": self.reason.to_json() if self.reason else None,
            "duration_ms": self.duration_ms,
            "profile_obligation": self.profile_obligation.value if self.profile_obligation else None,
            "findings": [f.to_json() for f in self.findings],
            "exchanges": [e.to_json() for e in self.exchanges],
            "notes": [n.to_json() for n in self.notes],
            "waiver": self.waiver.to_json() if self.waiver else None,
            "examined": [e.to_json() for e in self.examined],
            "findings_omitted": self.findings_omitted,
            "revision": self.revision,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Result:
        """Read a record back."""
        return cls(
            str(data["vendor"]),
            str(data["standard"]),
            str(data["standard_version"]),
            str(data["cls"]),
            str(data["requirement"]),
            Obligation(data["obligation"]),
            str(data["statement"]),
            Outcome(data["outcome"]),
            str(data["test_id"]),
            str(data.get("target", "")),
            str(data.get("spec_url", "")),
            _message(data.get("reason")),
            float(data.get("duration_ms", 0.0)),
            _obligation(data.get("profile_obligation")),
            tuple(Finding.from_json(f) for f in data.get("findings", ())),
            tuple(Exchange.from_json(e) for e in data.get("exchanges", ())),
            tuple(Message.from_json(n) for n in data.get("notes", ())),
            WaiverRecord.from_json(data["waiver"]) if data.get("waiver") else None,
            tuple(Examined.from_json(e) for e in data.get("examined", ())),
            int(data.get("findings_omitted", 0)),
            data.get("revision"),
        )


def _message(data: Mapping[str, Any] | None) -> Message | None:
    return Message.from_json(data) if data else None


def _obligation(value: str | None) -> Obligation | None:
    return Obligation(value) if value else None


@dataclass(frozen=True)
class Header:
    """What a run was: versions, times, config hashes, packs, platform, vendors, standards (with each
    requirement's check revision), the profile and the message catalogue its records are worded from.

    ``finished`` is the time a run ended normally; ``interrupted`` (``at``, ``by``: the time and what stopped it,
    e.g. ``SIGTERM``) marks a run that was stopped and can be resumed. A run killed outright has neither.
    """

    run_id: str
    suite_version: str
    started: str
    finished: str | None = None
    interrupted: dict[str, str] | None = None
    platform: dict[str, str] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    packs: tuple[dict[str, str], ...] = ()
    vendors: tuple[dict[str, Any], ...] = ()
    standards: tuple[dict[str, Any], ...] = ()
    profile: Profile | None = None
    merged_from: tuple[str, ...] = ()
    messages: Catalogue = field(default_factory=Catalogue)

    def revisions(self, standard: str) -> Mapping[str, int]:
        """Requirement URI → the revision of its check, as the header of the run lists them for a standard."""
        entry = next((s for s in self.standards if s.get("id") == standard), {})
        return dict(entry.get("revisions") or {})

    def to_json(self) -> dict[str, Any]:
        """The header record."""
        return {
            "record": "header",
            "format": FORMAT,
            "run_id": self.run_id,
            "suite_version": self.suite_version,
            "started": self.started,
            "finished": self.finished,
            "interrupted": self.interrupted,
            "platform": self.platform,
            "config": self.config,
            "packs": list(self.packs),
            "vendors": list(self.vendors),
            "standards": list(self.standards),
            "profile": self.profile.to_json() if self.profile else None,
            "merged_from": list(self.merged_from),
            "messages": self.messages.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Header:
        """Read a header back."""
        return cls(
            str(data["run_id"]),
            str(data["suite_version"]),
            str(data["started"]),
            data.get("finished"),
            data.get("interrupted"),
            dict(data.get("platform") or {}),
            dict(data.get("config") or {}),
            tuple(data.get("packs", ())),
            tuple(data.get("vendors", ())),
            tuple(data.get("standards", ())),
            Profile.from_json(data["profile"]) if data.get("profile") else None,
            tuple(data.get("merged_from", ())),
            Catalogue.from_json(data.get("messages") or {}),
        )
