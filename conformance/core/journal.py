"""The round trip's cleanup journal: every write into a product is noted before it is made.

``cleanup-journal.jsonl`` in the output folder is append-only; each line is flushed and synced before the
request it announces goes out, so a killed run leaves the list of what it may have written. A line is
``start`` (vendors file, target vendor, standard), ``intent`` (number, the collection written to, the item URL
the write will create when the product keeps the item's id, and whether that URL was free before; where the product
names the ids, the URL that lists the items carrying the run's ``marker``), ``created``
(number, the URL the product named), ``refused`` (number: the product answered the write with a client error
and created nothing) or ``removed`` (URL). The journal is deleted once everything is removed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from conformance.core.secrets import Redactor

JOURNAL = "cleanup-journal.jsonl"


@dataclass(frozen=True)
class Leftover:
    """An item a run wrote (or may have written) and did not remove: its URL, and whether it is certain. With a
    ``marker``, the URL lists the items carrying it (a write the product did not answer, where it names the ids)."""

    url: str
    certain: bool
    marker: str = ""


class Journal:
    """Appends journal lines, each one on disk before the write it announces."""

    def __init__(self, folder: Path, redactor: Redactor) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / JOURNAL
        self.redactor = redactor
        self.handle: IO[str] = self.path.open("a", encoding="utf-8")
        with self.path.open(encoding="utf-8") as lines:
            self.number = sum(1 for _ in lines)

    def note(self, event: str, **data: Any) -> int:
        """Append one line; its number (unique within the journal) is returned."""
        self.number += 1
        line = json.dumps(self.redactor.deep({"event": event, "n": self.number, **data}), ensure_ascii=False)
        self.handle.write(self.redactor.text(line) + "\n")
        self.handle.flush()
        os.fsync(self.handle.fileno())
        return self.number

    def close(self, finished: bool) -> None:
        """Close the journal; delete it when nothing is left to remove."""
        self.handle.close()
        if finished and not leftovers(self.path.parent)[1]:
            self.path.unlink()


def leftovers(folder: Path) -> tuple[dict[str, str], list[Leftover]]:
    """The start line of a journal (vendors file, vendor, standard) and what it wrote and did not remove."""
    path = folder / JOURNAL
    if not path.is_file():
        return {}, []
    start: dict[str, str] = {}
    intents: dict[int, str] = {}
    marked: dict[int, Leftover] = {}
    created: list[str] = []
    removed: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = _entry(line)
        event = entry.get("event")
        if event == "start":
            start = {k: str(v) for k, v in entry.items() if k not in ("event", "n")}
        elif event == "intent" and entry.get("search_url") and entry.get("marker"):
            marked[int(entry["n"])] = Leftover(str(entry["search_url"]), False, str(entry["marker"]))
        elif event == "intent" and entry.get("absent_before") and entry.get("item_url"):
            intents[int(entry["n"])] = str(entry["item_url"])
        elif event in ("refused", "created"):
            intents.pop(int(entry.get("intent", 0)), None)
            marked.pop(int(entry.get("intent", 0)), None)
        if event == "created":
            created.append(str(entry["url"]))
        elif event == "removed":
            removed.add(str(entry["url"]))
    certain = [Leftover(u, True) for u in dict.fromkeys(created) if u not in removed]
    maybe = [Leftover(u, False) for u in dict.fromkeys(intents.values()) if u not in removed and u not in created]
    searches = list({m.url: m for m in marked.values() if m.url not in removed}.values())
    return start, certain + maybe + searches


def _entry(line: str) -> dict[str, Any]:
    """One journal line; a line torn by a kill is ignored."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}
