"""The demo scenario: three fictional vendors served by local test doubles, described by fixtures/demo."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from conformance.core.paths import ROOT

FIXTURES = ROOT / "fixtures" / "demo"
DEMO_TOKEN = "demo-token-geomax-7f3a9c"


@dataclass(frozen=True)
class DemoServer:
    """One placeholder in the vendors template and the test double that answers for it."""

    placeholder: str
    start: Callable[[], AbstractContextManager[str]]


def servers() -> list[DemoServer]:
    """The demo's servers: the same suites, three levels of conformance."""
    from conformance.demo import features_server as features  # noqa: PLC0415

    return [
        DemoServer("@KARTENWERK_FEATURES@", lambda: features.serve(frozenset())),
        DemoServer("@GEOMAX_FEATURES@", lambda: features.serve(frozenset({"wrong-items-media-type"}))),
        DemoServer("@KARTOLIGHT_FEATURES@", lambda: features.serve(features.KARTOLIGHT_DEFECTS)),
    ]


@contextmanager
def running(out: Path) -> Iterator[Path]:
    """Start every demo server, write the filled-in vendors file into ``out``, stop them afterwards."""
    os.environ.setdefault("GEOMAX_DEMO_TOKEN", DEMO_TOKEN)
    text = (FIXTURES / "vendors.toml").read_text(encoding="utf-8")
    with ExitStack() as stack:
        for server in servers():
            text = text.replace(server.placeholder, stack.enter_context(server.start()))
        out.mkdir(parents=True, exist_ok=True)
        vendors = out / "vendors.toml"
        vendors.write_text(text, encoding="utf-8")
        yield vendors
