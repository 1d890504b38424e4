"""A GeoJSON text read as a stream in two passes, so a file of any size is read in bounded memory (ijson over yajl).

The first pass walks the parser's events and keeps the members of the top-level object, skipping the
``features`` array; the second, only if there is one, builds its Features one at a time in C. Only one Feature
is held at a time; the top-level members are small unless the object is not a FeatureCollection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

import ijson
from ijson.common import ObjectBuilder

OPENING = frozenset({"start_map", "start_array"})
CLOSING = frozenset({"end_map", "end_array"})


class Unreadable(Exception):
    """The bytes are not a JSON text (the parser's first line of explanation is the message)."""


@dataclass(frozen=True)
class Member:
    """A member of the top-level object other than the ``features`` array."""

    key: str
    value: Any


@dataclass(frozen=True)
class Feature:
    """One element of the top-level ``features`` array, with its index."""

    index: int
    value: Any


@dataclass(frozen=True)
class NotAnObject:
    """The JSON text is not an object (an array, a string, a number, …): the kind of its first value."""

    kind: str


@dataclass(frozen=True)
class Features:
    """The top-level ``features`` member is an array (its Features follow)."""


Item = Member | Feature | NotAnObject | Features
Opener = Callable[[], IO[bytes]]


def read(opener: Opener) -> Iterator[Item]:
    """The top-level members (``Features`` standing for the array), then the Features; ``Unreadable`` when the JSON
    text breaks."""
    try:
        with opener() as stream:
            top = list(_Reader(ijson.basic_parse(stream, use_float=True)).items())
        yield from top
        if any(isinstance(item, Features) for item in top):
            with opener() as stream:
                for index, value in enumerate(ijson.items(stream, "features.item", use_float=True)):
                    yield Feature(index, value)
    except ijson.JSONError as exc:
        raise Unreadable(_first_line(exc)) from None


class _Reader:
    """Walks the parser's events with a depth counter; builds one value at a time."""

    def __init__(self, events: Iterator[tuple[str, Any]]) -> None:
        self.events = events

    def items(self) -> Iterator[Item]:
        first, _ = next(self.events, ("end", None))
        if first != "start_map":
            yield NotAnObject(first)
            for _ in self.events:  # the rest must still be well-formed JSON
                pass
            return
        for event, key in self.events:
            if event == "end_map":
                break
            start, value = next(self.events)
            if key == "features" and start == "start_array":
                self.skip()
                yield Features()
            else:
                yield Member(key, self.build(start, value))
        for _ in self.events:  # trailing content is a parse error
            pass

    def skip(self) -> None:
        depth = 1
        for event, _ in self.events:
            if event in OPENING:
                depth += 1
            elif event in CLOSING:
                depth -= 1
                if not depth:
                    return

    def build(self, start: str, first: Any) -> Any:
        if start not in OPENING:
            return first
        builder, depth = ObjectBuilder(), 1
        builder.event(start, first)
        for event, value in self.events:
            builder.event(event, value)
            depth += (event in OPENING) - (event in CLOSING)
            if depth == 0:
                break
        return builder.value


def _first_line(exc: Exception) -> str:
    text = str(exc.args[0] if exc.args else exc)
    if text.startswith(("b'", 'b"')):
        text = text[2:-1].encode().decode("unicode_escape", errors="replace")
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
