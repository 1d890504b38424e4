"""The test scheduler: one unit per file or slow-starting server, expensive units first, never two on one worker."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests import scheduling
from tests.scheduling import ServerFileScheduling

FILES = {
    "test_light.py": "def test_a(): pass\n",
    "test_heavy.py": "import subprocess\n",
    "test_double.py": "server.start()\n",
    "test_db_a.py": "def test_a(postgis): pass\n",
    "test_db_b.py": "def test_b(frost_url): pass\n",
    "test_sta.py": "def test_c(sensorthings_url): pass\n",
}
COUNTS = {"test_light.py": 40, "test_heavy.py": 3, "test_double.py": 1, "test_db_a.py": 2, "test_db_b.py": 2}
COUNTS |= {"test_sta.py": 5}


class Node:
    """A worker as the scheduler sees it: it records the test indices it is sent."""

    shutting_down = False
    gateway = SimpleNamespace(id="gw")

    def __init__(self) -> None:
        self.sent: list[list[int]] = []

    def send_runtest_some(self, indices: list[int]) -> None:
        self.sent.append(list(indices))

    def shutdown(self) -> None:
        self.shutting_down = True


def scheduler(tmp_path: Path) -> tuple[ServerFileScheduling, list[str], list[Node]]:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    config: Any = SimpleNamespace(rootpath=tmp_path, getvalue=lambda name: ["2*popen"], option=SimpleNamespace())
    config.option.loadscopereorder = True
    sched = ServerFileScheduling(config)
    ids = [f"{name}::test_{i}" for name, n in COUNTS.items() for i in range(n)]
    nodes = [Node(), Node()]
    for node in nodes:
        sched.add_node(node)
        sched.add_node_collection(node, ids)
    return sched, ids, nodes


def units(sent: list[int], ids: list[str], sched: ServerFileScheduling) -> list[str]:
    return list(dict.fromkeys(sched._split_scope(ids[i]) for i in sent))


def test_files_sharing_a_slow_server_are_one_unit_and_others_one_per_file(tmp_path: Path) -> None:
    sched, _, _ = scheduler(tmp_path)
    assert sched._split_scope("test_db_a.py::test_0") == sched._split_scope("test_db_b.py::test_1") == "server:postgis"
    assert sched._split_scope("test_sta.py::test_0") == "server:sensorthings"
    assert sched._split_scope("test_light.py::test_3") == "test_light.py"
    assert sched._split_scope("test_heavy.py::test_0") != sched._split_scope("test_double.py::test_0")


def test_expensive_units_go_first_and_a_busy_worker_takes_the_cheapest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scheduling, "LONG", {})
    sched, ids, nodes = scheduler(tmp_path)
    sched.schedule()
    first = [units(node.sent[0], ids, sched) for node in nodes]
    assert first == [["server:sensorthings"], ["server:postgis"]], "the largest expensive units, one per worker"
    for index in nodes[0].sent[0][:3]:  # two tests of its unit left: the worker asks for more
        sched.mark_test_complete(nodes[0], index)
    assert len(nodes[0].sent) == 2
    assert units(nodes[0].sent[-1], ids, sched) == ["test_light.py"], "the cheapest unit, not a second expensive one"
    for index in nodes[1].sent[0][:2]:
        sched.mark_test_complete(nodes[1], index)
    assert units(nodes[1].sent[-1], ids, sched) == ["test_double.py"], "the cheapest unit left"
    every = [i for node in nodes for batch in node.sent for i in batch]
    assert len(every) == len(set(every)), "no test is sent twice"


def test_the_units_known_to_run_longest_start_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scheduling, "LONG", {"test_double.py": 300, "server:postgis": 200})
    sched, ids, nodes = scheduler(tmp_path)
    sched.schedule()
    first = [units(node.sent[0], ids, sched) for node in nodes]
    assert first == [["test_double.py"], ["server:postgis"]], "one test, but the longest unit: it starts first"


def test_the_installed_demo_makes_the_wheel_and_demo_tests_one_unit() -> None:
    root = Path(__file__).resolve().parent.parent
    config: Any = SimpleNamespace(rootpath=root, getvalue=lambda name: ["2*popen"], option=SimpleNamespace())
    sched = ServerFileScheduling(config)
    wheel = sched._split_scope("tests/harness/test_wheel.py::test_x")
    assert wheel == sched._split_scope("tests/harness/test_demo.py::test_y") == "server:demo"
    named = [scope for scope in scheduling.LONG if not scope.startswith("server:")]
    assert named and all((root / scope).is_file() for scope in named), "every long unit names a test file"
