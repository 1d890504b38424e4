"""The crawl: System → body list → every external list of every Body → objects and embedded objects."""

from __future__ import annotations

from dataclasses import dataclass, field

from conformance.core.messages import Message
from conformance.suites.oparl.facts import Version
from conformance.suites.oparl.fetch import Fetched, Fetcher
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import Seen, embedded
from conformance.suites.oparl.walk import Budget, Walk, walk


@dataclass(frozen=True)
class Limits:
    """How much of an endpoint to read (target options of the same names)."""

    max_pages: int = 50
    max_objects: int = 10000
    max_bodies: int = 3


@dataclass
class Crawl:
    """What the crawl found: the System, every list walk, every object and every embedded object."""

    version: Version
    system: Fetched
    walks: list[Walk] = field(default_factory=list)
    top: list[Seen] = field(default_factory=list)
    inner: list[Seen] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)

    @property
    def objects(self) -> list[Seen]:
        """Top-level and embedded objects."""
        return self.top + self.inner

    @property
    def bodies(self) -> list[Seen]:
        """The Body objects of the body list."""
        return [s for s in self.top if s.kind == "Body" and s.origin == "list"]

    def list_walks(self) -> list[Walk]:
        """The walks of the Body lists (without the body list itself)."""
        return [w for w in self.walks if w.name != "body"]

    def ids(self) -> set[str]:
        """The ids of every object seen."""
        return {s.id for s in self.objects if s.id}


def crawl(fetcher: Fetcher, version: Version, system_url: str, limits: Limits) -> Crawl:
    """Read the endpoint within the limits; sampling cuts are written to ``notes``."""
    system = fetcher.get(system_url)
    result = Crawl(version, system)
    if system.obj is None:
        return result
    result.top.append(Seen(system.obj, "System", system, "", "system"))
    budget = Budget(limits.max_objects)
    body_list = system.obj.get("body")
    if isinstance(body_list, str):
        result.walks.append(walk(fetcher, "body", "Body", body_list, limits.max_pages, budget))
        result.top += result.walks[0].items
    jobs = _list_jobs(version, result, limits)
    result.walks += fetcher.map(lambda job: walk(fetcher, *job, limits.max_pages, budget), jobs)
    result.top += [item for w in result.walks[1:] for item in w.items]
    result.inner = [child for seen in result.top for child in embedded(version, seen)]
    result.notes += _cuts(result)
    return result


def _list_jobs(version: Version, result: Crawl, limits: Limits) -> list[tuple[str, str, str]]:
    bodies = result.bodies
    if len(bodies) > limits.max_bodies:
        result.notes.append(m("note.cut-bodies", taken=limits.max_bodies, total=len(bodies)))
    jobs = []
    for body in bodies[: limits.max_bodies]:
        for attr, kind in version.lists.items():
            url = body.obj.get(attr)
            if isinstance(url, str):
                jobs.append((attr, kind, url))
    return jobs


def _cuts(result: Crawl) -> list[Message]:
    notes = []
    for item in result.walks:
        total = item.pages[-1].pagination.get("totalPages") if item.pages else None
        of = total if isinstance(total, int) else "?"
        if item.end == "cut-pages":
            notes.append(m("note.cut-pages", taken=len(item.pages), total=of, url=item.url))
        elif item.end == "cut-objects":
            notes.append(m("note.cut-objects", taken=len(item.pages), total=of, url=item.url))
    return notes
