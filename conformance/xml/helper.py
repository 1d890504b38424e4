"""The helper process of ``parallel``: runs the first Schematron stylesheet of each document it is sent.

Started as ``python -m conformance.xml.helper``: reads (ticket, length, document bytes) from standard input and writes
(ticket, key, SVRL) to its original standard output; anything else written to standard output goes to standard
error. A document it cannot handle (no single scenario, a failing step) is answered without a key, so the caller
runs the step itself and reports the problem. The helper ends when its input closes.
"""

from __future__ import annotations

import os
import sys
from multiprocessing.connection import Connection
from typing import BinaryIO

from conformance.xml import saxon
from conformance.xml.parallel import HEADER, Key, key
from conformance.xml.scenarios import selector


def first_step(data: bytes) -> tuple[Key | None, str]:
    """The key and SVRL of the first stylesheet of the scenario (default selector) that takes the document."""
    try:
        node = saxon.parse(data)
        scenario = selector().select(node)
        if not scenario.schematron:
            return None, ""
        rule = scenario.config.stylesheet(scenario.schematron[0][1])
        return key(scenario.config.id, scenario.name, rule), rule.run(node)
    except Exception:  # the caller runs the step itself and reports the problem
        return None, ""


def serve(requests: BinaryIO, answers: Connection) -> None:
    """Answer every request until the input closes."""
    while len(header := requests.read(HEADER.size)) == HEADER.size:
        ticket, size = HEADER.unpack(header)
        data = requests.read(size)
        if len(data) < size:
            return
        answers.send((ticket, *first_step(data)))


def main() -> None:
    """Serve on the process's standard input and output (output moved off fd 1 first)."""
    out = os.dup(1)
    os.dup2(2, 1)
    serve(sys.stdin.buffer, Connection(out, readable=False))


if __name__ == "__main__":
    main()
