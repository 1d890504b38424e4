"""The limits an export is read under: ZIP archives (zip bombs, zip-slip, links) and the pool size.

Both are target options of the export standards (``max_zip_entries``, ``workers``, …), declared here once.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from conformance.core.model import Option


@dataclass(frozen=True)
class ZipLimits:
    """Limits that keep a hostile archive from exhausting the machine."""

    max_entries: int = 100_000
    max_entry_bytes: int = 4 * 1024**3
    max_total_bytes: int = 16 * 1024**3
    max_ratio: float = 200.0
    ratio_floor: int = 1024**2

    @classmethod
    def from_options(cls, option: Callable[[str, float], float]) -> ZipLimits:
        """Limits from a target's options: ``max_zip_entries``, ``max_entry_bytes``, ``max_total_bytes`` and
        ``max_compression_ratio``, each defaulting to the class default."""
        base = cls()
        return cls(
            max_entries=int(option("max_zip_entries", base.max_entries)),
            max_entry_bytes=int(option("max_entry_bytes", base.max_entry_bytes)),
            max_total_bytes=int(option("max_total_bytes", base.max_total_bytes)),
            max_ratio=float(option("max_compression_ratio", base.max_ratio)),
        )


EXPORT_OPTIONS = (
    Option("workers", 2, "processes validating the export (1 when the run itself has several workers)"),
    Option("max_zip_entries", ZipLimits.max_entries, "members a ZIP archive may have; a larger one is refused"),
    Option("max_entry_bytes", ZipLimits.max_entry_bytes, "bytes one archive member may expand to"),
    Option("max_total_bytes", ZipLimits.max_total_bytes, "bytes all members of an archive may expand to"),
    Option("max_compression_ratio", ZipLimits.max_ratio, "expanded size per compressed byte a member may have"),
)


def export_workers(option: Callable[[str, int], int]) -> int:
    """Processes for an export: the target's ``workers`` option, else 2 (1 inside a parallel pytest run)."""
    return option("workers", 1 if os.environ.get("PYTEST_XDIST_WORKER") else 2)


def member_problem(info: zipfile.ZipInfo, limits: ZipLimits) -> str:
    """Why a ZIP member must not be read (unsafe name, link, encryption, size, ratio), or ''."""
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":"):
        return f"unsafe member name {name!r} (absolute or climbing out of the archive: zip-slip)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return f"member {name!r} is a symbolic link; not followed"
    if info.flag_bits & 0x1:
        return f"member {name!r} is encrypted"
    if info.file_size > limits.max_entry_bytes:
        return f"member {name!r} expands to {info.file_size} bytes, more than the limit of {limits.max_entry_bytes}"
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
        return f"member {name!r} has a compression ratio of {ratio:.0f}:1 (limit {limits.max_ratio:.0f}:1): zip bomb"
    return ""
