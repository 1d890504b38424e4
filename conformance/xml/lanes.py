"""Lanes: the documents of an export shared among the pool's workers so that costly per-kind state is built once.

A validator that builds costly state per kind of document (XRechnung compiles a CEN and an XRechnung stylesheet
per syntax, a second or more each) registers an *affinity*: the kind of a document from its root element. The
documents of one kind stay in one lane, and each lane is one worker process, so every stylesheet is compiled by
one worker only. A kind with many documents is split among the lanes, as its work then outweighs a second
compilation; documents of no kind are spread freely. Lanes are filled greedily, largest part first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
DOCUMENT_WEIGHT = 16 * 1024


@dataclass(frozen=True)
class Affinity:
    """The kind of a standard's documents (``kind(root)``; empty for none) and from how many a kind is split."""

    kind: Callable[[str], str]
    split_at: int = 256


def lanes(
    items: Sequence[T], workers: int, kind: Callable[[T], str], size: Callable[[T], int], split_at: Callable[[T], int]
) -> list[list[T]]:
    """At most ``workers`` non-empty lanes holding every item once, the items of one kind together unless
    the kind has ``split_at`` items or more per lane; each lane keeps the items' order."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(kind(item), []).append(item)
    parts: list[list[T]] = []
    for name, members in groups.items():
        pieces = min(workers, max(1, len(members) // split_at(members[0]))) if name else workers
        parts += [part for part in (members[i::pieces] for i in range(pieces)) if part]
    weight = {id(part): sum(size(item) + DOCUMENT_WEIGHT for item in part) for part in parts}
    filled: list[list[T]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for part in sorted(parts, key=lambda p: weight[id(p)], reverse=True):
        lane = loads.index(min(loads))
        filled[lane] += part
        loads[lane] += weight[id(part)]
    order = {id(item): index for index, item in enumerate(items)}
    return [sorted(lane, key=lambda item: order[id(item)]) for lane in filled if lane]
