"""Writing to a target only on the vendors file's opt-in, and the sweep of a killed run's leftovers.

Shared by the suites that write (NGSI-LD, SensorThings): a target is written to only when its vendors-file entry
sets the option ``writes = true`` (a city's production system is never written to otherwise); without it every
write check is not applicable with the suite's reason. Before the first write to a target, what a killed run
left behind is found and removed once (``Sweep``), so the suite's own entities never pile up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from conformance.core.evidence import NotApplicable
from conformance.core.messages import Message
from conformance.core.model import Option

if TYPE_CHECKING:
    from conformance.harness.target import TargetContext

OPTION = "writes"


def writes_option(description: str) -> Option:
    """The ``writes`` option a writing suite declares (default false)."""
    return Option(OPTION, False, description)


def writes_allowed(target: TargetContext) -> bool:
    """Whether the vendors file allows writing to this target."""
    return bool(target.option(OPTION, False))


def require_writes(target: TargetContext, reason: Message) -> None:
    """Not applicable (with the suite's reason) unless the vendors file allows writing."""
    if not writes_allowed(target):
        raise NotApplicable(reason)


@dataclass
class Sweep:
    """Once per target: remove the leftovers of a killed run before the first write."""

    done: bool = False

    def once(self, find: Callable[[], Iterable[str]], remove: Callable[[str], object]) -> list[str]:
        """On the first call, remove every leftover ``find`` names and return them; later calls return []."""
        if self.done:
            return []
        self.done = True
        left = list(find())
        for item in left:
            remove(item)
        return left
