"""The results file: JSON Lines with one header and one record per outcome, appended as the run goes on."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from conformance.core.interrupt import SIGNALS
from conformance.core.outcomes import Outcome
from conformance.core.secrets import Redactor

FORMAT = "wechselbar-results/1"


@dataclass(frozen=True)
class Result:
    """The outcome of one requirement for one vendor target, with its evidence."""

    vendor: str
    standard: str
    standard_version: str
    cls: str
    requirement: str
    obligation: str
    statement: str
    outcome: Outcome
    test_id: str
    target: str = ""
    spec_url: str = ""
    reason: str = ""
    duration_ms: float = 0.0
    profile_obligation: str | None = None
    violations: tuple[dict[str, Any], ...] = ()
    exchanges: tuple[dict[str, Any], ...] = ()
    notes: tuple[str, ...] = ()
    waiver: dict[str, Any] | None = None
    examined: tuple[dict[str, Any], ...] = ()
    findings_omitted: int = 0
    revision: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The record as written to the results file."""
        data = asdict(self)
        data["outcome"] = self.outcome.value
        return {"record": "result", **data}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Result:
        """Read a record back."""
        fields = {k: v for k, v in data.items() if k != "record"}
        fields["outcome"] = Outcome(fields["outcome"])
        for key in ("violations", "exchanges", "notes", "examined"):
            fields[key] = tuple(fields.get(key, ()))
        return cls(**fields)


@dataclass(frozen=True)
class Header:
    """What a run was: versions, times, config hashes, packs, platform, vendors, standards and profile.

    ``finished`` is the time a run ended normally; ``interrupted`` (``at``, ``by``: the time and what stopped it,
    e.g. ``SIGTERM``) marks a run that was stopped and can be resumed. A run killed outright has neither.
    """

    run_id: str
    suite_version: str
    started: str
    finished: str | None = None
    interrupted: dict[str, str] | None = None
    platform: dict[str, str] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    packs: tuple[dict[str, str], ...] = ()
    vendors: tuple[dict[str, Any], ...] = ()
    standards: tuple[dict[str, Any], ...] = ()
    profile: dict[str, Any] | None = None
    merged_from: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The header record."""
        return {"record": "header", "format": FORMAT, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Header:
        """Read a header back."""
        fields = {k: v for k, v in data.items() if k not in ("record", "format")}
        for key in ("packs", "vendors", "standards", "merged_from"):
            fields[key] = tuple(fields.get(key, ()))
        return cls(**fields)


@dataclass(frozen=True)
class Run:
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


def read_run(path: Path) -> Run:
    """Read a results file; a torn last line (killed run) is skipped and noted, never fatal."""
    header: Header | None = None
    results: list[Result] = []
    problems: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            record = _record(line, number, problems)
            if record is None:
                continue
            if record.get("record") == "header" and header is None:
                header = Header.from_json(record)
            elif record.get("record") == "result":
                try:
                    results.append(Result.from_json(record))
                except (KeyError, TypeError, ValueError) as exc:
                    problems.append(f"line {number}: not a valid result record ({exc!r}); skipped")
    if header is None:
        raise ValueError(f"{path}: no header record; not a wechselbar results file")
    return Run(header, tuple(results), tuple(problems))


def read_header(path: Path) -> Header | None:
    """The header of a results file, or None if the file is missing or has no whole header yet."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except OSError:
        return None
    record = _record(first, 1, [])
    return Header.from_json(record) if record and record.get("record") == "header" else None


def _record(line: str, number: int, problems: list[str]) -> dict[str, Any] | None:
    if not line.strip():
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        problems.append(f"line {number}: incomplete record skipped (the run was interrupted)")
        return None
    return data if isinstance(data, dict) else None


def write_run(path: Path, run: Run) -> None:
    """Write a whole run (used by merge)."""
    lines = [json.dumps(run.header.to_json(), ensure_ascii=False, sort_keys=True) + "\n"]
    lines += [json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True) + "\n" for r in run.results]
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_text(path, lines)
