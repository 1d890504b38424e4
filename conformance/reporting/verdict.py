"""The run verdict and the CLI exit code, derived from the results alone."""

from __future__ import annotations

from collections.abc import Iterable

from conformance.core.outcomes import Outcome
from conformance.core.results import Result, Run

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3


def in_scope(run: Run) -> list[Result]:
    """The results that decide the exit code: the profile's required ones, or all without a profile."""
    if run.header.profile is None:
        return list(run.results)
    return [r for r in run.results if r.profile_obligation == "MUSS"]


def exit_code(run: Run) -> int:
    """0 all required passed; 1 some failed; 3 errors (or an incomplete run) kept a verdict from being reached."""
    scope = in_scope(run)
    outcomes = {r.outcome for r in scope}
    if Outcome.FAIL in outcomes:
        return EXIT_FAIL
    if Outcome.ERROR in outcomes or not run.complete:
        return EXIT_ERROR
    if run.header.profile is not None and _unreached(scope):
        return EXIT_ERROR
    return EXIT_OK


def _unreached(scope: Iterable[Result]) -> bool:
    return any(r.outcome is Outcome.SKIP for r in scope)
