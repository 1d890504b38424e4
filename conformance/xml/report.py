"""Document reports: the findings of one XML document, and the validators of the registered suites.

A validator turns one :class:`Source` into a :class:`DocumentReport`. A suite offers its validator through the
contract (``Suite.validator``); :func:`validators` asks the suite registry for them, so the engine names no suite.
A finding's message is a code with parameters (:class:`~conformance.core.messages.Message`); a text written by a
library (a Schematron assertion, a libxml2 error) is the parameter ``text`` of the code ``xml.<source>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from conformance.core.messages import Catalogue, Message, Param

FindingSource = Literal["xsd", "schematron", "codelist", "rule", "scenario", "parse"]

ERROR_SEVERITIES = frozenset({"fatal", "error"})
Render = Callable[[Message], str]


@dataclass(frozen=True)
class Finding:
    """One rule that fired on a document: rule id, severity, XPath location and message."""

    rule: str
    severity: str
    location: str
    message: str
    line: int | None = None
    column: int | None = None
    source: FindingSource = "xsd"
    code: str = ""
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def worded(
        cls,
        rule: str,
        severity: str,
        location: str,
        message: Message,
        line: int | None = None,
        column: int | None = None,
        source: FindingSource = "rule",
    ) -> Finding:
        """A finding worded by a message code (its English text kept as ``message``)."""
        return cls(
            rule, severity, location, message.text, line, column, source, message.code, tuple(message.params.items())
        )

    @property
    def text(self) -> Message:
        """The message: its code and parameters, or the text as written under the code ``xml.<source>``."""
        if self.code:
            return Message(self.code, dict(self.params), self.message)
        return Message(f"xml.{self.source}", {"text": self.message}, self.message)

    @property
    def is_error(self) -> bool:
        """True for the severities that make a document invalid (fatal, error)."""
        return self.severity in ERROR_SEVERITIES

    def to_json(self, render: Render | None = None) -> dict[str, Any]:
        """``{rule, severity, location, code, params, message}`` (the message rendered by ``render``, else in
        English) plus source, line and column where known."""
        text = self.text
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "location": self.location,
            "code": text.code,
            "params": text.to_json()["params"],
            "message": render(text) if render else self.message,
            "source": self.source,
        }
        if self.line is not None:
            data["line"] = self.line
        if self.column is not None:
            data["column"] = self.column
        return data


@dataclass(frozen=True)
class RuleContext:
    """One Schematron rule run on a document: its assertion ids and how many nodes its context matched."""

    ids: tuple[str, ...]
    nodes: int


@dataclass(frozen=True)
class DocumentReport:
    """The verdict on one document: valid (no XSD/Schematron errors) and accepted (the recommendation)."""

    file: str
    standard: str
    valid: bool
    accepted: bool
    scenario: str | None
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    contexts: tuple[RuleContext, ...] = field(default=(), compare=False)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity fatal or error."""
        return tuple(f for f in self.findings if f.is_error)

    def fired(self, rule: str) -> tuple[Finding, ...]:
        """The findings of one rule id."""
        return tuple(f for f in self.findings if f.rule == rule)

    def judged(self, rules: frozenset[str]) -> int:
        """The nodes judged by the rules that hold one of the rule ids (their contexts matched that often)."""
        return sum(c.nodes for c in self.contexts if not rules.isdisjoint(c.ids))

    def to_json(self, render: Render | None = None) -> dict[str, Any]:
        """One line of ``conformance validate --format json`` (messages rendered by ``render``, else English)."""
        data: dict[str, Any] = {
            "file": self.file,
            "standard": self.standard,
            "valid": self.valid,
            "accepted": self.accepted,
            "scenario": self.scenario,
            "findings": [f.to_json(render) for f in self.findings],
        }
        if self.error is not None:
            data["error"] = self.error
        return data


@dataclass(frozen=True)
class Source:
    """A document to validate: a file on disk or bytes from an archive or a download."""

    name: str
    path: Path | None = None
    data: bytes | None = field(default=None, repr=False)

    @classmethod
    def file(cls, path: Path) -> Source:
        """A file on disk, named by its path."""
        return cls(str(path), path=path)

    def read(self) -> bytes:
        """The document's bytes."""
        if self.data is not None:
            return self.data
        if self.path is None:
            raise ValueError(f"source {self.name!r} has neither data nor a path")
        return self.path.read_bytes()


Validate = Callable[[Source], DocumentReport]
Detect = Callable[[str], bool]


@dataclass(frozen=True)
class Validator:
    """A registered validator: the standard it grades, how to recognise its documents, the function, the
    message catalogue its findings are worded in and the file suffixes of its documents in folders and archives.
    ``wide``, if given, is the same validation allowed a second process for one document (used only when the
    caller has a core to spare)."""

    standard: str
    validate: Validate
    detect: Detect
    aliases: tuple[str, ...] = ()
    messages: Catalogue | None = None
    suffixes: tuple[str, ...] = (".xml",)
    wide: Validate | None = None

    def answers_to(self, name: str) -> bool:
        """True if ``name`` is the standard id or one of its aliases (e.g. ``xrechnung``)."""
        return name == self.standard or name in self.aliases


def validators() -> tuple[Validator, ...]:
    """The document validator of every registered suite that has one."""
    from conformance.harness.registry import document_validators  # noqa: PLC0415  (loads the suites on demand)

    return document_validators()


def validator_for(standard: str) -> Validator:
    """The validator named by a standard id or alias; KeyError lists the known ones.

    The suite registered under the very name asked for (``xrechnung``, ``xdomea``, or a standard id such as
    ``xplangml-6.0`` in the ``wechselbar.standards`` metadata) is tried alone first, so a validation need not load
    every suite (and the test machinery some of them import).
    """
    named = _named(standard) or _declaring(standard)
    if named is not None:
        return named
    for entry in validators():
        if entry.answers_to(standard):
            return entry
    known = sorted({n for v in validators() for n in (v.standard, *v.aliases)})
    raise KeyError(f"no validator for standard {standard!r}; known: {', '.join(known)}")


def _declaring(standard: str) -> Validator | None:
    """The validator of the suite that declares a standard id (the only suite loaded where the metadata names it)."""
    from conformance.harness.registry import suite_for  # noqa: PLC0415

    try:
        found = suite_for(standard).validator()
    except KeyError:
        return None
    return found if found is not None and found.answers_to(standard) else None


@cache
def _named(name: str) -> Validator | None:
    from importlib.metadata import entry_points  # noqa: PLC0415 (slow to import)

    from conformance.harness.registry import GROUP, STANDARDS_GROUP  # noqa: PLC0415

    found = tuple(entry_points(group=GROUP, name=name)) or tuple(entry_points(group=STANDARDS_GROUP, name=name))
    if len(found) != 1:
        return None
    loaded = found[0].load()
    factory: Any = getattr(loaded, "document_validator", None)
    legacy = isinstance(loaded, ModuleType) and callable(factory)
    validator = factory() if legacy else getattr(loaded, "validator", None)
    return validator if isinstance(validator, Validator) and validator.answers_to(name) else None


def detect(root_name: str) -> Validator | None:
    """The first validator that recognises a document by its root element's ``{ns}local`` name."""
    for entry in validators():
        if entry.detect(root_name):
            return entry
    return None


def rejected(
    source: Source, standard: str, reason: str, rule: str = "PROCESSING", kind: FindingSource = "scenario"
) -> DocumentReport:
    """A report for a document that could not be graded: rejected with the reason, never valid."""
    finding = Finding(rule, "fatal", "/", reason, source=kind)
    return DocumentReport(source.name, standard, False, False, None, (finding,), error=reason)
