"""The pytest11 plugin: generates the items of contract suites (one per requirement and vendor target) and
writes the results file.

It is inert unless ``--conformance-vendors`` is given.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conformance.core.config import ConfigError
from conformance.core.interrupt import SIGNALS
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.results import Result, ResultsWriter, read_run
from conformance.harness import registry
from conformance.harness.items import CheckItem, SuiteFile
from conformance.harness.outcome import Verdict, apply_policy, classify, evidence, judged
from conformance.harness.registry import RegistryError
from conformance.harness.runconfig import RunConfig, load_run_config, now
from conformance.harness.suite import ContractError, Suite, checks_of
from conformance.harness.target import TargetContext
from conformance.harness.testreport import RECORD, make_report

MARKER = (
    "requirement(uri, cls, standard, version, obligation, statement, spec_url): "
    "the requirement a conformance check tests"
)


@dataclass
class State:
    """The plugin's state for one pytest session."""

    run: RunConfig
    selected: list[str]
    suites: dict[Path, Suite[Any]]
    writer: ResultsWriter | None = None
    interrupted: str = ""
    signals: bool = False


STATE = pytest.StashKey[State]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """The plugin's command-line options."""
    group = parser.getgroup("wechselbar", "wechselbar conformance")
    group.addoption("--conformance-vendors", metavar="FILE", help="vendors file; activates the plugin")
    group.addoption("--conformance-profile", metavar="FILE", help="profile file (what a tender requires)")
    group.addoption("--conformance-waivers", metavar="FILE", help="waiver file (known deviations)")
    group.addoption("--conformance-results", metavar="FILE", help="results file to write (JSON Lines)")
    group.addoption("--conformance-vendor", action="append", default=[], metavar="ID", help="only this vendor")
    group.addoption("--conformance-standard", action="append", default=[], metavar="ID", help="only this standard")
    group.addoption("--conformance-today", metavar="YYYY-MM-DD", help="date used for waiver expiry")
    group.addoption(
        "--conformance-skip-done",
        metavar="FILE",
        help="results file of an interrupted run: the tests it recorded are not run again",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Load the configuration and, on the controlling process, open the results file."""
    config.addinivalue_line("markers", MARKER)
    vendors = config.getoption("conformance_vendors")
    if not vendors:
        return
    try:
        run = load_run_config(
            Path(vendors),
            _path(config.getoption("conformance_profile")),
            _path(config.getoption("conformance_waivers")),
            tuple(config.getoption("conformance_vendor")),
            _date(config.getoption("conformance_today")),
        )
    except ConfigError as exc:
        raise pytest.UsageError(str(exc)) from exc
    selected = _selected(run, config.getoption("conformance_standard"))
    state = State(run, selected, _contract_suites(selected), signals=SIGNALS.install())
    results = config.getoption("conformance_results")
    if results and not hasattr(config, "workerinput"):
        state.writer = ResultsWriter(Path(results), run.header(selected), run.vendors.redactor)
        config.pluginmanager.register(Recorder(state), "wechselbar-recorder")
    config.stash[STATE] = state


def _contract_suites(selected: list[str]) -> dict[Path, Suite[Any]]:
    """The module file → suite of every contract suite with a selected standard, each checked against its
    catalogue (a requirement without a check, or a check without a requirement, stops the run here)."""
    out: dict[Path, Suite[Any]] = {}
    try:
        for standard_id in selected:
            entry = registry.suite_for(standard_id)
            checks_of(entry.suite, next(s for s in entry.standards if s.id == standard_id))
            if entry.file is not None:
                out[entry.file] = entry.suite
    except (ContractError, RegistryError) as exc:
        raise pytest.UsageError(str(exc)) from exc
    return out


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> SuiteFile | None:
    """The module of a contract suite becomes the collector of its generated items."""
    state = parent.config.stash.get(STATE, None)
    suite = state.suites.get(file_path.resolve()) if state else None
    if state is None or suite is None:
        return None
    return SuiteFile.from_parent(parent, path=file_path, suite=suite, run=state.run, selected=state.selected)


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _selected(run: RunConfig, wanted: list[str]) -> list[str]:
    unknown = sorted(set(wanted) - set(run.standards))
    if unknown:
        raise pytest.UsageError(f"--conformance-standard: unknown standard(s) {', '.join(unknown)}")
    used = {t.standard for v in run.vendors.vendors for t in v.targets}
    return sorted(s for s in used if not wanted or s in wanted)


@pytest.hookimpl(tryfirst=True)  # before xdist's worker hook reads the xdist_group markers
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Refuse unmarked suite tests; keep only the selected standards."""
    unmarked = [i.nodeid for i in items if _in_suite(i) and i.get_closest_marker("requirement") is None]
    if unmarked:
        raise pytest.UsageError("suite tests without a requirement marker: " + ", ".join(unmarked[:5]))
    state = config.stash.get(STATE, None)
    if state is None:
        return
    done = _done(config.getoption("conformance_skip_done"))
    keep = [i for i in items if _standard(i) in (None, *state.selected) and i.nodeid not in done]
    dropped = [i for i in items if i not in keep]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
    if hasattr(config, "workerinput"):
        _group_by_target(items)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """With --dist loadgroup, all checks of one vendor target go to the same worker (see scheduling)."""
    if config.stash.get(STATE, None) is None or config.getoption("dist") != "loadgroup":
        return None
    from conformance.harness import scheduling  # noqa: PLC0415  (xdist is only there when workers run)

    return scheduling.make(config, log)


def _done(results: str | None) -> frozenset[str]:
    """The test ids an interrupted run already recorded (read before xdist adds its group suffixes)."""
    return frozenset(r.test_id for r in read_run(Path(results)).results) if results else frozenset()


def _group_by_target(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (--dist loadgroup) all checks of one vendor target share a worker and its memo."""
    for item in items:
        key = _key(item)
        if key is not None:
            item.add_marker(pytest.mark.xdist_group(f"{key[0]}-{key[1]}"))


def _key(item: pytest.Item) -> tuple[str, int] | None:
    """The vendor target of a generated check item."""
    return item.key if isinstance(item, CheckItem) else None


def _in_suite(item: pytest.Item) -> bool:
    return "conformance/suites/" in str(item.path).replace("\\", "/")


def _standard(item: pytest.Item) -> str | None:
    marker = item.get_closest_marker("requirement")
    return marker.kwargs["standard"] if marker else None


def _context(item: pytest.Item) -> TargetContext | None:
    state = item.config.stash.get(STATE, None)
    key = _key(item)
    return None if state is None or key is None else state.run.context(key)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Start the evidence log and the per-test deadline. A check of a class the vendors file does not claim
    ends here, before any fixture runs: not applicable, or a fail when the profile requires the class. So does
    every check of a target that stopped answering (an error, with the same reason for each)."""
    context = _context(item)
    _log_start(item, context.vendor.http.test_deadline if context else None)
    marker = item.get_closest_marker("requirement")
    if context is not None and marker is not None and context.target.claims is not None:
        context.require_claim(marker.kwargs["standard"], marker.kwargs["cls"])
    if context is not None:
        context.http.health.check()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    """The deadline and the exchanges of a test end with it: nothing after it runs under its clock."""
    _log_start(item, None)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport | None:
    """For requirement checks: the Result as a report (setup errors and the call); others as usual."""
    context = _context(item)
    if context is None or not (call.when == "call" or (call.when == "setup" and call.excinfo is not None)):
        return None
    redactor = item.config.stash[STATE].run.vendors.redactor
    return make_report(item, call, Result.from_json(redactor.deep(_result(item, call, context).to_json())), redactor)


def _log_start(item: pytest.Item, seconds: float | None) -> None:
    """Begin a test in the run's exchange log: earlier exchanges forgotten, the deadline set (or cleared)."""
    state = item.config.stash.get(STATE, None)
    if state is not None:
        state.run.log.start(seconds)


def _test_name(item: pytest.Item) -> str:
    """The node id without the ``@<group>`` suffix that pytest-xdist adds, so runs with and without workers agree."""
    marker = item.get_closest_marker("xdist_group")
    suffix = f"@{marker.args[0]}" if marker and marker.args else ""
    return item.nodeid.removesuffix(suffix) if suffix else item.nodeid


def _result(item: pytest.Item, call: pytest.CallInfo[None], context: TargetContext) -> Result:
    state = item.config.stash[STATE]
    marker = item.get_closest_marker("requirement")
    assert marker is not None
    meta = marker.kwargs
    verdict = _verdict(item, call)
    found, exchanges = evidence(list(verdict.violations), state.run.log.exchanges, verdict.outcome, meta["uri"])
    checked = item if isinstance(item, CheckItem) else None
    notes = [
        *(checked.context.notes if checked and checked.context else ()),
        *verdict.notes,
    ]
    result = Result(
        vendor=context.vendor.id,
        standard=meta["standard"],
        standard_version=meta["version"],
        cls=meta["cls"],
        requirement=meta["uri"],
        obligation=Obligation(meta["obligation"]),
        statement=meta["statement"],
        spec_url=meta.get("spec_url", ""),
        outcome=verdict.outcome,
        test_id=_test_name(item),
        target=context.target.display,
        reason=verdict.reason,
        duration_ms=round(call.duration * 1000, 1),
        findings=found,
        exchanges=exchanges,
        notes=tuple(dict.fromkeys(notes)),
        examined=verdict.examined,
        findings_omitted=verdict.omitted,
        revision=checked.check.revision if checked else None,
    )
    return apply_policy(result, state.run.profile, state.run.waivers, state.run.today)


def _verdict(item: pytest.Item, call: pytest.CallInfo[None]) -> Verdict:
    """From the judgement of a generated item, or from what a test (or its setup) raised."""
    if isinstance(item, CheckItem) and call.excinfo is None and item.judgement is not None:
        return judged(item.judgement)
    verdict = classify(call.excinfo)
    if call.when == "setup" and verdict.outcome is Outcome.FAIL and not verdict.violations:
        return Verdict(Outcome.ERROR, verdict.reason)
    return verdict


class Recorder:
    """Registered on the controlling process only: appends each result record as soon as it arrives, and notes
    an interruption (SIGINT, SIGTERM, an xdist worker's, or a session stopped early) so the run is not stamped
    finished."""

    def __init__(self, state: State) -> None:
        self.state = state

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Write the records attached to a report (from this process or an xdist worker)."""
        for name, value in report.user_properties:
            if name == RECORD and self.state.writer is not None:
                self.state.writer.add(Result.from_json(json.loads(str(value))))

    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        """The session ends because of a signal or a worker's interruption."""
        self.state.interrupted = self.state.interrupted or SIGNALS.name() or str(excinfo.value) or "SIGINT"

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """A session stopped early (``-x``, ``--maxfail``) did not run every check."""
        stopped = session.shouldstop or session.shouldfail
        self.state.interrupted = self.state.interrupted or (str(stopped) if stopped else "")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Close the results file and stamp its end time, or mark it interrupted; give the signals back."""
    state = config.stash.get(STATE, None)
    if state is None:
        return
    state.run.log.start(None)
    if state.writer is not None:
        if state.interrupted:
            state.writer.interrupt(now(), state.interrupted)
        else:
            state.writer.finish(now())
        state.writer = None
    if state.signals:
        SIGNALS.restore()
        state.signals = False
