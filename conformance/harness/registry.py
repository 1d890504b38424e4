"""The standards wechselbar knows: built-in suite packages plus any registered under ``wechselbar.suites``."""

from __future__ import annotations

import importlib
from functools import cache
from importlib.metadata import entry_points

from conformance.core.model import Standard

BUILTIN: tuple[str, ...] = (
    "conformance.suites.ogcapi_features",
    "conformance.suites.oparl",
    "conformance.suites.xdomea",
    "conformance.suites.xrechnung",
    "conformance.suites.openapi",
)


@cache
def _catalogue() -> dict[str, tuple[Standard, str]]:
    modules = list(BUILTIN) + [e.value for e in entry_points(group="wechselbar.suites")]
    out: dict[str, tuple[Standard, str]] = {}
    for name in modules:
        module = importlib.import_module(name)
        declared = getattr(module, "STANDARDS", None) or (module.STANDARD,)
        for standard in declared:
            out.setdefault(standard.id, (standard, name))
    return out


def standards() -> dict[str, Standard]:
    """Standard id → its catalogue (classes and requirements), read from each suite package."""
    return {k: v[0] for k, v in _catalogue().items()}


def suite_module(standard_id: str) -> str:
    """The importable package holding the pytest suite of a standard."""
    return _catalogue()[standard_id][1]
