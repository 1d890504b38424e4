"""Lists linked from objects (§2.5.3, e.g. ``Organization.meeting``): fetched and walked within the sampling options.

The crawl walks the lists of the System and the Bodies. Other objects link lists of their own: an Organization
its meetings (both versions) and its consultations (1.1). Up to ``object_lists`` such URLs per attribute, spread
over the objects that carry them, are walked up to ``object_list_pages`` pages each; the paging rules judge these
walks like the others, and a list URL that gives no list page breaks ``references-resolve``.
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import Seen
from conformance.suites.oparl.run import OParlRun
from conformance.suites.oparl.samples import spread
from conformance.suites.oparl.walk import Walk, walk


@dataclass(frozen=True)
class ObjectList:
    """A list URL written in an object, and its walk."""

    source: Seen
    prop: str
    walk: Walk

    @property
    def answered(self) -> bool:
        """True if the first page is a JSON object with a data array (a list page)."""
        first = self.walk.pages[0].body if self.walk.pages else {}
        return isinstance(first.get("data"), list)


def _carriers(run: OParlRun) -> dict[tuple[str, str], list[Seen]]:
    found: dict[tuple[str, str], list[Seen]] = {}
    urls: set[str] = set()
    for seen in run.crawl.objects:
        for prop in run.version.object_lists(seen.kind):
            url = seen.obj.get(prop)
            if isinstance(url, str) and url not in urls and not seen.deleted:
                urls.add(url)
                found.setdefault((seen.kind, prop), []).append(seen)
    return found


def object_lists(run: OParlRun) -> list[ObjectList]:
    """The sampled list URLs written in objects, each walked from its first page."""

    def compute() -> list[ObjectList]:
        jobs: list[tuple[Seen, str]] = []
        for (kind, prop), carriers in _carriers(run).items():
            picks = spread(carriers, run.options.object_lists)
            jobs += [(seen, prop) for seen in picks]
            if len(picks) < len(carriers):
                run.note(
                    "object-lists",
                    m("note.cut-object-lists", taken=len(picks), total=len(carriers), what=f"{kind}.{prop}"),
                )
        pages = run.options.object_list_pages
        return run.fetcher.map(
            lambda job: ObjectList(
                job[0],
                job[1],
                walk(run.fetcher, job[1], run.version.object_lists(job[0].kind)[job[1]], job[0].obj[job[1]], pages),
            ),
            jobs,
        )

    return run.probe("object-lists", compute)


def all_walks(run: OParlRun) -> list[Walk]:
    """The crawl's walks and the walks of the lists linked from objects."""
    return run.crawl.walks + [item.walk for item in object_lists(run)]
