"""A rich progress display for long runs, fed by pytest hooks on the controlling process."""

from __future__ import annotations

from types import TracebackType
from typing import Any

import pytest
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

RECORD = "wechselbar-result"


class Progress:
    """Counts finished requirement checks against the number collected; shown on stderr."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.counts: dict[str, int] = {}
        self.bar = RichProgress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[tally]}"), TimeElapsedColumn(),
            console=Console(stderr=True), disable=not enabled, transient=False)
        self.task = self.bar.add_task("checks", total=None, tally="")

    def __enter__(self) -> Progress:
        self.bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.bar.stop()

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        """Total without xdist."""
        self.bar.update(self.task, total=len(items))

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        """Total with xdist (every worker collects the same items)."""
        self.bar.update(self.task, total=len(ids))

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Advance by one for every result record."""
        for name, value in report.user_properties:
            if name == RECORD:
                outcome = str(value).split('"outcome": "', 1)[1].split('"', 1)[0]
                self.counts[outcome] = self.counts.get(outcome, 0) + 1
                tally = " ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
                self.bar.update(self.task, advance=1, tally=tally)
