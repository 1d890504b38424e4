"""How ``pytest -n N`` spreads the test files over its workers (``--dist load``, what ``-n`` picks, or ``loadfile``).

A file is one work unit, so a module-scoped fixture (a suite run against a server or a double) runs once, not
once per worker. Files that use the same slow-starting real server (fixtures of :mod:`tests.targets`) form one
unit, so that server starts once per run. The units known to run longest go first, the longest first (``LONG``),
then the units that start processes, the largest first; a worker that is still busy with such a unit takes the
smallest unit left as its next one, so two expensive units do not queue on one worker while the other runs out of
work.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from xdist.scheduler import LoadFileScheduling

# fixture → the server it starts, for servers whose start-up costs more than their files gain from two workers
# (a database set up, migrated or loaded first). pygeoapi with PostGIS and FROST need the PostGIS cluster: one
# unit for all three. pygeoapi and MapServer start in seconds: their files stay units of their own.
SERVERS = {
    "pygeoapi_postgis_url": "postgis",
    "frost_url": "postgis",
    "postgis": "postgis",
    "pycsw_url": "pycsw",
    "sensorthings_url": "sensorthings",
    "installed_demo": "demo",  # one demo run from the installed wheel, read by test_wheel.py and test_demo.py
}
# Units that run longest, with their rough length in seconds (relative figures from per-file durations). They start
# first, the longest first: a unit ranked by its number of tests would start one-test units such as the clean clone
# last, and the run would end with one worker alone on it. Other units follow by whether they start processes and size.
LONG = {
    "tests/harness/test_clean_clone.py": 300,  # two pip installs and the demo from a clean clone
    "server:demo": 280,  # sdist, wheel, fresh environment, the demo; its report measured in Chromium
    "tests/hostile/test_hostile_vendors.py": 260,  # six runs against stuck, refusing and broken servers
    "tests/suites/test_oparl_suite.py": 240,
    "tests/suites/test_ngsild_double.py": 230,
    "server:postgis": 200,  # the PostGIS cluster, FROST-Server, pygeoapi on PostGIS
    "tests/suites/test_ogcapi_query_double.py": 150,
    "tests/suites/test_sensorthings_double.py": 150,
    "tests/suites/test_wms_double.py": 120,
    "tests/suites/test_ogcapi_features_double.py": 90,
    "tests/suites/test_xrechnung_suite.py": 90,
    "tests/suites/test_dcat_ap_de_engine.py": 50,  # pyshacl on every DCAT-AP.de requirement's negative control
}
USES_SERVER = re.compile(r"\b(" + "|".join(SERVERS) + r")\b")
STARTS_PROCESSES = re.compile(r"\bsubprocess\b|\bPopen\b|\brunning\(|\bserve\(|\.start\(\)|mark\.slow")
EXPENSIVE = 10_000


class ServerFileScheduling(LoadFileScheduling):  # type: ignore[misc]
    """``--dist loadfile`` with one unit per real server and the expensive units spread first."""

    def __init__(self, config: Any, log: Any = None) -> None:
        super().__init__(config, log)
        self.root = Path(config.rootpath)

    def _split_scope(self, nodeid: str) -> str:
        file = nodeid.split("::", 1)[0]
        server = _server(self.root / file)
        return f"server:{server}" if server else file

    def _assign_work_unit(self, node: Any) -> None:
        """Give the node the most expensive unit left, or the cheapest while it still runs an expensive one."""
        busy = any(self._weight(s, u) >= EXPENSIVE and not all(u.values()) for s, u in self.assigned_work[node].items())
        ranked = sorted(self.workqueue.items(), key=lambda item: self._weight(*item))
        scope, _ = ranked[0] if busy else ranked[-1]
        self.workqueue.move_to_end(scope, last=False)
        super()._assign_work_unit(node)

    def _weight(self, scope: str, unit: dict[str, bool]) -> int:
        expensive = scope.startswith("server:") or _starts_processes(self.root / scope)
        return LONG.get(scope, 0) * EXPENSIVE + len(unit) + (EXPENSIVE if expensive else 0)


@cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def _server(path: Path) -> str | None:
    found = USES_SERVER.search(_text(path))
    return SERVERS[found[1]] if found else None


def _starts_processes(path: Path) -> bool:
    return STARTS_PROCESSES.search(_text(path)) is not None


def make(config: Any, log: Any) -> ServerFileScheduling | None:
    """The scheduler for ``--dist load`` (what ``-n`` picks) and ``loadfile``; other modes keep xdist's own.

    Not set in pyproject.toml's addopts: suite runs started by the tests read that file with ``-p no:xdist``.
    """
    return ServerFileScheduling(config, log) if config.getoption("dist") in {"load", "loadfile"} else None
