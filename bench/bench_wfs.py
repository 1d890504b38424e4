"""WFS 2.0 suite: wall time and requests against MapServer 8 and the WFS test double, beside the bare replay of
the same requests.

Usage: ``python bench/bench_wfs.py [--repeat 3]``. Prints Markdown for the section "WFS 2.0 suite" of
BENCHMARKS.md. The method (recording proxy, bare replay, checks' own time, start-up floor) is in
bench/ows_bench.py. MapServer serves its default map (tests/targets/mapserver_ows.py) behind lighttpd when
installed; the suite runs with its default sampling options.
"""

from __future__ import annotations

from ows_bench import main, with_mapserver

from conformance.demo.wfs_server import WfsTestServer

if __name__ == "__main__":
    main(__doc__, "wfs-2.0", "conformance.suites.wfs", with_mapserver(WfsTestServer, "WFS test double"))
