"""``conformance list``: the standards, their classes and requirements with their URIs, never cut short."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator

import click

from conformance.core.model import ConformanceClass, Requirement, Standard

CSV_FIELDS = (
    "standard",
    "standard_version",
    "class",
    "class_uri",
    "requirement",
    "obligation",
    "statement",
    "spec_url",
)
OPTIONS_USAGE = "(vendors file: [[vendors.targets]] options = { name = value })"


@click.command("list")
@click.option("--standard", "wanted", multiple=True, metavar="ID", help="only these standards")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv", "md"]),
    default="text",
    show_default=True,
    help="text: indented; csv: one row per requirement; md: a table per standard",
)
def command(wanted: tuple[str, ...], fmt: str) -> None:
    """List standards, conformance classes and requirements with their URIs (full lines, never truncated)."""
    from conformance.harness.registry import standards  # noqa: PLC0415  (loads every suite's catalogue)

    known = standards()
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise click.UsageError(f"unknown standard(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    chosen = [known[s] for s in sorted(known) if not wanted or s in wanted]
    click.echo(RENDERERS[fmt](chosen), nl=False)


def display_title(standard: Standard) -> str:
    """The title with the version, without repeating a version the title already names."""
    from conformance.reporting.text import titled  # noqa: PLC0415

    return titled(standard.title, standard.version)


def requirements_of(standard: Standard, cls: ConformanceClass) -> Iterator[Requirement]:
    """The requirements of one class, in catalogue order."""
    return (req for req in standard.requirements if req.cls == cls.uri)


def render_text(chosen: list[Standard]) -> str:
    """Indented plain text: standard, class, requirement and its statement, options."""
    lines: list[str] = []
    for standard in chosen:
        lines.append(f"{standard.id}  {display_title(standard)}  {standard.spec_url}".rstrip())
        for cls in standard.classes:
            lines.append(f"  {cls.short}  {cls.title_en} — {cls.uri}")
            for req in requirements_of(standard, cls):
                lines += [f"    {req.obligation.value} {req.uri}", f"        {req.statement}"]
        if standard.options:
            lines.append(f"  options {OPTIONS_USAGE}")
            lines += [f"    {o.name} = {json.dumps(o.default)} — {o.description}" for o in standard.options]
        lines.append("")
    return "\n".join(lines)


def render_json(chosen: list[Standard]) -> str:
    """One JSON array: each standard with its classes, requirements and options."""
    return json.dumps([_json(s) for s in chosen], ensure_ascii=False, indent=1) + "\n"


def render_csv(chosen: list[Standard]) -> str:
    """One row per requirement (RFC 4180, header row first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for standard in chosen:
        for cls in standard.classes:
            writer.writerows(
                [
                    standard.id,
                    standard.version,
                    cls.short,
                    cls.uri,
                    req.uri,
                    req.obligation.value,
                    req.statement,
                    req.spec_url,
                ]
                for req in requirements_of(standard, cls)
            )
    return buffer.getvalue()


def render_md(chosen: list[Standard]) -> str:
    """A section per standard: its classes as a list, its requirements as one table."""
    out: list[str] = []
    for standard in chosen:
        out += [f"## `{standard.id}` {_md(display_title(standard))}", ""]
        out += [f"Specification: <{standard.spec_url}>", ""] if standard.spec_url else []
        out += [f"- `{cls.short}` {_md(cls.title_en)}: <{cls.uri}>" for cls in standard.classes] + [""]
        out += ["| Class | Requirement | Obligation | Statement |", "|---|---|---|---|"]
        out += [
            f"| `{cls.short}` | {_md(req.uri)} | {req.obligation.value} | {_md(req.statement)} |"
            for cls in standard.classes
            for req in requirements_of(standard, cls)
        ]
        if standard.options:
            out += ["", f"Options {_md(OPTIONS_USAGE)}:", ""]
            out += [f"- `{o.name}` = `{json.dumps(o.default)}`: {_md(o.description)}" for o in standard.options]
        out.append("")
    return "\n".join(out)


def _md(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def _json(standard: Standard) -> dict[str, object]:
    data = standard.to_json()
    data["requirements"] = [{**r.marker_kwargs(), "class": r.cls} for r in standard.requirements]
    data["options"] = [{"name": o.name, "default": o.default, "description": o.description} for o in standard.options]
    return data


RENDERERS: dict[str, Callable[[list[Standard]], str]] = {
    "text": render_text,
    "json": render_json,
    "csv": render_csv,
    "md": render_md,
}
