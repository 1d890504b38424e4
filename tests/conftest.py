"""Test setup: packs come from the mirror beside the repository, caches stay inside it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

if "WECHSELBAR_PACK_MIRROR" not in os.environ:
    mirrors = [SHARED / "packs", SHARED / "corpora"]
    os.environ["WECHSELBAR_PACK_MIRROR"] = os.pathsep.join(str(m) for m in mirrors if m.is_dir())
os.environ.setdefault("WECHSELBAR_CACHE", str(ROOT / ".cache" / "wechselbar"))

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

# Property tests assert behaviour, never speed: a busy machine must not turn them red.
settings.register_profile("behaviour", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("behaviour")

from tests.harness.installed import installed_demo  # noqa: E402, F401
from tests.targets.frost import frost_url  # noqa: E402, F401
from tests.targets.mapserver import mapserver_url  # noqa: E402, F401
from tests.targets.postgis import postgis  # noqa: E402, F401
from tests.targets.pycsw import pycsw_url  # noqa: E402, F401
from tests.targets.pygeoapi import pygeoapi_records_url, pygeoapi_url  # noqa: E402, F401
from tests.targets.pygeoapi_postgis import pygeoapi_postgis_url  # noqa: E402, F401
from tests.targets.sensorthings import sensorthings_url  # noqa: E402, F401


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: object, log: object) -> object:
    """``-n N``: one unit per file or real server, expensive units first (see tests/scheduling.py)."""
    from tests import scheduling  # noqa: PLC0415  (xdist is only imported when workers run)

    return scheduling.make(config, log)


@pytest.fixture(autouse=True)
def fresh_registry() -> Iterator[None]:
    """Tests register suites of their own; the registry remembers the suite of each standard, so forget it."""
    from conformance.harness import registry  # noqa: PLC0415

    registry.suite_for.cache_clear()
    yield
    registry.suite_for.cache_clear()
