"""Referential integrity and consistency: ids, retrievability, references, back references, dates, licence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from conformance.core.evidence import (
    LinkViolation,
    Locator,
    MissingMember,
    NotApplicable,
    StatusViolation,
    ValueViolation,
    Violation,
)
from conformance.suites.oparl.facts import BACKREFERENCES, DATE_PAIRS
from conformance.suites.oparl.objectlists import object_lists
from conformance.suites.oparl.objects import Reference, Seen
from conformance.suites.oparl.run import OParlRun
from conformance.suites.oparl.samples import Sample, by_id, embedded_by_id, reference_index, typed_objects


def _sample_violations(samples: list[Sample], what: str) -> Iterator[Violation]:
    for sample in samples:
        fetched, seen = sample.fetched, sample.seen
        if fetched.skipped or fetched.failure:
            continue
        if fetched.obj is None:
            yield StatusViolation(f"the {what} {seen.kind} is not retrievable under its id (HTTP {fetched.status})"
                                  f"{fetched.note()}", locator=seen.at("id"), expected="200 with the object",
                                  actual=fetched.status, exchange=fetched.exchange)
        elif fetched.obj.get("id") != seen.id:
            yield ValueViolation(f"fetched by its id, the {seen.kind} carries another id{fetched.note()}",
                                 locator=Locator(where=fetched.url, pointer="/id"), expected=seen.id,
                                 actual=fetched.obj.get("id"), exchange=fetched.exchange)


def check_id_consistent(run: OParlRun) -> Iterator[Violation]:
    """Listed objects fetched by their id answer with the same id."""
    samples = by_id(run)
    if not samples:
        raise NotApplicable("no listed object with an id was met")
    yield from _sample_violations(samples, "listed")


def check_embedded_retrievable(run: OParlRun) -> Iterator[Violation]:
    """Embedded objects are retrievable under their id, with that id."""
    samples = embedded_by_id(run)
    if not samples:
        raise NotApplicable("no embedded object with an id was met")
    yield from _sample_violations(samples, "embedded")


def check_references_resolve(run: OParlRun) -> Iterator[Violation]:
    """Every referenced URL not met in the crawl answers HTTP 200 with a JSON object, every list URL written in an
    object a list page (both sampled)."""
    index, lists = reference_index(run), object_lists(run)
    if not index.refs and not lists:
        raise NotApplicable("no object references another one or links a list")
    for item in lists:
        page = item.walk.pages[0].fetched
        if not (page.skipped or page.failure or item.answered):
            yield LinkViolation(f"{item.prop} of the {item.source.kind} references the list {page.url}, which gives "
                                f"no list page (HTTP {page.status}){page.note()}", locator=item.source.at(item.prop),
                                expected="a list page (data, pagination, links)", actual=page.status,
                                exchange=page.exchange)
    first: dict[str, Reference] = {}
    for ref in index.refs:
        first.setdefault(ref.url, ref)
    for url, fetched in index.fetched.items():
        if not (fetched.skipped or fetched.failure) and fetched.obj is None:
            yield LinkViolation(f"{first[url].prop} references {url}, which answers HTTP {fetched.status}"
                                f"{fetched.note()}", locator=first[url].at(), expected="a retrievable object",
                                actual=fetched.status, exchange=fetched.exchange)


def check_references_listed(run: OParlRun) -> Iterator[Violation]:
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
        yield MissingMember(f"{ref.url} exists but is missing from the {ref.kind} list", locator=ref.at(),
                            expected=f"listed in the {ref.kind} list", actual="not listed",
                            exchange=ref.source.exchange)
    for seen in {s.id: s for s in run.crawl.inner if s.kind in listed and s.id and not s.deleted}.values():
        checked += 1
        if seen.id not in complete[seen.kind]:
            yield MissingMember(f"the embedded {seen.kind} {seen.id} is missing from the {seen.kind} list"
                                f"{seen.source.note()}", locator=seen.at("id"), expected="listed", actual="not listed",
                                exchange=seen.exchange)
    if not checked:
        raise NotApplicable("no referenced or embedded object of a completely walked list type was met")


def check_reference_types(run: OParlRun) -> Iterator[Violation]:
    """A reference to a type points at an object of that type."""
    index = reference_index(run)
    for ref in index.refs:
        target = index.known.get(ref.url)
        actual = target.kind if target is not None else _fetched_type(run, index.fetched.get(ref.url))
        if actual is not None and actual != ref.kind:
            yield LinkViolation(f"{ref.prop} must reference a {ref.kind}, but {ref.url} is a {actual}"
                                f"{ref.source.source.note()}", locator=ref.at(), expected=ref.kind, actual=actual,
                                exchange=ref.source.exchange)


def _fetched_type(run: OParlRun, fetched: object) -> str | None:
    obj = getattr(fetched, "obj", None)
    return run.version.type_name(obj.get("type")) if isinstance(obj, dict) else None


def _individual(run: OParlRun) -> list[Seen]:
    fetched = [s.fetched_seen for s in by_id(run) + embedded_by_id(run)]
    listed = [s for s in run.crawl.top if s.origin == "list"]
    return listed + [s for s in fetched if s is not None]


def check_backreferences(run: OParlRun) -> Iterator[Violation]:
    """LegislativeTerm, Membership, AgendaItem and Consultation output on their own carry their back reference."""
    checked = [s for s in _individual(run) if s.kind in BACKREFERENCES and not s.deleted]
    if not checked:
        raise NotApplicable("no LegislativeTerm, Membership, AgendaItem or Consultation was output on its own")
    for seen in checked:
        prop = BACKREFERENCES[seen.kind]
        if not seen.obj.get(prop):
            yield MissingMember(f"the {seen.kind} output on its own lacks its back reference {prop}"
                                f"{seen.source.note()}", locator=seen.at(prop), expected=prop, actual=None,
                                exchange=seen.exchange)


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


def check_date_order(run: OParlRun) -> Iterator[Violation]:
    """startDate/start is not after endDate/end."""
    for seen in typed_objects(run):
        begin_key, end_key = DATE_PAIRS.get(seen.kind, ("", ""))
        if _reversed(_moment(seen.obj.get(begin_key)), _moment(seen.obj.get(end_key))):
            yield ValueViolation(f"{seen.kind} ends before it begins{seen.source.note()}", locator=seen.at(end_key),
                                 expected=f">= {seen.obj.get(begin_key)}", actual=seen.obj.get(end_key),
                                 exchange=seen.exchange)


def check_license(run: OParlRun) -> Iterator[Violation]:
    """The System (or every Body) names a licence."""
    system = run.crawl.system.obj or {}
    if system.get("license") or (run.crawl.bodies and all(b.obj.get("license") for b in run.crawl.bodies)):
        return
    yield MissingMember(f"neither the System nor every Body names a license{run.crawl.system.note()}",
                        locator=run.crawl.top[0].at("license"), expected="license", actual=None,
                        exchange=run.crawl.system.exchange)
