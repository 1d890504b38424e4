"""The suites wechselbar knows: every entry point of the group ``wechselbar.suites``, built-in or third-party.

An entry point names a :class:`~conformance.harness.suite.Suite` object (``package.module:SUITE``); anything else
(a package of decorator-style pytest tests, as before the contract) is refused.
"""

from __future__ import annotations

import importlib.util
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


def _entries() -> list[EntryPoint]:
    from importlib.metadata import entry_points  # noqa: PLC0415  (slow to import; a configuration error needs none)

    found = sorted(entry_points(group=GROUP), key=lambda e: e.dist is None or e.dist.name != DISTRIBUTION)
    if not any(e.dist is not None and e.dist.name == DISTRIBUTION for e in found):
        raise RegistryError(
            f"no suite of {DISTRIBUTION} is registered under the entry-point group {GROUP}: the "
            "installed package metadata is older than the source; install it again (pip install -e .)"
        )
    return found


@cache
def registered() -> tuple[Registered, ...]:
    """Every registered suite, wechselbar's own first; a standard id claimed by two suites is refused."""
    out: list[Registered] = []
    owner: dict[str, str] = {}
    for entry in _entries():
        suite = _load(entry)
        if any(r.module == suite.module for r in out):
            continue
        for standard in suite.standards:
            if standard.id in owner:
                raise RegistryError(
                    f"standard {standard.id} is registered twice: by {owner[standard.id]} and by {entry.value}"
                )
            owner[standard.id] = entry.value
        out.append(suite)
    return tuple(out)


def standards() -> dict[str, Standard]:
    """Standard id → its catalogue (classes and requirements), from every registered suite."""
    return {s.id: s for r in registered() for s in r.standards}


def suite_for(standard_id: str) -> Registered:
    """The registered suite of a standard."""
    for entry in registered():
        if any(s.id == standard_id for s in entry.standards):
            return entry
    raise KeyError(f"no registered suite for standard {standard_id!r}")


def suite_module(standard_id: str) -> str:
    """The importable module pytest collects for a standard."""
    return suite_for(standard_id).module


def document_validators() -> tuple[Validator, ...]:
    """The document validators of every registered suite that has one."""
    return tuple(v for r in registered() if (v := r.validator()) is not None)
