"""Evidence of a verdict: HTTP exchanges, locators and one exception type per kind of non-conformance."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar

from conformance.core.messages import Message

LEGACY = "legacy"
REQUIRED = frozenset({"method", "url", "status"})


@dataclass(frozen=True)
class Exchange:
    """One HTTP request and its response, as captured for evidence (secrets already redacted)."""

    method: str
    url: str
    status: int | None
    request_headers: dict[str, str] = field(default_factory=dict)
    response_headers: dict[str, str] = field(default_factory=dict)
    body_excerpt: str = ""
    body_bytes: int = 0
    elapsed_ms: float = 0.0
    error: str = ""
    http_version: str = ""

    def to_json(self) -> dict[str, Any]:
        """A plain dict for the results file; members left at their defaults are left out (a pass keeps only
        method, URL, status and time)."""
        return {k: v for k, v in asdict(self).items() if k in REQUIRED or v != _EMPTY.get(k)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Exchange:
        """Read a stored exchange; members left out take their defaults."""
        return cls(**{k: v for k, v in data.items() if k in _FIELDS})


_FIELDS = frozenset(f.name for f in fields(Exchange))
_EMPTY: dict[str, Any] = {
    "request_headers": {},
    "response_headers": {},
    "body_excerpt": "",
    "body_bytes": 0,
    "elapsed_ms": 0.0,
    "error": "",
    "http_version": "",
}


@dataclass(frozen=True)
class Locator:
    """Where a finding is: a URL or file, plus a JSON pointer, an XPath or a line and column."""

    where: str = ""
    pointer: str | None = None
    xpath: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.where]
        if self.pointer is not None:
            parts.append(f"#{self.pointer}")
        if self.xpath:
            parts.append(f" {self.xpath}")
        if self.line is not None:
            parts.append(f":{self.line}:{self.column or 0}")
        return "".join(parts)

    def to_json(self) -> dict[str, Any]:
        """A plain dict without empty members; the empty JSON pointer (the document root) is kept."""
        return {k: v for k, v in asdict(self).items() if v is not None and (v != "" or k == "pointer")}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Locator:
        """Read a stored locator."""
        return cls(
            str(data.get("where", "")), data.get("pointer"), data.get("xpath"), data.get("line"), data.get("column")
        )


def legacy(text: str) -> Message:
    """A plain English text wrapped as a message without a catalogue entry (suites not yet on message codes)."""
    return Message(LEGACY, {}, text)


def as_message(text: str | Message) -> Message:
    """A message as it is, a plain text as a legacy message."""
    return text if isinstance(text, Message) else legacy(text)


class Violation(Exception):
    """A non-conformance: the message (code, parameters, English text), where it is, what was expected and
    what was found (data, or a message for phrases such as "an ETag header"), and the exchange it was seen in;
    ``redirects`` are the redirect answers (3xx, in order) that led to that exchange, when the finding judges them.

    A plain string is accepted as the message and kept as a ``legacy`` message until every suite has codes.
    """

    kind: ClassVar[str] = "violation"

    def __init__(
        self,
        message: str | Message,
        *,
        locator: Locator | str = "",
        expected: Any = None,
        actual: Any = None,
        requirement: str = "",
        exchange: Exchange | None = None,
        redirects: Sequence[Exchange] = (),
    ) -> None:
        self.message = as_message(message)
        super().__init__(self.message.text)
        self.locator = locator if isinstance(locator, Locator) else Locator(where=locator)
        self.expected = expected
        self.actual = actual
        self.requirement = requirement
        self.exchange = exchange
        self.redirects = tuple(redirects)

    @property
    def text(self) -> str:
        """The English text of the message."""
        return str(self.message)

    @property
    def code(self) -> str:
        """The message code (``legacy`` for a plain text)."""
        return self.message.code

    def to_json(self) -> dict[str, Any]:
        """A plain dict for the results file; the exchange is stored beside it."""
        return {
            "kind": self.kind,
            "requirement": self.requirement,
            "message": self.text,
            "code": self.code,
            "params": self.message.to_json()["params"],
            "locator": self.locator.to_json(),
            "expected": plain(self.expected),
            "actual": plain(self.actual),
        }


class StatusViolation(Violation):
    """An HTTP status code other than the one the requirement demands."""

    kind = "status"


class MediaTypeViolation(Violation):
    """A Content-Type other than the one required."""

    kind = "media-type"


class HeaderViolation(Violation):
    """A required HTTP header is missing or wrong."""

    kind = "header"


class SchemaViolation(Violation):
    """A document does not validate against the schema the standard prescribes."""

    kind = "schema"


class MissingMember(Violation):
    """A required member, element, link or object is absent."""

    kind = "missing"


class ValueViolation(Violation):
    """A member is present but its value breaks the requirement."""

    kind = "value"


class LinkViolation(Violation):
    """A link is missing, wrong, dangling or of the wrong relation or type."""

    kind = "link"


class PagingViolation(Violation):
    """Paging is broken: duplicates, cycles, no end, or counts that disagree."""

    kind = "paging"


class ParseViolation(Violation):
    """A response or file is not well-formed in the format it claims."""

    kind = "parse"


class RuleViolation(Violation):
    """A business rule (Schematron assertion, code list membership, ...) fired."""

    kind = "rule"


class NotClaimedViolation(Violation):
    """A class the profile requires that the vendor does not claim."""

    kind = "not-claimed"


class NonConformance(AssertionError):
    """Raised by a check with every violation it found; the plugin records them as a fail."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        head = violations[0].text if violations else "non-conformance"
        more = f" (+{len(violations) - 1} more)" if len(violations) > 1 else ""
        super().__init__(head + more)


class NotApplicable(Exception):
    """The requirement does not apply to this target (e.g. an optional feature is absent)."""

    def __init__(self, reason: str | Message) -> None:
        self.reason = as_message(reason)
        super().__init__(self.reason.text)


class Skipped(Exception):
    """The check cannot run because something it builds on is unusable (e.g. the description did not parse)."""

    def __init__(self, reason: str | Message) -> None:
        self.reason = as_message(reason)
        super().__init__(self.reason.text)


class NotVerified(Exception):
    """The requirement applies, but nothing the target showed could test it, although the check looked for it."""

    def __init__(self, reason: str | Message) -> None:
        self.reason = as_message(reason)
        super().__init__(self.reason.text)


def expect(violations: Iterable[Violation]) -> None:
    """Collect every violation a check yields; raise NonConformance if there is any."""
    found = list(violations)
    if found:
        raise NonConformance(found)


def plain(value: Any) -> Any:
    """A value as JSON data: messages as their stored form, containers as lists and objects, anything else as
    its ``repr``."""
    if isinstance(value, Message):
        return value.to_json()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return repr(value)
