"""TEST DOUBLE: renders the generated data set as OParl objects and object lists, defects included."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from conformance.demo.oparl_data import EPOCH, Dataset, Record
from conformance.demo.oparl_mutations import mutate
from conformance.demo.oparl_pages import build_page
from conformance.demo.oparl_people import LIST_PATHS

FILTERS = ("created_since", "created_until", "modified_since", "modified_until")
OMIT = {
    "AgendaItem": ("auxiliaryFile",),
    "Meeting": ("auxiliaryFile",),
    "Paper": ("auxiliaryFile", "location"),
    "Person": ("membership",),
}


class BadRequest(ValueError):
    """A filter parameter is not a complete date-time."""


@dataclass
class View:
    """One tenant of the test server: a data set, its OParl version, page size and switched-on defects."""

    data: Dataset
    defects: frozenset[str] = frozenset()
    page_size: int = 20
    hits: dict[str, int] = field(default_factory=dict)
    echo: bool = False

    @property
    def version(self) -> str:
        """The OParl version served."""
        return self.data.version

    def type_url(self, type_name: str, other: bool = False) -> str:
        """The type URL of a type in this version (or in the other one)."""
        version = {"1.1": "1.0", "1.0": "1.1"}[self.version] if other else self.version
        return f"https://schema.oparl.org/{version}/{type_name}"

    def system(self) -> dict[str, Any]:
        """The System object, the entry point."""
        out: dict[str, Any] = {
            "id": f"{self.data.base}/system",
            "type": self.type_url("System"),
            "oparlVersion": f"https://schema.oparl.org/{self._version_named()}/",
            "body": f"{self.data.base}/bodies",
            "name": "Beispiel-System (wechselbar OParl-Testdouble)",
            "contactEmail": "ris@beispielstadt.example",
            "contactName": "RIS-Betreuung",
            "website": "https://www.beispielstadt.example/",
            "vendor": "https://wechselbar.example/",
            "product": "https://wechselbar.example/oparl-testdouble",
            "license": "https://creativecommons.org/licenses/by/4.0/",
            "created": "2014-01-01T08:00:00+01:00",
            "modified": "2024-01-01T08:00:00+01:00",
        }
        if "no-license" in self.defects:
            del out["license"]
        if "keyword-as-text" in self.defects:
            out["keyword"] = "Ratsinformation"
        return out

    def _version_named(self) -> str:
        return {"1.1": "1.0", "1.0": "1.1"}[self.version] if "wrong-version" in self.defects else self.version

    def object(self, key: str, omit_internal: bool = False) -> dict[str, Any]:
        """An object as fetched by its id."""
        out = self.render(self.data.records[key], embedded=False, omit=omit_internal)
        if "id-mismatch" in self.defects:
            out["id"] += "/"
        return out

    def render(self, record: Record, embedded: bool, omit: bool = False) -> dict[str, Any]:
        """One object, with its embedded children rendered in place."""
        if record.deleted:
            return self._deleted(record)
        out: dict[str, Any] = {"id": self.data.url(record.key), "type": self.type_url(record.type)}
        out.update(record.fields)
        if not embedded and not (record.type == "Membership" and "missing-backref" in self.defects):
            out.update(record.backrefs)
        for prop, keys in record.children.items():
            if omit and prop in OMIT.get(record.type, ()) and "no-omit-internal" not in self.defects:
                continue
            kids = [self.render(self.data.records[k], True, omit) for k in keys]
            if kids:
                out[prop] = kids[0] if prop in record.single else kids
        if "embedded-deleted" in self.defects and record.type == "Person" and not omit:
            gone = [self._deleted(r) for r in self._deleted_members(record)]
            if gone:
                out["membership"] = out.get("membership", []) + gone
        out["created"], out["modified"] = _iso(record.created), _iso(record.modified)
        mutate(self, record, out)
        return out

    def _deleted(self, record: Record) -> dict[str, Any]:
        out = {
            "id": self.data.url(record.key),
            "type": self.type_url(record.type),
            "created": _iso(record.created),
            "modified": _iso(record.modified),
            "deleted": True,
        }
        if "deleted-incomplete" in self.defects:
            del out["created"]
        return out

    def _deleted_members(self, person: Record) -> list[Record]:
        url = self.data.url(person.key)
        return [
            r
            for r in self.data.records.values()
            if r.type == "Membership" and r.deleted and r.backrefs.get("person") == url
        ]

    def list_keys(self, name: str, query: Mapping[str, str]) -> list[str]:
        """The keys of one external list after filters, deletion rules and list defects."""
        keys = list(self.data.lists.get(name, self.data.sublists.get(name, [])))
        if name == "person" and "unlisted-objects" in self.defects:
            keys = [k for i, k in enumerate(keys) if i % 5 != 2]
        show_deleted = (
            "modified_since" in query
            and self.version == "1.1"
            and "missing-deleted" not in self.defects
            and not self._incremental_drop(query)
        )
        if "deleted-in-list" in self.defects:
            show_deleted = True
        keys = [k for k in keys if show_deleted or not self.data.records[k].deleted]
        return [k for k in keys if self._matches(self.data.records[k], query)]

    def _incremental_drop(self, query: Mapping[str, str]) -> bool:
        """The defect: deleted objects show only when modified_since predates every object (a full sync)."""
        return "deleted-dropped-incremental" in self.defects and _parse(query["modified_since"]) > EPOCH

    def _matches(self, record: Record, query: Mapping[str, str]) -> bool:
        for name in FILTERS:
            if name not in query or self._ignored(name):
                continue
            value = record.created if name.startswith("created") else record.modified
            limit = _parse(query[name])
            if (value < limit) if name.endswith("since") else (value > limit):
                return False
        return True

    def _ignored(self, name: str) -> bool:
        return "ignored-filters" in self.defects or (
            name == "modified_since" and "ignored-modified-since" in self.defects
        )

    def page(self, name: str, query: Mapping[str, str]) -> dict[str, Any]:
        """One page of an external list, with pagination and links."""
        return build_page(self, name, query)

    def list_url(self, name: str) -> str:
        """The URL of an external list of the Body, of the body list, or of a list linked from an object."""
        if name in self.data.sublists:
            return f"{self.data.base}/{name}"
        return f"{self.data.base}/bodies" if name == "body" else f"{self.data.base}/body/1/{LIST_PATHS[name]}"

    def link(self, name: str, query: Mapping[str, str], page: int) -> str:
        """The URL of one page of a list, keeping the client's parameters unless a defect drops them."""
        keep = {} if "filter-lost" in self.defects else {k: v for k, v in query.items() if k != "page"}
        return f"{self.list_url(name)}?{urlencode({**keep, 'page': page})}"

    def pages(self, count: int, size: int) -> int:
        """The number of pages a list of ``count`` entries needs."""
        return max(1, math.ceil(count / size))


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def _parse(value: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadRequest(f"{value!r} is not a date-time") from exc
    if parsed.tzinfo is None:
        raise BadRequest(f"{value!r} has no time zone")
    return parsed
