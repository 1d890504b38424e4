"""Packs: official artefacts and corpora, pinned by the pack lock and loaded through a verified cache."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from conformance.core.paths import cache_dir, schemas_dir

MIRROR_ENV = "WECHSELBAR_PACK_MIRROR"
DOWNLOAD_TIMEOUT = (10.0, 60.0)


class PackError(Exception):
    """A pack file is missing, cannot be fetched or does not match its locked hash."""


@dataclass(frozen=True)
class PackFile:
    """One locked file: its path in the pack, hash, size and download URL."""

    path: str
    sha256: str
    bytes: int
    url: str | None


@dataclass(frozen=True)
class Pack:
    """One locked pack or corpus."""

    id: str
    kind: str
    title: str
    version: str
    license: str
    commit: str
    files: tuple[PackFile, ...]

    @cached_property
    def digest(self) -> str:
        """A hash over the locked file hashes: the pack's identity in results headers and caches."""
        joined = "\n".join(f"{f.path} {f.sha256}" for f in self.files)
        return hashlib.sha256(joined.encode()).hexdigest()

    def file(self, path: str) -> PackFile:
        """The locked entry for one path."""
        for item in self.files:
            if item.path == path:
                return item
        raise PackError(f"pack {self.id} has no file {path!r} in the pack lock")


@cache
def lock() -> dict[str, Pack]:
    """The project's pack lock (schemas/packs.lock.json), by pack id."""
    data = json.loads((schemas_dir() / "packs.lock.json").read_text(encoding="utf-8"))
    return {p["id"]: _pack(p) for p in data["packs"]}


def _pack(raw: dict[str, Any]) -> Pack:
    files = tuple(PackFile(f["path"], f["sha256"], f["bytes"], f.get("url")) for f in raw["files"])
    return Pack(raw["id"], raw["kind"], raw["title"], raw["version"], raw["license"], raw["commit"], files)


def mirrors_from_env() -> tuple[Path, ...]:
    """Mirror directories named by $WECHSELBAR_PACK_MIRROR (separated by os.pathsep)."""
    value = os.environ.get(MIRROR_ENV, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


class PackStore:
    """The local cache of packs, filled from mirror directories or downloads, always checked by hash."""

    def __init__(
        self, root: Path | None = None, mirrors: Iterable[Path] | None = None, allow_download: bool = True
    ) -> None:
        self.root = root or cache_dir() / "packs"
        self.mirrors = tuple(mirrors) if mirrors is not None else mirrors_from_env()
        self.allow_download = allow_download

    def pack(self, pack_id: str) -> Pack:
        """The locked pack; an unknown id is a PackError."""
        try:
            return lock()[pack_id]
        except KeyError:
            raise PackError(f"unknown pack {pack_id!r}; see 'conformance packs list'") from None

    def pack_dir(self, pack_id: str) -> Path:
        """The cache folder of a pack, complete and verified (filled on first use)."""
        pack = self.pack(pack_id)
        folder = self.root / pack.id / pack.digest[:16]
        if not (folder / ".complete").exists():
            for item in pack.files:
                self._ensure(pack, item, folder)
            (folder / ".complete").write_text(pack.digest, encoding="utf-8")
        return folder

    def path(self, pack_id: str, relpath: str) -> Path:
        """One file of a pack, verified."""
        return self.pack_dir(pack_id) / self.pack(pack_id).file(relpath).path

    def verify(self, pack_id: str) -> list[str]:
        """Re-hash every cached file of a pack; the problems found (empty if all match)."""
        pack = self.pack(pack_id)
        folder = self.root / pack.id / pack.digest[:16]
        problems = []
        for item in pack.files:
            target = folder / item.path
            if not target.exists():
                problems.append(f"{pack.id}/{item.path}: missing from the cache")
            elif _sha256(target) != item.sha256:
                problems.append(f"{pack.id}/{item.path}: sha256 mismatch")
        return problems

    def export(self, pack_id: str, mirror: Path) -> Path:
        """Copy a verified pack into a mirror folder (for air-gapped machines)."""
        source, target = self.pack_dir(pack_id), mirror / pack_id
        for item in self.pack(pack_id).files:
            (target / item.path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / item.path, target / item.path)
        return target

    def _ensure(self, pack: Pack, item: PackFile, folder: Path) -> None:
        target = folder / item.path
        if target.exists() and target.stat().st_size == item.bytes:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        data = self._from_mirror(pack, item) or self._download(pack, item)
        _atomic_write(target, data)

    def _from_mirror(self, pack: Pack, item: PackFile) -> bytes | None:
        for mirror in self.mirrors:
            candidate = mirror / pack.id / item.path
            if candidate.is_file():
                data = candidate.read_bytes()
                if hashlib.sha256(data).hexdigest() != item.sha256:
                    raise PackError(f"{candidate}: sha256 does not match the pack lock ({item.sha256[:12]}…)")
                return data
        return None

    def _download(self, pack: Pack, item: PackFile) -> bytes:
        where = f"{pack.id}/{item.path}"
        if not item.url:
            raise PackError(f"{where}: not in any mirror ({self._mirror_text()}) and has no download URL")
        if not self.allow_download:
            raise PackError(f"{where}: not in any mirror ({self._mirror_text()}) and downloads are off")
        import requests  # noqa: PLC0415  (only a download needs it; the CLI starts faster without)

        try:
            response = requests.get(item.url, timeout=DOWNLOAD_TIMEOUT)
            response.raise_for_status()
        except requests.RequestException as exc:
            raise PackError(f"{where}: download from {item.url} failed: {exc}") from exc
        if hashlib.sha256(response.content).hexdigest() != item.sha256:
            raise PackError(f"{where}: downloaded file does not match the pack lock hash")
        return response.content

    def _mirror_text(self) -> str:
        return ", ".join(map(str, self.mirrors)) or f"none; set {MIRROR_ENV}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _atomic_write(target: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temp, target)


@cache
def default_store() -> PackStore:
    """The store used by suites: the default cache and the mirrors from the environment."""
    return PackStore()
