"""JSON from a vendor, read so that hostile nesting is a clear parse problem and never a crash of the harness.

The standard library parser recurses once per nesting level; a body of a few kilobytes of ``[[[[…`` exhausts
the interpreter's recursion limit. :func:`loads` turns that into a ``ValueError`` like any other unreadable
body, so the suites report it as a finding of the response ("not JSON: …") with its evidence.
"""

from __future__ import annotations

import json
from typing import Any

NESTING = "the JSON is nested too deeply to be read (hundreds of levels of arrays or objects)"


def loads(data: bytes | str) -> Any:
    """Parse JSON; malformed or too deeply nested input raises ``ValueError``."""
    try:
        return json.loads(data)
    except RecursionError as exc:
        raise ValueError(NESTING) from exc
