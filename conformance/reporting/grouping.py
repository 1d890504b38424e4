"""Identical reasons told once: what keeps a vendor from the profile (or blocks a switch) grouped for reading.

An unreachable target ends every one of its checks with the same cause: the first request's failure, and later
requests refused because the host was down earlier in the run. Both are one cause here, so the matrix names it
once, with its URL and the number of requirements it affects, instead of once per requirement. Items without a
shared cause are grouped per kind, standard and target, so each line names one standard plainly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from conformance.core.messages import Message
from conformance.reporting.i18n import Labels
from conformance.reporting.verdict import Missing

HARNESS_ERROR = "harness.error."
EARLIER = "harness.unreachable-earlier"
UNREACHABLE = "harness.error.TargetUnreachable"


def cause(reason: Message | None) -> Message | None:
    """The reason, with a refusal "host unreachable earlier in this run" replaced by the first failure it names."""
    if reason is None or not reason.code.startswith(HARNESS_ERROR):
        return reason
    detail = reason.params.get("detail")
    first = detail.params.get("cause") if isinstance(detail, Message) and detail.code == EARLIER else None
    if not isinstance(first, Message):
        return reason
    name = reason.code.removeprefix(HARNESS_ERROR)
    return Message(reason.code, {"detail": first}, f"{name}: {first.text}")


def plain(reason: Message | None, t: Labels) -> str:
    """A reason in plain words: an unreachable target's cause as "unreachable: <what failed>"."""
    found = cause(reason)
    detail = found.params.get("detail") if found else None
    if found is not None and found.code == UNREACHABLE and isinstance(detail, Message):
        return f"{t('unreachable')}: {t.msg(detail)}"
    return t.msg(found)


@dataclass(frozen=True)
class Bundle:
    """Missing items told as one line: one kind with one shared cause (``cause`` set), or one kind in one
    standard and target, each item with a reason of its own."""

    kind: str
    cause: Message | None
    items: tuple[Missing, ...]

    @property
    def standards(self) -> tuple[str, ...]:
        """The standards of the items, in order."""
        return tuple(dict.fromkeys(m.standard for m in self.items if m.standard))

    @property
    def targets(self) -> tuple[str, ...]:
        """The targets of the items, in order."""
        return tuple(dict.fromkeys(m.target for m in self.items if m.target))


def bundles(items: Iterable[Missing]) -> tuple[Bundle, ...]:
    """Items sharing a kind and a cause (two or more) as one bundle each; the others per kind, standard and
    target; in the order the items come."""
    found = tuple(items)
    shared = Counter((m.kind, cause(m.reason)) for m in found if m.reason is not None)
    groups: dict[tuple[object, ...], list[Missing]] = {}
    for item in found:
        reason = cause(item.reason)
        if reason is not None and shared[(item.kind, reason)] > 1:
            groups.setdefault(("cause", item.kind, reason), []).append(item)
        else:
            groups.setdefault(("standard", item.kind, item.standard, item.target), []).append(item)
    return tuple(_bundle(key, items) for key, items in groups.items())


def _bundle(key: tuple[object, ...], items: list[Missing]) -> Bundle:
    reason = key[2] if key[0] == "cause" else None
    return Bundle(str(key[1]), reason if isinstance(reason, Message) else None, tuple(items))
