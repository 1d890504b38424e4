"""CSW 2.0.2 suite: wall time and requests against pycsw 2.6.2 and the CSW test double, beside the bare replay of
the same requests.

Usage: ``python bench/bench_csw.py [--repeat 3]``. Prints Markdown for the section "CSW 2.0.2 suite" of
BENCHMARKS.md. The method (recording proxy, bare replay, checks' own time, start-up floor) is in
bench/ows_bench.py. pycsw runs under gunicorn with 2 workers (tests/targets/pycsw.py) when installed.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from ows_bench import main

from conformance.demo.csw_server import CswTestServer
from tests.targets import pycsw


def targets(stack: ExitStack, folder: Path) -> dict[str, str]:
    """The CSW double and, when installed, pycsw: name -> URL."""
    double = CswTestServer({"double": frozenset()}).start()
    stack.callback(double.stop)
    found = {"CSW test double": double.url("double") + "/"}
    venv = pycsw.venv()
    if venv is not None:
        (folder / "pycsw").mkdir()
        found["pycsw 2.6.2"] = stack.enter_context(pycsw.serve(venv, folder / "pycsw"))
    return found


if __name__ == "__main__":
    main(__doc__, "csw-2.0.2", "conformance.suites.csw", targets)
