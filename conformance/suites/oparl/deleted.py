"""Finding deleted objects (§2.8, §2.5.5): in lists, in filtered walks, behind references, and by an active probe.

OParl 1.1 shows deleted objects under ``modified_since``; so every list (up to ``filter_lists``) is walked once with
``modified_since`` at the epoch, up to ``deleted_pages`` pages. Where still no deleted object appears, the rules
about deleted objects are *not verified*, with what was searched, never passed and never merely not applicable.
"""

from __future__ import annotations

from conformance.core.evidence import NotVerified
from conformance.suites.oparl.checks_filters import probes
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import Seen
from conformance.suites.oparl.run import OParlRun
from conformance.suites.oparl.samples import reference_index
from conformance.suites.oparl.walk import Walk, walk

EPOCH = "1970-01-01T00:00:00+00:00"


def epoch_walks(run: OParlRun) -> list[Walk]:
    """OParl 1.1: the lists walked with modified_since at the epoch, where deleted objects must show (§2.5.5)."""

    def compute() -> list[Walk]:
        if run.version.number != "1.1":
            return []
        lists = run.crawl.list_walks()[: run.options.filter_lists]
        found = run.fetcher.map(
            lambda w: walk(
                run.fetcher, w.name, w.kind, w.url, run.options.deleted_pages, params={"modified_since": EPOCH}
            ),
            lists,
        )
        cut = [w for w in found if w.end in ("cut-pages", "cut-objects")]
        if cut:
            cut_note = m("note.cut-epoch", pages=run.options.deleted_pages, cut=len(cut), total=len(found), since=EPOCH)
            run.note("deleted-epoch", cut_note)
        return found

    return run.probe("deleted-epoch", compute)


def deleted_objects(run: OParlRun) -> list[Seen]:
    """Every deleted object met: in lists, in modified_since walks (the epoch probe too), behind a reference."""
    found = {s.id: s for s in run.crawl.objects if s.deleted and s.id}
    for probe in probes(run):
        found.update({i.id: i for i in probe.filtered.items if i.deleted and i.id})
    for item in epoch_walks(run):
        found.update({i.id: i for i in item.items if i.deleted and i.id})
    for seen in reference_index(run).resolved(run):
        if seen.deleted:
            found.setdefault(seen.id, seen)
    return list(found.values())


def unverified(run: OParlRun, listed: bool = False) -> NotVerified:
    """Why a rule about deleted objects could not be tested: what was searched without finding one."""
    walks = epoch_walks(run)
    what = m("phrase.deleted-listed-type") if listed else m("phrase.deleted-object")
    objects, refs = len(run.crawl.objects), len(reference_index(run).fetched)
    if not walks:
        return NotVerified(m("reason.no-deleted", what=what, objects=objects, refs=refs))
    pages = sum(len(w.pages) for w in walks)
    return NotVerified(
        m("reason.no-deleted-epoch", what=what, lists=len(walks), since=EPOCH, pages=pages, objects=objects, refs=refs)
    )
