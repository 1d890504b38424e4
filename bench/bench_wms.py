"""WMS 1.3.0 suite: wall time and requests against MapServer 8 and the WMS test double, beside the bare replay of
the same requests.

Usage: ``python bench/bench_wms.py [--repeat 3]``. Prints Markdown for the section "WMS 1.3.0 suite" of
BENCHMARKS.md. The method (recording proxy, bare replay, checks' own time, start-up floor) is in
bench/ows_bench.py. MapServer serves its default map (tests/targets/mapserver_ows.py) behind lighttpd when
installed; the suite runs with its default sampling options.
"""

from __future__ import annotations

from ows_bench import main, with_mapserver

from conformance.demo.wms_server import WmsTestServer

if __name__ == "__main__":
    main(__doc__, "wms-1.3.0", "conformance.suites.wms", with_mapserver(WmsTestServer, "WMS test double"))
