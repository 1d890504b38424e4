"""``conformance list``: the standards, their classes and requirements with their URIs."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from conformance.core.model import Standard
from conformance.registry import standards


@click.command("list")
@click.option("--standard", "wanted", multiple=True, metavar="ID", help="only these standards")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(wanted: tuple[str, ...], fmt: str) -> None:
    """List standards, conformance classes and requirements with their URIs."""
    known = standards()
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise click.UsageError(f"unknown standard(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    chosen = [known[s] for s in sorted(known) if not wanted or s in wanted]
    if fmt == "json":
        click.echo(json.dumps([_json(s) for s in chosen], ensure_ascii=False, indent=1))
        return
    console = Console(highlight=False, soft_wrap=True)
    for standard in chosen:
        console.print(_tree(standard))


def _tree(standard: Standard) -> Tree:
    tree = Tree(f"[bold]{standard.id}[/] {standard.title} {standard.version}  {standard.spec_url}")
    for cls in standard.classes:
        branch = tree.add(f"[cyan]{cls.short}[/] {cls.title_en} — {cls.uri}")
        for req in standard.requirements:
            if req.cls == cls.uri:
                branch.add(f"{req.obligation.value} {req.uri}\n    {req.statement}")
    if standard.options:
        usage = escape("(vendors file: [[vendors.targets]] options = { name = value })")
        options = tree.add(f"[cyan]options[/] {usage}")
        for option in standard.options:
            options.add(escape(f"{option.name} = {json.dumps(option.default)} — {option.description}"))
    return tree


def _json(standard: Standard) -> dict[str, object]:
    data = standard.to_json()
    data["requirements"] = [
        {**r.marker_kwargs(), "class": r.cls} for r in standard.requirements
    ]
    data["options"] = [{"name": o.name, "default": o.default, "description": o.description}
                       for o in standard.options]
    return data
