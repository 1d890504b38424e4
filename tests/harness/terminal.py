"""Run a command under a pseudo-terminal and replay its output as a terminal would show it (scrollback included)."""

from __future__ import annotations

import os
import re
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path

# ESC [ params final: cursor movement, erase, colours; OSC and lone ESC sequences are dropped.
CONTROL = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>]|[\r\n]")


def screen(raw: str) -> list[str]:
    """The lines a terminal holds after ``raw``: line feeds, carriage returns, cursor up and erase line honoured."""
    lines, row, col = [""], 0, 0
    pos = 0
    for match in CONTROL.finditer(raw):
        row, col = _write(lines, row, col, raw[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        if token == "\n":
            row, col = row + 1, 0
            lines += [""] * (row + 1 - len(lines))
        elif token == "\r":
            col = 0
        elif match.group(2) == "A":
            row = max(0, row - int(match.group(1) or 1))
        elif match.group(2) == "K":
            lines[row] = lines[row][:col] if match.group(1) in ("", "0") else ""
    _write(lines, row, col, raw[pos:])
    return [line.rstrip() for line in lines]


def _write(lines: list[str], row: int, col: int, text: str) -> tuple[int, int]:
    if text:
        line = lines[row].ljust(col)
        lines[row] = line[:col] + text + line[col + len(text) :]
    return row, col + len(text)


def run_in_terminal(
    args: Sequence[str], cwd: Path, env: dict[str, str], columns: int = 100, timeout: float = 900
) -> tuple[int, str]:
    """Run with stdin, stdout and stderr on one pseudo-terminal; return the exit code and everything written."""
    main, child = os.openpty()
    env = {**env, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(list(args), cwd=cwd, env=env, stdin=child, stdout=child, stderr=child)
    os.close(child)
    chunks: list[bytes] = []
    reader = threading.Thread(target=_drain, args=(main, chunks), daemon=True)
    reader.start()
    try:
        code = process.wait(timeout=timeout)
    finally:
        process.kill()
        reader.join(timeout=30)
        os.close(main)
    return code, b"".join(chunks).decode("utf-8", errors="replace")


def _drain(fd: int, chunks: list[bytes]) -> None:
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            return
        if not data:
            return
        chunks.append(data)
