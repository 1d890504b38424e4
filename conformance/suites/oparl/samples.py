"""Follow-up samples of the crawl: listed and embedded objects fetched by id, and referenced objects."""

from __future__ import annotations

from dataclasses import dataclass, field

from conformance.core.evidence import NotApplicable, Skipped
from conformance.core.messages import Message
from conformance.suites.oparl.fetch import Fetched
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import Reference, Seen, references
from conformance.suites.oparl.run import OParlRun


@dataclass(frozen=True)
class Sample:
    """An object as found somewhere, and the answer to fetching it by its id."""

    seen: Seen
    fetched: Fetched

    @property
    def fetched_seen(self) -> Seen | None:
        """The fetched object, located in its own response."""
        obj = self.fetched.obj
        return Seen(obj, self.seen.kind, self.fetched, "", "fetched") if obj is not None else None


@dataclass
class ReferenceIndex:
    """Every reference of the crawl and the answers for the unseen ones that were resolved."""

    refs: list[Reference] = field(default_factory=list)
    known: dict[str, Seen] = field(default_factory=dict)
    fetched: dict[str, Fetched] = field(default_factory=dict)

    def kind(self, url: str, actual: str | None) -> str:
        """The type a URL is referenced as: the object's own type if some reference expects it, else the first."""
        kinds = [r.kind for r in self.refs if r.url == url]
        return actual if actual in kinds else kinds[0]

    def resolved(self, run: OParlRun) -> list[Seen]:
        """The fetched referenced objects, each typed by the references to it."""
        return [
            Seen(f.obj, self.kind(url, run.version.type_name(f.obj.get("type"))), f, "", "fetched")
            for url, f in self.fetched.items()
            if f.obj is not None
        ]


def spread(items: list[Seen], count: int) -> list[Seen]:
    """Up to ``count`` items, evenly spread from the first to the last."""
    if len(items) <= count:
        return items
    step = (len(items) - 1) / max(1, count - 1)
    return [items[round(i * step)] for i in range(count)]


def by_id(run: OParlRun) -> list[Sample]:
    """``id_samples`` objects of every list (first, last and in between), fetched again by id."""

    def compute() -> list[Sample]:
        picks = [
            s
            for w in run.crawl.walks
            for s in spread([i for i in w.items if i.id and not i.deleted], run.options.id_samples)
        ]
        return run.fetcher.map(lambda s: Sample(s, run.fetcher.get(s.id, fresh=True)), picks)

    return run.probe("by-id", compute)


def embedded_by_id(run: OParlRun) -> list[Sample]:
    """``embedded_samples`` embedded objects, spread over the types, fetched by their id."""

    def compute() -> list[Sample]:
        by_kind: dict[str, list[Seen]] = {}
        taken: set[str] = set()
        for seen in run.crawl.inner:
            if seen.id and seen.id not in taken:
                taken.add(seen.id)
                by_kind.setdefault(seen.kind, []).append(seen)
        share = max(1, run.options.embedded_samples // max(1, len(by_kind)))
        picks = [s for items in by_kind.values() for s in spread(items, share)][: run.options.embedded_samples]
        run.note("embedded", *_cut("note.cut-embedded", len(picks), sum(map(len, by_kind.values()))))
        return run.fetcher.map(lambda s: Sample(s, run.fetcher.get(s.id)), picks)

    return run.probe("embedded", compute)


def reference_index(run: OParlRun) -> ReferenceIndex:
    """All references; up to ``reference_samples`` of those not seen in the crawl are fetched."""

    def compute() -> ReferenceIndex:
        index = ReferenceIndex(known={s.id: s for s in run.crawl.objects if s.id})
        index.refs = [r for seen in run.crawl.objects for r in references(run.version, seen)]
        unseen = list(dict.fromkeys(r.url for r in index.refs if r.url not in index.known))
        picks = unseen[: run.options.reference_samples]
        run.note("references", *_cut("note.cut-references", len(picks), len(unseen)))
        index.fetched = dict(zip(picks, run.fetcher.map(run.fetcher.get, picks), strict=True))
        return index

    return run.probe("references", compute)


def _cut(code: str, taken: int, total: int) -> list[Message]:
    return [m(code, taken=taken, total=total)] if taken < total else []


def typed_objects(run: OParlRun) -> list[Seen]:
    """Every object the crawl and the samples met, each with the type its position demands."""
    fetched = [s.fetched_seen for s in by_id(run) + embedded_by_id(run)]
    return run.crawl.objects + [s for s in fetched if s is not None] + reference_index(run).resolved(run)


def no_objects(run: OParlRun, kind: str) -> Exception:
    """Skip when the list of a type failed, not applicable when the endpoint simply has none."""
    broken = [w for w in run.crawl.walks if w.kind == kind and w.end == "error"]
    if broken:
        page = broken[0].pages[-1].fetched
        answer = m("phrase.text", text=f"{page.status} {page.failure}".strip())
        return Skipped(m("reason.list-broken", kind=kind, url=page.url, answer=answer))
    return NotApplicable(m("reason.no-kind", kind=kind))
