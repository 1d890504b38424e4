"""``conformance run`` stopped by SIGINT or SIGTERM: the results are marked interrupted and every report says so.

Whatever the signal cut short (starting up, a check, the reports), the results file ends up with an
``interrupted`` header (created if the run had not written one yet), a resumed run's records are joined with
the ones set aside, and the reports are written again from it with the incomplete banner. A second signal stops
the reports but never the marking. The exit code is 128 + the signal's number; ``--resume`` finishes the run.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from conformance.commands import resume
from conformance.commands.common import ERR
from conformance.core.interrupt import SIGNALS, Interrupted, exit_code
from conformance.core.results import Header, read_header, restamp
from conformance.core.secrets import Redactor
from conformance.harness.runconfig import now
from conformance.reporting.files import FORMATS
from conformance.reporting.i18n import Labels


@dataclass
class Stage:
    """Where a run stands: its results file, the header it starts with, and the records set aside to resume."""

    results: Path
    header: Header
    redactor: Redactor
    lang: str
    aside: Path | None = None

    def combine(self) -> None:
        """Join the set-aside records into the results (once)."""
        if self.aside is not None:
            with SIGNALS.critical():
                resume.combine(self.aside, self.results)
                self.aside = None


def clear(out: Path, keep_aside: bool) -> None:
    """Remove what an earlier run left in the folder (results, reports), so nothing stale is read as this run."""
    names = ["results.jsonl", *(name for name, _ in FORMATS.values())]
    names += [] if keep_aside else [resume.INTERRUPTED]
    for name in names:
        (out / name).unlink(missing_ok=True)


Finish = Callable[[Path, Path, str, int], int]


def stopped(stage: Stage, signum: int, finish: Finish) -> int:
    """Mark the run interrupted, write the reports (``finish``) unless a second signal comes, and return
    128 + the signal's number."""
    mark(stage, signal.Signals(signum).name)
    stage.combine()
    out = stage.results.parent
    for name, _ in FORMATS.values():
        (out / name).unlink(missing_ok=True)
    t = Labels(stage.lang)
    code = exit_code(signum)
    try:
        finish(stage.results, out, stage.lang, code)
    except Interrupted:
        ERR.print(t("interrupted.noreports"), highlight=False, soft_wrap=True)
    ERR.print(t("interrupted.resume", out=str(out)), highlight=False, soft_wrap=True, markup=False)
    return code


def mark(stage: Stage, by: str) -> None:
    """Stamp the results header as interrupted (kept if the plugin stamped it already)."""
    with SIGNALS.critical():
        header = read_header(stage.results) or stage.header
        if header.interrupted is None:
            restamp(stage.results, replace(header, finished=None, interrupted={"at": now(), "by": by}), stage.redactor)
