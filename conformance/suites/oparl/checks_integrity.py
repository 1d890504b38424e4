"""Referential integrity and consistency: ids, retrievability, references, back references, dates, licence."""

from __future__ import annotations

import datetime as dt

from conformance.core.evidence import (
    LinkViolation,
    Locator,
    MissingMember,
    NotApplicable,
    StatusViolation,
    ValueViolation,
)
from conformance.core.judgement import Examined
from conformance.suites.oparl.checks_json import objects_examined
from conformance.suites.oparl.facts import BACKREFERENCES, DATE_PAIRS
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objectlists import object_lists
from conformance.suites.oparl.objects import Reference, Seen
from conformance.suites.oparl.run import Found, OParlRun, cached, counted
from conformance.suites.oparl.samples import Sample, by_id, embedded_by_id, reference_index, typed_objects


def _sample_violations(samples: list[Sample], what: str) -> Found:
    answered = [s for s in samples if not (s.fetched.skipped or s.fetched.failure)]
    for sample in answered:
        fetched, seen = sample.fetched, sample.seen
        if fetched.obj is None:
            yield StatusViolation(
                cached(m(f"{what}-not-retrievable", kind=seen.kind, status=fetched.status), fetched),
                locator=seen.at("id"),
                expected=m("phrase.200-with-object"),
                actual=fetched.status,
                exchange=fetched.exchange,
            )
        elif fetched.obj.get("id") != seen.id:
            yield ValueViolation(
                cached(m("other-id", kind=seen.kind), fetched),
                locator=Locator(where=fetched.url, pointer="/id"),
                expected=seen.id,
                actual=fetched.obj.get("id"),
                exchange=fetched.exchange,
            )
    return counted(len(answered), f"{what}-by-id")


def check_id_consistent(run: OParlRun) -> Found:
    """Listed objects fetched by their id answer with the same id."""
    samples = by_id(run)
    if not samples:
        raise NotApplicable(m("reason.no-listed-id"))
    return _sample_violations(samples, "listed")


def check_embedded_retrievable(run: OParlRun) -> Found:
    """Embedded objects are retrievable under their id, with that id."""
    samples = embedded_by_id(run)
    if not samples:
        raise NotApplicable(m("reason.no-embedded-id"))
    return _sample_violations(samples, "embedded")


def check_references_resolve(run: OParlRun) -> Found:
    """Every referenced URL not met in the crawl answers HTTP 200 with a JSON object, every list URL written in an
    object a list page (both sampled)."""
    index, lists = reference_index(run), object_lists(run)
    if not index.refs and not lists:
        raise NotApplicable(m("reason.no-references"))
    for item in lists:
        page = item.walk.pages[0].fetched
        if not (page.skipped or page.failure or item.answered):
            message = m("no-list-page", prop=item.prop, kind=item.source.kind, url=page.url, status=page.status)
            yield LinkViolation(
                cached(message, page),
                locator=item.source.at(item.prop),
                expected=m("phrase.a-list-page"),
                actual=page.status,
                exchange=page.exchange,
            )
    first: dict[str, Reference] = {}
    for ref in index.refs:
        first.setdefault(ref.url, ref)
    for url, fetched in index.fetched.items():
        if not (fetched.skipped or fetched.failure) and fetched.obj is None:
            message = m("unresolved", prop=first[url].prop, url=url, status=fetched.status)
            yield LinkViolation(
                cached(message, fetched),
                locator=first[url].at(),
                expected=m("phrase.retrievable-object"),
                actual=fetched.status,
                exchange=fetched.exchange,
            )
    return counted(len(first), "references"), counted(len(lists), "object-lists")


def check_references_listed(run: OParlRun) -> Found:
    """Referenced and embedded objects of a type with an external list appear in that list."""
    complete = {w.kind: {i.id for i in w.items} for w in run.crawl.walks if w.complete}
    listed = {k for k in complete if k in run.version.listed_types}
    index = reference_index(run)
    checked = 0
    for ref in {r.url: r for r in index.refs if r.kind in listed}.values():
        target = index.known.get(ref.url)
        obj = target.obj if target is not None else getattr(index.fetched.get(ref.url), "obj", None)
        if obj is not None and run.version.type_name(obj.get("type")) != ref.kind:
            continue
        if ref.url in complete[ref.kind] or obj is None or obj.get("deleted") is True:
            checked += ref.url in complete[ref.kind]
            continue
        checked += 1
        yield MissingMember(
            m("not-listed", url=ref.url, kind=ref.kind),
            locator=ref.at(),
            expected=m("phrase.listed-in", kind=ref.kind),
            actual=m("phrase.not-listed"),
            exchange=ref.source.exchange,
        )
    for seen in {s.id: s for s in run.crawl.inner if s.kind in listed and s.id and not s.deleted}.values():
        checked += 1
        if seen.id not in complete[seen.kind]:
            yield MissingMember(
                cached(m("embedded-not-listed", kind=seen.kind, id=seen.id), seen.source),
                locator=seen.at("id"),
                expected=m("phrase.listed"),
                actual=m("phrase.not-listed"),
                exchange=seen.exchange,
            )
    if not checked:
        raise NotApplicable(m("reason.nothing-listed"))
    return counted(checked, "against-lists")


def check_reference_types(run: OParlRun) -> Found:
    """A reference to a type points at an object of that type."""
    index = reference_index(run)
    typed = 0
    for ref in index.refs:
        target = index.known.get(ref.url)
        actual = target.kind if target is not None else _fetched_type(run, index.fetched.get(ref.url))
        typed += actual is not None
        if actual is not None and actual != ref.kind:
            message = m("wrong-type", prop=ref.prop, kind=ref.kind, url=ref.url, actual=actual)
            yield LinkViolation(
                cached(message, ref.source.source),
                locator=ref.at(),
                expected=ref.kind,
                actual=actual,
                exchange=ref.source.exchange,
            )
    return counted(typed, "typed-references")


def _fetched_type(run: OParlRun, fetched: object) -> str | None:
    obj = getattr(fetched, "obj", None)
    return run.version.type_name(obj.get("type")) if isinstance(obj, dict) else None


def _individual(run: OParlRun) -> list[Seen]:
    fetched = [s.fetched_seen for s in by_id(run) + embedded_by_id(run)]
    listed = [s for s in run.crawl.top if s.origin == "list"]
    return listed + [s for s in fetched if s is not None]


def check_backreferences(run: OParlRun) -> Found:
    """LegislativeTerm, Membership, AgendaItem and Consultation output on their own carry their back reference."""
    checked = [s for s in _individual(run) if s.kind in BACKREFERENCES and not s.deleted]
    if not checked:
        raise NotApplicable(m("reason.no-own-output"))
    for seen in checked:
        prop = BACKREFERENCES[seen.kind]
        if not seen.obj.get(prop):
            yield MissingMember(
                cached(m("no-backreference", kind=seen.kind, prop=prop), seen.source),
                locator=seen.at(prop),
                expected=prop,
                actual=None,
                exchange=seen.exchange,
            )
    return objects_examined(checked)


def _moment(value: object) -> dt.date | dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
    except ValueError:
        return None


def _reversed(begin: dt.date | dt.datetime | None, end: dt.date | dt.datetime | None) -> bool:
    if isinstance(begin, dt.datetime) and isinstance(end, dt.datetime):
        return (begin.tzinfo is None) == (end.tzinfo is None) and begin > end
    if isinstance(begin, dt.datetime) or isinstance(end, dt.datetime) or begin is None or end is None:
        return False
    return begin > end


def check_date_order(run: OParlRun) -> Found:
    """startDate/start is not after endDate/end."""
    objects = typed_objects(run)
    dated = [s for s in objects if _dated(s)]
    if objects and not dated:
        raise NotApplicable(m("reason.no-dated"))
    for seen in dated:
        begin_key, end_key = DATE_PAIRS[seen.kind]
        if _reversed(_moment(seen.obj.get(begin_key)), _moment(seen.obj.get(end_key))):
            yield ValueViolation(
                cached(m("ends-before", kind=seen.kind), seen.source),
                locator=seen.at(end_key),
                expected=f">= {seen.obj.get(begin_key)}",
                actual=seen.obj.get(end_key),
                exchange=seen.exchange,
            )
    return dated_examined(dated)


def _dated(seen: Seen) -> bool:
    """Both dates given and comparable (both dates, or both date-times with or both without a time zone)."""
    keys = DATE_PAIRS.get(seen.kind)
    if keys is None:
        return False
    begin, end = (_moment(seen.obj.get(k)) for k in keys)
    if begin is None or end is None or type(begin) is not type(end):
        return False
    if isinstance(begin, dt.datetime) and isinstance(end, dt.datetime):
        return (begin.tzinfo is None) == (end.tzinfo is None)
    return True


def dated_examined(dated: list[Seen]) -> Examined:
    """Objects with both a begin and an end, and of how many types."""
    return counted(len(dated), "dated-objects", types=len({s.kind for s in dated}))


def check_license(run: OParlRun) -> Found:
    """The System (or every Body) names a licence."""
    system = run.crawl.system.obj or {}
    judged = counted(1 + len(run.crawl.bodies), "system-and-bodies")
    if system.get("license") or (run.crawl.bodies and all(b.obj.get("license") for b in run.crawl.bodies)):
        return judged
    yield MissingMember(
        cached(m("no-license"), run.crawl.system),
        locator=run.crawl.top[0].at("license"),
        expected="license",
        actual=None,
        exchange=run.crawl.system.exchange,
    )
    return judged
