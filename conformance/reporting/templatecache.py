"""Compiled report templates kept between runs: Jinja compiles the matrix templates in every process otherwise,
which costs more than rendering a small run's matrix."""

from __future__ import annotations

from contextlib import suppress

import jinja2
from jinja2.bccache import Bucket

from conformance.core.paths import cache_dir


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache in wechselbar's cache folder; a folder that cannot be written, or a damaged
    entry, only means compiling again (never a failed report)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """The cached code of a template, if a sound entry exists for its source."""
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Store a template's code; skipped when the folder cannot be written."""
        with suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache() -> TemplateCache | None:
    """The cache under ``<cache>/templates``, or None when that folder cannot be made."""
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(str(folder))
