"""What a check returns: its findings and what it examined. Nothing examined is never a pass."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from conformance.core.evidence import Violation
from conformance.core.messages import Message
from conformance.core.outcomes import Outcome


@dataclass(frozen=True)
class Examined:
    """How much of one kind a check judged, e.g. 12 features on 3 pages, or a rule context matched 240 times."""

    count: int
    message: Message

    def to_json(self) -> dict[str, Any]:
        """As stored in a result record."""
        return {"count": self.count, "message": self.message.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Examined:
        """Read a stored record back."""
        return cls(int(data["count"]), Message.from_json(data["message"]))


@dataclass(frozen=True)
class Judgement:
    """A check's verdict material: every finding, what was examined, and notes (e.g. sampling cuts)."""

    findings: tuple[Violation, ...] = ()
    examined: tuple[Examined, ...] = ()
    notes: tuple[Message, ...] = field(default=())

    @classmethod
    def of(
        cls, findings: Iterable[Violation], examined: Iterable[Examined] = (), notes: Iterable[Message] = ()
    ) -> Judgement:
        """A judgement from any iterables (a check's generator of findings, say)."""
        return cls(tuple(findings), tuple(examined), tuple(notes))

    @property
    def judged(self) -> bool:
        """True if the check looked at something (any finding counts as having looked)."""
        return bool(self.findings) or any(e.count > 0 for e in self.examined)

    @property
    def outcome(self) -> Outcome:
        """fail with findings, pass with something examined and no finding, otherwise not applicable."""
        if self.findings:
            return Outcome.FAIL
        return Outcome.PASS if self.judged else Outcome.NOT_APPLICABLE
