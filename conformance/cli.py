"""The ``conformance`` command: a thin layer over the plugin, the results file and the reports."""

from __future__ import annotations

import importlib

import click

COMMANDS = (
    "conformance.commands.run",
    "conformance.commands.report",
    "conformance.commands.merge",
    "conformance.commands.diff",
    "conformance.commands.listing",
    "conformance.commands.demo",
    "conformance.commands.validate",
    "conformance.commands.packs",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wechselbar")
def main() -> None:
    """wechselbar: check vendors against open standards and write a switchability matrix."""


for _name in COMMANDS:
    main.add_command(importlib.import_module(_name).command)
