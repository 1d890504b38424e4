"""The suites wechselbar knows: every entry point of the group ``wechselbar.suites``, built-in or third-party.

An entry point names a :class:`~conformance.harness.suite.Suite` object (``package.module:SUITE``); anything else
(a package of decorator-style pytest tests, as before the contract) is refused.

Which suite declares which standard is read from the metadata, without importing any suite: the group
``wechselbar.standards`` has one entry per standard id, naming the same suite object as the suite's own entry.
Only the suite that declares a standard is imported when that standard is needed. A suite without such entries
still works: it is loaded (with every other one of its kind) whenever a standard id is not in the metadata.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conformance.core.model import Standard

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from conformance.harness.suite import Suite
    from conformance.xml.report import Validator

GROUP = "wechselbar.suites"
STANDARDS_GROUP = "wechselbar.standards"
DISTRIBUTION = "wechselbar"


class RegistryError(RuntimeError):
    """The registered suites cannot be loaded: metadata missing, two suites claiming one standard, …"""


@dataclass(frozen=True)
class Registered:
    """One registered suite: the module pytest collects, its standards, and the suite object."""

    name: str
    module: str
    standards: tuple[Standard, ...]
    suite: Suite[Any]

    @property
    def file(self) -> Path | None:
        """The file of the suite's module (``__init__.py`` for a package)."""
        spec = importlib.util.find_spec(self.module)
        return Path(spec.origin).resolve() if spec and spec.origin else None

    def validator(self) -> Validator | None:
        """The suite's document validator for ``conformance validate``, if it has one."""
        return self.suite.validator


def _load(entry: EntryPoint) -> Registered:
    from conformance.harness.suite import Suite  # noqa: PLC0415  (the contract imports the registry's users)

    loaded = entry.load()
    if isinstance(loaded, Suite):
        return Registered(entry.name, entry.module, tuple(loaded.standards), suite=loaded)
    raise RegistryError(f"entry point {entry.name} = {entry.value} names a {type(loaded).__name__}, not a Suite")


def _twice(standard_id: str, first: str, second: str) -> RegistryError:
    return RegistryError(f"standard {standard_id} is registered twice: by {first} and by {second}")


def _target(entry: EntryPoint) -> tuple[str, str]:
    return entry.module, entry.attr


@cache
def _metadata() -> dict[str, tuple[EntryPoint, ...]]:
    """The entry points of both groups, read at once (each reading scans every installed distribution)."""
    from importlib.metadata import entry_points  # noqa: PLC0415  (slow to import; a configuration error needs none)

    found = entry_points()
    return {group: tuple(found.select(group=group)) for group in (GROUP, STANDARDS_GROUP)}


@cache
def _entries() -> tuple[EntryPoint, ...]:
    """The suites' entry points, wechselbar's own first (found by its distribution: no METADATA is parsed)."""
    from importlib.metadata import PackageNotFoundError, distribution  # noqa: PLC0415

    try:
        own = [(e.name, e.value) for e in distribution(DISTRIBUTION).entry_points.select(group=GROUP)]
    except PackageNotFoundError:
        own = []
    found = sorted(_metadata()[GROUP], key=lambda e: (e.name, e.value) not in own)
    if not own:
        raise RegistryError(
            f"no suite of {DISTRIBUTION} is registered under the entry-point group {GROUP}: the "
            "installed package metadata is older than the source; install it again (pip install -e .)"
        )
    return tuple(found)


@cache
def _declared() -> dict[str, EntryPoint]:
    """Standard id → the suite entry point that declares it, from the ``wechselbar.standards`` metadata."""
    suites = {_target(e): e for e in _entries()}
    out: dict[str, EntryPoint] = {}
    for entry in _metadata()[STANDARDS_GROUP]:
        suite = suites.get(_target(entry))
        if suite is None:
            raise RegistryError(f"{STANDARDS_GROUP} entry {entry.name} = {entry.value} names no registered suite")
        if entry.name in out and _target(out[entry.name]) != _target(entry):
            raise _twice(entry.name, out[entry.name].value, entry.value)
        out[entry.name] = suite
    return out


@cache
def _suite(module: str, attr: str) -> Registered:
    entry = next(e for e in _entries() if _target(e) == (module, attr))
    return _load(entry)


def unlisted() -> tuple[Registered, ...]:
    """The suites whose standards the metadata does not name, loaded to learn them."""
    named = {_target(e) for e in _declared().values()}
    return tuple(_suite(*_target(e)) for e in _entries() if _target(e) not in named)


def registered() -> tuple[Registered, ...]:
    """Every registered suite, wechselbar's own first; a standard id claimed by two suites is refused."""
    out: list[Registered] = []
    owner: dict[str, str] = {}
    declared = {_target(e) for e in _declared().values()}
    listed = tuple(_suite(*_target(e)) for e in _entries() if _target(e) in declared)
    for suite in (*listed, *unlisted()):
        if any(r.module == suite.module for r in out):
            continue
        for standard in suite.standards:
            if standard.id in owner:
                raise _twice(standard.id, owner[standard.id], suite.name)
            owner[standard.id] = suite.name
        out.append(suite)
    return tuple(out)


@cache
def suite_for(standard_id: str) -> Registered:
    """The registered suite of a standard: only the declaring suite is loaded where the metadata names it (once:
    the checks ask for their standard's catalogue again and again)."""
    entry = _declared().get(standard_id)
    if entry is not None:
        found = _suite(*_target(entry))
        if not any(s.id == standard_id for s in found.standards):
            raise RegistryError(f"{STANDARDS_GROUP}: {entry.value} does not declare the standard {standard_id}")
        return found
    for suite in unlisted():
        if any(s.id == standard_id for s in suite.standards):
            return suite
    raise KeyError(f"no registered suite for standard {standard_id!r}")


def standard_ids() -> tuple[str, ...]:
    """Every registered standard id (the suites without metadata are loaded for theirs)."""
    return (*_declared(), *(s.id for r in unlisted() for s in r.standards if s.id not in _declared()))


class Standards(Mapping[str, Standard]):
    """Standard id → its catalogue (classes and requirements); a catalogue is loaded on first access."""

    def __getitem__(self, standard_id: str) -> Standard:
        suite = suite_for(standard_id)
        return next(s for s in suite.standards if s.id == standard_id)

    def __contains__(self, standard_id: object) -> bool:
        return standard_id in _declared() or standard_id in standard_ids()

    def __iter__(self) -> Iterator[str]:
        return iter(standard_ids())

    def __len__(self) -> int:
        return len(standard_ids())


def standards() -> Standards:
    """Standard id → its catalogue, from every registered suite (each loaded only when asked for)."""
    return Standards()


def suite_module(standard_id: str) -> str:
    """The importable module pytest collects for a standard."""
    return suite_for(standard_id).module


def document_validators() -> tuple[Validator, ...]:
    """The document validators of every registered suite that has one."""
    return tuple(v for r in registered() if (v := r.validator()) is not None)
