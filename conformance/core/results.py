"""The results file: JSON Lines with one header and one record per outcome, appended as the run goes on.

Written in format ``wechselbar-results/2`` (:mod:`records`); format 1 files are read too (:mod:`format1`). Every
line is checked against its format's schema on reading (:mod:`resultschema`).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from conformance import __version__
from conformance.core import format1, resultschema
from conformance.core.interrupt import SIGNALS
from conformance.core.records import FORMAT, Finding, Header, Result, WaiverRecord, WaiverStatus
from conformance.core.secrets import Redactor

__all__ = [
    "FORMAT",
    "FORMATS",
    "Finding",
    "Header",
    "Result",
    "ResultsFile",
    "ResultsFileError",
    "ResultsWriter",
    "WaiverRecord",
    "WaiverStatus",
    "read_header",
    "read_run",
    "restamp",
    "write_run",
]

FORMATS = (FORMAT, format1.FORMAT)


class ResultsFileError(ValueError):
    """A file that is not a readable results file: empty, without a header, of another format, an invalid or
    duplicate record, or a second header."""


@dataclass(frozen=True)
class ResultsFile:
    """A results file read back: its header, its results, and whether the run finished."""

    header: Header
    results: tuple[Result, ...]
    problems: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """True if the run ended normally (the header carries an end time and no interruption)."""
        return self.header.finished is not None and self.header.interrupted is None


class ResultsWriter:
    """Appends records and flushes each one to the OS, so a killed run keeps every finished record."""

    def __init__(self, path: Path, header: Header, redactor: Redactor) -> None:
        self.path = path
        self.header = header
        self.redactor = redactor
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle: IO[str] = path.open("w", encoding="utf-8")
        self._write(header.to_json())

    def add(self, result: Result) -> None:
        """Append one result record."""
        self._write(result.to_json())

    def _write(self, record: dict[str, Any]) -> None:
        line = json.dumps(self.redactor.deep(record), ensure_ascii=False, sort_keys=True)
        with SIGNALS.critical():
            self.handle.write(self.redactor.text(line) + "\n")
            self.handle.flush()

    def finish(self, finished: str) -> None:
        """Close the file and rewrite its header with the end time (atomic replace)."""
        self._close(replace(self.header, finished=finished))

    def interrupt(self, at: str, by: str) -> None:
        """Close the file and mark the run interrupted (it stays resumable and is never shown as finished)."""
        self._close(replace(self.header, finished=None, interrupted={"at": at, "by": by}))

    def _close(self, header: Header) -> None:
        with SIGNALS.critical():
            os.fsync(self.handle.fileno())
            self.handle.close()
            self.header = header
            restamp(self.path, header, self.redactor)


def restamp(path: Path, header: Header, redactor: Redactor | None = None) -> None:
    """Replace the header of a results file (atomically), keeping every whole record; a missing file gets the
    header alone."""
    with SIGNALS.critical():
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []
        data = redactor.deep(header.to_json()) if redactor else header.to_json()
        head = json.dumps(data, ensure_ascii=False, sort_keys=True)
        if lines and not lines[-1].endswith("\n"):
            lines.pop()  # a record torn by a kill; the check is run again on resume
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_text(path, [head + "\n", *lines[1:]])


def _atomic_text(path: Path, lines: list[str]) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".results-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.writelines(lines)
    os.replace(temp, path)


def read_run(path: Path) -> ResultsFile:
    """Read a results file; a torn last line (killed run) is skipped and noted, never fatal. Anything else that
    is not a whole, valid record of the header's format is a :class:`ResultsFileError` naming the line."""
    with path.open(encoding="utf-8") as handle:
        fmt, header = _header(handle.readline(), path)
        results: list[Result] = []
        problems: list[str] = []
        seen: dict[tuple[str, str], int] = {}
        for number, line in enumerate(handle, 2):
            data = _line(line, number, problems, path)
            if data is None:
                continue
            if data.get("record") == "header":
                raise ResultsFileError(f"{path}: line {number}: a second header record")
            result = _result(fmt, data, number, path)
            first = seen.setdefault((result.vendor, result.test_id), number)
            if first != number:
                raise ResultsFileError(
                    f"{path}: line {number}: a second result of {result.test_id} for "
                    f"{result.vendor} (the first is on line {first})"
                )
            results.append(result)
    return ResultsFile(header, tuple(results), tuple(problems))


def _header(line: str, path: Path) -> tuple[str, Header]:
    if not line.strip():
        raise ResultsFileError(f"{path}: empty file; not a wechselbar results file")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ResultsFileError(f"{path}: line 1 is not JSON; not a wechselbar results file") from exc
    if not isinstance(data, dict) or data.get("record") != "header":
        raise ResultsFileError(f"{path}: no header record on line 1; not a wechselbar results file")
    fmt = data.get("format")
    if fmt not in FORMATS:
        raise ResultsFileError(
            f"{path}: format {fmt!r} cannot be read by wechselbar {__version__}, which reads "
            f"{' and '.join(sorted(FORMATS))}"
        )
    _checked(str(fmt), data, 1, path)
    return str(fmt), (Header.from_json(data) if fmt == FORMAT else format1.header(data))


def _result(fmt: str, data: dict[str, Any], number: int, path: Path) -> Result:
    _checked(fmt, data, number, path)
    return Result.from_json(data) if fmt == FORMAT else format1.result(data)


def _checked(fmt: str, data: dict[str, Any], number: int, path: Path) -> None:
    try:
        resultschema.check(fmt, data, number)
    except resultschema.InvalidRecord as exc:
        raise ResultsFileError(f"{path}: {exc}") from None


def _line(line: str, number: int, problems: list[str], path: Path) -> dict[str, Any] | None:
    """A record; None for a blank line or a torn last line (noted). A broken line inside the file is fatal."""
    if not line.strip():
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        if line.endswith("\n"):
            raise ResultsFileError(f"{path}: line {number} is not JSON") from None
        problems.append(f"line {number}: incomplete record skipped (the run was interrupted)")
        return None
    if not isinstance(data, dict):
        raise ResultsFileError(f"{path}: line {number} is not a JSON object")
    return data


def read_header(path: Path) -> Header | None:
    """The header of a results file of the current format, or None if the file is missing, has no whole header
    yet, or was written in another format."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
        data = json.loads(first)
    except (OSError, json.JSONDecodeError):
        return None
    if not isinstance(data, dict) or data.get("record") != "header" or data.get("format") != FORMAT:
        return None
    return Header.from_json(data)


def write_run(path: Path, run: ResultsFile) -> None:
    """Write a whole run (used by merge)."""
    lines = [json.dumps(run.header.to_json(), ensure_ascii=False, sort_keys=True) + "\n"]
    lines += [json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True) + "\n" for r in run.results]
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_text(path, lines)
