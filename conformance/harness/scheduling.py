"""Under pytest-xdist, every check of one vendor target runs on the same worker.

A target's memo (the landing page, the OParl crawl) and its health (hosts down, timeouts counted) live in the
worker's process, so its checks must not be spread. xdist's ``loadgroup`` groups by an ``@group`` suffix that it
appends to node ids, which pytest 9 no longer lets it do; this scheduler reads the target from the node id's
parameter instead (the vendor id, with the target index where a vendor has several for one standard).
"""

from __future__ import annotations

from typing import Any

from xdist.scheduler import LoadGroupScheduling


class TargetScheduling(LoadGroupScheduling):  # type: ignore[misc]
    """``--dist loadgroup`` with one work unit per vendor target (and per xdist group where pytest keeps it)."""

    def _split_scope(self, nodeid: str) -> str:
        if nodeid.rfind("@") > nodeid.rfind("]"):
            return nodeid.rsplit("@", 1)[-1]
        if nodeid.endswith("]") and "[" in nodeid:
            return "target:" + nodeid[nodeid.rfind("[") + 1 : -1]
        return nodeid


def make(config: Any, log: Any) -> TargetScheduling:
    """The scheduler for a run with workers."""
    return TargetScheduling(config, log)
