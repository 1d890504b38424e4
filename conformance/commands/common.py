"""Helpers shared by the CLI commands: config errors as exit code 2, consoles, output folders."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from conformance.core.config import ConfigError
from conformance.core.packs import PackError

F = TypeVar("F", bound=Callable[..., Any])
ERR = Console(stderr=True, highlight=False)
LANG = click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True,
                    help="language of the reports")
QUIET = click.option("--quiet", is_flag=True, help="no progress display")
VERBOSE = click.option("-v", "--verbose", count=True,
                       help="show pytest's own output instead of the progress display (-vv: one line per check)")


def config_errors(func: F) -> F:
    """Turn configuration and pack errors into a clear message and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (ConfigError, PackError) as exc:
            ERR.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
            raise SystemExit(2) from exc

    return wrapper  # type: ignore[return-value]


def default_out() -> Path:
    """reports/<UTC timestamp>."""
    return Path("reports") / dt.datetime.now(dt.UTC).strftime("run-%Y%m%dT%H%M%SZ")
