"""``roundtrip.jsonl``: written whole (atomically) after each round trip, every line checked on reading."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from conformance import __version__
from conformance.core import resultschema
from conformance.core.secrets import Redactor
from conformance.core.transfer import FILE, FORMAT, Transfer


class TransferFileError(ValueError):
    """A round-trip file that cannot be read: not JSON, another format, or a line that breaks the schema."""


def read_transfers(folder: Path) -> tuple[Transfer, ...]:
    """The transfers stored in ``folder`` (none when the folder holds no round-trip file)."""
    path = folder / FILE
    if not path.is_file():
        return ()
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        data = _record(line, number, path)
        if number == 1 and (data.get("record") != "header" or data.get("format") != FORMAT):
            raise TransferFileError(f"{path}: line 1 is not a header of {FORMAT}")
        try:
            resultschema.check(FORMAT, data, number, "transfer")
        except resultschema.InvalidRecord as exc:
            raise TransferFileError(f"{path}: {exc}") from None
        if data["record"] == "transfer":
            found.append(Transfer.from_json(data))
    return tuple(found)


def _record(line: str, number: int, path: Path) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        raise TransferFileError(f"{path}: line {number} is not JSON") from None
    if not isinstance(data, dict):
        raise TransferFileError(f"{path}: line {number} is not a JSON object")
    return data


def store_transfer(folder: Path, transfer: Transfer, redactor: Redactor) -> Path:
    """Add (or replace) the transfer of one pair and standard in ``folder``'s round-trip file."""
    key = (transfer.source, transfer.target, transfer.standard)
    kept = [t for t in read_transfers(folder) if (t.source, t.target, t.standard) != key]
    return write_transfers(folder, [*kept, transfer], redactor)


def latest(transfers: Iterable[Transfer]) -> tuple[Transfer, ...]:
    """One transfer per pair and standard: the one finished last (of equals, the one given last)."""
    kept: dict[tuple[str, str, str], Transfer] = {}
    for transfer in transfers:
        key = (transfer.source, transfer.target, transfer.standard)
        if key not in kept or transfer.finished >= kept[key].finished:
            kept.pop(key, None)
            kept[key] = transfer
    return tuple(kept.values())


def write_transfers(folder: Path, transfers: Iterable[Transfer], redactor: Redactor) -> Path:
    """Write ``folder``'s round-trip file anew with ``transfers``."""
    header = {
        "record": "header",
        "format": FORMAT,
        "tool_version": __version__,
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    lines = [header] + [t.to_json() for t in transfers]
    text = "".join(
        redactor.text(json.dumps(redactor.deep(r), ensure_ascii=False, sort_keys=True)) + "\n" for r in lines
    )
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".roundtrip-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temp, folder / FILE)
    return folder / FILE
