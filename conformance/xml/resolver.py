"""Offline resolution of schemaLocations: canonical URLs and pack-relative paths map to verified pack files.

Each document keeps its canonical URL as base URL, so relative imports stay canonical too (the packs
README, "How OGC schemaLocations resolve offline", option b). Anything that maps to no pack file is
refused: there is no network fallback and no file access outside the pack cache.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from conformance.core.packs import PackStore, default_store, lock
from conformance.core.paths import schemas_dir


class ResolveRefused(Exception):
    """A schema or stylesheet asked for a resource that maps to no pack file."""


@cache
def canonical_index() -> dict[str, tuple[str, str]]:
    """Canonical URL (without scheme) → (pack id, path in pack), from the pack lock."""
    data = json.loads((schemas_dir() / "packs.lock.json").read_text(encoding="utf-8"))
    index: dict[str, tuple[str, str]] = {}
    for pack in data["packs"]:
        for item in pack["files"]:
            if item.get("canonical_url"):
                index[_schemeless(item["canonical_url"])] = (pack["id"], item["path"])
    return index


@cache
def pack_digest(pack_id: str) -> str:
    """The locked digest of a pack (computed once per process)."""
    return lock()[pack_id].digest


def canonical_url(pack_id: str, relpath: str) -> str | None:
    """The official URL of a pack file, if the lock records one."""
    for url, where in canonical_index().items():
        if where == (pack_id, relpath):
            return "http://" + url
    return None


def _schemeless(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc.lower() + parts.path


class PackResolver(etree.Resolver):
    """An lxml resolver serving canonical URLs and files inside the pack cache; everything else is refused."""

    def __init__(self, store: PackStore | None = None) -> None:
        super().__init__()
        self.store = store or default_store()
        self.served: list[str] = []
        self.refused: list[str] = []

    def resolve(self, url: str, pubid: str | None, context: Any) -> Any:  # type: ignore[override]
        """Serve the pack file behind ``url`` with ``url`` as its base; refuse anything else."""
        local = self.locate(url)
        if local is None:
            self.refused.append(url)
            raise ResolveRefused(f"refused to load {url!r}: it maps to no pack file (no network, no local files)")
        self.served.append(url)
        return self.resolve_string(local.read_bytes(), context, base_url=url)

    def locate(self, url: str) -> Path | None:
        """The pack file behind a canonical URL or a path inside the pack cache, else None."""
        parts = urlsplit(url)
        if parts.scheme in ("http", "https"):
            found = canonical_index().get(_schemeless(url))
            return self.store.path(*found) if found else None
        if parts.scheme in ("file", ""):
            return self._inside_cache(Path(unquote(parts.path)))
        return None

    def _inside_cache(self, path: Path) -> Path | None:
        if not path.is_absolute():
            return None
        root = self.store.root.resolve()
        candidate = path.resolve()
        return candidate if candidate.is_relative_to(root) and candidate.is_file() else None


def resolving_parser(resolver: PackResolver | None = None) -> etree.XMLParser:
    """A hardened parser (no DTD, no entities, no network) whose loads go through a PackResolver."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, collect_ids=False
    )
    parser.resolvers.add(resolver or PackResolver())
    return parser


def entry_url(store: PackStore, pack_id: str, relpath: str) -> str:
    """The base URL to open a pack file under: its canonical URL, else its file URI in the cache."""
    return canonical_url(pack_id, relpath) or store.path(pack_id, relpath).as_uri()
