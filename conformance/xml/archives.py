"""The documents of an export: files, and members of ZIP archives, also of archives inside archives.

Members are streamed from their archive after their names, count, declared sizes and compression ratios have
been checked (zip-slip, zip bombs); they are never extracted beside the export. An archive inside an archive
(an xdomea package inside a delivery, say) is copied to a private temporary folder, checked by the same limits
and read the same way, down to ``MAX_DEPTH`` levels; all nested archives of one run share one expansion budget.
Reports name a nested document ``outer.zip!inner.zip!message.xml``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import IO, cast

from conformance.xml.limits import ZipLimits, member_problem
from conformance.xml.report import DocumentReport, Source

XML_SUFFIXES = (".xml",)
ARCHIVE_SUFFIXES = (".zip",)
MAX_DEPTH = 3
Problem = DocumentReport
ProblemMaker = Callable[[str, str], Problem]


class ExportError(Exception):
    """An export path or archive that cannot be read safely."""


@dataclass(frozen=True)
class Document:
    """One document of an export: a file, or a member of a ZIP archive (read in place, never extracted)."""

    path: str
    member: str | None = None
    size: int = 0
    label: str = ""

    @property
    def name(self) -> str:
        """How reports name the document: its path, ``archive.zip!member`` or the nested chain."""
        return self.label or (f"{self.path}!{self.member}" if self.member else self.path)

    def open(self) -> IO[bytes]:
        """A binary stream of the document's bytes."""
        if self.member is None:
            return open(self.path, "rb")
        archive = zipfile.ZipFile(self.path)
        return cast(IO[bytes], _Member(archive, archive.open(self.member), self.size))

    def source(self, max_bytes: int) -> Source:
        """The document as a report Source (members are read into memory, up to ``max_bytes``)."""
        if self.size > max_bytes:
            raise ExportError(f"{self.name} is {self.size} bytes, more than the in-memory limit of {max_bytes}")
        if self.member is None:
            return Source.file(Path(self.path))
        with self.open() as stream:
            return Source(self.name, data=stream.read(max_bytes + 1))

    def package(self) -> frozenset[str]:
        """The names of the files next to this document (its folder in the archive or on disk)."""
        if self.member is None:
            parent = Path(self.path).parent
            return _folder_names(str(parent), parent.stat().st_mtime_ns)
        folder = str(PurePosixPath(self.member).parent)
        return frozenset(n for n, f in _archive_names(self.path, os.stat(self.path).st_mtime_ns) if f == folder)


class _Member:
    """A ZIP member stream that never yields more than the size its directory entry declared."""

    def __init__(self, archive: zipfile.ZipFile, stream: IO[bytes], limit: int) -> None:
        self.archive, self.stream, self.left = archive, stream, limit

    def read(self, size: int = -1) -> bytes:
        """Read on, refusing data beyond the declared size."""
        data = self.stream.read(size)
        self.left -= len(data)
        if self.left < 0:
            raise ExportError("archive member expands beyond its declared size")
        return data

    def __enter__(self) -> _Member:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()
        self.archive.close()


@dataclass
class Walk:
    """One walk over archives: the limits, the problem maker, the suffixes of the documents it yields and the
    expansion budget left for nested archives."""

    limits: ZipLimits
    problem: ProblemMaker
    suffixes: tuple[str, ...] = XML_SUFFIXES
    budget: int = field(init=False)

    def __post_init__(self) -> None:
        self.budget = self.limits.max_total_bytes


def members(path: str, label: str, walk: Walk, depth: int = 1) -> Iterator[Document | Problem]:
    """The documents (by ``walk.suffixes``) of an archive and of the archives inside it, or the problems found on
    the way."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        yield walk.problem(label, f"not a readable ZIP archive: {exc}")
        return
    total = sum(i.file_size for i in infos)
    if len(infos) > walk.limits.max_entries or total > walk.limits.max_total_bytes:
        yield walk.problem(
            label,
            (
                f"archive refused unread: {len(infos)} entries expanding to {total} bytes exceed the limits "
                f"({walk.limits.max_entries} entries, {walk.limits.max_total_bytes} bytes)"
            ),
        )
        return
    for info in infos:
        yield from _member(path, label, info, walk, depth)


def _member(path: str, label: str, info: zipfile.ZipInfo, walk: Walk, depth: int) -> Iterator[Document | Problem]:
    suffix = PurePosixPath(info.filename).suffix.lower()
    if info.is_dir() or suffix not in walk.suffixes + ARCHIVE_SUFFIXES:
        return
    name = f"{label}!{info.filename}"
    reason = member_problem(info, walk.limits)
    if reason:
        yield walk.problem(name, reason)
    elif suffix in walk.suffixes:
        yield Document(path, info.filename, info.file_size, name if label != path else "")
    elif depth >= MAX_DEPTH:
        yield walk.problem(name, f"archive nested more than {MAX_DEPTH} levels deep: not examined")
    elif info.file_size > walk.budget:
        yield walk.problem(name, f"nested archives expand to more than {walk.limits.max_total_bytes} bytes in all")
    else:
        walk.budget -= info.file_size
        yield from members(_copy(path, info), name, walk, depth + 1)


def _copy(path: str, info: zipfile.ZipInfo) -> str:
    """The nested archive as a file of its own in the private temporary folder (its size already checked)."""
    handle, target = tempfile.mkstemp(suffix=".zip", dir=_scratch())
    with zipfile.ZipFile(path) as archive, archive.open(info) as source, os.fdopen(handle, "wb") as out:
        shutil.copyfileobj(_Member(archive, source, info.file_size), out, 1024 * 1024)
    return target


@lru_cache(maxsize=1)
def _scratch() -> str:
    folder = tempfile.mkdtemp(prefix="wechselbar-nested-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@lru_cache(maxsize=8)
def _archive_names(path: str, mtime: int) -> tuple[tuple[str, str], ...]:
    with zipfile.ZipFile(path) as archive:
        return tuple((PurePosixPath(n).name, str(PurePosixPath(n).parent)) for n in archive.namelist())


@lru_cache(maxsize=64)
def _folder_names(folder: str, mtime: int) -> frozenset[str]:
    return frozenset(os.listdir(folder))
