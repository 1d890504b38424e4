"""Gelöschte Objekte (§2.8) and deleted objects under modified_since (§2.5.5, OParl 1.1)."""

from __future__ import annotations

import datetime as dt

from conformance.core.evidence import (
    Locator,
    MissingMember,
    NotApplicable,
    Skipped,
    StatusViolation,
    ValueViolation,
)
from conformance.suites.oparl.checks_filters import stamp
from conformance.suites.oparl.deleted import deleted_objects, unverified
from conformance.suites.oparl.fetch import Fetched
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import Seen
from conformance.suites.oparl.run import Found, OParlRun, cached, counted
from conformance.suites.oparl.samples import reference_index
from conformance.suites.oparl.walk import Walk, walk


def _by_id(run: OParlRun) -> list[tuple[Seen, Fetched]]:
    def compute() -> list[tuple[Seen, Fetched]]:
        listed = [s for s in deleted_objects(run) if s.origin != "fetched" and s.kind in run.version.soft_deleted]
        return run.fetcher.map(lambda s: (s, run.fetcher.get(s.id)), listed)

    return run.probe("deleted-by-id", compute)


def check_soft_delete(run: OParlRun) -> Found:
    """Deleted objects of the types §2.8 names stay retrievable (HTTP 200, deleted: true); none is 410 Gone."""
    known = deleted_objects(run)
    index = reference_index(run)
    gone = [
        (url, f)
        for url, f in index.fetched.items()
        if f.status == 410 and index.kind(url, None) in run.version.soft_deleted
    ]
    if not known and not gone:
        raise unverified(run)
    answered = [(seen, fetched) for seen, fetched in _by_id(run) if fetched.status is not None]
    for seen, fetched in answered:
        if fetched.status != 200 or (fetched.obj or {}).get("deleted") is not True:
            message = m("deleted-status", kind=seen.kind, id=seen.id, status=fetched.status)
            yield StatusViolation(
                cached(message, fetched),
                locator=fetched.url,
                expected=m("phrase.200-deleted"),
                actual=fetched.status,
                exchange=fetched.exchange,
            )
    for url, fetched in gone:
        yield StatusViolation(
            cached(m("gone"), fetched),
            locator=url,
            expected=m("phrase.200-deleted"),
            actual=410,
            exchange=fetched.exchange,
        )
    retrieved = [s for s in known if s.origin == "fetched" and s.kind in run.version.soft_deleted]
    return counted(len(answered) + len(retrieved), "deleted-by-id"), counted(len(gone), "gone")


def check_deleted_keeps(run: OParlRun) -> Found:
    """A deleted object keeps id, type and created, and its modified is set."""
    known = deleted_objects(run)
    if not known:
        raise unverified(run)
    for seen in known:
        for member in run.version.kept_when_deleted:
            if not seen.obj.get(member):
                yield MissingMember(
                    cached(m("deleted-lost", kind=seen.kind, member=member), seen.source),
                    locator=seen.at(member),
                    expected=member,
                    actual=None,
                    exchange=seen.exchange,
                )
    return counted(len(known), "deleted")


def check_embedded_modified(run: OParlRun) -> Found:
    """modified of an object is not older than modified of any object embedded in it."""
    compared = 0
    for child in run.crawl.inner:
        parent = child.parent
        if parent is None:
            continue
        mine, theirs = stamp(parent.obj.get("modified")), stamp(child.obj.get("modified"))
        if mine is None or theirs is None:
            continue
        compared += 1
        if mine < theirs:
            message = m("modified-older", parent=parent.kind, child=child.kind)
            yield ValueViolation(
                cached(message, parent.source),
                locator=parent.at("modified"),
                expected=f">= {child.obj.get('modified')} ({child.pointer})",
                actual=parent.obj.get("modified"),
                exchange=parent.exchange,
            )
    if not compared and run.crawl.objects:
        raise NotApplicable(m("reason.no-embedded-modified"))
    return counted(compared, "embedded-modified")


def _lookups(run: OParlRun) -> list[tuple[Seen, Walk]]:
    def compute() -> list[tuple[Seen, Walk]]:
        lists = {w.kind: w for w in run.crawl.list_walks()}
        jobs: list[tuple[Seen, Walk]] = []
        for seen in deleted_objects(run):
            since = stamp(seen.obj.get("modified"))
            if seen.kind in lists and since is not None and len([j for j in jobs if j[0].kind == seen.kind]) < 3:
                jobs.append((seen, lists[seen.kind]))
        return run.fetcher.map(lambda job: (job[0], _lookup(run, *job)), jobs)

    return run.probe("deleted-lookup", compute)


def _lookup(run: OParlRun, seen: Seen, full: Walk) -> Walk:
    since = (stamp(seen.obj.get("modified")) or dt.datetime.now(dt.UTC)) - dt.timedelta(seconds=1)
    return walk(
        run.fetcher,
        full.name,
        full.kind,
        full.url,
        run.options.filter_pages * 2,
        params={"modified_since": since.isoformat()},
    )


def check_deleted_with_modified_since(run: OParlRun) -> Found:
    """A deleted object appears in its list when modified_since is just before its deletion."""
    lookups = _lookups(run)
    if not lookups:
        raise unverified(run, listed=True)
    open_ends = [(s, f) for s, f in lookups if s.id not in {i.id for i in f.items} and not f.complete]
    if len(open_ends) == len(lookups):
        raise Skipped(m("reason.lookups-open", count=len(lookups), pages=run.options.filter_pages * 2))
    for seen, found in lookups:
        if seen.id in {i.id for i in found.items} or not found.complete:
            continue
        first = found.pages[0].fetched
        yield MissingMember(
            cached(m("deleted-missing", kind=seen.kind, id=seen.id), first),
            locator=Locator(where=first.url, pointer="/data"),
            expected=seen.id,
            actual=m("phrase.objects", count=len(found.items)),
            exchange=first.exchange,
        )
    return counted(len(lookups) - len(open_ends), "lookups")


def check_deleted_hidden(run: OParlRun) -> Found:
    """Lists walked without modified_since hold no deleted object (judged only once a deleted object is known)."""
    if not deleted_objects(run):
        raise unverified(run)
    items = [i for w in run.crawl.walks for i in w.items]
    for item in items:
        if item.deleted:
            yield ValueViolation(
                cached(m("deleted-listed", kind=item.kind), item.source),
                locator=item.at("deleted"),
                expected=m("phrase.no-deleted"),
                actual=True,
                exchange=item.exchange,
            )
    return counted(len(items), "listed-objects")
