"""SIGINT and SIGTERM stop a run in order: marked interrupted, never exit 0, every report says so, --resume ends it.

Each run is a real ``python -m conformance run`` against the gated features double; the signal is sent while the
run provably waits at a known point (a request held at the gate, or the first report held by a start-up hook),
never after a sleep.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from lxml import etree

from conformance.core.paths import schemas_dir
from conformance.core.results import ResultsFile, read_run
from tests.harness.gate import GatedServer, records

BOUND = 300.0
HOOK = """
import os
if os.environ.get("WB_TEST_PAUSE"):
    from pathlib import Path
    import conformance.reporting.files as files
    original, held = files.write_atomic, []

    def write_atomic(path, data):
        written = original(path, data)
        if not held:
            held.append(path)
            folder = Path(os.environ["WB_TEST_PAUSE"])
            (folder / "ready").write_text(str(path), encoding="utf-8")
            with open(folder / "fifo", "rb") as fifo:
                fifo.read()
        return written

    files.write_atomic = write_atomic
"""


@pytest.fixture(scope="module")
def server() -> Iterator[GatedServer]:
    gated = GatedServer().start()
    yield gated
    gated.gate.open()
    gated.stop()


def vendors(server: GatedServer, tenants: tuple[str, ...] = ("a",)) -> str:
    return "".join(
        f'[[vendors]]\nid = "{t}"\nname = "{t.upper()} GmbH"\nversion = "1"\n[[vendors.targets]]\n'
        f'standard = "ogcapi-features-1"\nurl = "{server.url(t)}"\n\n'
        for t in tenants
    )


def start(folder: Path, *extra: str, env: dict[str, str] | None = None, group: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "conformance",
            "run",
            "--vendors",
            "vendors.toml",
            "--out",
            "out",
            "--lang",
            "en",
            *extra,
        ],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        start_new_session=group,
    )


def finish(child: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = child.communicate(timeout=BOUND)
    return child.returncode, out, err


@pytest.fixture(scope="module")
def reference(server: GatedServer, tmp_path_factory: pytest.TempPathFactory) -> ResultsFile:
    """A whole run of both vendors: the test ids a resumed run must end up with."""
    folder = tmp_path_factory.mktemp("reference")
    (folder / "vendors.toml").write_text(vendors(server, ("a", "b")), encoding="utf-8")
    code, _, err = finish(start(folder, "--quiet"))
    assert code == 0, err[-2000:]
    return read_run(folder / "out" / "results.jsonl")


def wait_for(condition: object, child: subprocess.Popen[str]) -> None:
    """Poll a condition (a behaviour, not a duration); fail at once if the run ended first."""
    deadline = time.monotonic() + BOUND
    while not condition():  # type: ignore[operator]
        assert child.poll() is None, "the run ended before it reached the point to interrupt: " + str(child.stderr)
        assert time.monotonic() < deadline, "the run never reached the point to interrupt"
        time.sleep(0.02)


def interrupt_at_gate(
    folder: Path, server: GatedServer, signum: int, after: int, workers: int, group: bool
) -> tuple[int, str, str]:
    """Run until a request is held at the gate with ``after`` records written, then send the signal."""
    server.gate.arm(folder / "out" / "results.jsonl", after)
    child = start(folder, "--workers", str(workers), group=group)
    try:
        wait_for(server.gate.blocked.is_set, child)
        assert records(folder / "out" / "results.jsonl") >= after
        (os.killpg if group else os.kill)(child.pid, signum)
        return finish(child)
    finally:
        server.gate.open()
        child.kill() if child.poll() is None else None


def interrupt_in_reports(folder: Path, signum: int) -> tuple[int, str, str]:
    """Run to the end; a start-up hook holds the first report until the signal comes."""
    (folder / "hook").mkdir()
    (folder / "hook" / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    os.mkfifo(folder / "fifo")
    env = {
        "PYTHONPATH": os.pathsep.join([str(folder / "hook"), os.environ.get("PYTHONPATH", "")]),
        "WB_TEST_PAUSE": str(folder),
    }
    child = start(folder, "--quiet", env=env)
    try:
        wait_for((folder / "ready").exists, child)
        child.send_signal(signum)
        return finish(child)
    finally:
        child.kill() if child.poll() is None else None


def assert_interrupted(folder: Path, signum: int, outcome: tuple[int, str, str]) -> ResultsFile:
    """Exit by the signal, results marked interrupted, the banner in every report, the way on named."""
    code, out, err = outcome
    assert code == -signum, (code, err[-3000:])
    results = folder / "out" / "results.jsonl"
    validator = Draft202012Validator(json.loads((schemas_dir() / "results.schema.json").read_text(encoding="utf-8")))
    for line in results.read_text(encoding="utf-8").splitlines():
        assert not list(validator.iter_errors(json.loads(line))), line[:300]
    run = read_run(results)
    name = signal.Signals(signum).name
    assert not run.complete and run.header.finished is None and run.header.interrupted["by"] == name
    assert len({(r.vendor, r.test_id) for r in run.results}) == len(run.results)
    assert_banners(folder / "out", name)
    assert "INCOMPLETE RUN" in out and f"Stopped by {name}" in out
    assert f"Exit code {128 + signum}" in " ".join(out.split())
    assert "--resume --out out" in err
    return run


def assert_banners(out: Path, name: str) -> None:
    for report in ("matrix.html", "summary.md"):
        text = (out / report).read_text(encoding="utf-8")
        assert "INCOMPLETE RUN" in text and f"Stopped by {name}" in text, report
    rows = (out / "results.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].startswith(",") and ",incomplete,INCOMPLETE RUN," in rows[1]
    data = json.loads((out / "matrix.json").read_text(encoding="utf-8"))
    assert data["run"]["complete"] is False and data["run"]["interrupted"]["by"] == name
    assert data["run"]["banner"].startswith("INCOMPLETE RUN") and data["exit_code"] != 0
    junit = etree.parse(str(out / "junit.xml"), etree.XMLParser(resolve_entities=False)).getroot()
    assert (
        junit.find("testsuite").get("name") == "wechselbar.run"
        and junit.find(".//error[@type='incomplete']") is not None
        and int(junit.get("errors")) >= 1
    )


def ids(run: ResultsFile, vendors: tuple[str, ...] = ("a", "b")) -> list[str]:
    return sorted(r.test_id for r in run.results if r.vendor in vendors)


def assert_resumed(folder: Path, reference: ResultsFile, before: ResultsFile) -> None:
    """``--resume`` runs only what was missing and ends the run; nothing recorded before is run again."""
    code, _, err = finish(start(folder, "--resume", "--quiet"))
    assert code == 0, err[-3000:]
    resumed = read_run(folder / "out" / "results.jsonl")
    assert resumed.complete and resumed.header.interrupted is None
    assert ids(resumed) == ids(reference, tuple(v["id"] for v in resumed.header.vendors))
    assert read_run(folder / "out" / "results.interrupted.jsonl").results == before.results
    assert "INCOMPLETE RUN" not in (folder / "out" / "matrix.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("signum", "after"),
    [(signal.SIGINT, 0), (signal.SIGTERM, 0), (signal.SIGINT, 3), (signal.SIGTERM, 3)],
    ids=["sigint-before-first-check", "sigterm-before-first-check", "sigint-mid-run", "sigterm-mid-run"],
)
def test_a_signal_during_the_checks(
    tmp_path: Path, server: GatedServer, reference: ResultsFile, signum: int, after: int
) -> None:
    (tmp_path / "vendors.toml").write_text(vendors(server), encoding="utf-8")
    run = assert_interrupted(tmp_path, signum, interrupt_at_gate(tmp_path, server, signum, after, 1, False))
    assert (len(run.results) == 0) if after == 0 else (after <= len(run.results) < len(ids(reference, ("a",))))
    assert_resumed(tmp_path, reference, run)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"])
def test_a_signal_while_the_reports_are_written(
    tmp_path: Path, server: GatedServer, reference: ResultsFile, signum: int
) -> None:
    (tmp_path / "vendors.toml").write_text(vendors(server), encoding="utf-8")
    run = assert_interrupted(tmp_path, signum, interrupt_in_reports(tmp_path, signum))
    assert ids(run) == ids(reference, ("a",))
    assert_resumed(tmp_path, reference, run)


@pytest.mark.parametrize(
    ("signum", "group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["sigint-to-the-process-group", "sigterm-to-the-main-process"],
)
def test_a_signal_with_two_workers(
    tmp_path: Path, server: GatedServer, reference: ResultsFile, signum: int, group: bool
) -> None:
    (tmp_path / "vendors.toml").write_text(vendors(server, ("a", "b")), encoding="utf-8")
    run = assert_interrupted(tmp_path, signum, interrupt_at_gate(tmp_path, server, signum, 3, 2, group))
    assert 3 <= len(run.results) < len(reference.results)
    assert_resumed(tmp_path, reference, run)
