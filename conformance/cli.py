"""The ``conformance`` command: a thin layer over the plugin, the results file and the reports.

Start-up stays short: a subcommand's module is imported only when that subcommand (or the overall ``--help``)
needs it, and the modules themselves import pytest, requests, lxml, jinja2 and the like only when they run.
"""

from __future__ import annotations

import importlib

import click

COMMANDS = {
    "run": "conformance.commands.run",
    "report": "conformance.commands.report",
    "merge": "conformance.commands.merge",
    "diff": "conformance.commands.diff",
    "list": "conformance.commands.listing",
    "demo": "conformance.commands.demo",
    "validate": "conformance.commands.validate",
    "packs": "conformance.commands.packs",
    "profile": "conformance.commands.profile",
    "roundtrip": "conformance.commands.roundtrip",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every subcommand name, without importing any."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import the subcommand's module; ``None`` for an unknown name (click then names the known ones)."""
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = importlib.import_module(module).command
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wechselbar")
def main() -> None:
    """wechselbar: check vendors against open standards and write a switchability matrix."""
