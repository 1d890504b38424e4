"""Helpers shared by the CLI commands: config errors as exit code 2, consoles, output folders."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from conformance.core.exitcodes import EXIT_USAGE

if TYPE_CHECKING:
    from rich.console import Console

F = TypeVar("F", bound=Callable[..., Any])
LANG = click.option(
    "--lang", type=click.Choice(["de", "en"]), default="de", show_default=True, help="language of the reports"
)
ENVIRONMENT = """\b
Environment:
  WECHSELBAR_PACK_MIRROR  folders holding the official artefacts (schemas,
                          Schematron, code lists), separated by ':'; without
                          it they are downloaded once and checked by hash
  WECHSELBAR_CACHE        the pack cache [~/.cache/wechselbar]"""
QUIET = click.option("--quiet", is_flag=True, help="no progress display")
VERBOSE = click.option(
    "-v",
    "--verbose",
    count=True,
    help="show pytest's own output instead of the progress display (-vv: one line per check)",
)


class _Stderr:
    """A rich console on stderr, created on first use, so that ``--help`` does not import rich."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_stderr_console(), name)


@functools.cache
def _stderr_console() -> Console:
    from rich.console import Console  # noqa: PLC0415

    return Console(stderr=True, highlight=False)


ERR: Any = _Stderr()


def config_errors(func: F) -> F:
    """Turn configuration and pack errors into a clear message and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except Exception as exc:
            if not isinstance(exc, _config_errors()):
                raise
            click.echo(click.style("error:", fg="red", bold=True) + f" {exc}", err=True)
            raise SystemExit(EXIT_USAGE) from exc

    return wrapper  # type: ignore[return-value]


def _config_errors() -> tuple[type[Exception], ...]:
    from conformance.core.config import ConfigError  # noqa: PLC0415  (only on the error path)
    from conformance.core.packs import PackError  # noqa: PLC0415

    return ConfigError, PackError


def default_out() -> Path:
    """reports/<UTC timestamp>."""
    return Path("reports") / dt.datetime.now(dt.UTC).strftime("run-%Y%m%dT%H%M%SZ")
