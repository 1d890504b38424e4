"""Schematron steps of one large document side by side: the extra steps run in a helper process.

Saxon does not run two transformations of one process in parallel, so for a large document (a
20,000-line invoice) the second stylesheet runs in a spawned helper that parses the document itself.
The helper lives as long as the process and keeps its compiled stylesheets. Small documents, and
machines with one core, run the steps one after the other.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from pathlib import Path
from typing import Any

from conformance.xml import saxon
from conformance.xml.schematron import Rules

THRESHOLD = 4 * 1024 * 1024


def worth_it(size: int, steps: int) -> bool:
    """Whether a document is large enough, and the machine wide enough, to run its steps side by side."""
    return steps > 1 and size >= THRESHOLD and (os.cpu_count() or 1) > 1


@cache
def _helper() -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    return pool


def _remote(stylesheet: str, data: bytes) -> str:
    return Rules(Path(stylesheet).stem, Path(stylesheet)).run(saxon.parse(data))


def run_all(rules: Sequence[Rules], node: Any, data: bytes) -> list[str]:
    """The SVRL of every stylesheet: the first here, the others in the helper process at the same time."""
    if not worth_it(len(data), len(rules)):
        return [r.run(node) for r in rules]
    try:
        remote: list[Future[str]] = [_helper().submit(_remote, str(r.xslt), data) for r in rules[1:]]
    except BrokenProcessPool:
        _helper.cache_clear()
        return [r.run(node) for r in rules]
    first = rules[0].run(node)
    return [first, *(_result(future, rule, node) for future, rule in zip(remote, rules[1:], strict=True))]


def _result(future: Future[str], rule: Rules, node: Any) -> str:
    """The helper's SVRL; if the helper itself died, the step runs here instead."""
    try:
        return future.result()
    except BrokenProcessPool:
        _helper.cache_clear()
        return rule.run(node)
