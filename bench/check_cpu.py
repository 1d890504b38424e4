"""CPU time spent inside the checks of one ``conformance run``, and by the whole process: load-robust figures.

Usage: ``python bench/check_cpu.py run --vendors FILE --out DIR --quiet`` (any ``conformance`` arguments). Prints
``<seconds of CPU in the checks> <seconds of CPU of the process>`` on stderr. The checks' time is the CPU time of
the thread that runs them (``time.thread_time``), summed over every check item: unlike wall time, it does not grow
while other processes hold the cores, nor with the target's answering time. With ``PYTHONPATH=DIR`` it measures
another checkout.
"""

from __future__ import annotations

import contextlib
import resource
import sys
import time
from typing import Any

from conformance.cli import main
from conformance.harness import items

SPENT = [0.0]
RUNTEST = items.CheckItem.runtest


def timed(item: Any) -> None:
    """Run one check item, adding its thread's CPU time."""
    began = time.thread_time()
    try:
        RUNTEST(item)
    finally:
        SPENT[0] += time.thread_time() - began


if __name__ == "__main__":
    items.CheckItem.runtest = timed  # type: ignore[method-assign]
    with contextlib.suppress(SystemExit):
        main(sys.argv[1:], standalone_mode=False)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"{SPENT[0]:.3f} {usage.ru_utime + usage.ru_stime:.3f}", file=sys.stderr)
