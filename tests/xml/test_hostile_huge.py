"""A 2 GiB document of one text node: refused on every path, with bounded memory and little reading.

How long the refusals take is measured in bench/bench_hostile.py, not asserted here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.samples import xdomea as samples
from tests.xml.test_hostile import MAX_GROWTH_KB, PROBE

SIZE = 2 * 1024**3
BLOCK = b"a" * (8 * 1024**2)


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("huge")
    if shutil.disk_usage(folder).free < SIZE + 1024**3:
        pytest.skip("less than 3 GiB free in the temporary folder for the 2 GiB document")
    path = folder / "one-text-node.xml"
    with path.open("wb") as out:
        out.write(b"<r>")
        for _ in range(SIZE // len(BLOCK)):
            out.write(BLOCK)
        out.write(b"</r>")
    (folder / "benign.xml").write_bytes(samples.repaired("Anbieteverzeichnis.0501"))
    yield path
    path.unlink()


def _measured(argv: list[str], timeout: float = 600) -> tuple[int, str, int]:
    """Run a child; its exit code, stdout and own peak RSS (KiB). The timeout is only a safety net."""
    started = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - started > timeout:
            child.kill()
            pytest.fail(f"{argv[:3]} did not finish within {timeout} s")
        time.sleep(0.05)
    output = child.stdout.read() if child.stdout else ""
    return os.waitstatus_to_exitcode(status), output, usage.ru_maxrss


def _probe(mode: str, huge: Path) -> dict[str, object]:
    code, output, _ = _measured([sys.executable, "-c", PROBE, mode, str(huge.parent / "benign.xml"), str(huge)])
    assert code == 0
    [result] = [json.loads(line) for line in output.splitlines()]
    assert result["growth_kb"] < MAX_GROWTH_KB, result  # type: ignore[operator]
    return result


def test_a_2gib_text_node_is_refused_on_every_path(huge: Path) -> None:
    tree = _probe("tree", huge)
    assert tree["kind"] == "too-large" and "limit" in str(tree["message"])
    stream = _probe("stream", huge)
    [finding] = stream["findings"]  # type: ignore[misc]
    assert "too-large" in finding["message"] and stream["bytes"] < 64 * 1024**2  # type: ignore[operator]
    export = _probe("export", huge)
    assert not export["accepted"] and export["findings"][0]["rule"] == "XML"  # type: ignore[index]
    command = [sys.executable, "-m", "conformance", "validate", "--format", "json", "--standard", "xdomea-3.0.0"]
    _, _, benign_kb = _measured([*command, str(huge.parent / "benign.xml")])
    code, output, huge_kb = _measured([*command, str(huge)])
    report = json.loads(output)
    assert code == 1 and not report["accepted"] and report["findings"][0]["severity"] == "fatal"
    assert huge_kb - benign_kb < MAX_GROWTH_KB
