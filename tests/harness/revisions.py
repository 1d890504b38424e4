"""The check revisions of every suite on the contract, recorded with the suite version that shipped them.

``python -m tests.harness.revisions`` records the current revisions in ``check_revisions.json``; it refuses
while the version in ``conformance/__init__.py`` is the one recorded, so a changed check cannot be recorded
without a new suite version (the version results carry, which ``conformance diff`` compares).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conformance import __version__
from conformance.harness.registry import registered
from conformance.harness.suite import checks_of

RECORD = Path(__file__).with_name("check_revisions.json")


def current() -> dict[str, dict[str, int]]:
    """Standard id → requirement URI → the revision of its check, for every suite on the contract."""
    return {
        standard.id: {uri: check.revision for uri, check in sorted(checks_of(entry.suite, standard).items())}
        for entry in registered()
        if entry.suite is not None
        for standard in entry.suite.standards
    }


def recorded() -> dict[str, object]:
    """The record: ``version`` and ``checks`` (as :func:`current` gives them)."""
    data: dict[str, object] = json.loads(RECORD.read_text(encoding="utf-8"))
    return data


def main() -> int:
    """Record the current revisions under the current version; refuse if only the checks changed."""
    old, now = recorded(), current()
    if old["checks"] != now and old["version"] == __version__:
        print(
            f"check revisions changed but the version is still {__version__}: bump conformance.__version__ "
            "and add its CHANGELOG release first",
            file=sys.stderr,
        )
        return 1
    RECORD.write_text(
        json.dumps({"version": __version__, "checks": now}, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
