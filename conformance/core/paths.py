"""Where the project's own data lives (schemas, fixtures) and where caches go.

``schemas/`` and ``fixtures/`` sit at the top of the repository and are installed as the packages
``conformance.schemas`` and ``conformance.fixtures`` (see setup.py); they are read through importlib.resources,
so an editable install and an installed wheel find the same files.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def data_dir(package: str) -> Path:
    """The folder of a data package on disk (an installation as files, not inside a zip archive)."""
    found = resources.files(package)
    if not isinstance(found, Path) or not found.is_dir():
        raise FileNotFoundError(f"{package} is not installed as a folder: install wechselbar with pip")
    return found


def schemas_dir() -> Path:
    """The project's JSON Schemas and pack lock (``schemas/``)."""
    return data_dir("conformance.schemas")


def fixtures_dir() -> Path:
    """The project's fixtures (``fixtures/``): the demo's vendors, profile, waivers and exports."""
    return data_dir("conformance.fixtures")


def cache_dir() -> Path:
    """The cache for packs and compiled artefacts: $WECHSELBAR_CACHE, else ~/.cache/wechselbar."""
    env = os.environ.get("WECHSELBAR_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wechselbar"
