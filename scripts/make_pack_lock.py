"""Regenerate schemas/packs.lock.json from upstream provenance manifests (packs and corpora)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

KIND = {"packs": "pack", "corpora": "corpus"}


def entries(manifest: Path) -> list[dict[str, object]]:
    kind = KIND.get(manifest.parent.name, "pack")
    out = []
    for pack in json.loads(manifest.read_text(encoding="utf-8")):
        files = [
            {
                "path": f["path"],
                "sha256": f["sha256"],
                "bytes": f["bytes"],
                "url": f.get("raw_url"),
                "canonical_url": f.get("canonical_url"),
            }
            for f in pack["files"]
        ]
        out.append(
            {
                "id": pack["id"],
                "kind": kind,
                "title": pack["title"],
                "version": pack["version"],
                "license": pack["license"],
                "upstream_repo": pack["upstream_repo"],
                "commit": pack["commit"],
                "files": sorted(files, key=lambda f: str(f["path"])),
            }
        )
    return out


def main(argv: list[str]) -> None:
    packs = [e for m in argv[1:] for e in entries(Path(m))]
    lock = {"format": "wechselbar-pack-lock/1", "packs": sorted(packs, key=lambda p: str(p["id"]))}
    target = Path(__file__).resolve().parent.parent / "schemas" / "packs.lock.json"
    target.write_text(json.dumps(lock, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{target}: {len(packs)} packs, {sum(len(p['files']) for p in packs)} files")  # type: ignore[arg-type]


if __name__ == "__main__":
    main(sys.argv)
