"""The vendors file of a round-trip test: vendor ``a`` reads from one URL, each other vendor is written to."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def write_vendors(folder: Path, standard: str, source: str, targets: Mapping[str, tuple[str, bool]]) -> Path:
    """``folder/vendors.toml`` with vendor ``a`` at ``source`` and a vendor per name of ``targets`` (URL, and
    whether its target sets ``writes = true``)."""
    lines = ['[[vendors]]\nid = "a"\nname = "A"\nversion = "1"\n']
    lines.append(f'[[vendors.targets]]\nstandard = "{standard}"\nurl = "{source}"\n')
    for name, (url, writes) in targets.items():
        lines.append(f'[[vendors]]\nid = "{name}"\nname = "{name}"\nversion = "1"\n')
        opt_in = "options = { writes = true }\n" if writes else ""
        lines.append(f'[[vendors.targets]]\nstandard = "{standard}"\nurl = "{url}"\n{opt_in}')
    path = folder / "vendors.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
