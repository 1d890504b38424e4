"""Identical reasons told once: what keeps a vendor from the profile (or blocks a switch) grouped for reading.

An unreachable target ends every one of its checks with the same cause: the first request's failure, and later
requests refused because the host was down earlier in the run. Both are one cause here, so the matrix names it
once, with its URL and the number of requirements it affects, instead of once per requirement. Items without a
shared cause are grouped per kind, standard and target, so each line names one standard plainly. The HTML
matrix, the Markdown summary and the terminal all group with ``bundles``; ``bundle_text`` is a bundle's line in
the two text formats.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from conformance.core.messages import Message
from conformance.reporting.i18n import Labels
from conformance.reporting.text import short_requirement
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


Escape = Callable[[object], str]


def bundle_text(found: Bundle, t: Labels, escape: Escape, several: Callable[[str], bool], limit: int) -> str:
    """One bundle as one line of text, told as the matrix tells it: a shared cause once, with the number of
    requirements it affects, its standards and targets; else the standard (and target, where the vendor has
    several for it), the kind and up to ``limit`` items."""
    kind = t("missing." + found.kind)
    if found.cause is not None:
        return " · ".join(_cause_parts(found, kind, t, escape))
    first = found.items[0]
    head = escape(first.standard)
    if first.target and several(first.standard):
        head += f" · {t('target')} {escape(first.target)}"
    if not (first.requirement or first.cls):
        return f"{head} – {kind}"
    names = ", ".join(_item(m, t, escape) for m in found.items[:limit])
    more = len(found.items) - limit
    return f"{head} – {kind}: {names}" + (f" … {t.n('more', more)}" if more > 0 else "")


def _item(item: Missing, t: Labels, escape: Escape) -> str:
    obligation = f"{t(f'obl.{item.obligation}')} " if item.obligation else ""
    return obligation + escape(short_requirement(item.requirement or item.cls))


def _cause_parts(found: Bundle, kind: str, t: Labels, escape: Escape) -> list[str]:
    """An unreachable target leads with its URL and what failed; any other cause with the kind and the cause."""
    targets = ", ".join(escape(x) for x in found.targets)
    detail = found.cause.params.get("detail") if found.cause else None
    if found.cause is not None and found.cause.code == UNREACHABLE and targets and detail is not None:
        why = t.msg(detail) if isinstance(detail, Message) else str(detail)
        parts = [f"{t('unreachable')}: {targets} ({escape(why)})"]
    else:
        parts = [f"{kind}: {escape(plain(found.cause, t))}"] + ([f"{t('target')}: {targets}"] if targets else [])
    parts.insert(1, t.n("requirements", len(found.items)))
    return parts + ([", ".join(escape(s) for s in found.standards)] if found.standards else [])
