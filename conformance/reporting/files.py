"""Write every report of a run into one folder (next to its results file)."""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from conformance.reporting.model import Report

Renderer = Callable[["Report", str], "str | bytes"]

# Format → file name and renderer (``module:function``, imported when that format is rendered: jinja2 and lxml
# load only for the formats that need them)
FORMATS: dict[str, tuple[str, str]] = {
    "html": ("matrix.html", "conformance.reporting.html:render_html"),
    "md": ("summary.md", "conformance.reporting.markdown:render_markdown"),
    "csv": ("results.csv", "conformance.reporting.tabular:render_csv"),
    "json": ("matrix.json", "conformance.reporting.jsonmatrix:render_json"),
    "junit": ("junit.xml", "conformance.reporting.junit:render_junit"),
}


def renderer(fmt: str) -> Renderer:
    """The render function of one of the FORMATS."""
    module, _, name = FORMATS[fmt][1].partition(":")
    return cast(Renderer, getattr(importlib.import_module(module), name))


# Rendered on request only, not written with every run (EARL needs rdflib): conformance.reporting.earl
EXPORTS = ("earl", "earl-jsonld")


def render(report: Report, fmt: str, lang: str, for_file: bool = True) -> bytes:
    """One report as UTF-8 bytes; a CSV file starts with a byte order mark so spreadsheets read umlauts."""
    data = _export(report, fmt, lang) if fmt in EXPORTS else renderer(fmt)(report, lang)
    if isinstance(data, bytes):
        return data
    return data.encode("utf-8-sig" if fmt == "csv" and for_file else "utf-8")


def _export(report: Report, fmt: str, lang: str) -> str:
    from conformance.reporting.earl import render_earl_jsonld, render_earl_turtle  # noqa: PLC0415

    return render_earl_jsonld(report, lang) if fmt == "earl-jsonld" else render_earl_turtle(report, lang)


def write_all(report: Report, out_dir: Path, lang: str) -> dict[str, Path]:
    """Write matrix.html, summary.md, results.csv, matrix.json and junit.xml; return their paths by format."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for fmt, (name, _) in FORMATS.items():
        paths[fmt] = write_atomic(out_dir / name, render(report, fmt, lang))
    return paths


def write_atomic(path: Path, data: bytes) -> Path:
    """Write a file so that a reader never sees half of it."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.chmod(temp, 0o644)
    os.replace(temp, path)
    return path
