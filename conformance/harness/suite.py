"""The suite contract: what a standard's package declares, and what each of its checks receives.

A suite is one object, registered under the entry-point group ``wechselbar.suites``. It declares its standards
(classes, requirements, target options), its message catalogue, what it observes once per target, and one
check per requirement. The harness generates the test items (requirement × target), caches the observation,
and turns each check's :class:`Judgement` into a result: findings fail, something examined without a finding
passes, nothing examined is *not applicable* with a reason naming what was looked for.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from conformance.core.evidence import Violation
from conformance.core.judgement import Examined, Judgement
from conformance.core.messages import Catalogue, Message, Param
from conformance.core.model import Requirement, Standard

if TYPE_CHECKING:
    from conformance.harness.target import TargetContext
    from conformance.xml.report import Validator

Obs = TypeVar("Obs")


class ContractError(Exception):
    """A suite breaks the contract: a requirement without a check, a check without a requirement, …"""


@dataclass
class CheckContext(Generic[Obs]):
    """What a check receives: the target, its requirement, the suite's messages and the target's observation."""

    target: TargetContext
    standard: Standard
    requirement: Requirement
    msg: Catalogue
    observe: Callable[[], Obs]
    notes: list[Message] = field(default_factory=list)

    @property
    def observation(self) -> Obs:
        """What the suite observed of this target, computed by the first check that needs it."""
        return self.observe()

    def note(self, message: Message) -> None:
        """Record a note for this result (a sampling cut, what a part amounts to for this target)."""
        if message not in self.notes:
            self.notes.append(message)

    def examined(self, count: int, code: str, **params: Param) -> Examined:
        """How many of one kind the check judged, worded by a message of the suite's catalogue."""
        return Examined(count, self.msg(code, **params))

    def judge(self, findings: Iterable[Violation], *examined: Examined) -> Judgement:
        """The judgement of a check: every finding and what it examined."""
        return Judgement.of(findings, examined)


@dataclass(frozen=True)
class Check(Generic[Obs]):
    """The check of one requirement; ``revision`` goes up with every change of its logic."""

    requirement: str
    run: Callable[[CheckContext[Obs]], Judgement]
    name: str = ""
    revision: int = 1

    def __post_init__(self) -> None:
        if not self.name:
            tail = self.requirement.split("/req/", 1)[-1]
            object.__setattr__(self, "name", re.sub(r"[^A-Za-z0-9_.-]+", "-", tail).strip("-"))
        if self.revision < 1:
            raise ContractError(f"{self.requirement}: a check revision starts at 1")


class Suite(ABC, Generic[Obs]):
    """A standard family as the harness runs it; subclasses set ``standards`` and ``messages``."""

    standards: tuple[Standard, ...]
    messages: Catalogue

    @abstractmethod
    def observe(self, target: TargetContext) -> Obs:
        """What is fetched or parsed once per target; a ``TargetError`` here makes every check an error."""

    @abstractmethod
    def checks(self, standard: Standard) -> Mapping[str, Check[Obs]]:
        """Requirement URI → its check, for one of the suite's standards."""

    def observe_budget(self, target: TargetContext) -> float | None:
        """Seconds the observation may take (the check that starts it is not charged); None: the check's deadline."""
        return None

    @property
    def validator(self) -> Validator | None:
        """The document validator for ``conformance validate``, if the standard has documents to validate."""
        return None


def checks_of(suite: Suite[Any], standard: Standard) -> dict[str, Check[Any]]:
    """The suite's checks for a standard, refused unless they match the catalogue one to one."""
    found = dict(suite.checks(standard))
    wanted = [r.uri for r in standard.requirements]
    problems = [f"requirement {uri} has no check" for uri in wanted if uri not in found]
    problems += [
        f"check {c.name} names {uri}, not a requirement of {standard.id}"
        for uri, c in found.items()
        if uri not in wanted
    ]
    problems += [
        f"check {c.name} is filed under {uri} but names {c.requirement}"
        for uri, c in found.items()
        if c.requirement != uri
    ]
    names = [c.name for c in found.values()]
    problems += [f"check name {n} is used twice" for n in sorted({n for n in names if names.count(n) > 1})]
    if problems:
        raise ContractError(f"suite of {standard.id}: " + "; ".join(problems))
    return found


def by_requirement(*checks: Check[Obs]) -> dict[str, Check[Obs]]:
    """A check map from checks (each names its requirement)."""
    return {c.requirement: c for c in checks}
