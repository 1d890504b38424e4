"""Where the project's own data lives (schemas, fixtures) and where caches go."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
ROOT = PACKAGE.parent


def schemas_dir() -> Path:
    """The project's JSON Schemas and pack lock: the source tree, else the installed data files."""
    for candidate in (ROOT / "schemas", Path(sys.prefix) / "share" / "wechselbar" / "schemas"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("schemas/ not found: install wechselbar with 'pip install -e .'")


def cache_dir() -> Path:
    """The cache for packs and compiled artefacts: $WECHSELBAR_CACHE, else ~/.cache/wechselbar."""
    env = os.environ.get("WECHSELBAR_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wechselbar"
