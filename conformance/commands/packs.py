"""``conformance packs list|sync|verify``: the locked packs, filling the cache, checking it, building mirrors.

Exit codes: 0 success, 1 a cached pack does not match the lock (verify), 2 usage or pack errors.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from conformance.commands.common import ERR, config_errors
from conformance.core.packs import Pack, PackStore, lock, mirrors_from_env

IDS = click.argument("ids", nargs=-1, metavar="[PACK]...")


@click.group("packs")
def command() -> None:
    """Official artefacts and corpora: list, sync (from mirrors or downloads) and verify the cache."""


def _chosen(ids: tuple[str, ...]) -> list[Pack]:
    known = lock()
    unknown = sorted(set(ids) - set(known))
    if unknown:
        raise click.UsageError(f"unknown pack(s): {', '.join(unknown)}; see 'conformance packs list'")
    return [known[i] for i in sorted(known) if not ids or i in ids]


@command.command("list")
@IDS
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_packs(ids: tuple[str, ...], fmt: str) -> None:
    """List the locked packs with version, licence, size and whether the cache holds them intact."""
    store = PackStore(allow_download=False)
    rows = [(pack, not store.verify(pack.id)) for pack in _chosen(ids)]
    if fmt == "json":
        click.echo(json.dumps([_json(p, ok) for p, ok in rows], ensure_ascii=False, indent=1))
        return
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    table = Table(box=None)
    for name in ("pack", "kind", "version", "files", "MB", "cached", "licence"):
        table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=32)
    for pack, ok in rows:
        size = sum(f.bytes for f in pack.files) / 1e6
        table.add_row(
            pack.id, pack.kind, pack.version, str(len(pack.files)), f"{size:.1f}", "yes" if ok else "no", pack.license
        )
    Console(highlight=False).print(table)


def _json(pack: Pack, cached: bool) -> dict[str, object]:
    return {
        "id": pack.id,
        "kind": pack.kind,
        "title": pack.title,
        "version": pack.version,
        "license": pack.license,
        "commit": pack.commit,
        "digest": pack.digest,
        "files": len(pack.files),
        "bytes": sum(f.bytes for f in pack.files),
        "cached": cached,
    }


@command.command("sync")
@IDS
@click.option(
    "--mirror",
    "mirrors",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="mirror folder to copy packs from (repeatable; before $WECHSELBAR_PACK_MIRROR)",
)
@click.option("--offline", is_flag=True, help="never download; mirrors only")
@click.option(
    "--build-mirror",
    type=click.Path(file_okay=False, path_type=Path),
    help="also write the verified packs into this folder, to be carried to an air-gapped machine",
)
@config_errors
def sync(ids: tuple[str, ...], mirrors: tuple[Path, ...], offline: bool, build_mirror: Path | None) -> None:
    """Fill the cache with verified packs (mirrors first, then the official URLs); optionally build a mirror."""
    store = PackStore(mirrors=(*mirrors, *mirrors_from_env()), allow_download=not offline)
    for pack in _chosen(ids):
        store.pack_dir(pack.id)
        where = f" → {store.export(pack.id, build_mirror)}" if build_mirror else ""
        click.echo(f"{pack.id} {pack.version[:40]}: {len(pack.files)} files verified{where}")


@command.command("verify")
@IDS
def verify(ids: tuple[str, ...]) -> None:
    """Re-hash every cached file against the lock; missing or changed files are listed (exit 1)."""
    store = PackStore(allow_download=False)
    problems = [p for pack in _chosen(ids) for p in store.verify(pack.id)]
    for problem in problems:
        ERR.print(f"[red]{problem}[/]", markup=True, soft_wrap=True)
    if problems:
        raise SystemExit(1)
    click.echo(f"{len(_chosen(ids))} pack(s) match the lock")
