"""``conformance run``: run the suites for the vendors file and write the results file and every report."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from conformance.commands.common import ENVIRONMENT, ERR, LANG, QUIET, VERBOSE, config_errors, default_out
from conformance.core.exitcodes import EXIT_ERROR, EXIT_USAGE
from conformance.core.interrupt import SIGNAL_EXIT, SIGNALS, Interrupted
from conformance.core.interrupt import exit_code as signal_exit_code

if TYPE_CHECKING:
    from conformance.commands.progress import Scope
    from conformance.commands.stop import Stage
    from conformance.harness.runconfig import RunConfig

PYTEST_INTERNAL_ERROR, PYTEST_USAGE_ERROR = 3, 4  # pytest.ExitCode, without importing pytest for a config error


@dataclass(frozen=True)
class RunRequest:
    """What to run, as given on the command line."""

    vendors: Path
    profile: Path | None
    waivers: Path | None
    vendor_ids: tuple[str, ...]
    standards: tuple[str, ...]
    out: Path
    workers: int
    lang: str
    quiet: bool = False
    resume: bool = False
    verbose: int = 0


EPILOG = f"""\b
Exit codes:
  0  every requirement the profile marks as required passed
     (without a profile: nothing failed)
  1  some requirement failed
  2  usage or configuration error (the message names the file and the key)
  3  errors (unreachable vendor, timeout, harness fault) or an interrupted
     run kept a verdict from being reached
  130, 143  stopped by SIGINT (Ctrl-C) or SIGTERM: marked interrupted,
     finish it with --resume

{ENVIRONMENT}
"""


@click.command("run", epilog=EPILOG)
@click.option("--vendors", "vendors", type=click.Path(path_type=Path), required=True, help="vendors file")
@click.option("--profile", type=click.Path(path_type=Path), help="profile file (what a tender requires)")
@click.option("--waivers", type=click.Path(path_type=Path), help="waiver file (known deviations)")
@click.option("--vendor", "vendor_ids", multiple=True, metavar="ID", help="only these vendors")
@click.option("--standard", "standards", multiple=True, metavar="ID", help="only these standards")
@click.option("--out", type=click.Path(path_type=Path), help="output folder [reports/run-<time>]")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="parallel workers")
@QUIET
@VERBOSE
@click.option("--resume", is_flag=True, help="finish the interrupted run in --out without repeating its records")
@LANG
@config_errors
def command(
    vendors: Path,
    profile: Path | None,
    waivers: Path | None,
    vendor_ids: tuple[str, ...],
    standards: tuple[str, ...],
    out: Path | None,
    workers: int,
    lang: str,
    quiet: bool,
    verbose: int,
    resume: bool,
) -> None:
    """Run the conformance suites and write the results file and all reports."""
    if resume and out is None:
        raise click.UsageError("--resume needs --out: the folder of the interrupted run")
    request = RunRequest(
        vendors, profile, waivers, vendor_ids, standards, out or default_out(), workers, lang, quiet, resume, verbose
    )
    SIGNAL_EXIT.arm()
    with SIGNALS.installed():
        try:
            code = execute(request)
        except Interrupted as exc:  # while the configuration loaded: nothing was written yet
            code = signal_exit_code(exc.signum)
    SIGNAL_EXIT.use(code)
    raise SystemExit(code)


def execute(request: RunRequest) -> int:
    """Run pytest in-process, then derive the reports; returns the exit code (130/143 after SIGINT/SIGTERM)."""
    from conformance.harness.runconfig import load_run_config  # noqa: PLC0415

    run = load_run_config(request.vendors, request.profile, request.waivers, request.vendor_ids)
    unknown = sorted(set(request.standards) - set(run.standards))
    if unknown:
        ERR.print(f"error: unknown standard(s): {', '.join(unknown)}")
        return EXIT_USAGE
    used = sorted({t.standard for v in run.vendors.vendors for t in v.targets})
    selected = [s for s in used if not request.standards or s in request.standards]
    if not selected:
        ERR.print(f"error: no vendor in {request.vendors} has a target for {', '.join(request.standards)}")
        return EXIT_USAGE
    return _run(request, run, selected)


def _run(request: RunRequest, run: RunConfig, selected: list[str]) -> int:
    from conformance.commands.progress import Scope  # noqa: PLC0415
    from conformance.commands.stop import Stage, stopped  # noqa: PLC0415

    stage = Stage(request.out / "results.jsonl", run.header(selected), run.vendors.redactor, request.lang)
    targets = sum(t.standard in selected for v in run.vendors.vendors for t in v.targets)
    with SIGNALS.installed():
        try:
            return _stages(request, selected, stage, Scope(len(selected), targets, request.lang))
        except Interrupted as exc:
            return stopped(stage, SIGNALS.received or exc.signum, finish)


def _stages(request: RunRequest, selected: list[str], stage: Stage, scope: Scope) -> int:
    from conformance.commands import resume  # noqa: PLC0415
    from conformance.commands.stop import clear  # noqa: PLC0415

    with SIGNALS.critical():
        stage.aside = resume.prepare(stage.results, stage.header.config) if request.resume else None
        clear(request.out, keep_aside=request.resume)
    code, captured = _pytest(request, selected, stage.results, stage.aside, scope)
    if SIGNALS.received:
        raise Interrupted(SIGNALS.received)
    if code in (PYTEST_USAGE_ERROR, PYTEST_INTERNAL_ERROR) or not stage.results.exists():
        ERR.print(stage.redactor.text(captured.strip()) or "error: the test run could not start")
        return EXIT_USAGE if code == PYTEST_USAGE_ERROR else EXIT_ERROR
    stage.combine()
    return finish(stage.results, request.out, request.lang)


def finish(results: Path, out: Path, lang: str, code: int | None = None) -> int:
    """Write every report from the results file, print where the matrix is, and return the exit code (``code``
    where the process ends with another than the run's own, e.g. after a signal)."""
    from conformance.core.results import read_run  # noqa: PLC0415
    from conformance.core.transferfile import read_transfers  # noqa: PLC0415
    from conformance.reporting.files import write_all  # noqa: PLC0415
    from conformance.reporting.model import build_report  # noqa: PLC0415
    from conformance.reporting.summary import print_summary  # noqa: PLC0415

    report = build_report(read_run(results), read_transfers(results.parent))
    code = report.exit_code if code is None else code
    paths = write_all(report, out, lang)
    print_summary(report, paths, lang, code=code)
    return code


def _pytest(
    request: RunRequest, selected: list[str], results: Path, done: Path | None, scope: Scope
) -> tuple[int, str]:
    import pytest  # noqa: PLC0415

    from conformance.commands.progress import Progress  # noqa: PLC0415
    from conformance.harness import plugin  # noqa: PLC0415

    args = _args(request, selected, results) + (["--conformance-skip-done", str(done)] if done else [])
    if request.verbose:
        with _own_plugins():
            return int(pytest.main(args, plugins=[plugin])), ""
    progress = Progress(scope, enabled=not request.quiet)
    buffer = io.StringIO()
    with _own_plugins(), progress, contextlib.redirect_stdout(buffer):
        code = pytest.main(args, plugins=[plugin, progress])
    return int(code), buffer.getvalue()


@contextlib.contextmanager
def _own_plugins() -> Iterator[None]:
    """Only the run's own pytest plugins: no other installed one is loaded, nor the metadata of all read (the
    worker processes inherit the environment, and find the plugins named on the command line)."""
    before = os.environ.get(NO_AUTOLOAD)
    os.environ[NO_AUTOLOAD] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ[NO_AUTOLOAD]
        else:
            os.environ[NO_AUTOLOAD] = before


NO_AUTOLOAD = "PYTEST_DISABLE_PLUGIN_AUTOLOAD"
PLUGINS = ["-p", "conformance.harness.plugin", "--assert=plain"]  # no module of a run is a test module to rewrite
# pytest's own plugins a run never uses (the reports are the run's own, there is no debugger, doctest or unittest)
UNUSED = (
    "debugging",
    "unittest",
    "doctest",
    "junitxml",
    "pastebin",
    "legacypath",
    "stepwise",
    "setuponly",
    "setupplan",
)
NO_BUILTINS = [a for name in UNUSED for a in ("-p", f"no:{name}")]
WORKER_PLUGINS = ["-p", "xdist.plugin"]


def _args(request: RunRequest, selected: list[str], results: Path) -> list[str]:
    from conformance.harness.registry import suite_module  # noqa: PLC0415

    modules = sorted({suite_module(s) for s in selected})
    args = [
        "-p",
        "no:cacheprovider",
        *PLUGINS,
        *NO_BUILTINS,
        *(WORKER_PLUGINS if request.workers > 1 else []),
        "-v" if request.verbose > 1 else "-q",
        "--tb=native",
        "--no-header",
        "-rN",
        "--noconftest",
        "--disable-warnings",
        "--strict-markers",
        "--rootdir",
        str(Path.cwd()),
        "-c",
        os.devnull,
        "--pyargs",
        *modules,
        "--conformance-vendors",
        str(request.vendors),
        "--conformance-results",
        str(results),
    ]
    for flag, value in (("--conformance-profile", request.profile), ("--conformance-waivers", request.waivers)):
        if value is not None:
            args += [flag, str(value)]
    args += [a for v in request.vendor_ids for a in ("--conformance-vendor", v)]
    args += [a for s in selected for a in ("--conformance-standard", s)]
    if request.workers > 1:
        args += ["-n", str(request.workers), "--dist", "loadgroup"]
    return args


__all__ = ["EXIT_ERROR", "RunRequest", "command", "execute", "finish"]
