"""``conformance run --resume``: finish an interrupted run without repeating what it already recorded.

The interrupted run's records are set aside in ``results.interrupted.jsonl`` (kept, never overwritten: a run
interrupted again is folded into it first), the tests they cover are deselected, and when the rest has run the
two are joined into ``results.jsonl``. Only a run of the same configuration files can be resumed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from conformance.core.results import ResultsFile, read_run, write_run
from conformance.reporting.merge import merge_runs

INTERRUPTED = "results.interrupted.jsonl"


def prepare(results: Path, config: dict[str, Any]) -> Path:
    """Check the interrupted run in ``results`` and set it aside; returns the file that now holds it."""
    aside = results.with_name(INTERRUPTED)
    if not results.exists() and not aside.exists():
        raise click.UsageError(f"nothing to resume: {results} does not exist")
    current = read_run(results) if results.exists() else None
    if current is not None and current.complete:
        raise click.UsageError(f"{results} holds a finished run; resume only an interrupted one")
    prior = _recorded(current, aside)
    changed = [
        role
        for role in sorted(set(config) | set(prior.header.config))
        if _digest(config, role) != _digest(prior.header.config, role)
    ]
    if changed:
        raise click.UsageError(f"the {', '.join(changed)} file changed since the interrupted run; start a new run")
    write_run(aside, prior)
    results.unlink(missing_ok=True)
    return aside


def combine(aside: Path, results: Path) -> None:
    """Join the set-aside records and the resumed run into ``results`` (the resumed run's end, or its
    interruption, counts)."""
    prior, resumed = read_run(aside), read_run(results)
    head = resumed.header
    ended = ResultsFile(
        replace(prior.header, finished=head.finished, interrupted=head.interrupted), prior.results, prior.problems
    )
    write_run(results, merge_runs([ended, resumed]).run)


def _recorded(current: ResultsFile | None, aside: Path) -> ResultsFile:
    runs = [read_run(aside)] if aside.exists() else []
    runs += [current] if current is not None else []
    return runs[0] if len(runs) == 1 else merge_runs(runs).run


def _digest(config: dict[str, Any], role: str) -> str:
    return str((config.get(role) or {}).get("sha256", ""))
