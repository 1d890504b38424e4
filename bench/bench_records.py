"""OGC API – Records suite: wall time and requests against pygeoapi 0.21 (records only) and the Records test
double, beside the bare replay of the same requests.

Usage: ``python bench/bench_records.py [--repeat 3]``. Prints Markdown for the section "OGC API – Records suite"
of BENCHMARKS.md. The method (recording proxy, bare replay, checks' own time, start-up floor) is in
bench/ows_bench.py; the proxy rewrites the servers' absolute links to itself, so paging and single records pass
through it too. pygeoapi runs under gunicorn with 2 workers (tests/targets/pygeoapi.py) when installed.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from ows_bench import main

from conformance.demo.records_server import RecordsServer
from tests.targets import pygeoapi


def targets(stack: ExitStack, folder: Path) -> dict[str, str]:
    """The Records double and, when installed, pygeoapi serving the TinyDB catalogue: name -> URL."""
    double = RecordsServer({"double": frozenset()}).start()
    stack.callback(double.stop)
    found = {"Records test double": double.url("double")}
    venv = pygeoapi.venv()
    if venv is not None:
        (folder / "pygeoapi").mkdir()
        found["pygeoapi 0.21.0"] = stack.enter_context(pygeoapi.serve(venv, folder / "pygeoapi", catalogue=True))
    return found


if __name__ == "__main__":
    main(__doc__, "ogcapi-records-1", "conformance.suites.ogcapi_records", targets, rewrite=True)
