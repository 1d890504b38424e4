"""One live progress display on stderr while a run lasts, fed by pytest hooks on the controlling process.

pytest's own output (dots, tracebacks) never reaches the terminal here: the run captures it and shows it only on
request (``-v``). The display is a bar with checks done of collected and the elapsed time, and one status line:
how many standards and vendor targets the run covers, the target at work and the outcomes so far.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, NamedTuple

import pytest
from rich.console import Console, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.text import Text

from conformance.harness.testreport import RECORD
from conformance.reporting.i18n import counted

OUTCOMES = ("pass", "fail", "error", "waived", "not_applicable", "skip")


class Words(NamedTuple):
    """The display's own words in one language; counted ones as (singular, plural)."""

    checks: str
    collecting: str
    standards: tuple[str, str]
    targets: tuple[str, str]
    last: str


WORDS = {
    "de": Words("Prüfungen", "Prüfungen werden gesammelt", ("Standard", "Standards"), ("Ziel", "Ziele"), "zuletzt"),
    "en": Words("checks", "collecting checks", ("standard", "standards"), ("target", "targets"), "last"),
}


@dataclass(frozen=True)
class Scope:
    """What the run covers, known before pytest starts."""

    standards: int
    targets: int
    lang: str = "de"


class _Display(RichProgress):
    """A rich progress bar with a status line below it."""

    status: Text = Text()

    def get_renderables(self) -> Iterable[RenderableType]:
        """The bar, then the status line."""
        yield self.make_tasks_table(self.tasks)
        yield self.status


class Progress:
    """Counts finished requirement checks against the number collected; shown on stderr, off when disabled."""

    def __init__(self, scope: Scope, enabled: bool = True, console: Console | None = None) -> None:
        self.scope = scope
        self.counts: Counter[str] = Counter()
        self.last = ""
        self.words = WORDS.get(scope.lang, WORDS["en"])
        self.bar = _Display(
            SpinnerColumn(finished_text="✔"),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            disable=not enabled,
            transient=False,
            redirect_stdout=False,
        )
        self.task = self.bar.add_task(self.words.collecting, total=None)
        self._show_status()

    def __enter__(self) -> Progress:
        self.bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.last = ""
        self._show_status()
        self.bar.stop()

    def status_line(self) -> str:
        """``4 Standards · 12 Ziele · 120 erfüllt · 3 nicht erfüllt · zuletzt geomax · oparl-1.1``."""
        parts = [_counted(self.words.standards, self.scope.standards), _counted(self.words.targets, self.scope.targets)]
        parts += [counted(o, self.counts[o], self.scope.lang) for o in OUTCOMES if self.counts[o]]
        parts += [f"{self.words.last} {self.last}"] if self.last else []
        return " · ".join(parts)

    def _show_status(self) -> None:
        self.bar.status = Text(self.status_line(), style="dim")

    def _total(self, total: int) -> None:
        self.bar.update(self.task, total=total, description=self.words.checks)

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        """Total without xdist."""
        self._total(len(items))

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        """Total with xdist (every worker collects the same items)."""
        self._total(len(ids))

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Advance by one for every result record."""
        for name, value in report.user_properties:
            if name == RECORD:
                record = json.loads(str(value))
                self.counts[str(record.get("outcome"))] += 1
                self.last = f"{record.get('vendor')} · {record.get('standard')}"
                self._show_status()
                self.bar.update(self.task, advance=1)


def _counted(forms: tuple[str, str], n: int) -> str:
    return f"{n} {forms[n != 1]}"
